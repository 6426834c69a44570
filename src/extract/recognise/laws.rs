//! Laws: 「…法」, 「…に関する法律」, and law names written bare (`電波法に基づき`,
//! `国立研究開発法人情報通信研究機構法（平成11年法律第162号）`).

use regex::Regex;
use std::borrow::Cow;
use std::sync::LazyLock;

/// A law named in text, with its byte span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LawMatch {
    /// The law's name as written (brackets removed).
    pub name: String,
    /// Byte offset of the name.
    pub start: usize,
    /// Byte offset just past the name.
    pub end: usize,
    /// Whether it is cited with its number (`（令和4年法律第93号）`), as a legal basis is.
    pub numbered: bool,
}

static QUOTED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"「([^「」]{2,60}?(?:法|法律))」").expect("quoted law pattern"));

static BARE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"[\p{Han}\p{Katakana}ー・A-Za-zＡ-Ｚａ-ｚ0-9０-９]{2,40}?(?:に関する法律|法律|法)(?:の一部を改正する法律)?",
    )
    .expect("law pattern")
});

/// A law cited with its number: `…法の一部を改正する法律（令和4年法律第93号）`; the name runs
/// back over `及び` and `の一部を改正する`.
static NUMBERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"([\p{Han}\p{Katakana}\p{Hiragana}ー・A-Za-zＡ-Ｚａ-ｚ0-9０-９]{2,80}?(?:法律|法))\s*[（(](?:令和|平成|昭和)\s*(?:元|[0-9０-９]{1,2})\s*年\s*法律\s*第\s*[0-9０-９]+\s*号[）)]",
    )
    .expect("numbered law pattern")
});

/// Words ending in 法 that are not laws.
const NOT_LAWS: [&str; 21] = [
    "独法",
    "方法",
    "手法",
    "用法",
    "工法",
    "文法",
    "技法",
    "療法",
    "製法",
    "作法",
    "論法",
    "立法",
    "司法",
    "合法",
    "違法",
    "適法",
    "不法",
    "寸法",
    "探傷法",
    "算法",
    "話法",
];

/// What may follow a law's name when it is written without brackets.
const AFTER_LAW: [&str; 16] = [
    "に基づ",
    "第",
    "の一部",
    "等",
    "及び",
    "、",
    "。",
    "（",
    "(",
    "を",
    "が",
    "は",
    "に",
    "で",
    "と",
    "の",
];

/// `法人`, which names a kind of body, not a law.
const CORPORATION: &str = "法人";
/// Two chars of the same byte length as [`CORPORATION`] that the bare pattern reads as part
/// of a name.
const CORPORATION_MASK: &str = "仝仝";

/// Finds the laws a text names.
pub fn find_laws(text: &str) -> Vec<LawMatch> {
    // Every pattern ends the name with 法.
    if !text.contains('法') {
        return Vec::new();
    }
    let numbered = NUMBERED.captures_iter(text).map(|caps| (caps, true));
    let quoted = QUOTED.captures_iter(text).map(|caps| (caps, false));
    let mut found: Vec<LawMatch> = numbered
        .chain(quoted)
        .filter_map(|(caps, numbered)| {
            let name = caps.get(1)?;
            Some(LawMatch {
                name: name.as_str().trim().to_string(),
                start: name.start(),
                end: name.end(),
                numbered,
            })
        })
        .filter(|m| is_law_name(&m.name))
        .fold(Vec::new(), |mut kept: Vec<LawMatch>, m| {
            if !kept.iter().any(|k| k.start < m.end && m.start < k.end) {
                kept.push(m);
            }
            kept
        });
    // 法人 inside a name (`国立研究開発法人…機構法`) is not where a law's name ends: read
    // it as two other chars of the same length so the bare pattern runs past it.
    let masked = if text.contains(CORPORATION) {
        Cow::Owned(text.replace(CORPORATION, CORPORATION_MASK))
    } else {
        Cow::Borrowed(text)
    };
    for m in BARE.find_iter(&masked) {
        if found.iter().any(|f| f.start < m.end() && m.start() < f.end) {
            continue;
        }
        // `リスク点検・評価等外為法`: a list (`A・B等`) runs into the law's name, which is what
        // follows the list (`中小企業等経営強化法` is one name: no list before its 等).
        let start = text[m.start()..m.end()]
            .rfind('等')
            .map(|i| m.start() + i)
            .filter(|at| text[m.start()..*at].contains('・'))
            .map(|at| at + '等'.len_utf8())
            .filter(|cut| text[*cut..m.end()].chars().count() >= 3)
            .unwrap_or(m.start());
        let name = &text[start..m.end()];
        let rest = &text[m.end()..];
        let closes = rest.is_empty() || AFTER_LAW.iter().any(|w| rest.starts_with(w));
        // `…事業の推進に関する法律` read from `推進`: the name began further left.
        let cut_short = name.ends_with("に関する法律") && text[..start].ends_with('の');
        if !closes || cut_short || !is_law_name(name) {
            continue;
        }
        found.push(LawMatch {
            name: name.to_string(),
            start,
            end: m.end(),
            numbered: false,
        });
    }
    found.sort_by_key(|m| m.start);
    found
}

fn is_law_name(name: &str) -> bool {
    let stem = name.trim_end_matches("の一部を改正する法律");
    stem.chars().count() >= 3
        && !NOT_LAWS.iter().any(|w| stem.ends_with(w))
        && !stem.starts_with(['同', '本', '当', '各'])
        && !stem.ends_with("独立行政法")
        && !stem.ends_with("研究開発法")
        && !stem.ends_with("年法律")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str) -> Vec<String> {
        find_laws(text).into_iter().map(|m| m.name).collect()
    }

    #[test]
    fn finds_quoted_and_bare_laws() {
        assert_eq!(names("「電気通信事業法」に基づき"), ["電気通信事業法"]);
        assert!(names("地域づくり事業の推進に関する法律に基づき").is_empty());
        assert_eq!(
            names("電波法及び放送法の規定により、新たな方法で"),
            ["電波法", "放送法"]
        );
        assert_eq!(
            names("官民データ活用推進基本法に基づく計画"),
            ["官民データ活用推進基本法"]
        );
        assert!(names("効果的な手法を用いる").is_empty());
        assert_eq!(
            names(
                "予算関連 地域振興機構法及び電波法の一部を改正する法律（令和4年法律第93号）に基づく"
            ),
            ["地域振興機構法及び電波法の一部を改正する法律"]
        );
        assert!(names("国立研究開発法人情報通信研究機構").is_empty());
        assert!(names("国・独法等関係の相談").is_empty());
        assert_eq!(names("リスク点検・評価等外為法の執行"), ["外為法"]);
        assert_eq!(
            names("中小企業等経営強化法に基づく"),
            ["中小企業等経営強化法"]
        );
        assert_eq!(
            names("（１）国立研究開発法人地域振興機構法の改正"),
            ["国立研究開発法人地域振興機構法"]
        );
    }
}
