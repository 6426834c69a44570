//! Numbering grammars: which line opens a heading or a numbered item, in which style, with
//! the title after its number, and how deep it sits among the styles seen so far.

use regex::Regex;
use std::sync::LazyLock;

/// The numbering style of a heading or item. Items of one style are siblings; a style not
/// seen above opens a deeper level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Style {
    /// A Markdown (or HTML-derived) `#` heading of that level.
    Markdown(u8),
    /// 第1章 / 第2部 / 第3節 / ２款 / １項 (the unit char) or a bare 第1 (`' '`).
    Dai(char),
    /// Ⅰ / Ⅱ / I.
    Roman,
    /// 一 / 二、/ 十一． (kanji numerals without 第).
    Kanji,
    /// 4.8.7 / 1-2: a number of that many parts.
    Dotted(u8),
    /// 【1】 / 【No.2-1】 / 〔３〕: a number in lenticular or tortoise-shell brackets, of that
    /// many parts.
    Bracketed(u8),
    /// 1. / １． / 1) / 1 followed by a space.
    Digit,
    /// (1) / （１）.
    Paren,
    /// (a) / (ア) / ア． / ア　(a kana alone before a space).
    Letter,
    /// ① ② …
    Circled,
    /// ■ □ ◆ ◇ ▼ ▶: one style per mark (▽ is ▼, ► is ▶), so `◇` items stand under a `■`
    /// heading.
    Square(char),
    /// ○ ◎ ● 〇.
    Circle,
    /// ・ - * • －.
    Bullet,
}

impl Style {
    /// Whether the style marks a list entry rather than a numbered heading or item.
    pub fn is_bullet(self) -> bool {
        matches!(self, Style::Bullet)
    }
}

/// A numbered line: its style and the title after the number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Numbered<'a> {
    /// Numbering style.
    pub style: Style,
    /// The text after the number (inner numbering of a Markdown heading removed).
    pub title: &'a str,
    /// Byte offset of `title` in the line.
    pub title_start: usize,
    /// The number as written, with what closes it (`１．`, `（２）`, `Ⅳ `, `(b)`).
    pub marker: &'a str,
}

impl Numbered<'_> {
    /// The number's value (`３．` → 3, `Ⅳ` → 4, `（12）` → 12, `(b)` → 2, `⑤` → 5), when it
    /// is a digit, Roman numeral, circled number or Latin letter.
    pub fn value(&self) -> Option<u32> {
        let folded = crate::normalize::nfkc(self.marker);
        let core: String = folded
            .chars()
            .filter(|c| c.is_ascii_alphanumeric())
            .collect();
        if let Ok(number) = core.parse() {
            return Some(number);
        }
        match self.style {
            Style::Roman => roman_value(&core),
            Style::Letter => match core.as_bytes() {
                [letter @ b'a'..=b'z'] => Some(u32::from(letter - b'a') + 1),
                _ => None,
            },
            _ => None,
        }
    }

    /// Whether the number is closed by a full stop (`1.`, `１．`).
    pub fn ends_with_stop(&self) -> bool {
        self.marker.trim_end().ends_with(['.', '．'])
    }

    /// Whether the number is a Latin letter (`(a)`), not a kana one (`(ア)`).
    pub fn is_latin_letter(&self) -> bool {
        self.style == Style::Letter && self.marker.chars().any(|c| c.is_ascii_lowercase())
    }
}

/// The value of a Roman numeral up to 39 (`IV` → 4, `Ⅹ` → 10).
pub fn roman_value(numeral: &str) -> Option<u32> {
    let mut total = 0;
    let mut previous = 0;
    for c in crate::normalize::nfkc(numeral).chars().rev() {
        let value = match c {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            _ => return None,
        };
        if value < previous {
            total -= value;
        } else {
            total += value;
            previous = value;
        }
    }
    (total > 0).then_some(total)
}

const SEP: &str = r"[\s\u{3000}.．、:：]";

static MARKDOWN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(#{1,6})\s+(\S.*?)\s*#*\s*$").expect("markdown heading"));

static PATTERNS: LazyLock<Vec<(Style, Regex)>> = LazyLock::new(|| {
    let digits = "[0-9０-９]";
    let build = |style: Style, pattern: String| (style, Regex::new(&pattern).expect("numbering"));
    vec![
        build(
            Style::Dai(' '),
            format!(
                r"^\s*第\s*(?:{digits}+|[一二三四五六七八九十]+)\s*(?:([章部節款項編])\s*{SEP}*|{SEP}+)(\S.*)$"
            ),
        ),
        // Budget accounts without 第: ２款　総務費 / １項　総務管理費 / ３目 / ２節.
        build(
            Style::Dai(' '),
            format!(r"^\s*{digits}{{1,3}}\s*([款項目節])[\s\u{{3000}}]+(\S.*)$"),
        ),
        // The level's word before its number: 款　４　衛生費 / 項　１　保健衛生費.
        build(
            Style::Dai(' '),
            format!(r"^\s*([款項目節])[\s\u{{3000}}]+{digits}{{1,3}}[\s\u{{3000}}]+(\S.*)$"),
        ),
        // A level's name before its number: 施策目標７　… / 基本目標１　… / 【施策分野2】… /
        // 〔施策１－１〕… /
        // 施策（１）… / 政策目標２－１　… / 施策目標Ⅰ－３－２　… / 達成目標１　…; each name a
        // level of its own (by its first char).
        build(
            Style::Dai(' '),
            format!(
                r"^\s*[【\[〔［]?(基本目標|施策目標|政策目標|達成目標|施策分野|重点施策|政策分野|施策|政策)\s*(?:(?:{digits}{{1,2}}|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+)(?:[\-－]{digits}{{1,2}})*|[(（]{digits}{{1,2}}[)）])\s*[】\]〕］]?[\s\u{{3000}}:：.．]*(\S.*)$"
            ),
        ),
        build(
            Style::Roman,
            r"^\s*(?:[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+|[IVX]{1,4})(?:[\s\u{3000}.．、]+)(\S.*)$".to_string(),
        ),
        build(
            Style::Kanji,
            r"^\s*[一二三四五六七八九十]{1,3}[\s\u{3000}、．.]+(\S.*)$".to_string(),
        ),
        build(
            Style::Dotted(0),
            format!(
                r"^\s*((?:{digits}{{1,2}}|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+)(?:[.．\-－]{digits}{{1,2}})+)[.．]?[\s\u{{3000}}]+(\S.*)$"
            ),
        ),
        build(
            Style::Bracketed(0),
            format!(
                r"^\s*[【〔]\s*(?:(?i:no)\.?|№)?\s*((?:{digits}{{1,2}}|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+)(?:[.．\-－]{digits}{{1,2}})*)\s*[】〕][\s\u{{3000}}:：.．]*(\S.*)$"
            ),
        ),
        build(
            Style::Digit,
            format!(r"^\s*{digits}{{1,2}}(?:\s*[.．、)）]\s*|[\s\u{{3000}}]+)(\S.*)$"),
        ),
        build(
            Style::Paren,
            format!(r"^\s*[(（]\s*{digits}{{1,2}}\s*[)）]\s*(\S.*)$"),
        ),
        build(
            Style::Letter,
            r"^\s*(?:[(（]\s*[a-zａ-ｚア-ン]\s*[)）]|[ア-ン][.．]|[ア-ン][\s\u{3000}]+)\s*(\S.*)$"
                .to_string(),
        ),
        build(Style::Circled, r"^\s*[①-⑳㉑-㉟]\s*(\S.*)$".to_string()),
        build(Style::Square('■'), r"^\s*[■□◆◇▼▽▶►]\s*(\S.*)$".to_string()),
        build(Style::Circle, r"^\s*[○◎●〇◯]\s*(\S.*)$".to_string()),
        build(Style::Bullet, r"^\s*[・\-*•－]\s*(\S.*)$".to_string()),
    ]
});

/// Whether `first`, a line's first char after white space, can open a numbering: every
/// pattern of [`PATTERNS`] starts with one of these chars, which most lines of text do not.
fn may_open_numbering(first: char) -> bool {
    matches!(
        first,
        '0'..='9'
            | '０'..='９'
            | '第'
            | '【'
            | '〔'
            | '['
            | '基'
            | '施'
            | '政'
            | '達'
            | '重'
            | '款'
            | '項'
            | '目'
            | '節'
            | 'Ⅰ'..='Ⅹ'
            | 'I'
            | 'V'
            | 'X'
            | '一'
            | '二'
            | '三'
            | '四'
            | '五'
            | '六'
            | '七'
            | '八'
            | '九'
            | '十'
            | '('
            | '（'
            | 'ア'..='ン'
            | '①'..='⑳'
            | '㉑'..='㉟'
            | '■'
            | '□'
            | '◆'
            | '◇'
            | '▼'
            | '▽'
            | '▶'
            | '►'
            | '○'
            | '◎'
            | '●'
            | '〇'
            | '◯'
            | '・'
            | '-'
            | '*'
            | '•'
            | '－'
    )
}

/// Chars after the digits of a decimal's fraction (`１．２％`, `3.75倍`, `２．５億円`,
/// `8.4日`).
const DECIMAL_ENDS: &str = "%％倍)）億兆万千百円割日件人回歳点個台本冊社校";

/// Particles that, right after a level's number, make the words a phrase about the level.
const LEVEL_PARTICLES: [char; 9] = ['に', 'の', 'を', 'は', 'が', 'で', 'と', 'へ', 'も'];

/// Chars that, right after a number, show it was a quantity rather than a numbering.
const QUANTITY_STARTS: &str = "億兆万千百円%％年月日倍件人時分割歳";

/// Chars of [`QUANTITY_STARTS`] that also open words (`分担金`, `割増`, `時間外`).
const WORD_OPENING_QUANTITIES: &str = "分割時";

/// Whether a title set apart from its number opens with a word rather than a quantity's
/// unit (` 12  分担金及び負担金`): a char of [`WORD_OPENING_QUANTITIES`] followed by more
/// letters, after a space.
fn opens_word_apart(marker: &str, title: &str) -> bool {
    let mut chars = title.chars();
    marker.ends_with(char::is_whitespace)
        && chars
            .next()
            .is_some_and(|c| WORD_OPENING_QUANTITIES.contains(c))
        && chars.next().is_some_and(char::is_alphabetic)
}

/// The text after the numbering at the start of `text` (`1-1　地域公共交通計画の策定件数` →
/// `地域公共交通計画の策定件数`), or the whole text when it opens with none.
pub fn without_numbering(text: &str) -> &str {
    numbered(text).map_or(text, |found| found.title)
}

/// Reads the numbering at the start of a line, if any.
pub fn numbered(line: &str) -> Option<Numbered<'_>> {
    let markdown = line.trim_start().starts_with('#');
    if let Some(caps) = markdown.then(|| MARKDOWN.captures(line)).flatten() {
        let level = u8::try_from(caps.get(1)?.as_str().len()).ok()?;
        let title = caps.get(2)?;
        let (title, title_start) = match numbered_plain(title.as_str()) {
            Some(inner) if !inner.style.is_bullet() => {
                (inner.title, title.start() + inner.title_start)
            }
            _ => (title.as_str(), title.start()),
        };
        let marker = line[caps.get(1)?.end()..title_start].trim();
        return Some(Numbered {
            style: Style::Markdown(level),
            title,
            title_start,
            marker,
        });
    }
    numbered_plain(line)
}

fn numbered_plain(line: &str) -> Option<Numbered<'_>> {
    if !line.trim_start().starts_with(may_open_numbering) {
        return None;
    }
    for (style, pattern) in PATTERNS.iter() {
        let Some(caps) = pattern.captures(line) else {
            continue;
        };
        let Some(title) = caps.get(caps.len() - 1) else {
            continue;
        };
        // `〇〇市総務部`, `〇〇小学校の…`: a doubled 〇 stands for a name left out, no bullet.
        if *style == Style::Circle
            && line.trim_start().starts_with('〇')
            && title.as_str().starts_with('〇')
        {
            return None;
        }
        // (`１．歳出総額`: after a point or comma the number is a numbering whatever follows.)
        let is_numeric = matches!(style, Style::Digit | Style::Dotted(_));
        if is_numeric
            && title
                .as_str()
                .starts_with(|c: char| QUANTITY_STARTS.contains(c))
            && !line[..title.start()].ends_with(['.', '．', '、'])
            && !opens_word_apart(&line[..title.start()], title.as_str())
        {
            return None;
        }
        // `達成目標１に係る測定指標`: a particle right after a level's number refers to the
        // level, no numbering.
        if matches!(style, Style::Dai(_))
            && title.as_str().starts_with(LEVEL_PARTICLES)
            && !line[..title.start()].ends_with(|c: char| c.is_whitespace() || "：:.．".contains(c))
        {
            return None;
        }
        // `１．２％）` (a ratio a PDF's text wraps onto a line of its own): a decimal point,
        // no numbering.
        let after_point = title.as_str().trim_start_matches(|c: char| c.is_numeric());
        let decimal = line[..title.start()].ends_with(['.', '．'])
            && after_point.len() < title.as_str().len()
            && (after_point.trim().is_empty()
                || after_point.starts_with(|c| DECIMAL_ENDS.contains(c)));
        if is_numeric && decimal {
            return None;
        }
        let style = match style {
            Style::Dai(_) => Style::Dai(
                caps.get(1)
                    .and_then(|m| m.as_str().chars().next())
                    .unwrap_or(' '),
            ),
            Style::Dotted(_) | Style::Bracketed(_) => {
                let parts = caps
                    .get(1)
                    .map(|m| m.as_str().matches(['.', '．', '-', '－']).count() + 1)
                    .unwrap_or(2);
                let parts = u8::try_from(parts).unwrap_or(u8::MAX);
                if matches!(style, Style::Dotted(_)) {
                    Style::Dotted(parts)
                } else {
                    Style::Bracketed(parts)
                }
            }
            Style::Square(_) => Style::Square(square_mark(line)),
            other => *other,
        };
        return Some(Numbered {
            style,
            title: title.as_str(),
            title_start: title.start(),
            marker: line[..title.start()].trim_start(),
        });
    }
    None
}

/// The mark opening a line of style [`Style::Square`], its outline and filled forms of one
/// shape told apart, pointing shapes read as one.
fn square_mark(line: &str) -> char {
    match line.trim_start().chars().next() {
        Some('▽') => '▼',
        Some('►') => '▶',
        Some(mark) => mark,
        None => '■',
    }
}

/// Whether `text` opens with a level of a plan and its number (`基本目標2 …`, `施策(1) …`,
/// `達成目標１　…`), not a part of the document (`第２章`, `（３）主要なインプット情報`).
pub fn names_plan_level(text: &str) -> bool {
    !text.starts_with('第')
        && numbered(text).is_some_and(|level| matches!(level.style, Style::Dai(_)))
}

/// Whether `text` names a path of a plan's levels, each with its number, parted by a slash
/// or an arrow (`基本目標３ 快適なまち ／ 施策３－２ 循環型社会の形成`): where something stands
/// in the plan, not a heading of its own.
pub fn names_plan_path(text: &str) -> bool {
    let mut levels = text.split(['／', '/', '＞', '>', '→']).map(str::trim);
    levels.clone().count() >= 2 && levels.all(names_plan_level)
}

/// A line that holds only a number (`（２）`, `(a)`, `３．`), its title on the lines after it.
pub fn bare_number(line: &str) -> Option<Numbered<'_>> {
    let marker = line.trim();
    if marker.is_empty() {
        return None;
    }
    let probe = format!("{marker} x");
    let style = numbered_plain(&probe)
        .filter(|found| found.title == "x")?
        .style;
    Some(Numbered {
        style,
        title: "",
        title_start: line.len(),
        marker,
    })
}

/// A page's number as a footer sets it between dashes (`－１－`, `- 12 -`, `― ３１２ ―`), maybe
/// after the footer's words set apart (`無断転載禁止　　R7-v3　　－ 2 －`). At most one space
/// stands inside the dashes: cells set further apart (`－ | 5 | －`) are a table's.
static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:.*(?:\t|\s{2,}|　))?\s*[-－―‐—–][ 　]?[0-9０-９]+[ 　]?[-－―‐—–]\s*$")
        .expect("page number pattern")
});

/// Whether a line is a page's number between dashes, alone or after a footer's words: a
/// footer, no item.
pub fn is_page_number(line: &str) -> bool {
    PAGE_NUMBER.is_match(line)
}

/// The nesting of numbering styles met so far in a document.
#[derive(Debug, Clone, Default)]
pub struct Outline {
    stack: Vec<Style>,
}

impl Outline {
    /// The depth (0 = top) of an item of `style`: a style already open closes everything
    /// below it; a new style opens a level below the current one. Markdown headings sit by
    /// their level, above every other style.
    pub fn enter(&mut self, style: Style) -> usize {
        if let Style::Markdown(level) = style {
            self.stack
                .retain(|open| matches!(open, Style::Markdown(l) if *l < level));
        } else if let Some(position) = self.stack.iter().position(|open| *open == style) {
            self.stack.truncate(position);
        }
        self.stack.push(style);
        self.stack.len() - 1
    }

    /// Whether an item of `style` is open, so that another of that style would close it.
    pub fn is_open(&self, style: Style) -> bool {
        self.stack.contains(&style)
    }

    /// The depth of the open level of `style` (not a Markdown heading's), if one is open.
    pub fn level_of(&self, style: Style) -> Option<usize> {
        self.stack.iter().position(|open| *open == style)
    }

    /// How many levels are open.
    pub fn depth(&self) -> usize {
        self.stack.len()
    }

    /// Whether an item of `style` would close one of the first `depth` levels open.
    pub fn closes_within(&self, style: Style, depth: usize) -> bool {
        let closed = match style {
            Style::Markdown(level) => self
                .stack
                .iter()
                .position(|open| !matches!(open, Style::Markdown(l) if *l < level)),
            _ => self.stack.iter().position(|open| *open == style),
        };
        closed.is_some_and(|at| at < depth)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_number_after_its_point_is_a_numbering_whatever_word_follows() {
        assert_eq!(
            numbered("　１．歳出総額").map(|n| n.title),
            Some("歳出総額")
        );
        assert_eq!(
            numbered("２．歳入の内訳（参考）").map(|n| n.title),
            Some("歳入の内訳（参考）")
        );
        // Without a point, a unit right after the number makes it a quantity.
        assert!(numbered("3年間の取組").is_none());
        assert!(numbered("30分以内に到着").is_none());
        assert!(numbered("12 分").is_none());
        // A code set apart from a word that opens like a unit is a numbering.
        assert_eq!(
            numbered(" 12  分担金及び負担金").map(|n| n.title),
            Some("分担金及び負担金")
        );
    }

    #[test]
    fn a_doubled_kanji_zero_is_a_name_left_out_no_bullet() {
        assert_eq!(numbered("　　〇〇市総務部・教育委員会"), None);
        assert_eq!(
            numbered("〇地域コミュニティ活性化事業").map(|n| (n.style, n.title)),
            Some((Style::Circle, "地域コミュニティ活性化事業"))
        );
    }

    #[test]
    fn a_decimal_point_is_no_numbering() {
        assert_eq!(numbered("１．２％）"), None);
        assert_eq!(numbered("3.75倍"), None);
        assert_eq!(numbered("8.4日（令和2年度）"), None);
        assert_eq!(
            numbered("１．２０３０年に向けた取組").map(|n| n.title),
            Some("２０３０年に向けた取組")
        );
        assert_eq!(numbered("１． ２つの柱").map(|n| n.title), Some("２つの柱"));
    }

    #[test]
    fn a_levels_name_before_a_compound_number_opens_a_heading() {
        for (line, title) in [
            (
                "　政策目標２－１　自主防災組織が日頃から活動する地域をつくる",
                "自主防災組織が日頃から活動する地域をつくる",
            ),
            (
                "  達成目標１   地域の医療機関間における診療情報の共有を進める",
                "地域の医療機関間における診療情報の共有を進める",
            ),
            (
                "   施策目標Ⅰ－３－２      医療分野の情報化を推進すること",
                "医療分野の情報化を推進すること",
            ),
        ] {
            let found = numbered(line).expect("a heading");
            assert_eq!(
                (found.style, found.title),
                (
                    Style::Dai(line.trim_start().chars().next().unwrap_or(' ')),
                    title
                )
            );
        }
        assert!(numbered("達成目標を定める").is_none());
    }

    #[test]
    fn page_numbers_between_dashes_are_footers() {
        for footer in [
            "－１－",
            "- 12 -",
            "　― ３１２ ―",
            "‐3‐",
            "無断転載禁止   R7-v3                   － 1 －",
            "令和８年度予算の概要\t－ 2 －",
        ] {
            assert!(is_page_number(footer), "{footer}");
        }
        for line in [
            "－ 予算の概要",
            "１－２",
            "- 1,200百万円 -件",
            "計\t1,234\t－\t5\t－",
            "計    1,234    －     5     －",
        ] {
            assert!(!is_page_number(line), "{line}");
        }
    }

    #[test]
    fn every_numbering_opens_with_a_char_let_through() {
        let tails = [
            "1 題", "1.2 題", " 題", "章 題", ") 題", "）題", ". 題", "題",
        ];
        for first in (0..=0xFFFF).filter_map(char::from_u32) {
            if first.is_whitespace() || may_open_numbering(first) {
                continue;
            }
            for tail in tails {
                let line = format!("{first}{tail}");
                assert!(PATTERNS.iter().all(|(_, p)| !p.is_match(&line)), "{line:?}");
            }
        }
    }

    fn style_and_title(line: &str) -> Option<(Style, &str)> {
        numbered(line).map(|n| (n.style, n.title))
    }

    #[test]
    fn reads_every_numbering_grammar() {
        assert_eq!(
            style_and_title("第1章　データ流通の進展"),
            Some((Style::Dai('章'), "データ流通の進展"))
        );
        assert_eq!(
            style_and_title("第１ 一般会計"),
            Some((Style::Dai(' '), "一般会計"))
        );
        assert_eq!(style_and_title("第3世代移動通信システム"), None);
        assert_eq!(
            style_and_title("三 令和８年度予算の概要"),
            Some((Style::Kanji, "令和８年度予算の概要"))
        );
        assert_eq!(
            style_and_title("十一、主要施策"),
            Some((Style::Kanji, "主要施策"))
        );
        assert_eq!(style_and_title("一方で、人口は減少している"), None);
        assert_eq!(
            style_and_title("　２款　総務費"),
            Some((Style::Dai('款'), "総務費"))
        );
        assert_eq!(
            style_and_title("１項　総務管理費"),
            Some((Style::Dai('項'), "総務管理費"))
        );
        assert_eq!(style_and_title("3項目の取組を進める"), None);
        assert_eq!(
            style_and_title("　項　１　保健衛生費"),
            Some((Style::Dai('項'), "保健衛生費"))
        );
        assert_eq!(style_and_title("目標 2030年に達成"), None);
        let values: Vec<Option<u32>> = [
            "１．地域",
            "（12）基盤",
            "Ⅳ　柱",
            "IX 柱",
            "(b) 細目",
            "⑤ 人材",
            "(ア) 事項",
            "・点",
        ]
        .iter()
        .map(|line| numbered(line).and_then(|n| n.value()))
        .collect();
        assert_eq!(
            values,
            [
                Some(1),
                Some(12),
                Some(4),
                Some(9),
                Some(2),
                Some(5),
                None,
                None
            ]
        );
        assert!(numbered("１．地域").is_some_and(|n| n.ends_with_stop()));
        assert!(
            numbered("9 . 国土強靱化")
                .is_some_and(|n| n.ends_with_stop() && n.title == "国土強靱化")
        );
        assert!(numbered("１　地域").is_some_and(|n| !n.ends_with_stop()));
        assert!(numbered("(b) 細目").is_some_and(|n| n.is_latin_letter()));
        assert!(numbered("(ア) 事項").is_some_and(|n| !n.is_latin_letter()));
        let bare = bare_number(" （２） ").expect("bare number");
        assert_eq!(
            (bare.style, bare.title, bare.value()),
            (Style::Paren, "", Some(2))
        );
        assert_eq!(bare_number("地域"), None);
        assert_eq!(
            style_and_title("Ⅱ 地域の振興"),
            Some((Style::Roman, "地域の振興"))
        );
        assert_eq!(
            style_and_title("１．地域の活性化"),
            Some((Style::Digit, "地域の活性化"))
        );
        assert_eq!(
            style_and_title("（２） 基盤の整備"),
            Some((Style::Paren, "基盤の整備"))
        );
        assert_eq!(
            style_and_title("② 人材の育成"),
            Some((Style::Circled, "人材の育成"))
        );
        assert_eq!(
            style_and_title("■ 戦略"),
            Some((Style::Square('■'), "戦略"))
        );
        assert_eq!(
            style_and_title("◇ 防犯灯整備事業"),
            Some((Style::Square('◇'), "防犯灯整備事業"))
        );
        assert_eq!(
            style_and_title("▽ 施策"),
            Some((Style::Square('▼'), "施策"))
        );
        assert_eq!(
            style_and_title("○防災の推進"),
            Some((Style::Circle, "防災の推進"))
        );
        assert_eq!(
            style_and_title("1-2 オール光ネットワーク"),
            Some((Style::Dotted(2), "オール光ネットワーク"))
        );
        assert_eq!(
            style_and_title("Ⅰ－１　緊急消防援助隊の機能強化"),
            Some((Style::Dotted(2), "緊急消防援助隊の機能強化"))
        );
        assert_eq!(
            style_and_title("##### (1) 行政データ連携標準の普及"),
            Some((Style::Markdown(5), "行政データ連携標準の普及"))
        );
        assert_eq!(
            style_and_title("#### 4.8.7 行政データ連携の推進"),
            Some((Style::Markdown(4), "行政データ連携の推進"))
        );
        assert_eq!(style_and_title("1.5 億円"), None);
        assert_eq!(style_and_title("2030年頃の実現"), None);
    }

    #[test]
    fn a_number_in_brackets_opens_an_item() {
        assert_eq!(
            style_and_title("【No.1-2】創業・事業承継の支援\t自己評定：B"),
            Some((Style::Bracketed(2), "創業・事業承継の支援\t自己評定：B"))
        );
        assert_eq!(
            style_and_title("〔３〕　地域交通の確保"),
            Some((Style::Bracketed(1), "地域交通の確保"))
        );
        assert_eq!(style_and_title("【参考】主要な財務データ"), None);
        assert_eq!(
            style_and_title("　ア　新たな担い手の確保"),
            Some((Style::Letter, "新たな担い手の確保"))
        );
        assert_eq!(style_and_title("アクション・プラン"), None);
        assert_eq!(
            style_and_title("【施策分野2】子育て"),
            Some((Style::Dai('施'), "子育て"))
        );
        assert_eq!(
            style_and_title("〔施策１－１〕地球温暖化対策の推進"),
            Some((Style::Dai('施'), "地球温暖化対策の推進"))
        );
    }

    #[test]
    fn levels_of_a_plan_parted_by_a_slash_are_a_path() {
        assert!(names_plan_path(
            "基本目標３ 快適で環境にやさしいまち ／ 施策３－２ 循環型社会の形成"
        ));
        assert!(names_plan_path("政策2 安全なまち > 施策2-1 防災力の向上"));
        assert!(!names_plan_path("施策３－２ 循環型社会の形成"));
        assert!(!names_plan_path("施策３－２ 循環型社会の形成／ごみの減量"));
    }

    #[test]
    fn outline_nests_by_first_appearance() {
        let mut outline = Outline::default();
        assert_eq!(outline.enter(Style::Roman), 0);
        assert_eq!(outline.enter(Style::Digit), 1);
        assert_eq!(outline.enter(Style::Paren), 2);
        assert_eq!(outline.enter(Style::Digit), 1);
        assert_eq!(outline.enter(Style::Paren), 2);
        assert_eq!(outline.enter(Style::Roman), 0);
        let mut markdown = Outline::default();
        assert_eq!(markdown.enter(Style::Markdown(1)), 0);
        assert_eq!(markdown.enter(Style::Markdown(4)), 1);
        assert_eq!(markdown.enter(Style::Markdown(5)), 2);
        assert_eq!(markdown.enter(Style::Digit), 3);
        assert_eq!(markdown.enter(Style::Markdown(5)), 2);
    }
}
