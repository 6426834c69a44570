//! Decisions: the note after a strategy's name that says when and by whom it was decided
//! (`令和7年6月13日閣議決定`, `…会議決定`, `…公表`, `…時点`), dates read by
//! [`crate::money::find_dates`].

use super::names::{clean_name, trim_markers};
use crate::money::find_dates;

/// What a parenthesised note after a strategy's name says about its adoption.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Decision {
    /// ISO date.
    pub date: String,
    /// Who decided or published it, as written (`閣議決定` kept whole).
    pub by: Option<String>,
    /// `決定`, `公表`, `時点` (a draft as of that date) or empty.
    pub verb: String,
}

/// Reads `令和7年6月13日閣議決定`, `2024 年 6 月 18 日デジタル行財政改革会議決定`,
/// `令和7年5月23日公表`, `令和6年8月30日総務省`, `令和7年11月4日時点 内閣府…`.
pub fn parse_decision(note: &str) -> Option<Decision> {
    let date = find_dates(note).next()?;
    let rest = clean_name(&note[date.end..]);
    // A later note (`…公表、2025年5月改定`) is another event, not the decider.
    let rest = rest.split(['、', '。', ',']).next().unwrap_or("").trim();
    let (by, verb) = if rest == "閣議決定" {
        (Some(rest.to_string()), "決定")
    } else if let Some(body) = rest.strip_prefix("時点") {
        (non_empty(body), "時点")
    } else if let Some(body) = rest.strip_suffix("決定") {
        (non_empty(body), "決定")
    } else if let Some(body) = rest.strip_suffix("公表") {
        (non_empty(body), "公表")
    } else if let Some(body) = rest.strip_suffix("策定") {
        (non_empty(body), "策定")
    } else if let Some(body) = rest
        .strip_suffix("改定")
        .or_else(|| rest.strip_suffix("改訂"))
    {
        (non_empty(body.trim_end_matches("最終")), "改定")
    } else {
        (non_empty(rest), "")
    };
    Some(Decision {
        date: date.iso(),
        by,
        verb: verb.to_string(),
    })
}

fn non_empty(text: &str) -> Option<String> {
    let text = trim_markers(text);
    (!text.is_empty()).then(|| text.to_string())
}

/// The agency that a decider string names: `閣議決定` → `閣議`, otherwise the string itself.
pub fn decider_agency(by: &str) -> String {
    by.strip_suffix("決定").unwrap_or(by).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_decisions() {
        let later = parse_decision("2020年5月公表、2025年5月改定").unwrap_or_default();
        assert_eq!((later.by, later.verb.as_str()), (None, "公表"));
        let revised = parse_decision("2025年3月最終改定").unwrap_or_default();
        assert_eq!((revised.by, revised.verb.as_str()), (None, "改定"));
        let d = parse_decision("令和7年6月13日閣議決定").unwrap_or_default();
        assert_eq!(
            (d.date.as_str(), d.by.as_deref()),
            ("2025-06-13", Some("閣議決定"))
        );
        let d = parse_decision("2024 年 6 月 18 日デジタル行財政改革会議決定").unwrap_or_default();
        assert_eq!(d.by.as_deref(), Some("デジタル行財政改革会議"));
        let d = parse_decision("令和7年11月4日時点 内閣府科学技術・イノベーション推進事務局")
            .unwrap_or_default();
        assert_eq!(
            (d.verb.as_str(), d.by.as_deref()),
            ("時点", Some("内閣府科学技術・イノベーション推進事務局"))
        );
        let d = parse_decision("令和7年5月23日公表").unwrap_or_default();
        assert_eq!((d.verb.as_str(), d.by), ("公表", None));
    }
}
