//! "How much did X grow from the previous year?": two figures of the same item a year
//! apart, the difference and the rate, exact, the document's own 比較増減額 and 増減率
//! where it states them, every operand cited.

use super::compose::{self, oku};
use super::figures::{Figure, budget_figures, coverage, owners};
use super::intent::Intent;
use super::outcome::Outcome;
use super::response::{Computed, Fact};
use super::subject::budget_nodes;
use crate::engine::Engine;
use crate::graph::model::NodeDraft;
use crate::money::{BudgetKind, FiscalYear};
use rust_decimal::{Decimal, RoundingStrategy};
use std::cmp::Reverse;

/// Decimals of a rate in percent, as budget documents give it.
const RATE_DECIMALS: u32 = 1;

/// Rank of a figure's kind as the later side of a comparison (lower first).
fn later_rank(kind: &str) -> u8 {
    match kind {
        "initial" => 0,
        "request" => 1,
        "supplementary" => 2,
        _ => 3,
    }
}

/// Whether two figures are of the same item: the same normalised name or a shared owner.
fn same_item(engine: &Engine, a: &Figure, b: &Figure) -> bool {
    if a.item_key() == b.item_key() {
        return true;
    }
    let owners_a: Vec<String> = owners(engine, &a.node.id)
        .iter()
        .map(|o| o.id.clone())
        .collect();
    owners(engine, &b.node.id)
        .iter()
        .any(|o| owners_a.contains(&o.id))
}

/// How close two figures were read: on the same line, in the same document, or apart.
fn closeness(a: &Figure, b: &Figure) -> u8 {
    let same = |line: bool| {
        a.node.sources.iter().any(|s| {
            b.node
                .sources
                .iter()
                .any(|t| s.doc == t.doc && (!line || s.line_start == t.line_start))
        })
    };
    if same(true) {
        0
    } else if same(false) {
        1
    } else {
        2
    }
}

/// The figure of the previous fiscal year to compare `later` with, and how close it was
/// read: the same item, of the initial budget when there is one (概算要求 and 予算案
/// compare with it), else the same kind; the same line, then the same document first.
fn earlier_of<'e>(
    engine: &Engine,
    later: &Figure<'e>,
    figures: &[Figure<'e>],
) -> Option<(Figure<'e>, u8)> {
    let year = FiscalYear(later.fy?.0.checked_sub(1)?);
    figures
        .iter()
        .filter(|f| f.fy == Some(year) && f.is_own_amount())
        // A supplementary budget compares with the previous supplementary one; anything
        // else with the previous initial budget (or the same kind).
        .filter(|f| f.kind == later.kind || (f.kind == "initial" && later.kind != "supplementary"))
        .filter(|f| same_item(engine, later, f))
        .map(|f| (f.clone(), closeness(later, f)))
        .min_by_key(|(f, close)| {
            (
                u8::from(f.kind != "initial"),
                *close,
                u8::from(f.is_relisted()),
            )
        })
}

/// Whether the document states the figure's change on the figure's own line.
fn change_stated_beside(engine: &Engine, figure: &Figure) -> bool {
    figure.stated_change(engine).is_some_and(|change| {
        change.node.id == figure.node.id
            || change.node.sources.iter().any(|s| {
                figure
                    .node
                    .sources
                    .iter()
                    .any(|t| t.doc == s.doc && t.line_start == s.line_start)
            })
    })
}

/// The rate of change in percent, to one decimal.
pub fn rate_pct(difference: Decimal, base: Decimal) -> Option<Decimal> {
    if base.is_zero() {
        return None;
    }
    let rate = difference
        .checked_mul(Decimal::ONE_HUNDRED)?
        .checked_div(base)?;
    let mut rounded =
        rate.round_dp_with_strategy(RATE_DECIMALS, RoundingStrategy::MidpointAwayFromZero);
    rounded.rescale(RATE_DECIMALS);
    Some(rounded)
}

/// Answers a change question about `subject`: the asked year (and kind) against the year
/// before.
pub fn answer<'e>(
    engine: &'e Engine,
    subject: &'e NodeDraft,
    fy: Option<FiscalYear>,
    kind: Option<BudgetKind>,
) -> Outcome<'e> {
    let mut outcome = Outcome::about(subject, Intent::Change);
    let figures = budget_figures(&budget_nodes(engine, subject));
    let own: Vec<String> = super::figures::budget_nodes_of(engine, &subject.id)
        .iter()
        .map(|n| n.id.clone())
        .collect();
    // The subject's own figures first, the newest year, two figures read together; among
    // its parts' figures, the largest (the one that moves the subject most).
    let pair = figures
        .iter()
        .filter(|f| f.is_own_amount() && f.matches(fy, kind))
        .filter_map(|later| earlier_of(engine, later, &figures).map(|(e, c)| (later, e, c)))
        .min_by_key(|(later, _, close)| {
            (
                u8::from(!own.contains(&later.node.id)),
                Reverse(later.fy),
                *close,
                u8::from(!change_stated_beside(engine, later)),
                later_rank(&later.kind),
                u8::from(later.is_relisted()),
                Reverse(later.amount),
            )
        })
        .map(|(later, earlier, _)| (later.clone(), earlier));
    let Some((later, earlier)) = pair else {
        let asked = fy.map(super::figures::year_japanese).unwrap_or_default();
        return outcome.unsupported(format!(
            "「{}」の{}前年度と比べられる同じ項目の数字は、この資料にはありません。{}",
            subject.name,
            if asked.is_empty() {
                String::new()
            } else {
                format!("{asked}と")
            },
            coverage(&figures, fy)
        ));
    };
    let (Some(new), Some(old)) = (later.amount, earlier.amount) else {
        return outcome;
    };
    let later_id = outcome
        .facts
        .add(compose::budget_fact(engine, subject, &later));
    let earlier_id = outcome
        .facts
        .add(compose::budget_fact(engine, subject, &earlier));
    let calculated = new - old;
    let stated = later.stated_change(engine);
    let stated_by = stated.as_ref().map(|change| {
        outcome.facts.add(Fact {
            id: String::new(),
            kind: "change".into(),
            subject: super::node_ref(subject),
            object: super::node_ref(change.node),
            text: format!(
                "「{}」の比較増減額（資料記載）: {}{}",
                later.item,
                oku(change.amount),
                compose::source_note(engine, &change.node.sources)
            ),
            amount_oku_yen: Some(change.amount.to_string()),
            fy: later.fy.map(|y| y.label()),
            budget_kind: None,
            inclusive: None,
            sources: change.node.sources.clone(),
        })
    });
    let difference = stated.as_ref().map_or(calculated, |c| c.amount);
    let rate = later
        .stated_rate(engine)
        .or_else(|| rate_pct(difference, old));
    outcome.answer = Some(sentence(
        engine,
        subject,
        &later,
        &earlier,
        difference,
        rate,
        stated.is_some(),
    ));
    outcome.computed = Some(Computed {
        op: "difference".into(),
        operands: vec![later_id, earlier_id],
        result: difference.to_string(),
        rate_pct: rate.map(|r| r.to_string()),
        basis: if stated_by.is_some() {
            "stated"
        } else {
            "calculated"
        }
        .into(),
        stated_by,
    });
    outcome.fy = later.fy;
    outcome.kind = BudgetKind::parse(&later.kind);
    outcome.supported = true;
    outcome
}

fn sentence(
    engine: &Engine,
    subject: &NodeDraft,
    later: &Figure,
    earlier: &Figure,
    difference: Decimal,
    rate: Option<Decimal>,
    stated: bool,
) -> String {
    let direction = if difference.is_sign_negative() {
        "減"
    } else if difference.is_zero() {
        "増減なし"
    } else {
        "増"
    };
    let magnitude = if difference.is_zero() {
        String::new()
    } else {
        format!("{}の{direction}", oku(difference.abs()))
    };
    let rate_text = rate
        .map(|r| format!("（増減率 {}%）", r))
        .unwrap_or_default();
    let basis = if stated {
        "差額は資料記載の比較増減額です。"
    } else {
        "差額は両年度の数字から計算しました。"
    };
    format!(
        "「{}」の「{}」は、{} {}{}に対し、{} {}{}です。前年度比 {}{}です。{}",
        subject.name,
        later.item,
        compose::figure_label(earlier),
        oku(earlier.amount.unwrap_or_default()),
        compose::source_note(engine, &earlier.node.sources),
        compose::figure_label(later),
        oku(later.amount.unwrap_or_default()),
        compose::source_note(engine, &later.node.sources),
        if magnitude.is_empty() {
            direction.to_string()
        } else {
            magnitude
        },
        rate_text,
        basis
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_are_exact_to_one_decimal() {
        let d = |s: &str| s.parse::<Decimal>().expect("decimal");
        assert_eq!(rate_pct(d("13482"), d("168625")), Some(d("8.0")));
        assert_eq!(rate_pct(d("-390"), d("4633")), Some(d("-8.4")));
        assert_eq!(
            rate_pct(d("1.2"), d("2.5")).map(|r| r.to_string()),
            Some("48.0".into())
        );
        assert_eq!(rate_pct(d("1"), d("0")), None);
    }
}
