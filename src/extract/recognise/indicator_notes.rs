//! What a report's notes say of its indicator tables as a whole: the order of the two values a
//! year's cell holds (`各年度欄は、「年度目標値／実績値」の順に記載`, so `96.0／96.8` is a
//! target of 96.0 and an actual of 96.8), and the year every final target is due
//! (`最終目標値はすべて令和8年度の値です`).

use super::indicator_columns::IndicatorTable;
use super::targets::year_in;
use crate::normalize::nfkc;
use regex::Regex;
use std::sync::LazyLock;

/// Which of a cell's two values, parted by a slash, is the year's actual.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PairOrder {
    /// `目標値／実績値`: the target first, then the actual.
    TargetFirst,
    /// `実績値／目標値`: the actual first, then the target.
    ActualFirst,
}

/// A note naming the two values of a cell in order, parted by a slash (after NFKC); the
/// second may be the year's (`実績値／年度目標値`).
static PAIR_LEGEND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(目標|計画|実績)値?\s*/\s*(?:各?年度|単年度)?(目標|計画|実績)値?")
        .expect("pair legend")
});

/// A note giving the year every final target is due (`最終目標値はすべて令和8年度の値`,
/// `目標値はいずれも令和12年度`), after NFKC.
static TARGET_YEAR_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"目標値?(?:は|の年度は)(?:すべて|全て|いずれも)((?:令和|平成)(?:\d{1,2}|元)年度?|\d{4}年度?)")
        .expect("target year note")
});

/// The order a report's notes give the two values of a year's cell, if one names it.
fn pair_order(lines: &[&str]) -> Option<PairOrder> {
    lines.iter().find_map(|line| {
        let folded = nfkc(line);
        let caps = PAIR_LEGEND.captures(&folded)?;
        let is_actual = |at: usize| caps.get(at).is_some_and(|m| m.as_str() == "実績");
        match (is_actual(1), is_actual(2)) {
            (false, true) => Some(PairOrder::TargetFirst),
            (true, false) => Some(PairOrder::ActualFirst),
            _ => None,
        }
    })
}

/// The year a report's notes say every final target is due, if they say one.
fn stated_target_year(lines: &[&str]) -> Option<u16> {
    lines.iter().find_map(|line| {
        let folded = nfkc(line);
        let caps = TARGET_YEAR_NOTE.captures(&folded)?;
        year_in(caps.get(1)?.as_str())
    })
}

/// A cell of two values parted by one slash (`96.0／96.8`, `△1.5／△1.8`): the target and
/// the actual, in the order `order` says. `None` for any other cell.
fn split_pair(cell: &str, order: PairOrder) -> Option<(&str, &str)> {
    let (first, second) = cell.split_once(['／', '/'])?;
    let (first, second) = (first.trim(), second.trim());
    let is_value = |v: &str| v.chars().any(|c| c.is_ascii_digit() || c.is_numeric());
    if second.contains(['／', '/']) || !is_value(first) || !is_value(second) {
        return None;
    }
    Some(match order {
        PairOrder::TargetFirst => (first, second),
        PairOrder::ActualFirst => (second, first),
    })
}

/// Applies what the notes among `lines` say to the indicators of `tables`: a year's cell of a
/// target and an actual gives the actual, its target being the year's planned figure; an
/// indicator whose table gives no target year takes the one the notes give every target.
pub fn apply_notes(tables: &mut [IndicatorTable], lines: &[&str]) {
    let indicators = || tables.iter().flat_map(|t| t.indicators.iter());
    let paired = indicators().any(|found| {
        found
            .values
            .actuals
            .iter()
            .any(|(_, value)| value.contains(['／', '/']))
    });
    let undue = indicators()
        .any(|found| found.values.target.is_some() && found.values.target_year.is_none());
    let order = paired.then(|| pair_order(lines)).flatten();
    let due = undue.then(|| stated_target_year(lines)).flatten();
    for found in tables.iter_mut().flat_map(|t| t.indicators.iter_mut()) {
        if let Some(order) = order {
            let mut planned = Vec::new();
            for (year, value) in &mut found.values.actuals {
                if let Some((target, actual)) = split_pair(value, order) {
                    planned.push((*year, target.to_string()));
                    *value = actual.to_string();
                }
            }
            found.planned.extend(planned);
        }
        if found.values.target.is_some() && found.values.target_year.is_none() {
            found.values.target_year = due;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_legend_orders_the_values_of_a_cell() {
        let lines = ["各年度欄は、「**年度目標値／実績値**」の順に記載しています。"];
        assert_eq!(pair_order(&lines), Some(PairOrder::TargetFirst));
        assert_eq!(
            pair_order(&["上段：実績値/目標値（下段）"]),
            Some(PairOrder::ActualFirst)
        );
        assert_eq!(pair_order(&["目標値／目標年度"]), None);
        assert_eq!(
            split_pair("96.0／96.8", PairOrder::TargetFirst),
            Some(("96.0", "96.8"))
        );
        assert_eq!(
            split_pair("△0.5／+0.3", PairOrder::ActualFirst),
            Some(("+0.3", "△0.5"))
        );
        assert_eq!(split_pair("―／－", PairOrder::TargetFirst), None);
        assert_eq!(split_pair("1/2/3", PairOrder::TargetFirst), None);
    }

    #[test]
    fn a_note_gives_every_target_its_year() {
        let lines = ["基準値欄の（　）内は基準年度です。最終目標値はすべて令和8年度の値です。"];
        assert_eq!(stated_target_year(&lines), Some(2026));
        assert_eq!(
            stated_target_year(&["目標値は令和8年度までに見直す。"]),
            None
        );
    }
}
