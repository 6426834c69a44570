//! Indicators: tables of years with targets and actuals, and KPI check rows.

use super::*;

pub(super) fn is_empty_cell(cell: &str) -> bool {
    matches!(cell, "-" | "ー" | "－" | "―" | "‐" | "—")
}

/// `【目標：…】` marks, year tables of targets and actuals, indicator headings with targets
/// by due date, and targets stated in text.
pub(super) fn read_indicators(
    text: &DocText,
    out: &mut Collector<'_>,
    section: &PolicySection,
    ctx: &SectionContext,
) {
    for i in section.start..section.end {
        if let Some(target) = target_mark(text.cleaned(i))
            && let Some((name, name_line)) = indicator_label_above(text, i)
        {
            let values = IndicatorValues {
                target: Some(target.to_string()),
                ..IndicatorValues::default()
            };
            let subject = ctx.subject(section, i);
            let indicator = FoundIndicator::new(&values, None, &[], None);
            add_indicator(
                out,
                Some(&subject),
                &name,
                indicator,
                text.span_source(name_line, i),
            );
        }
    }
    let lines: Vec<&str> = (section.start..section.end)
        .map(|i| text.cleaned(i))
        .collect();
    for found in indicators_in_tables(&lines) {
        let first = section.start + found.first;
        let last = section.start + found.last;
        let subject = nearest_bullet_measure(text, out, section, ctx, first);
        let name = if found.row_label {
            let owner = out.node_name(&subject).unwrap_or_default();
            format!("{owner} {}", found.name)
        } else {
            tidy_name(&found.name)
        };
        if !is_name_like(&name) {
            continue;
        }
        let indicator =
            FoundIndicator::new(&found.values, None, &found.planned, found.unit.as_deref());
        let id = add_indicator(
            out,
            Some(&subject),
            &name,
            indicator,
            text.span_source(first, last),
        );
        if found.row_label {
            out.alias(&id, &found.name);
        }
    }
    for found in figure_cards(&lines) {
        let first = section.start + found.first;
        let subject = ctx.subject(section, first);
        let owner = out.node_name(&subject).unwrap_or_default();
        let name = format!("{owner} {}", found.name);
        let indicator = FoundIndicator::new(&found.values, None, &[], found.unit.as_deref());
        let source = text.span_source(first, section.start + found.last);
        let id = add_indicator(out, Some(&subject), &name, indicator, source);
        out.alias(&id, &found.name);
    }
    for found in dated_targets(&lines) {
        let first = section.start + found.name_line;
        let last = section.start + found.last;
        let subject = ctx.subject(section, first);
        let indicator = FoundIndicator::new(&found.values, None, &found.steps, None);
        let source = text.span_source(first, last);
        let id = add_indicator(
            out,
            Some(&subject),
            &tidy_name(&found.name),
            indicator,
            source.clone(),
        );
        if let Some(plan) = ctx.plan(section, first) {
            out.edge(plan, Rel::Targets, &id, source);
        }
    }
    for found in milestones(&lines, text.doc.info.year()) {
        let first = section.start + found.name_line;
        let subject = ctx.subject(section, first);
        let indicator = FoundIndicator::new(&found.values, None, &[], None);
        let source = text.span_source(first, section.start + found.last);
        let id = add_indicator(out, Some(&subject), &found.name, indicator, source.clone());
        if let Some(plan) = ctx.plan(section, first) {
            out.edge(plan, Rel::Targets, &id, source);
        }
    }
    for i in section.start..section.end {
        let joined = joined_with_next(text, i);
        let Some(statement) = target_statement(&joined) else {
            continue;
        };
        let name = tidy_name(&statement.name);
        if !is_name_like(&name) || !text.cleaned(i).contains(statement.name.as_str()) {
            continue;
        }
        let on_its_line = target_statement(text.cleaned(i)).is_some_and(|own| own == statement);
        let last = text
            .after(i, 1)
            .first()
            .copied()
            .filter(|n| *n <= i + 2 && !on_its_line)
            .unwrap_or(i);
        let subject = ctx.subject(section, i);
        let indicator = FoundIndicator::new(&statement.values, statement.due.as_deref(), &[], None);
        add_indicator(
            out,
            Some(&subject),
            &name,
            indicator,
            text.span_source(i, last),
        );
    }
}

/// The `・name` label (possibly over two lines) just above a `【目標：…】` mark.
pub(super) fn indicator_label_above(text: &DocText, index: usize) -> Option<(String, usize)> {
    let above = text.before(index, 3);
    let mut parts: Vec<String> = Vec::new();
    for j in above {
        let l = text.cleaned(j);
        if l.starts_with('（') || l.starts_with('(') || l.starts_with('【') {
            return None;
        }
        parts.insert(0, l.to_string());
        if l.starts_with('・') || l.starts_with('○') {
            let name = tidy_name(&parts.concat());
            return is_name_like(&name).then_some((name, j));
        }
    }
    None
}

/// The `○measure` bullet a table sits under (within a few lines), else the governing measure.
pub(super) fn nearest_bullet_measure(
    text: &DocText,
    out: &mut Collector<'_>,
    section: &PolicySection,
    ctx: &SectionContext,
    index: usize,
) -> String {
    for j in text.before(index, 3) {
        let l = text.cleaned(j);
        if l.starts_with('○') {
            let name = tidy_name(l);
            if is_name_like(&name) {
                return add_measure(text, out, &name, j, &ctx.policy);
            }
        }
    }
    ctx.subject(section, index)
}

pub(super) static CHECK_ROW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[✓✔☑]\s*(?P<name>.+?)\s*(?:＜[^＞]*＞|<[^>]*>)?\s*(?P<mark>[○－ー-])\s*(?P<kpi>.*)$",
    )
    .expect("check row")
});
pub(super) static PAREN_TARGET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[（(](.+?)[）)]?$").expect("paren target"));

/// KPI table rows `✓業務 ○ KPI` with the KPI and its target on the following lines.
pub(super) fn read_kpi_rows(
    text: &DocText,
    out: &mut Collector<'_>,
    section: &PolicySection,
    ctx: &SectionContext,
) {
    for i in section.start..section.end {
        let line = text.cleaned(i);
        let Some(caps) = CHECK_ROW.captures(line) else {
            continue;
        };
        let raw_name = caps.name("name").map(|m| m.as_str()).unwrap_or("");
        let name = raw_name
            .trim_end_matches("(再掲)")
            .trim_end_matches("（再掲）")
            .trim()
            .to_string();
        if !is_name_like(&name) {
            continue;
        }
        let measure = add_measure(text, out, &name, i, &ctx.policy);
        if caps.name("mark").map(|m| m.as_str()) != Some("○") {
            continue;
        }
        let mut kpi = caps
            .name("kpi")
            .map(|m| m.as_str().trim().to_string())
            .unwrap_or_default();
        let mut target = None;
        let mut last = i;
        let mut paren_open = String::new();
        for j in text.after(i, 4) {
            let l = text.cleaned(j);
            if CHECK_ROW.is_match(l) || l.starts_with('※') {
                break;
            }
            last = j;
            if !paren_open.is_empty() {
                paren_open.push_str(l);
                if l.contains('）') || l.contains(')') {
                    target = PAREN_TARGET
                        .captures(&paren_open)
                        .and_then(|c| c.get(1))
                        .map(|m| m.as_str().to_string());
                    break;
                }
                continue;
            }
            if l.starts_with('（') || l.starts_with('(') {
                if l.contains('）') || l.contains(')') {
                    target = PAREN_TARGET
                        .captures(l)
                        .and_then(|c| c.get(1))
                        .map(|m| m.as_str().to_string());
                    break;
                }
                paren_open = l.to_string();
                continue;
            }
            if l.chars().any(|c| c == '%' || c == '％') && l.chars().count() <= 12 {
                kpi.push_str(
                    l.trim_end_matches(|c: char| c.is_ascii_digit() || c == '%' || c == '.'),
                );
                target = Some(l.to_string());
                break;
            }
            kpi.push_str(l);
        }
        let kpi = kpi.trim().to_string();
        if !is_name_like(&kpi) {
            continue;
        }
        let id = out.node(NodeType::Indicator, &kpi, text.span_source(i, last));
        if let Some(t) = target {
            out.prop(&id, "target", t);
        }
        out.edge(&measure, Rel::EvaluatedBy, &id, text.span_source(i, last));
    }
}
