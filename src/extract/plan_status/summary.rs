//! The summary slide's amounts and the changes it states.

use super::*;

impl PlanReader<'_> {
    // ---------------------------------------------------------------- summary slide

    /// Amounts outside the tables: `- 項目：**1,500億円**`, `…補正予算は、**3,592.8億円**`.
    pub(super) fn read_summary_amounts(&mut self) {
        let mut default: Option<(FiscalYear, BudgetKind, String)> = None;
        let count = self.line_count();
        let mut line = 1;
        while line <= count {
            let raw = self.c.line(line);
            if raw.contains('\t') || raw.trim().is_empty() {
                line += 1;
                continue;
            }
            let (text, last_line) = self.joined_item(line);
            if let Some(found) = line_default(&text) {
                default = Some(found);
            }
            if !find_amounts(&text).is_empty() {
                self.read_summary_line(line, last_line, &text, default.clone());
            }
            line = last_line + 1;
        }
    }

    /// Records an approximate change (約N億円の増/減) on the latest figure of the item, year
    /// and kind the line speaks of; false when no such figure was read.
    pub(super) fn attach_change(
        &mut self,
        compared: Option<&(FiscalYear, BudgetKind, String)>,
        change: rust_decimal::Decimal,
    ) -> bool {
        let Some((year, kind, item)) = compared else {
            return false;
        };
        let Some(budget) =
            self.budgets.iter_mut().rev().find(|b| {
                &b.item == item && b.figure.fiscal_year == *year && b.figure.kind == *kind
            })
        else {
            return false;
        };
        budget
            .extra
            .insert("change_oku_yen".into(), Value::String(change.to_string()));
        budget
            .extra
            .insert("change_approximate".into(), Value::Bool(true));
        true
    }

    /// A `- name` line continued on the next line (`name：amount`) is read as one.
    pub(super) fn joined_item(&self, line: usize) -> (String, usize) {
        let raw = self.c.line(line);
        let next = self.c.line(line + 1);
        let trimmed = raw.trim();
        let continues = trimmed.starts_with("- ")
            && find_amounts(raw).is_empty()
            && !trimmed.contains('：')
            && !next.trim().is_empty()
            && !next.trim_start().starts_with('-')
            && !next.contains('\t')
            && !find_amounts(next).is_empty()
            && next.contains('：');
        if continues {
            (format!("{raw}\n{next}"), line + 1)
        } else {
            (raw.to_string(), line)
        }
    }

    pub(super) fn read_summary_line(
        &mut self,
        line: usize,
        last_line: usize,
        text: &str,
        default: Option<(FiscalYear, BudgetKind, String)>,
    ) {
        let amounts = find_amounts(text);
        let mut line_item: Option<String> = None;
        for (index, amount) in amounts.iter().enumerate() {
            let before = &text[..amount.start];
            let next_start = amounts
                .get(index + 1)
                .map(|a| a.start)
                .unwrap_or(text.len());
            let after = &text[amount.end..next_start];
            let (item, item_start) = summary_item(before);
            let after_trim = after.replace("**", "");
            let is_difference = before.trim_end().trim_end_matches('*').ends_with('約')
                && (after_trim.starts_with("の増") || after_trim.starts_with("の減"));
            if is_difference {
                let change = if after_trim.starts_with("の減") {
                    -amount.oku
                } else {
                    amount.oku
                };
                if !self.attach_change(default.as_ref(), change) {
                    self.c.unparsed(self.c.source_span(
                        line,
                        last_line,
                        &text[amount.start..amount.end],
                    ));
                }
                continue;
            }
            let item = match (item, &default) {
                (Some(item), _) if !is_total_word(&item) => item,
                (found, _) => {
                    let base = QUOTED
                        .captures(text)
                        .and_then(|c| c.get(1))
                        .map(|m| clean_name(m.as_str()))
                        .or_else(|| line_item.clone())
                        .or_else(|| default.as_ref().map(|d| d.2.clone()));
                    match (base, found) {
                        (Some(base), Some(word)) => format!("{base} {word}"),
                        (Some(base), None) => base,
                        (None, Some(word)) => word,
                        (None, None) => {
                            self.c.unparsed(self.c.source_span(
                                line,
                                last_line,
                                &text[amount.start..amount.end],
                            ));
                            continue;
                        }
                    }
                }
            };
            line_item.get_or_insert(item.clone());
            let Some((fiscal_year, kind)) = summary_year_kind(&item, after, text, &default) else {
                self.c.unparsed(self.c.source_span(
                    line,
                    last_line,
                    &text[amount.start..amount.end],
                ));
                continue;
            };
            let mut figure = BudgetFigure::new(Some(amount.oku), fiscal_year, kind);
            let (inclusive, flags) =
                detect_qualifiers(after.split(['、', '。']).next().unwrap_or(""));
            figure.inclusive = inclusive;
            figure.flags = flags;
            let quote_start = item_start.min(amount.start);
            let quote = shorten_around(text, quote_start, amount.end);
            let source = self.c.source_span(line, last_line, quote);
            self.budgets.push(PendingBudget {
                item,
                figure,
                source,
                extra: Map::new(),
                funder: None,
                from_summary: true,
            });
        }
    }
}
