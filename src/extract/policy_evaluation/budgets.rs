//! Budgets: amounts in 億円/百万円 on a slide with the fiscal year and kind written beside
//! them, attached to the item they fund.

use super::*;
use crate::normalize::is_digit;

pub(super) static COMPOUND_OKU: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d[\d,]*)\s*億$").expect("compound oku"));

/// The last fiscal year named in `text` (`令和5年度`, `R5`, `5年度`).
pub(super) fn last_fiscal_year(text: &str, allow_calendar_year: bool) -> Option<FiscalYear> {
    let folded = nfkc(text);
    let mut best: Option<(usize, FiscalYear)> = None;
    for m in find_fiscal_years(&folded) {
        if best.is_none_or(|(at, _)| m.start >= at) {
            best = Some((m.start, m.year));
        }
    }
    let reiwa = FiscalYear::reiwa(1)..=FiscalYear::reiwa(40);
    for label in find_year_labels(&folded) {
        if best.is_none_or(|(at, _)| label.start >= at) && reiwa.contains(&label.year) {
            best = Some((label.start, label.year));
        }
    }
    if best.is_none() && allow_calendar_year {
        best = find_era_years(&folded)
            .iter()
            .rfind(|named| named.year >= FiscalYear::reiwa(1))
            .map(|named| (0, named.year));
    }
    best.map(|(_, y)| y)
}

/// The budget kind the text names; plain 予算/予算額 means an initial budget.
pub(super) fn budget_kind(text: &str) -> Option<BudgetKind> {
    let folded = nfkc(text);
    if folded.contains("出資金") || (folded.contains("計画額") && !folded.contains("財政投融資"))
    {
        return Some(BudgetKind::Other);
    }
    BudgetKind::detect(&folded).or_else(|| folded.contains("予算").then_some(BudgetKind::Initial))
}

/// Whether the text beside an amount marks it as a cap, a scale or a market size.
pub(super) fn is_not_a_budget(before: &str, after: &str) -> bool {
    let after = nfkc(after);
    let after = after.trim_start();
    let before = nfkc(before);
    let before = before.trim_end();
    ["程度", "以下", "以上", "上限", "/人", "/年", "規模"]
        .iter()
        .any(|w| after.starts_with(w))
        || before.ends_with(['～', '〜', '~'])
        || before.ends_with("上限")
        || before.ends_with("上限額")
}

pub(super) struct FoundAmount {
    pub(super) oku: Decimal,
    pub(super) start: usize,
    pub(super) end: usize,
}

/// Amounts in 億円/百万円/兆円 on one line, with `849億2,200万円` read as one amount.
pub(super) fn budget_amounts(line: &str) -> Vec<FoundAmount> {
    let mut found = Vec::new();
    for m in find_amounts(line) {
        let unit_text = nfkc(m.text(line));
        if unit_text.ends_with("億円")
            || unit_text.ends_with("百万円")
            || unit_text.ends_with("千万円")
            || unit_text.contains('兆')
        {
            found.push(FoundAmount {
                oku: m.oku,
                start: m.start,
                end: m.end,
            });
        } else if unit_text.ends_with("万円") {
            let before = nfkc(&line[..m.start]);
            if let Some(caps) = COMPOUND_OKU.captures(before.trim_end()) {
                let whole = caps.get(1).and_then(|n| parse_number(n.as_str()));
                if let Some(oku) = whole {
                    let start = line[..m.start]
                        .rfind(|c: char| {
                            !(is_digit(c) || c == ',' || c == '億' || c.is_whitespace())
                        })
                        .map(|p| p + line[p..].chars().next().map(char::len_utf8).unwrap_or(1))
                        .unwrap_or(0);
                    found.push(FoundAmount {
                        oku: oku + m.oku,
                        start,
                        end: m.end,
                    });
                }
            }
        }
    }
    found
}

/// Reads every budget amount of a policy section.
pub(super) fn read_budgets(
    text: &DocText,
    out: &mut Collector<'_>,
    section: &PolicySection,
    ctx: &SectionContext,
) {
    for i in section.start..section.end {
        let line = text.raw(i);
        let amounts = budget_amounts(line);
        let mut previous: Option<(FiscalYear, BudgetKind)> = None;
        let mut previous_end = 0usize;
        for (k, amount) in amounts.iter().enumerate() {
            let segment = line.get(previous_end..amount.start).unwrap_or("");
            let next_start = amounts.get(k + 1).map(|a| a.start).unwrap_or(line.len());
            let tail = line.get(amount.end..next_start).unwrap_or("");
            previous_end = amount.end;
            if is_not_a_budget(segment, tail) {
                continue;
            }
            let reading = read_year_and_kind(text, i, segment, previous, k == 0);
            let Some((year, kind, lookback)) = reading else {
                continue;
            };
            if nfkc(segment).contains("総額") {
                out.unparsed(text.source(i, line.get(amount.start..amount.end).unwrap_or("")));
                continue;
            }
            previous = Some((year, kind));
            let mut figure = BudgetFigure::new(Some(amount.oku), year, kind);
            let qualifier_text: String = tail.chars().take(12).collect();
            let (inclusive, flags) = detect_qualifiers(&qualifier_text);
            figure.inclusive = inclusive;
            figure.flags = flags;
            let (item_id, item_line) = budget_item(text, out, section, ctx, i, amount, lookback);
            add_budget(text, out, &figure, &item_id, i, item_line, amount);
            if inclusive {
                link_inclusive_program(text, out, i, amount, &item_id);
            }
        }
    }
}

/// Fiscal year and kind for an amount: from its own segment, the amount before it on the
/// line, or up to two label lines above. Returns the line the label was found on.
pub(super) fn read_year_and_kind(
    text: &DocText,
    index: usize,
    segment: &str,
    previous: Option<(FiscalYear, BudgetKind)>,
    first_on_line: bool,
) -> Option<(FiscalYear, BudgetKind, Option<usize>)> {
    let kind = budget_kind(segment);
    let year = last_fiscal_year(segment, false);
    match (year, kind) {
        (Some(y), Some(k)) => return Some((y, k, None)),
        (None, None) if !first_on_line => {
            return previous.map(|(y, k)| (y, k, None));
        }
        _ => {}
    }
    let mut context = segment.to_string();
    let mut label_line = None;
    if first_on_line {
        for j in text.before(index, 2) {
            if text.page_of(j) != text.page_of(index) || !budget_amounts(text.raw(j)).is_empty() {
                break;
            }
            let above = text.cleaned(j);
            if budget_kind(above).is_some() || last_fiscal_year(above, false).is_some() {
                context = format!("{above} {context}");
                label_line = Some(j);
            }
        }
    }
    let kind = budget_kind(&context)?;
    let year = last_fiscal_year(&context, false).or_else(|| {
        (kind == BudgetKind::Other)
            .then(|| {
                text.after(index, 3)
                    .into_iter()
                    .find_map(|j| last_fiscal_year(text.cleaned(j), true))
            })
            .flatten()
    })?;
    Some((year, kind, label_line))
}

/// The item an amount belongs to: a name on its own line, a name line just above, the
/// page's slide title, or the policy.
pub(super) fn budget_item(
    text: &DocText,
    out: &mut Collector<'_>,
    section: &PolicySection,
    ctx: &SectionContext,
    index: usize,
    amount: &FoundAmount,
    label_line: Option<usize>,
) -> (String, usize) {
    let line = text.raw(index);
    let first_start = budget_amounts(line)
        .first()
        .map(|a| a.start)
        .unwrap_or(amount.start);
    let prefix = nfkc(line.get(..first_start.min(amount.start)).unwrap_or(""));
    let prefix = strip_budget_phrase(&clean_line(&prefix));
    let prefix = prefix.trim_end_matches(['（', '(', '：', ':', ' ']);
    let same_line = tidy_name(prefix.rsplit(['。', '）', '、']).next().unwrap_or(""));
    let tail = nfkc(line.get(amount.end..).unwrap_or(""));
    let inclusive_program = same_line.contains("交付金") && tail.trim_start().starts_with("の内数");
    if is_name_like(&same_line) && !inclusive_program {
        return (add_item(text, out, ctx, &same_line, index), index);
    }
    let start = label_line.unwrap_or(index);
    let mut candidates = vec![start];
    candidates.extend(text.before(start, 2));
    for j in candidates {
        if j == index || text.page_of(j) != text.page_of(index) {
            continue;
        }
        if !budget_amounts(text.raw(j)).is_empty() {
            break;
        }
        let label = text.cleaned(j);
        let labelled = budget_kind(label).is_some() || label.starts_with(['○', '●']);
        let name = tidy_name(&strip_budget_phrase(label));
        if labelled && is_name_like(&name) && !name.contains(['、', ':', '：']) {
            return (add_item(text, out, ctx, &name, j), j);
        }
    }
    match ctx.governing(section, index) {
        Some(id) => (id, index),
        None => (ctx.policy.clone(), index),
    }
}

pub(super) fn add_item(
    text: &DocText,
    out: &mut Collector<'_>,
    ctx: &SectionContext,
    name: &str,
    line: usize,
) -> String {
    add_measure(text, out, name, line, &ctx.policy)
}

pub(super) fn add_budget(
    text: &DocText,
    out: &mut Collector<'_>,
    figure: &BudgetFigure,
    item_id: &str,
    index: usize,
    item_line: usize,
    amount: &FoundAmount,
) {
    let item_name = out.node_name(item_id).unwrap_or_default().to_string();
    let amount_text = text.raw(index).get(amount.start..amount.end).unwrap_or("");
    let source = if item_line == index {
        text.source(index, text.raw(index).trim())
    } else {
        text.span_source(item_line.min(index), item_line.max(index))
    };
    let oku = figure
        .amount_oku
        .map(|a| a.normalize().to_string())
        .unwrap_or_default();
    let name = format!(
        "{} {} {} {}億円",
        item_name,
        figure.fiscal_year.label(),
        figure.kind.as_str(),
        oku
    );
    let mut draft = NodeDraft::new(NodeType::Budget, &name, source.clone());
    draft.id = crate::graph::model::node_id(NodeType::Budget, &figure.id_key(&item_name));
    draft.props = figure.to_props();
    draft.props.insert("item".into(), item_name.clone().into());
    draft.props.insert("amount_text".into(), amount_text.into());
    let id = out.node_draft(draft);
    out.edge(item_id, Rel::HasBudget, &id, source);
}

/// `地域経済循環創造事業交付金 5.8億円の内数` → the item is funded by that program.
pub(super) fn link_inclusive_program(
    text: &DocText,
    out: &mut Collector<'_>,
    index: usize,
    amount: &FoundAmount,
    item: &str,
) {
    let prefix = nfkc(text.raw(index).get(..amount.start).unwrap_or(""));
    let name = tidy_name(&strip_budget_phrase(prefix.trim()));
    if is_name_like(&name) {
        let program = out.node(
            item_type_program(&name),
            &name,
            text.source(index, name.as_str()),
        );
        out.edge(
            item,
            Rel::FundedBy,
            &program,
            text.source(index, name.as_str()),
        );
    }
}

pub(super) fn item_type_program(name: &str) -> NodeType {
    match item_type(name) {
        NodeType::Measure => NodeType::Program,
        other => other,
    }
}
