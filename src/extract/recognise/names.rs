//! Names as written: markup removed, NFKC, PDF letter-spacing undone, list markers trimmed,
//! and loose keys and bigram overlap for comparing two spellings of one name.

use crate::graph::model::NodeType;
use crate::normalize::{for_matching, nfkc};
use regex::Regex;
use std::sync::LazyLock;

/// Endings of a quoted strategy or plan's name (a version such as `2030` or `1.0` may follow).
const QUOTED_STRATEGY_ENDINGS: &str = "計画|戦略|プラン|ロードマップ|方針|構想|骨子|推進方策|事項|ビジョン|大綱|パッケージ|宣言|声明|コミュニケ|取りまとめ|とりまとめ|ガイドライン|指針|モデル集";
/// Endings of a quoted law or policy framework's name.
const QUOTED_POLICY_ENDINGS: &str = "法|事例集|在り方|イニシアティブ|プロセス|方向性";
/// Endings of a quoted body's name.
const QUOTED_BODY_ENDINGS: &str = "検討会|研究会|委員会|協議会|審議会|懇談会|会議|作業班";
/// Endings of a quoted program's name.
const QUOTED_PROGRAM_ENDINGS: &str =
    "調査|事業|プロジェクト|プログラム|サービス|カレッジ|サイト|システム|統計";

/// A name written in 「」 (2–80 chars, no bracket inside): group 1 is the name. Every reader
/// that reads quoted names shares it.
pub static QUOTED_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"「([^「」]{2,80})」").expect("quoted name"));

/// A name found in text, with its byte span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameMatch {
    /// The name as written.
    pub name: String,
    /// Byte offset of the name.
    pub start: usize,
    /// Byte offset just past the name.
    pub end: usize,
}

impl NameMatch {
    /// The name a regex match spans.
    pub fn of(found: regex::Match<'_>) -> NameMatch {
        NameMatch {
            name: found.as_str().to_string(),
            start: found.start(),
            end: found.end(),
        }
    }
}

/// Every capture `group` of `pattern` in `text`, as names.
pub fn captured_names(pattern: &Regex, group: usize, text: &str) -> Vec<NameMatch> {
    pattern
        .captures_iter(text)
        .filter_map(|caps| caps.get(group).map(NameMatch::of))
        .collect()
}

/// A policy named with a version (`地方創生2.0`).
static VERSIONED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\D[0-9]+\.[0-9]+$").expect("versioned name"));

static QUOTED_TYPES: LazyLock<[(Regex, NodeType); 4]> = LazyLock::new(|| {
    let ending = |words: &str| {
        Regex::new(&format!(r"(?:{words})\s*(?:[0-9]+(?:\.[0-9]+)*)?$")).expect("quoted ending")
    };
    [
        (ending(QUOTED_STRATEGY_ENDINGS), NodeType::Strategy),
        (ending(QUOTED_BODY_ENDINGS), NodeType::Agency),
        (ending(QUOTED_POLICY_ENDINGS), NodeType::Policy),
        (ending(QUOTED_PROGRAM_ENDINGS), NodeType::Program),
    ]
});

/// What a quoted name is, by its ending: a strategy or plan, a body, a law or policy
/// framework, a program (also a latin acronym or a name marked `(仮称)`), or nothing to
/// extract. A parenthesised note at the end (`…計画（改定）`) is looked past.
pub fn quoted_name_type(name: &str) -> Option<NodeType> {
    let name = nfkc(name.trim_end_matches(['*']).trim());
    let base = match name.strip_suffix(')').and_then(|bare| bare.rfind('(')) {
        Some(at) => name[..at].trim(),
        None => name.as_str(),
    };
    if base.chars().count() < 3 {
        return None;
    }
    if base.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
        return Some(NodeType::Program);
    }
    QUOTED_TYPES
        .iter()
        .find(|(ending, _)| ending.is_match(base))
        .map(|(_, node_type)| *node_type)
        .or_else(|| VERSIONED.is_match(base).then_some(NodeType::Policy))
        .or_else(|| name.contains("(仮称)").then_some(NodeType::Program))
}

static CITATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[^「」『』]{1,60}[「『][^「」『』]+[」』]\s*(?:[（(][^（）()]*[）)])?\s*$")
        .expect("citation pattern")
});

/// Whether a numbered line is a note rather than an item: a web address, a pointer
/// elsewhere (`…を参照`), or a source cited as author and quoted title
/// (`総務省（2020）「…に関する調査研究」`).
pub fn is_reference_note(text: &str) -> bool {
    let text = text.trim();
    text.contains("://")
        || text.contains("www.")
        || text.ends_with("参照")
        || text.ends_with("参照のこと")
        || CITATION.is_match(text)
}

static TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"<[^<>]*>").expect("tag pattern"));

/// A Markdown link or image: group 1 is its text (`[文字情報基盤](用語.md#…)`).
static MARKDOWN_LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r#"!?\[([^\[\]]*)\]\([^()\s]*(?:\s+"[^"]*")?\)"#).expect("markdown link")
});

/// A Markdown footnote's reference after the text it notes (`912g[^1]`): group 1 is the
/// char before it. A footnote's own line (`[^1]: …`) opens with its label, noting nothing.
static MARKDOWN_FOOTNOTE_REF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\S)\[\^[^\[\]\s]+\]").expect("markdown footnote reference"));

/// Removes HTML tags (each becomes a space), Markdown links' targets (their text stays),
/// Markdown footnotes' references and Markdown bold markers.
pub fn strip_markup(text: &str) -> String {
    let untagged = TAG.replace_all(text, " ");
    let unlinked = if untagged.contains("](") {
        MARKDOWN_LINK.replace_all(&untagged, "$1").into_owned()
    } else {
        untagged.into_owned()
    };
    let unnoted = if unlinked.contains("[^") {
        MARKDOWN_FOOTNOTE_REF
            .replace_all(&unlinked, "$1")
            .into_owned()
    } else {
        unlinked
    };
    unnoted.replace("**", "")
}

/// A display name: markup removed, NFKC, PDF letter-spacing undone, spaces collapsed, list
/// markers trimmed. Spaces survive only between two ASCII words (`Beyond 5G`).
pub fn clean_name(raw: &str) -> String {
    let text = nfkc(&strip_markup(raw));
    let chars: Vec<char> = without_description(without_leading_note_mark(&text))
        .chars()
        .collect();
    let is_word = |c: Option<&char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let lone = |i: usize| -> bool {
        !is_word(i.checked_sub(1).and_then(|j| chars.get(j))) && !is_word(chars.get(i + 1))
    };
    let mut out = String::with_capacity(text.len());
    let mut index = 0;
    while index < chars.len() {
        let ch = chars[index];
        if !ch.is_whitespace() {
            out.push(ch);
            index += 1;
            continue;
        }
        let run_start = index;
        while index < chars.len() && chars[index].is_whitespace() {
            index += 1;
        }
        let (Some(prev), Some(next)) = (run_start.checked_sub(1), chars.get(index)) else {
            continue;
        };
        let both_words = chars[prev].is_ascii_alphanumeric() && next.is_ascii_alphanumeric();
        let spaced_letters =
            run_start - prev == 1 && index - run_start == 1 && lone(prev) && lone(index);
        if both_words && !spaced_letters {
            out.push(' ');
        }
    }
    without_note_mark(trim_markers(without_continuation(without_note_label(
        without_link_notes(without_leader(&out)),
    ))))
    .to_string()
}

/// Fewest chars of a description after a name that a cell sets on the same line.
const MIN_DESCRIPTION_CHARS: usize = 10;

/// Fewest chars of a name a description follows.
const MIN_DESCRIPTION_NAME_CHARS: usize = 4;

/// A name without the sentences describing it that a cell sets after it, one space apart
/// (`こども医療費助成事業 通院医療費の助成対象を…拡大します。`, a name over its description in
/// smaller type, its line break read as a space): a name ending in no kana, then a
/// description ending in a full stop. (A speaker's line in minutes, `○市長　初めに、…`, is
/// no name and its description: the speaker's title is shorter than a name.)
fn without_description(text: &str) -> &str {
    let Some((name, description)) = text.split_once(' ') else {
        return text;
    };
    let description = description.trim();
    let is_description = description.ends_with('。')
        && description.chars().count() >= MIN_DESCRIPTION_CHARS
        && !name.contains(['。', '、'])
        && name.chars().count() >= MIN_DESCRIPTION_NAME_CHARS
        && name.chars().last().is_some_and(|c| !is_hiragana(c));
    if is_description { name } else { text }
}

/// A file's type and size noted after a link's text (`[PDF形式:2.4MB]`, `(PDF:245KB)`, after
/// NFKC), at the end of a name.
static FILE_NOTE_AT_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\s*[\[(](?:pdf|excel|word|csv|zip|xlsx?|docx?)[^\[\]()]*[\])]\s*$")
        .expect("file note")
});

/// A link's text without the notes a page writes after it: the file's type and size, and
/// then a parenthesis of the figures the file gives (`令和8年度…概算要求の概要(要求額656億
/// 1,200万円)[PDF形式:2.4MB]` → `令和8年度…概算要求の概要`). As it is without a file note.
fn without_link_notes(name: &str) -> &str {
    let Some(note) = FILE_NOTE_AT_END.find(name).filter(|m| m.start() > 0) else {
        return name;
    };
    let text = name[..note.start()].trim_end();
    let figures_noted = text
        .strip_suffix(')')
        .and_then(|inner| inner.rfind('(').map(|open| (open, &inner[open + 1..])))
        .filter(|(open, inner)| *open > 0 && !crate::money::find_amounts(inner).is_empty());
    match figures_noted {
        Some((open, _)) => text[..open].trim_end(),
        None => text,
    }
}

/// A name without the label of the note it stands in (`(注2)朱鷺浦港…` → `朱鷺浦港…`,
/// after NFKC folding).
fn without_note_label(name: &str) -> &str {
    let Some(rest) = name.strip_prefix("(注") else {
        return name;
    };
    let digits = rest.trim_start_matches(|c: char| c.is_ascii_digit());
    match digits.strip_prefix(')') {
        Some(after) if !after.trim().is_empty() => after.trim_start(),
        _ => name,
    }
}

/// A name without the numbered note mark it opens with, set apart from it (`※２ 流域治水の推進`
/// → `流域治水の推進`); as it is when no such mark opens it.
pub fn without_leading_note_mark(name: &str) -> &str {
    let Some(digits) = name.trim_start().strip_prefix('※') else {
        return name;
    };
    let after = digits.trim_start_matches(char::is_numeric);
    let numbered = after.len() < digits.len();
    if numbered && after.starts_with(char::is_whitespace) && !after.trim().is_empty() {
        after.trim_start()
    } else {
        name
    }
}

/// A name without the dot leader that runs from it to its figures (`地域脱炭素推進交付金
/// ……………` → `地域脱炭素推進交付金`); two or more leader dots make a leader.
fn without_leader(name: &str) -> &str {
    let bare = name.trim_end_matches(LEADER_DOTS);
    if name[bare.len()..].chars().count() >= 2 {
        bare.trim_end()
    } else {
        name
    }
}

/// The dots of a leader, as NFKC leaves them (`…` is `...`, `‥` is `..`).
const LEADER_DOTS: [char; 4] = ['.', '・', '·', '･'];

/// The note mark a written name ends with (`流域治水対策の推進※１` → `※1`), if any.
pub fn note_mark(written: &str) -> Option<String> {
    let text = nfkc(written);
    split_note_mark(text.trim_end()).map(|(_, number)| format!("※{number}"))
}

/// A name and the number of the note mark it ends with (`…の推進※1` → `…の推進`, `1`),
/// when it ends with one and has more before it.
fn split_note_mark(name: &str) -> Option<(&str, &str)> {
    let unnumbered = name.trim_end_matches(crate::normalize::is_digit);
    let rest = unnumbered.strip_suffix('※')?;
    (!rest.trim().is_empty()).then(|| (rest.trim_end(), &name[unnumbered.len()..]))
}

/// The note mark a note starts with (`※1　このほか…`), if any.
pub fn leading_note_mark(line: &str) -> Option<String> {
    let text = nfkc(line.trim_start());
    let digits = text.strip_prefix('※')?;
    let number: String = digits.chars().take_while(char::is_ascii_digit).collect();
    let after = digits[number.len()..].chars().next();
    let spaced = after.is_none_or(|c| c.is_whitespace() || matches!(c, ':' | '.' | ')'));
    spaced.then(|| format!("※{number}"))
}

/// A name without the note mark that refers to a footnote (`流域治水対策の推進※1`).
pub fn without_note_mark(name: &str) -> &str {
    split_note_mark(name).map_or(name, |(rest, _)| rest)
}

/// Words a bracketed mark beside an item's name may hold: the item's status in this
/// budget, not part of its name.
const STATUS_WORDS: [&str; 9] = [
    "新規",
    "新",
    "拡充",
    "一部新規",
    "一部拡充",
    "再掲",
    "後掲",
    "組替",
    "特別枠",
];

/// An item's name without the status marks before or after it (`【新規】…`, `…【拡充】`,
/// `（新）…`).
pub fn without_status_marks(name: &str) -> &str {
    let mut name = name.trim();
    loop {
        let next = strip_status_mark(name);
        if next == name {
            return name;
        }
        name = next.trim();
    }
}

/// Most chars of an account's short form set after an item's name (`エネ特`, `復興特会`).
const MAX_ACCOUNT_TAG_CHARS: usize = 4;

/// An item's name without the account it is budgeted in, set a space after it (`地域脱炭素
/// 推進交付金 一般会計`, `…促進事業 エネ特`: an account's name, or a short form ending with
/// 特 or 特会); any other text as it is.
pub fn without_account_tag(text: &str) -> &str {
    let trimmed = text.trim_end();
    let Some((name, tag)) = trimmed.rsplit_once([' ', '\u{3000}']) else {
        return text;
    };
    let tag_chars = tag.chars().count();
    let account = tag.ends_with("会計") && tag_chars > 2 && !tag.contains(['、', '。']);
    let short_form = (2..=MAX_ACCOUNT_TAG_CHARS).contains(&tag_chars)
        && (tag.ends_with('特') || tag.ends_with("特会"))
        && tag.chars().all(char::is_alphabetic);
    if (account || short_form) && !name.trim().is_empty() {
        name.trim_end()
    } else {
        text
    }
}

/// The brackets a status mark stands in (`【新規】`, `（拡充）`).
const STATUS_BRACKETS: [(char, char); 5] = [
    ('【', '】'),
    ('（', '）'),
    ('(', ')'),
    ('［', '］'),
    ('[', ']'),
];

/// A name without the status word a badge sets a space after it (`こども医療費助成事業 拡充`);
/// any other text as it is.
pub fn without_status_badge(text: &str) -> &str {
    match text.rsplit_once([' ', '\u{3000}']) {
        Some((name, badge)) if is_status_word(badge) => name.trim_end(),
        _ => text,
    }
}

/// Whether a cell holds a status word alone, bracketed or not (`【新規】`, `拡充`).
pub fn is_status_word(cell: &str) -> bool {
    STATUS_WORDS.contains(&cell.trim()) || is_status_mark(cell)
}

/// Whether a cell holds a status mark alone (`【新規】`, `（拡充）`), as a table sets it
/// beside an item's name.
pub fn is_status_mark(cell: &str) -> bool {
    let cell = cell.trim();
    STATUS_BRACKETS.iter().any(|(open, close)| {
        cell.strip_prefix(*open)
            .and_then(|rest| rest.strip_suffix(*close))
            .is_some_and(|word| STATUS_WORDS.contains(&word.trim()))
    })
}

/// `text` without one status mark at its start or its end.
fn strip_status_mark(text: &str) -> &str {
    for (open, close) in STATUS_BRACKETS {
        if let Some(rest) = text.strip_prefix(open)
            && let Some(end) = rest.find(close)
            && STATUS_WORDS.contains(&rest[..end].trim())
            && !rest[end + close.len_utf8()..].trim().is_empty()
        {
            return &rest[end + close.len_utf8()..];
        }
        if let Some(rest) = text.strip_suffix(close)
            && let Some(start) = rest.rfind(open)
            && STATUS_WORDS.contains(&rest[start + open.len_utf8()..].trim())
            && start > 0
        {
            return &rest[..start];
        }
    }
    text
}

/// Marks a heading repeated on the next page carries after its name (`清掃費(続き)`, a
/// line printer's `（ｹｲｿﾞｸ）`), in NFKC.
const CONTINUATION_MARKS: [&str; 6] = [
    "(続き)",
    "(つづき)",
    "(続)",
    "(継続)",
    "(ツヅキ)",
    "(ケイゾク)",
];

/// A name without the mark of its heading going on from the page before (`清掃費(続き)` →
/// `清掃費`).
fn without_continuation(text: &str) -> &str {
    let text = text.trim_end();
    CONTINUATION_MARKS
        .iter()
        .find_map(|mark| text.strip_suffix(mark))
        .map_or(text, str::trim_end)
}

/// Stars a list or ledger sets around a name to make it stand out (`＊＊ 歳入合計 ＊＊`).
pub const NAME_STARS: [char; 2] = ['*', '＊'];

/// Trims list markers (`- `, `・`, `－`, `○`), stars set around a name (`＊＊ 歳入合計 ＊＊`)
/// and white space from both ends.
pub fn trim_markers(text: &str) -> &str {
    let mut text = text.trim();
    loop {
        let unstarred = NAME_STARS
            .into_iter()
            .find_map(|star| {
                text.strip_prefix(star)?
                    .strip_suffix(star)
                    .filter(|inner| !inner.is_empty())
            })
            .unwrap_or(text);
        let next = unstarred
            .trim_start_matches(['-', '・', '－', '○', '●', '■', '◆', '※', ' ', '\u{3000}'])
            .trim_end_matches(['・', ' ', '\u{3000}']);
        if next == text {
            return text;
        }
        text = next;
    }
}

/// Whether a char is hiragana, which the particles between names are.
pub fn is_hiragana(c: char) -> bool {
    ('\u{3041}'..='\u{309f}').contains(&c)
}

/// A text with its white space taken out (`要　求　額` → `要求額`, `事 業 名` → `事業名`).
pub fn without_spaces(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

/// A key for comparing names: matching-normalised with everything but letters and digits removed.
pub fn loose_key(text: &str) -> String {
    for_matching(&strip_markup(text))
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// Overlap coefficient of the char bigrams of two loose keys (0.0 ..= 1.0).
pub fn bigram_overlap(a: &str, b: &str) -> f64 {
    let grams = |s: &str| -> Vec<(char, char)> {
        let chars: Vec<char> = loose_key(s).chars().collect();
        let mut grams: Vec<(char, char)> = chars.windows(2).map(|w| (w[0], w[1])).collect();
        grams.sort_unstable();
        grams.dedup();
        grams
    };
    let (ga, gb) = (grams(a), grams(b));
    let smaller = ga.len().min(gb.len());
    if smaller == 0 {
        return 0.0;
    }
    let shared = ga.iter().filter(|g| gb.binary_search(g).is_ok()).count();
    shared as f64 / smaller as f64
}

/// A short name defined for what was just named: `（以下「X」という。）` opening the text.
static ALIAS_DEFINITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*[（(]以下「([^「」]{1,30})」という。?[）)]").expect("alias definition")
});

/// The short name `after` (the text right after a name) defines for it
/// (`（以下「NICT」という。）` → `NICT`).
pub fn alias_defined(after: &str) -> Option<&str> {
    ALIAS_DEFINITION
        .captures(after)
        .and_then(|caps| caps.get(1))
        .map(|m| m.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_account_set_after_an_item_s_name_is_no_part_of_it() {
        assert_eq!(
            without_account_tag("地域脱炭素推進交付金 一般会計"),
            "地域脱炭素推進交付金"
        );
        assert_eq!(
            without_account_tag("商用車の電動化促進事業 エネ特"),
            "商用車の電動化促進事業"
        );
        assert_eq!(without_account_tag("除染等事業　復興特会"), "除染等事業");
        assert_eq!(without_account_tag("一般会計"), "一般会計");
        assert_eq!(without_account_tag("予算の概要 全体"), "予算の概要 全体");
        assert_eq!(without_account_tag("事業 特別"), "事業 特別");
    }

    #[test]
    fn a_markdown_footnote_s_reference_is_no_part_of_the_text() {
        assert_eq!(strip_markup("| 912g[^1] | 850g |"), "| 912g | 850g |");
        assert_eq!(strip_markup("[^1]: 令和2年度の値"), "[^1]: 令和2年度の値");
    }

    #[test]
    fn stars_set_around_a_ledger_s_total_leave_its_name() {
        assert_eq!(trim_markers("＊＊ 歳入合計 ＊＊"), "歳入合計");
        assert_eq!(trim_markers("* 款計 *"), "款計");
        assert_eq!(trim_markers("*1 注記"), "*1 注記");
        assert_eq!(trim_markers("＊"), "＊");
    }

    #[test]
    fn status_marks_leave_names() {
        assert_eq!(
            without_status_marks("【新規】文化財の匠プロジェクト"),
            "文化財の匠プロジェクト"
        );
        assert_eq!(
            without_status_marks("大規模成長投資補助金【拡充】"),
            "大規模成長投資補助金"
        );
        assert_eq!(
            without_status_marks("（新）学校給食費負担軽減事業"),
            "学校給食費負担軽減事業"
        );
        assert_eq!(
            without_status_marks("地域文化財総合活用推進事業（観光拠点化）"),
            "地域文化財総合活用推進事業（観光拠点化）"
        );
        assert_eq!(without_status_marks("【新規】"), "【新規】");
    }

    #[test]
    fn notes_are_not_items() {
        assert!(is_reference_note(
            "https://www.example.go.jp/main/000123.pdf"
        ));
        assert!(is_reference_note("詳細は第2部第5章「政策の動向」を参照"));
        assert!(is_reference_note(
            "某省（2020）「地域の意識に関する調査研究」"
        ));
        assert!(is_reference_note("山田太郎 共著「地域と情報」（地域新書）"));
        assert!(!is_reference_note("地域の「情報化」の推進"));
        assert!(!is_reference_note("データ流通量の爆発的増加"));
    }

    #[test]
    fn markdown_links_keep_their_text() {
        assert_eq!(
            clean_name("調達における[文字情報基盤](用語.md#文字情報基盤)参照割合"),
            "調達における文字情報基盤参照割合"
        );
        assert_eq!(
            strip_markup("**[API](https://example.jp \"t\")** 数"),
            "API 数"
        );
        assert_eq!(strip_markup("配列[0](注)"), "配列0");
    }

    #[test]
    fn quoted_names_are_typed_by_their_ending() {
        let typed = |name: &str| quoted_name_type(name);
        assert_eq!(typed("地域整備計画2040"), Some(NodeType::Strategy));
        assert_eq!(
            typed("テスト運用ガイドライン（改定）"),
            Some(NodeType::Strategy)
        );
        assert_eq!(typed("テスト振興法"), Some(NodeType::Policy));
        assert_eq!(typed("地域再生3.0"), Some(NodeType::Policy));
        assert_eq!(typed("交通安全に関する検討会"), Some(NodeType::Agency));
        assert_eq!(typed("地域実証事業"), Some(NodeType::Program));
        assert_eq!(typed("ABC-2"), Some(NodeType::Program));
        assert_eq!(
            typed("新サービス基盤（仮称）の整備"),
            Some(NodeType::Program)
        );
        assert_eq!(typed("安全・安心"), None);
        assert_eq!(typed("法"), None);
    }

    #[test]
    fn a_note_mark_after_a_name_is_not_part_of_it() {
        assert_eq!(clean_name("流域治水対策の推進※１"), "流域治水対策の推進");
        assert_eq!(
            clean_name("衛星コンステレーション ※"),
            "衛星コンステレーション"
        );
    }

    #[test]
    fn clean_name_drops_a_link_s_file_note_and_the_figures_it_notes() {
        assert_eq!(
            clean_name(
                "令和８年度 気象庁関係予算概算要求の概要（要求額 656億1,200万円） [PDF形式：2.4MB]"
            ),
            "令和8年度気象庁関係予算概算要求の概要"
        );
        assert_eq!(clean_name("主要事項（PDF：245KB）"), "主要事項");
        assert_eq!(clean_name("港湾（第2期）整備事業"), "港湾(第2期)整備事業");
    }

    #[test]
    fn clean_name_drops_the_description_a_cell_sets_after_the_name() {
        assert_eq!(
            clean_name("創業支援補助金 市内で創業する方に対し、上限100万円を補助します。"),
            "創業支援補助金"
        );
        // A name of words a space apart, and a sentence of its own, stay whole.
        assert_eq!(clean_name("GIGA スクール構想"), "GIGAスクール構想");
        assert_eq!(
            clean_name("市内で創業する方に 上限100万円を補助します。"),
            "市内で創業する方に上限100万円を補助します。"
        );
    }

    #[test]
    fn clean_name_drops_the_label_of_the_note_the_name_stands_in() {
        assert_eq!(clean_name("（注２）港湾耐震化事業"), "港湾耐震化事業");
        assert_eq!(clean_name("(注)港湾耐震化事業"), "港湾耐震化事業");
        assert_eq!(clean_name("(注2)"), "(注2)");
        assert_eq!(clean_name("※２ 流域治水の推進"), "流域治水の推進");
    }

    #[test]
    fn clean_name_undoes_letter_spacing() {
        assert_eq!(
            clean_name("データセンター等におけるA P Nの整備"),
            "データセンター等におけるAPNの整備"
        );
        assert_eq!(
            clean_name("デジタルインフラ整備計画 2 0 3 0"),
            "デジタルインフラ整備計画2030"
        );
        assert_eq!(
            clean_name("革新的情報通信技術 (Beyond 5G (6G)) 基金事業"),
            "革新的情報通信技術(Beyond 5G(6G))基金事業"
        );
        assert_eq!(clean_name("<p>・エッジ AI の普及</p>"), "エッジAIの普及");
        assert_eq!(clean_name("I o T 機器"), "IoT機器");
    }

    #[test]
    fn an_alias_defined_right_after_a_name() {
        assert_eq!(alias_defined("（以下「NICT」という。）が"), Some("NICT"));
        assert_eq!(alias_defined(" (以下「機構」という)"), Some("機構"));
        assert_eq!(alias_defined("が「NICT」を運営"), None);
    }
}
