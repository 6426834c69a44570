//! Budget figures read from brackets and summary lines: year, kind, item and quote.

use super::*;

impl PlanReader<'_> {
    // ---------------------------------------------------------------- budgets

    /// Resolves program names (one canonical spelling per program), matches summary items to
    /// table programs with the same amount, and emits program/fund, budget and edge drafts.
    pub(super) fn resolve_budgets(&mut self) {
        let canonical = canonical_names(
            self.budgets
                .iter()
                .filter(|b| !b.from_summary)
                .map(|b| b.item.as_str()),
        );
        let budgets = std::mem::take(&mut self.budgets);
        let mut emitted: Vec<(String, BudgetFigure)> = Vec::new();
        for budget in budgets {
            let mut item = canonical
                .get(&loose_key(&budget.item))
                .cloned()
                .unwrap_or_else(|| budget.item.clone());
            if budget.from_summary
                && let Some(existing) = match_existing(&emitted, &budget.item, &budget.figure)
            {
                item = existing;
            }
            let program = self.program_node(&item, budget.source.clone());
            if item != budget.item {
                self.c.alias(&program, &budget.item);
            }
            let mut draft = NodeDraft {
                id: node_id(NodeType::Budget, &budget.figure.id_key(&item)),
                node_type: NodeType::Budget,
                name: budget_name(&item, &budget.figure),
                aliases: Vec::new(),
                props: budget.figure.to_props(),
                sources: vec![budget.source.clone()],
            };
            draft
                .props
                .insert("item".into(), Value::String(item.clone()));
            for (k, v) in budget.extra {
                draft.props.insert(k, v);
            }
            let financing = draft
                .props
                .get("financing")
                .and_then(Value::as_str)
                .map(str::to_string);
            let budget_id = self.c.node_draft(draft);
            if let Some(plan) = financing {
                let plan_id = self.c.node(NodeType::Program, &plan, budget.source.clone());
                self.c
                    .edge(&program, Rel::FundedBy, &plan_id, budget.source.clone());
            }
            self.c
                .edge(&program, Rel::HasBudget, &budget_id, budget.source.clone());
            if let Some((measure, source)) = budget.funder {
                self.c.edge(&measure, Rel::FundedBy, &program, source);
            }
            emitted.push((item, budget.figure));
        }
        for pending in std::mem::take(&mut self.part_of_programs) {
            let item = canonical
                .get(&loose_key(&pending.program))
                .cloned()
                .unwrap_or(pending.program);
            let program = self.program_node(&item, pending.source.clone());
            self.c
                .edge(&pending.child, Rel::PartOf, &program, pending.source);
        }
    }

    pub(super) fn program_node(&mut self, item: &str, source: Source) -> String {
        let node_type = if item.contains("基金") {
            NodeType::Fund
        } else {
            NodeType::Program
        };
        self.c.node(node_type, item, source)
    }
}

/// The fiscal year and kind of an amount: the first `（令和N年度kind）` after it, else the
/// previous amount's, else the last year written before it. Also returns the byte offset
/// (in `segment`) where the year's parenthesis closes.
pub(super) fn year_and_kind(
    segment: &str,
    amount: &AmountMatch,
    after: &str,
    previous: Option<(FiscalYear, BudgetKind)>,
    rest: &str,
) -> Option<(FiscalYear, BudgetKind, usize)> {
    if let Some(found) = find_fiscal_years(after).into_iter().next() {
        let close = after[found.end..]
            .find(['）', ')'])
            .map(|i| {
                let i = found.end + i;
                i + after[i..].chars().next().map(char::len_utf8).unwrap_or(1)
            })
            .unwrap_or(found.end);
        let context = fold_variants(&after[..close]);
        let kind = BudgetKind::detect(&context).or_else(|| previous.map(|p| p.1))?;
        return Some((found.year, kind, amount.end + close));
    }
    if let Some((year, kind)) = previous {
        return Some((year, kind, amount.end));
    }
    if let Some(found) = find_fiscal_years(rest).into_iter().next() {
        let close = rest[found.end..]
            .find(['）', ')'])
            .map(|i| found.end + i)
            .unwrap_or(found.end);
        if let Some(kind) = BudgetKind::detect(&fold_variants(&rest[..close])) {
            return Some((found.year, kind, amount.end));
        }
    }
    let before = &segment[..amount.start];
    let found = find_fiscal_years(before).into_iter().last()?;
    let kind = BudgetKind::detect(&fold_variants(before))?;
    Some((found.year, kind, amount.end))
}

pub(super) static FINANCING_PLAN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"年度\s*([^\s（）()、。]*?計画)").expect("financing pattern"));

/// `（令和8年度財政投融資計画）` → `財政投融資計画`: the financing plan a figure comes from.
pub(super) fn financing_plan(group: &str) -> Option<String> {
    let folded = fold_variants(group);
    let caps = FINANCING_PLAN.captures(&folded)?;
    Some(clean_name(caps.get(1)?.as_str()))
}

/// `億円の内数`, or `億円（令和7年度補正）の内数`.
pub(super) fn is_inclusive(after: &str) -> bool {
    let rest = after.trim_start();
    if rest.starts_with("の内数") || rest.starts_with("内数") {
        return true;
    }
    if rest.starts_with(['（', '('])
        && let Some(close) = rest.find(['）', ')'])
    {
        let group = &rest[..close];
        let tail = rest[close..].chars().skip(1).collect::<String>();
        return group.contains("年度") && tail.trim_start().starts_with("の内数");
    }
    false
}

pub(super) fn budget_quote<'l>(raw: &'l str, hit: &BracketHit) -> &'l str {
    let end = hit.quote_end.max(hit.amount_end).min(raw.len());
    let quote = &raw[hit.item_start.min(end)..end];
    if quote.chars().count() <= 200 {
        return quote;
    }
    let amount_start = raw[..hit.amount_end]
        .rfind(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',' || "億円 ".contains(c)))
        .map(|i| i + raw[i..].chars().next().map(char::len_utf8).unwrap_or(1))
        .unwrap_or(hit.item_start);
    shorten(&raw[amount_start.min(end)..end])
}

pub(super) fn shorten_around(text: &str, start: usize, end: usize) -> &str {
    let slice = &text[start..end];
    if slice.chars().count() <= 200 {
        return slice;
    }
    let from = slice
        .char_indices()
        .rev()
        .nth(199)
        .map(|(i, _)| start + i)
        .unwrap_or(start);
    &text[from..end]
}

pub(super) fn budget_name(item: &str, figure: &BudgetFigure) -> String {
    let amount = figure
        .amount_oku
        .map(|a| format!("{}億円", a.normalize()))
        .unwrap_or_else(|| "事項要求".to_string());
    format!(
        "{} {} {} {}",
        item,
        figure.fiscal_year.label(),
        figure.kind.as_str(),
        amount
    )
}

/// The item named before an amount on a summary line, with its byte offset.
pub(super) fn summary_item(before: &str) -> (Option<String>, usize) {
    let line_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    let bullet_start = if before[line_start..].trim_start().starts_with("- ") {
        line_start
    } else {
        before.rfind("\n- ").map(|i| i + 1).unwrap_or(0)
    };
    let scope = &before[bullet_start..];
    if let Some(colon) = scope.rfind('：') {
        let head = &scope[..colon];
        let name = clean_name(&head.replace('\n', ""));
        let start = bullet_start + head.len() - head.trim_start_matches(['-', ' ']).len();
        return ((!name.is_empty()).then_some(name), start);
    }
    let mut head = before.trim_end_matches(['*', ' ', '(', '（', '\u{3000}']);
    let mut changed = true;
    while changed {
        let next = head
            .trim_end_matches(['*', ' '])
            .trim_end_matches('約')
            .trim_end_matches(['に', 'は', 'で', 'が', 'と', '、', '*', ' ']);
        changed = next != head;
        head = next;
    }
    let start = head
        .rfind(['、', '。', '（', '(', '「', '」', '\n'])
        .map(|i| i + head[i..].chars().next().map(char::len_utf8).unwrap_or(1))
        .unwrap_or(0);
    let phrase = head[start..].trim_start_matches(['-', ' ']);
    let phrase_start = start + (head[start..].len() - phrase.len());
    let mut name = clean_name(phrase);
    for lead in ["特に", "また", "さらに"] {
        if let Some(rest) = name.strip_prefix(lead) {
            name = rest.to_string();
        }
    }
    ((!name.is_empty()).then_some(name), phrase_start)
}

pub(super) fn is_total_word(item: &str) -> bool {
    matches!(item, "合計" | "総額" | "計" | "総計" | "小計")
}

/// The fiscal year and kind a summary line sets for the lines after it (not a comparison).
pub(super) fn line_default(text: &str) -> Option<(FiscalYear, BudgetKind, String)> {
    if text.contains("比較") || text.contains('\t') {
        return None;
    }
    let year = find_fiscal_years(text).into_iter().next()?;
    let kind = BudgetKind::detect(&fold_variants(text))?;
    let amount = find_amounts(text).into_iter().next()?;
    let (item, _) = summary_item(&text[..amount.start]);
    Some((year.year, kind, item?))
}

pub(super) fn summary_year_kind(
    item: &str,
    after: &str,
    text: &str,
    default: &Option<(FiscalYear, BudgetKind, String)>,
) -> Option<(FiscalYear, BudgetKind)> {
    let from = |t: &str| -> Option<(FiscalYear, BudgetKind)> {
        let year = find_fiscal_years(t).into_iter().next()?;
        let kind = BudgetKind::detect(&fold_variants(t))?;
        Some((year.year, kind))
    };
    let group = leading_paren(after).unwrap_or("");
    from(item)
        .or_else(|| from(group))
        .or_else(|| from(text).filter(|_| !text.contains("比較")))
        .or_else(|| default.as_ref().map(|d| (d.0, d.1)))
}
