//! Programs and funds: names closed by 基金, 交付金, 交付税, 補助金, 負担金, 委託費, 事業 or 経費,
//! quoted (「…事業」) or written as one compound; and named initiatives, a quoted name after
//! the word for what it is (プロジェクト「…」, プログラム「…」).

use super::names::{NameMatch, captured_names};
use crate::graph::model::NodeType;
use regex::Regex;
use std::sync::LazyLock;

/// A program or fund named in text, with its byte span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProgramMatch {
    /// The name as written (brackets removed).
    pub name: String,
    /// [`NodeType::Fund`] for a 基金, [`NodeType::Program`] otherwise.
    pub node_type: NodeType,
    /// Byte offset of the name.
    pub start: usize,
    /// Byte offset just past the name.
    pub end: usize,
}

const PROGRAM_WORDS: &str = "基金|交付金|交付税|補助金|負担金|委託費|事業費|事業|経費";

static QUOTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"「([^「」]{{2,60}}?(?:{PROGRAM_WORDS}))」")).expect("quoted program")
});

static COMPOUND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"[\p{{Han}}\p{{Katakana}}ー・A-Za-zＡ-Ｚａ-ｚ0-9０-９]{{2,40}}?(?:{PROGRAM_WORDS})"
    ))
    .expect("program compound")
});

/// Words for an initiative that the quoted name right after them names.
const INITIATIVE_WORDS: &str = "プロジェクト|プログラム|キャンペーン|イニシアティブ|イニシアチブ|アクション|コンテスト|ハッカソン";

static NAMED_INITIATIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:{INITIATIVE_WORDS})\s*[「『]([^「」『』。]{{2,40}})[」』]"
    ))
    .expect("named initiative")
});

/// Fewest chars before the closing word of an unquoted name: shorter ones are generic
/// (`実証事業`, `本事業`).
const MIN_STEM_CHARS: usize = 4;

/// Fewest chars before 交付税 or 交付金: grants have short names (`地方交付税`, `基地交付金`).
const MIN_GRANT_STEM_CHARS: usize = 2;

/// Heads that make a compound generic or a reference rather than a name.
const GENERIC_HEADS: [&str; 8] = ["各", "同", "本", "当該", "上記", "関連", "既存", "その他"];

/// Chars that, right after 事業 or 経費, show the word goes on as another noun (事業者,
/// 事業所, 事業主, 事業体, 事業場): an operator or a site, not a program.
const WORD_GOES_ON: [char; 5] = ['者', '所', '主', '体', '場'];

/// The node type a program name takes.
pub fn program_type(name: &str) -> NodeType {
    if name.ends_with("基金") {
        NodeType::Fund
    } else {
        NodeType::Program
    }
}

/// Whether a name is closed by a program or fund word.
pub fn is_program_name(name: &str) -> bool {
    PROGRAM_WORDS.split('|').any(|w| name.ends_with(w))
}

/// Finds the programs and funds a text names.
pub fn find_programs(text: &str) -> Vec<ProgramMatch> {
    // Both patterns close the name with a program word.
    if !PROGRAM_WORDS.split('|').any(|word| text.contains(word)) {
        return Vec::new();
    }
    let mut found: Vec<ProgramMatch> = QUOTED
        .captures_iter(text)
        .filter_map(|caps| {
            let name = caps.get(1)?;
            Some(ProgramMatch {
                name: name.as_str().trim().to_string(),
                node_type: program_type(name.as_str()),
                start: name.start(),
                end: name.end(),
            })
        })
        .collect();
    for m in COMPOUND.find_iter(text) {
        if found.iter().any(|f| f.start < m.end() && m.start() < f.end) {
            continue;
        }
        let name = m.as_str();
        let word = PROGRAM_WORDS
            .split('|')
            .find(|w| name.ends_with(w))
            .unwrap_or("");
        let stem = &name[..name.len() - word.len()];
        let min_stem = if word == "交付税" || word == "交付金" {
            MIN_GRANT_STEM_CHARS
        } else {
            MIN_STEM_CHARS
        };
        if stem.chars().count() < min_stem
            || GENERIC_HEADS.iter().any(|h| name.starts_with(h))
            || text[m.end()..].starts_with(WORD_GOES_ON)
        {
            continue;
        }
        found.push(ProgramMatch {
            name: name.to_string(),
            node_type: program_type(name),
            start: m.start(),
            end: m.end(),
        });
    }
    found.sort_by_key(|m| m.start);
    found
}

/// The programs `text` names with one of `cues` right after the name (`…事業により`,
/// `…交付金により`, `…基金を活用`).
pub fn find_programs_followed_by(text: &str, cues: &[&str]) -> Vec<ProgramMatch> {
    find_programs(text)
        .into_iter()
        .filter(|m| cues.iter().any(|cue| text[m.end..].starts_with(cue)))
        .collect()
}

/// Whether a name is closed by a word for an initiative (`…プログラム`, `…プロジェクト`).
pub fn is_initiative_name(name: &str) -> bool {
    INITIATIVE_WORDS.split('|').any(|w| name.ends_with(w))
}

/// Finds initiatives named by a quoted name right after the word for what they are:
/// `意識啓発プロジェクト「デジタル ポジティブ アクション」`, `プログラム「SecHack365」`. Each is
/// a [`NodeType::Program`] spanning the name inside the brackets.
pub fn find_named_initiatives(text: &str) -> Vec<ProgramMatch> {
    NAMED_INITIATIVE
        .captures_iter(text)
        .filter_map(|caps| {
            let name = caps.get(1)?;
            let trimmed = name.as_str().trim();
            (trimmed.chars().count() >= 2).then(|| ProgramMatch {
                name: trimmed.to_string(),
                node_type: NodeType::Program,
                start: name.start(),
                end: name.end(),
            })
        })
        .collect()
}

/// An activity named with its latin abbreviation (`…人材育成（SecHack365）`,
/// `…演習（CYDER）`): group 1 the name, group 2 the abbreviation.
static ABBREVIATED_ACTIVITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([\p{Han}\p{Katakana}ー・]*(?:講習|演習|育成|取組|プロジェクト))\s*[(（]([A-Z][A-Za-z0-9\-]{2,})[)）]")
        .expect("abbreviated activity")
});

/// An activity named with its latin abbreviation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AbbreviatedActivity {
    /// The name as written (may be only a generic word such as `演習`).
    pub name: NameMatch,
    /// The abbreviation in the parentheses.
    pub abbreviation: NameMatch,
}

/// Finds activities named with a latin abbreviation in parentheses.
pub fn find_abbreviated_activities(text: &str) -> Vec<AbbreviatedActivity> {
    ABBREVIATED_ACTIVITY
        .captures_iter(text)
        .filter_map(|caps| {
            Some(AbbreviatedActivity {
                name: NameMatch::of(caps.get(1)?),
                abbreviation: NameMatch::of(caps.get(2)?),
            })
        })
        .collect()
}

/// A program named by a latin word (`ICTプログラム`, `Beyond5G プログラム`): group 1.
static LATIN_PROGRAM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([A-Z][A-Za-z0-9]+\s?プログラム)").expect("latin program"));

/// Finds programs named by a latin word and プログラム.
pub fn find_latin_programs(text: &str) -> Vec<NameMatch> {
    captured_names(&LATIN_PROGRAM, 1, text)
}

/// A source of revenue that pays for something (`…電波利用料財源による`): group 1.
static REVENUE_SOURCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"([\p{Han}\p{Katakana}][\p{Han}\p{Katakana}ー・]+財源)による").expect("revenue")
});

/// Finds revenue sources named as what pays (`…財源による`): funds.
pub fn find_revenue_sources(text: &str) -> Vec<NameMatch> {
    captured_names(&REVENUE_SOURCE, 1, text)
}

/// A program named by the word プログラム after four or more name chars
/// (`経済安全保障重要技術育成プログラム`).
static PROGRAM_BY_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[\p{Han}\p{Katakana}ー]{4,}(?:プログラム)").expect("program by word")
});

/// Finds programs named by the word プログラム after a name of kanji or katakana.
pub fn find_programs_named_by_word(text: &str) -> Vec<NameMatch> {
    PROGRAM_BY_WORD.find_iter(text).map(NameMatch::of).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn initiatives_are_named_by_the_quote_after_their_kind() {
        let found = find_named_initiatives(
            "官民の意識啓発キャンペーン「みんなで守る ネット」を始動し、「別の言葉」も使う。若手向けプログラム『Hack2030』を実施。",
        );
        let names: Vec<&str> = found.iter().map(|m| m.name.as_str()).collect();
        assert_eq!(names, ["みんなで守る ネット", "Hack2030"]);
        assert!(find_named_initiatives("「検討会」を開催").is_empty());
    }

    #[test]
    fn operators_and_sites_are_not_programs() {
        assert!(find_programs("【直接補助事業者】").is_empty());
        let grants: Vec<String> =
            find_programs("交付する特別交付税により、交付税を措置し、港湾交付金を交付")
                .into_iter()
                .map(|m| m.name)
                .collect();
        assert_eq!(grants, ["特別交付税", "港湾交付金"]);
        assert!(find_programs("個人経営事業所等").is_empty());
        assert_eq!(find_programs("直接補助事業を行う").len(), 1);
    }

    #[test]
    fn finds_programs_and_funds() {
        let found = find_programs(
            "「地域おこし協力隊の推進に要する経費」により、情報通信研究開発基金を活用し、本事業と実証事業を行う",
        );
        let named: Vec<(&str, NodeType)> = found
            .iter()
            .map(|m| (m.name.as_str(), m.node_type))
            .collect();
        assert_eq!(
            named,
            [
                ("地域おこし協力隊の推進に要する経費", NodeType::Program),
                ("情報通信研究開発基金", NodeType::Fund)
            ]
        );
    }

    #[test]
    fn activities_with_abbreviations_latin_programs_and_revenue_sources() {
        let found = find_abbreviated_activities("実践的サイバー防御演習（CYDER）を実施");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].name.name, "実践的サイバー防御演習");
        assert_eq!(found[0].abbreviation.name, "CYDER");
        assert!(find_abbreviated_activities("演習（令和6年度）").is_empty());
        let programs: Vec<String> = find_latin_programs("ICTプログラムと Beyond5G プログラム")
            .into_iter()
            .map(|m| m.name)
            .collect();
        assert_eq!(programs, ["ICTプログラム", "Beyond5G プログラム"]);
        let sources = find_revenue_sources("電波利用料財源による支援");
        assert_eq!(sources[0].name, "電波利用料財源");
        assert!(find_revenue_sources("財源を確保").is_empty());
    }

    #[test]
    fn programs_named_by_the_word_program() {
        let found = find_programs_named_by_word("経済安全保障重要技術育成プログラムの下で");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].name, "経済安全保障重要技術育成プログラム");
        assert!(find_programs_named_by_word("新プログラム").is_empty());
    }
}
