//! Agencies and bodies: names closed by 省・庁・府・局・課・室・官房, councils (審議会, 委員会,
//! 検討会, 会議 …), bodies written with their legal form (独立行政法人, 国立研究開発法人,
//! 株式会社 …) and acronyms used as acting bodies; chains of names split into parent and
//! child.

use super::names::{NameMatch, captured_names};
use crate::graph::model::{NodeType, node_id};
use regex::Regex;
use std::sync::LazyLock;

/// Suffixes that close the name of a public body.
const BODY_SUFFIXES: &str = "審議会|委員会|作業班|協議会|検討会|研究会|会議|本部|事務局|推進室|WG|ワーキンググループ|官房|省|庁|府|局|課|室";

static BODY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"[\p{{Han}}\p{{Katakana}}ーA-Za-z・]+?(?:{BODY_SUFFIXES})"
    ))
    .expect("body pattern")
});

/// Council names written as a phrase (`…の在り方に関する検討会`, `…における…推進に関する検討会`):
/// runs of name chars joined by particles, closed by a council word.
static COUNCIL_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    let run = r"[\p{Han}\p{Katakana}ーA-Za-z0-9・]+";
    let joiner =
        "における|に関する|に係る|に向けた|のための|への対処に関する|の在り方に関する|への|の";
    Regex::new(&format!(
        r"(?:{run}(?:{joiner}))+(?:{run})?(?:検討会|研究会|審議会|委員会|懇談会|協議会|会議)"
    ))
    .expect("council phrase pattern")
});

/// Whether a phrase is a chain of bodies (`…審議会の…委員会`) rather than one name.
fn names_a_chain(phrase: &str) -> bool {
    ["会の", "会議の", "省の", "庁の", "局の", "府の"]
        .iter()
        .any(|joint| phrase.contains(joint))
}

/// Shortest council phrase kept, in chars (`国の会議` is no name).
const MIN_COUNCIL_PHRASE_CHARS: usize = 10;

/// Bureau-like words that name equipment, stations, events or generic groups rather than a
/// body (`基地局` and `地球局` are radio stations, `国際会議` an event, `官庁` any office).
const NOT_BODIES: [&str; 30] = [
    "会議室",
    "事務室",
    "実験室",
    "教室",
    "基地局",
    "無線局",
    "陸揚局",
    "放送局",
    "中継局",
    "移動局",
    "固定局",
    "親局",
    "子局",
    "交換局",
    "地球局",
    "衛星局",
    "宇宙局",
    "海岸局",
    "船舶局",
    "部局",
    "府省",
    "省庁",
    "官庁",
    "当局",
    "結局",
    "都道府",
    "各省",
    "国際会議",
    "オンライン会議",
    "全体会議",
];

/// Names made only of a generic word, naming no body in particular (`事務局`, `有識者会議`).
const GENERIC_BODIES: [&str; 7] = [
    "事務局",
    "有識者会議",
    "調査研究会",
    "調査検討会",
    "評価委員会",
    "検討委員会",
    "専門委員会",
];

/// Whether a body found at the very end of a line is a word broken by the line break
/// (`重要課` + `題…` on the next line).
pub fn broken_at_line_end(body: &BodyMatch, line: &str, next_line: &str) -> bool {
    let last = body.name.chars().next_back();
    let next = next_line.trim_start().chars().next();
    match (last, next) {
        (Some(last), Some(next)) => body.end == line.len() && continues_word(last, next),
        _ => false,
    }
}

/// Chars that, right after a suffix, show it was part of another word (課題, 省令, 府県 …).
fn continues_word(suffix_end: char, next: char) -> bool {
    matches!(
        (suffix_end, next),
        ('課', '題' | '金' | '税' | '程')
            | ('省', '令' | '力' | 'エ' | '電' | '庁')
            | ('庁', '舎' | '内')
            | ('府', '県' | '省')
            | ('局', '所' | '面')
            | ('室', '内' | '温')
            | ('議', '員' | '室' | '場')
    )
}

/// One public body found in text, with its byte span (prefixes 各/全 removed from the name).
pub type BodyMatch = NameMatch;

/// Finds names of public bodies closed by a generic suffix (審議会, 委員会, 省, 局, 課 …).
/// Consecutive names (`総務省国際戦略局技術政策課`, `…委員会の…作業班`) come out in order.
pub fn find_bodies(text: &str) -> Vec<BodyMatch> {
    let mut found: Vec<BodyMatch> = COUNCIL_PHRASE
        .find_iter(text)
        .filter(|m| {
            let name = m.as_str();
            name.chars().count() >= MIN_COUNCIL_PHRASE_CHARS
                && !name.starts_with("関係")
                && name.contains(|c: char| ('\u{3041}'..='\u{3096}').contains(&c))
                && !names_a_chain(name)
        })
        .map(|m| {
            let name = m.as_str().trim_start_matches(['・', '各']);
            BodyMatch {
                name: name.to_string(),
                start: m.end() - name.len(),
                end: m.end(),
            }
        })
        .collect();
    let phrases = found.len();
    for m in BODY.find_iter(text) {
        if found[..phrases]
            .iter()
            .any(|p| p.start < m.end() && m.start() < p.end)
        {
            continue;
        }
        let last = m.as_str().chars().next_back().unwrap_or(' ');
        if text[m.end()..]
            .chars()
            .next()
            .is_some_and(|next| continues_word(last, next))
        {
            continue;
        }
        let mut start = m.start();
        let mut name = m.as_str();
        let after_number = text[..start]
            .trim_end()
            .ends_with(crate::normalize::is_digit);
        loop {
            let prefix = ["各", "全", "同", "一部", "当該", "毎年度", "毎年", "・"]
                .into_iter()
                .chain(
                    ["年", "月", "日", "度", "回"]
                        .into_iter()
                        .filter(|_| after_number),
                )
                .find(|p| name.starts_with(p));
            let Some(prefix) = prefix else { break };
            start += prefix.len();
            name = &name[prefix.len()..];
        }
        let name = name.trim_start_matches('・');
        if name.chars().count() < 3
            || name.starts_with("関係")
            || name.matches('・').count() > 1
            || NOT_BODIES.iter().any(|w| name.ends_with(w))
            || GENERIC_BODIES.contains(&name)
            || name.starts_with(['省', '府', '庁', '局', '課', '室'])
            || name.chars().all(|c| c.is_ascii_alphanumeric())
            || name.chars().next().is_some_and(|c| c.is_ascii_digit())
        {
            continue;
        }
        found.push(BodyMatch {
            name: name.to_string(),
            start,
            end: m.end(),
        });
    }
    found.sort_by_key(|b| b.start);
    found
}

/// Whether a text is the name of one public body and nothing else (`病院局`, `福祉保健部`,
/// `教育委員会`, `こども未来課`): a table's cell naming the body responsible for its row.
pub fn is_body_name(text: &str) -> bool {
    let text = text.trim();
    let department = text.ends_with(DEPARTMENT_ENDINGS)
        && (DEPARTMENT_CHARS.0..=DEPARTMENT_CHARS.1).contains(&text.chars().count())
        && DEPARTMENT.is_match(text);
    department
        || matches!(find_bodies(text).as_slice(), [only] if only.start == 0 && only.end == text.len())
}

/// Last chars of a word naming a department or division of a government (`環境部`,
/// `健康づくり課`, `病院局`, `デジタル推進室`).
const DEPARTMENT_ENDINGS: [char; 4] = ['部', '局', '課', '室'];

/// A word of kanji, kana and the long vowel mark with a kanji in it (a department's or a
/// division's name when it ends with one of [`DEPARTMENT_ENDINGS`]).
static DEPARTMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\p{Han}\p{Katakana}\p{Hiragana}ー]*\p{Han}[\p{Han}\p{Katakana}\p{Hiragana}ー]*$")
        .expect("department pattern")
});

/// Fewest and most chars of a department's name (`環境部`, `港湾空港部`): 部 names a
/// department only at the end of a word of its own.
const DEPARTMENT_CHARS: (usize, usize) = (3, 12);

/// Splits a run of body names into a chain: each name touching the previous one (or joined
/// by `の` or a space) is part of it. Returns `(child index, parent index)` pairs.
pub fn body_chain(text: &str, bodies: &[BodyMatch]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for index in 1..bodies.len() {
        let (parent, child) = (&bodies[index - 1], &bodies[index]);
        let Some(gap) = text.get(parent.end..child.start) else {
            continue;
        };
        if gap.trim().is_empty() || gap == "の" {
            pairs.push((index, index - 1));
        }
    }
    pairs
}

static LEGAL_BODY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(国立研究開発法人|独立行政法人|株式会社|一般社団法人|一般財団法人|公益社団法人|公益財団法人|[（(]公社[）)]|[（(]一社[）)]|[（(]独[）)]|[（(]株[）)])\s*([\p{Han}\p{Katakana}ーA-Za-z0-9・/]+)(?:\s*[（(]([A-Za-zＡ-Ｚａ-ｚ][A-Za-zＡ-Ｚａ-ｚ/\-]*)[）)])?",
    )
    .expect("legal body pattern")
});

/// Words that close the name of a body with a legal form.
const LEGAL_BODY_HEADS: [&str; 8] = [
    "機構",
    "協会",
    "法人",
    "機関",
    "センター",
    "研究所",
    "公社",
    "銀行",
];

/// A run of name chars cut just after its last body word (`情報通信研究機構等` →
/// `情報通信研究機構`); the whole run when it holds none.
fn body_name_end(run: &str) -> &str {
    LEGAL_BODY_HEADS
        .iter()
        .filter_map(|head| run.rfind(head).map(|i| i + head.len()))
        .max()
        .map_or(run, |end| &run[..end])
}

/// A body written with its legal form (`国立研究開発法人情報通信研究機構(NICT)`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegalBody {
    /// Full name with the legal form, or the bare name for `（公社）…`.
    pub name: String,
    /// The name without its legal form.
    pub short: String,
    /// Abbreviation given in parentheses.
    pub abbreviation: Option<String>,
    /// Byte span of the whole match.
    pub start: usize,
    /// Byte offset just past the match.
    pub end: usize,
}

/// Finds bodies written with a legal form and an optional abbreviation.
pub fn find_legal_bodies(text: &str) -> Vec<LegalBody> {
    LEGAL_BODY
        .captures_iter(text)
        .filter_map(|caps| {
            let whole = caps.get(0)?;
            let form = caps.get(1)?.as_str();
            let run = caps.get(2)?;
            let short = body_name_end(run.as_str()).trim_end_matches('・');
            if short.chars().count() < 2 {
                return None;
            }
            let cut = short.len() < run.as_str().len();
            let name = if form.starts_with(['（', '(']) {
                short.to_string()
            } else {
                format!("{form}{short}")
            };
            let abbreviation = caps.get(3).filter(|_| !cut);
            Some(LegalBody {
                name,
                short: short.to_string(),
                abbreviation: abbreviation.map(|m| crate::normalize::nfkc(m.as_str())),
                start: whole.start(),
                end: abbreviation.map_or(run.start() + short.len(), |_| whole.end()),
            })
        })
        .collect()
}

static ACRONYM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[A-Z](?: ?[A-Z]){2,7}").expect("acronym pattern"));

/// What may follow an acronym that names an acting body.
const ACTOR_CONTEXT: [&str; 12] = [
    "が",
    "において",
    "による",
    "を中心",
    "を中核",
    "から",
    "へ",
    "及び",
    "と連携",
    "とも連携",
    "等の政府系",
    "(小金井)",
];

/// Acronyms used as acting bodies (`NICTが開発`, `N I C T において`, `JBIC 等の政府系金融機関`),
/// letter-spacing removed, with byte spans.
pub fn find_actor_acronyms(text: &str) -> Vec<(String, usize, usize)> {
    ACRONYM
        .find_iter(text)
        .filter_map(|m| {
            let glued = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
            if glued(text[..m.start()].chars().next_back()) || glued(text[m.end()..].chars().next())
            {
                return None;
            }
            let after = text[m.end()..].trim_start();
            if !ACTOR_CONTEXT.iter().any(|c| after.starts_with(c)) {
                return None;
            }
            let name: String = m.as_str().chars().filter(|c| !c.is_whitespace()).collect();
            Some((name, m.start(), m.end()))
        })
        .collect()
}

/// Bodies named with an abbreviation but no legal form (`…推進機構（ABC）`, `…センター（XYZ）`).
static ABBREVIATED_BODY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"([一-龥ァ-ヶー・]{2,30}?(?:機構|協会|連合|機関|センター|大学校|委員会))\s*[（(]([A-Za-zＡ-Ｚ][A-Za-zＡ-Ｚ\-]{1,9})[）)]",
    )
    .expect("abbreviated body pattern")
});

/// A body named with the abbreviation it is known by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AbbreviatedBody {
    /// The name as written.
    pub name: String,
    /// The abbreviation (NFKC).
    pub abbreviation: String,
    /// Byte offset of the name.
    pub start: usize,
    /// Byte offset just past the closing parenthesis.
    pub end: usize,
}

/// Finds bodies written as `name（ABBR）` without a legal form.
pub fn find_abbreviated_bodies(text: &str) -> Vec<AbbreviatedBody> {
    ABBREVIATED_BODY
        .captures_iter(text)
        .filter_map(|caps| {
            let (whole, name, abbr) = (caps.get(0)?, caps.get(1)?, caps.get(2)?);
            Some(AbbreviatedBody {
                name: name.as_str().to_string(),
                abbreviation: crate::normalize::nfkc(abbr.as_str()),
                start: whole.start(),
                end: whole.end(),
            })
        })
        .collect()
}

/// A body with a plain name (no legal form, no abbreviation) closed by 機構, 協会, 連合 or
/// 大学校, told apart from other words by what it is said to do next (`…機構において`,
/// `…協会と連携`, `…連合への拠出`): group 1 is the name.
static ACTING_ORGANISATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([\p{Han}\p{Katakana}][\p{Han}\p{Katakana}ー・]+(?:機構|協会|連合|大学校))(?:において|による|が|を中核|を通じ|と連携|への拠出)")
        .expect("acting organisation")
});

/// Finds organisations with a plain name followed by what they do.
pub fn find_acting_organisations(text: &str) -> Vec<NameMatch> {
    captured_names(&ACTING_ORGANISATION, 1, text)
}

/// A body asked for something by its acronym (`ITUに…の検討を要請`): group 1.
static REQUESTED_BODY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([A-Z]{2,6})\s*に[^。、]{0,30}を要請").expect("requested body"));
/// A list of acronyms the text works with (`OECD、UNESCO等との連携`): group 1 is the list.
static PARTNER_LIST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:[A-Z][A-Za-z0-9]+\s*(?:や|、|及び)\s*)*[A-Z][A-Za-z0-9]+)\s*等?との連携")
        .expect("partner list")
});
/// One word of latin letters and digits opening with a capital.
static LATIN_NAME: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[A-Z][A-Za-z0-9]+").expect("latin name"));

/// Partners named by acronym: first the bodies asked for something (`…に…を要請`), then each
/// acronym of a list the text works with (`A、B等との連携`).
pub fn find_acronym_partners(text: &str) -> Vec<NameMatch> {
    let mut partners = captured_names(&REQUESTED_BODY, 1, text);
    for list in PARTNER_LIST
        .captures_iter(text)
        .filter_map(|caps| caps.get(1))
    {
        partners.extend(LATIN_NAME.find_iter(list.as_str()).map(|m| NameMatch {
            name: m.as_str().to_string(),
            start: list.start() + m.start(),
            end: list.start() + m.end(),
        }));
    }
    partners
}

/// A unit of a body named right after it that does the work (`…の…センターにおいて`): group 1.
static UNIT_AT_WORK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*の([\p{Han}\p{Katakana}][\p{Han}\p{Katakana}ー・]+(?:センター|研究所|本部))において",
    )
    .expect("unit at work")
});

/// The unit of a body that `after` (the text right after the body's name) says does the
/// work (`の研究センターにおいて` → `研究センター`), with its span in `after`.
pub fn unit_at_work(after: &str) -> Option<NameMatch> {
    captured_names(&UNIT_AT_WORK, 1, after).into_iter().next()
}

/// Words that close a council's name.
const COUNCIL_WORDS: [&str; 9] = [
    "審議会",
    "委員会",
    "検討会",
    "研究会",
    "懇談会",
    "協議会",
    "会議",
    "作業班",
    "WG",
];

/// Whether a body's name is a council's (審議会, 委員会, 検討会, 会議 …).
pub fn is_council_name(name: &str) -> bool {
    COUNCIL_WORDS.iter().any(|w| name.ends_with(w))
}

/// Whether a body's name is a ministry's or agency's (`…省`, `内閣府`, `…庁`).
pub fn is_ministry_name(name: &str) -> bool {
    name.ends_with(['省', '府', '庁'])
}

/// The ministries and agencies of the national government (内閣府 and 1府12省庁 with their
/// external agencies): names that stand alone, so one opening a line starts a new name.
const NATIONAL_MINISTRIES: [&str; 38] = [
    "内閣府",
    "総務省",
    "法務省",
    "外務省",
    "財務省",
    "文部科学省",
    "厚生労働省",
    "農林水産省",
    "経済産業省",
    "国土交通省",
    "環境省",
    "防衛省",
    "デジタル庁",
    "復興庁",
    "こども家庭庁",
    "宮内庁",
    "警察庁",
    "金融庁",
    "消費者庁",
    "消防庁",
    "出入国在留管理庁",
    "公安調査庁",
    "国税庁",
    "文化庁",
    "スポーツ庁",
    "林野庁",
    "水産庁",
    "資源エネルギー庁",
    "特許庁",
    "中小企業庁",
    "観光庁",
    "気象庁",
    "海上保安庁",
    "原子力規制委員会",
    "公正取引委員会",
    "個人情報保護委員会",
    "防衛装備庁",
    "運輸安全委員会",
];

/// Whether a line opens with the name of a national ministry or agency
/// (`総務省行政相談センター…`): a line break before it ends the word before, so the two are not
/// read as one name (`…の改善` + `総務省…`).
pub fn opens_with_ministry(line: &str) -> bool {
    NATIONAL_MINISTRIES
        .iter()
        .any(|name| line.starts_with(name))
}

/// The id an agency node gets.
pub fn agency_id(name: &str) -> String {
    node_id(NodeType::Agency, name)
}

/// A ministry or agency whose budget a document covers (`総務省所管`): group 1.
static BUDGET_OWNER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([\p{Han}]{1,6}[省庁])所管").expect("budget owner"));

/// Finds the ministries and agencies named as owners of a budget (`総務省所管`,
/// `令和7年度消防庁所管` → `消防庁`).
pub fn find_budget_owners(text: &str) -> Vec<NameMatch> {
    BUDGET_OWNER
        .captures_iter(text)
        .filter_map(|caps| caps.get(1))
        .filter_map(|found| {
            let name = found.as_str();
            let owner = name.rsplit("年度").next().unwrap_or(name);
            (owner.chars().count() >= 2).then(|| NameMatch {
                name: owner.to_string(),
                start: found.end() - owner.len(),
                end: found.end(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_split_into_chains() {
        let text = "情報通信審議会電波有効利用委員会の電波監視作業班において";
        let bodies = find_bodies(text);
        let names: Vec<&str> = bodies.iter().map(|b| b.name.as_str()).collect();
        assert_eq!(
            names,
            ["情報通信審議会", "電波有効利用委員会", "電波監視作業班"]
        );
        assert_eq!(body_chain(text, &bodies), [(1, 0), (2, 1)]);
        let line = "地域の重要課";
        let broken = find_bodies(line);
        assert!(broken_at_line_end(&broken[0], line, "題に取り組む"));
        assert!(!broken_at_line_end(&broken[0], line, "が担当する"));
        let chained: Vec<String> = find_bodies("情報通信審議会の電波有効利用委員会")
            .into_iter()
            .map(|b| b.name)
            .collect();
        assert_eq!(chained, ["情報通信審議会", "電波有効利用委員会"]);
        let phrase = find_bodies(
            "※地域空間における情報流通の健全性確保の在り方に関する検討会（座長：某氏）",
        );
        assert_eq!(
            phrase[0].name,
            "地域空間における情報流通の健全性確保の在り方に関する検討会"
        );
        assert!(find_bodies("携帯電話基地局の整備と陸揚局").is_empty());
        for not_a_body in [
            "複数府省にまたがる政策",
            "博士課程学生の支援",
            "第3回WGを開催",
            "第１回会議において",
            "毎年度WGへ出席",
            "5G親局を整備",
            "人工衛星局と地球局",
            "ビジネス・国際会議の開催",
            "オンライン会議で実施",
            "制度官庁として支援",
            "事務局（民間団体）",
            "有識者会議での検討",
            "各府省政策評価担当官会議",
        ] {
            assert!(find_bodies(not_a_body).is_empty(), "{not_a_body}");
        }
        assert!(opens_with_ministry("総務省相談センターが受け付ける"));
        assert!(!opens_with_ministry("行政局が受け付ける"));
        assert!(!opens_with_ministry("産業省が受け付ける"));
        let legal = find_legal_bodies("株式会社国際協力銀行（JBIC）等");
        assert_eq!(legal[0].abbreviation.as_deref(), Some("JBIC"));
        let legal = find_legal_bodies("独立行政法人情報処理推進機構（ＩＰＡ）が");
        assert_eq!(legal[0].abbreviation.as_deref(), Some("IPA"));
        let text = "国立研究開発法人情報通信研究機構等と連携";
        let legal = find_legal_bodies(text);
        assert_eq!(legal[0].name, "国立研究開発法人情報通信研究機構");
        assert_eq!(&text[legal[0].start..legal[0].end], legal[0].name);
        let actors = find_actor_acronyms("N I C T において開発、APNを活用");
        assert_eq!(actors.len(), 1);
        assert_eq!(actors[0].0, "NICT");
    }

    #[test]
    fn partners_named_by_acronym_and_organisations_by_what_they_do() {
        let names = |found: Vec<NameMatch>| found.into_iter().map(|m| m.name).collect::<Vec<_>>();
        let text = "ITUに国際標準の検討を要請し、OECD、UNESCO及びAPT等との連携を図る";
        let partners = find_acronym_partners(text);
        assert_eq!(names(partners.clone()), ["ITU", "OECD", "UNESCO", "APT"]);
        assert!(partners.iter().all(|p| text[p.start..p.end] == p.name));
        assert!(find_acronym_partners("OECDの報告書を公表").is_empty());
        let text = "地方公共団体情報システム機構において運用し、日本放送協会と連携する";
        assert_eq!(
            names(find_acting_organisations(text)),
            ["地方公共団体情報システム機構", "日本放送協会"]
        );
        assert!(find_acting_organisations("機構改革を進める").is_empty());
        let unit = unit_at_work("の電磁波研究所において実証").expect("a unit");
        assert_eq!(unit.name, "電磁波研究所");
        assert!(unit_at_work("の研究センターと連携").is_none());
    }

    #[test]
    fn owners_of_a_budget() {
        let text = "令和7年度消防庁所管 予算の概要（総務省所管）";
        let owners = find_budget_owners(text);
        let names: Vec<&str> = owners.iter().map(|o| o.name.as_str()).collect();
        assert_eq!(names, ["消防庁", "総務省"]);
        assert!(owners.iter().all(|o| text[o.start..o.end] == o.name));
        assert!(find_budget_owners("所管する").is_empty());
    }
}
