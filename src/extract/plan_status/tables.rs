//! 取組の内容 / 対応状況 tables: sections, rows, the budgets and bases a row states.

use super::*;
use crate::extract::recognise::names::quoted_name_type;
use crate::extract::recognise::programs::find_programs_followed_by;

impl PlanReader<'_> {
    // ---------------------------------------------------------------- tables

    pub(super) fn read_tables(&mut self) {
        let mut plan: Option<String> = None;
        let mut section: Option<(String, String)> = None;
        let mut previous_text: Option<(usize, String)> = None;
        for line in 1..=self.line_count() {
            let raw = self.c.line(line);
            let trimmed = raw.trim();
            if trimmed.is_empty() {
                continue;
            }
            if let Some(caps) = PART_HEADER.captures(trimmed) {
                if let Some(known) = caps
                    .get(1)
                    .and_then(|m| self.find_strategy(&clean_name(m.as_str())))
                {
                    plan = Some(known.id);
                }
                section = None;
                previous_text = None;
                continue;
            }
            let Some((cell1, cell2)) = raw.split_once('\t') else {
                previous_text = Some((line, trimmed.to_string()));
                continue;
            };
            if is_header_row(cell1, cell2) {
                if let Some((heading_line, heading)) = previous_text.take() {
                    section = Some(self.read_section(heading_line, &heading, plan.as_deref()));
                }
                continue;
            }
            let (section_id, number) = match &section {
                Some((id, number)) => (Some(id.as_str()), number.as_str()),
                None => (None, ""),
            };
            let context = RowContext {
                plan: plan.as_deref(),
                section: section_id,
                number,
            };
            self.read_row(line, raw, cell1.len() + 1, &context);
        }
    }

    pub(super) fn read_section(
        &mut self,
        line: usize,
        heading: &str,
        plan: Option<&str>,
    ) -> (String, String) {
        let (number, name) = match SECTION.captures(heading) {
            Some(caps) => {
                let number = match (caps.get(1), caps.get(2), caps.get(3)) {
                    (Some(a), Some(b), _) => format!("{}-{}", a.as_str(), b.as_str()),
                    (_, _, Some(n)) => format!("({})", n.as_str()),
                    _ => String::new(),
                };
                (
                    number,
                    caps.get(4)
                        .map(|m| m.as_str())
                        .unwrap_or(heading)
                        .to_string(),
                )
            }
            None => (String::new(), heading.to_string()),
        };
        let source = self.c.source(line, heading);
        let id = self
            .c
            .node(NodeType::Theme, &clean_name(&name), source.clone());
        if !number.is_empty() {
            self.c.prop(&id, "section", number.clone());
        }
        if let Some(plan) = plan {
            self.c.edge(plan, Rel::Targets, &id, source.clone());
            let pillar = number
                .split('-')
                .next()
                .filter(|_| number.contains('-'))
                .and_then(|n| n.parse::<usize>().ok())
                .and_then(|n| {
                    self.pillars
                        .get(plan)
                        .and_then(|p| p.get(n.wrapping_sub(1)))
                        .cloned()
                });
            if let Some(pillar) = pillar {
                self.c.edge(&id, Rel::PartOf, &pillar, source);
            }
        }
        (id, number)
    }

    pub(super) fn read_row(
        &mut self,
        line: usize,
        raw: &str,
        cell2_offset: usize,
        context: &RowContext<'_>,
    ) {
        let (plan, section) = (context.plan, context.section);
        let cell1 = &raw[..cell2_offset.saturating_sub(1)];
        let Some((title_start, title_end)) = row_title(cell1) else {
            return;
        };
        let title_raw = &cell1[title_start..title_end];
        let relisted = title_raw.contains("再掲");
        let name = clean_name(&title_raw.replace("【再掲】", "").replace("（再掲）", ""));
        if name.is_empty() {
            return;
        }
        let cell2 = &raw[cell2_offset..];
        let source = self.c.source(line, title_raw.trim());
        let draft = NodeDraft::new(NodeType::Measure, &name, source.clone())
            .with_prop("content", cap_chars(&clean_name(cell1), MAX_PROP_CHARS))
            .with_prop("status", cap_chars(&clean_name(cell2), MAX_PROP_CHARS));
        let mut draft = draft;
        if relisted {
            draft = draft.with_prop("relisted", true);
        }
        if !context.number.is_empty() {
            draft = draft.with_prop("section", context.number);
        }
        let measure = self.c.node_draft(draft);
        if let Some(plan) = plan {
            self.c.edge(&measure, Rel::Implements, plan, source.clone());
        }
        if let Some(section) = section {
            self.c.edge(&measure, Rel::PartOf, section, source);
        }
        self.read_row_budgets(line, raw, cell2_offset, &measure, relisted);
        self.link_row_agencies(&measure, line, raw);
        self.link_row_bases(&measure, line, raw);
        self.read_row_named_items(&measure, line, raw);
    }

    /// 【program：amount（FY kind）、…】 groups in the 対応状況 cell, and 総額 amounts beside them.
    pub(super) fn read_row_budgets(
        &mut self,
        line: usize,
        raw: &str,
        cell2_offset: usize,
        measure: &str,
        relisted: bool,
    ) {
        let cell2 = &raw[cell2_offset..];
        let mut hits: Vec<(usize, usize, Vec<BracketHit>)> = Vec::new();
        for m in BRACKET.find_iter(cell2) {
            let start = cell2_offset + m.start();
            let end = cell2_offset + m.end();
            let content_start = start + '【'.len_utf8();
            let content = &raw[content_start..end - '】'.len_utf8()];
            if find_amounts(content).is_empty() {
                continue;
            }
            let relisted_here = relisted
                || raw[end..].trim_start().starts_with("（再掲）")
                || raw[end..].trim_start().starts_with("(再掲)");
            let (found, unread) = parse_bracket(content, content_start);
            for (s, e) in unread {
                let source = self.c.source(line, &raw[s..e]);
                self.c.unparsed(source);
            }
            let mut found = found;
            for hit in &mut found {
                if relisted_here {
                    hit.figure.flags.insert(BudgetFlag::Relisted);
                }
            }
            hits.push((start, end, found));
        }
        for (_, _, found) in &hits {
            for hit in found {
                let quote = budget_quote(raw, hit);
                let source = self.c.source(line, quote);
                let funder_quote =
                    &raw[hit.item_start.saturating_sub('【'.len_utf8())..hit.amount_end];
                let funder_source = self.c.source(line, funder_quote);
                self.budgets.push(PendingBudget {
                    item: clean_name(&hit.item),
                    figure: hit.figure.clone(),
                    source,
                    extra: hit.extra.clone(),
                    funder: Some((measure.to_string(), funder_source)),
                    from_summary: false,
                });
            }
        }
        self.read_cell_totals(line, raw, cell2_offset, &hits);
    }

    /// Amounts in a status cell outside 【…】: `総額209.4億円` belongs to the nearest group's item.
    pub(super) fn read_cell_totals(
        &mut self,
        line: usize,
        raw: &str,
        cell2_offset: usize,
        hits: &[(usize, usize, Vec<BracketHit>)],
    ) {
        let cell2 = &raw[cell2_offset..];
        let spans: Vec<(usize, usize)> = BRACKET
            .find_iter(cell2)
            .map(|m| (cell2_offset + m.start(), cell2_offset + m.end()))
            .collect();
        for amount in find_amounts(cell2) {
            let (start, end) = (cell2_offset + amount.start, cell2_offset + amount.end);
            if spans.iter().any(|(s, e)| *s <= start && end <= *e) {
                continue;
            }
            let before = &raw[..start];
            let clause_start = before
                .rfind(['。', '・', '】', '>'])
                .map(|i| i + before[i..].chars().next().map(char::len_utf8).unwrap_or(1))
                .unwrap_or(cell2_offset)
                .max(cell2_offset);
            let clause = &raw[clause_start..start];
            let same_bullet = |gap: &str| !gap.contains("</p>") && !gap.contains('・');
            let candidates = || hits.iter().filter(|(_, _, found)| !found.is_empty());
            let nearest = candidates()
                .filter(|(_, e, _)| *e <= start && same_bullet(&raw[*e..start]))
                .max_by_key(|(_, e, _)| *e)
                .or_else(|| {
                    candidates()
                        .filter(|(s, _, _)| *s >= end && same_bullet(&raw[end..*s]))
                        .min_by_key(|(s, _, _)| *s)
                })
                .or_else(|| {
                    candidates().min_by_key(|(s, e, _)| {
                        if *e <= start {
                            start - e
                        } else {
                            s.saturating_sub(end)
                        }
                    })
                });
            let Some((_, _, found)) = nearest else {
                self.c.unparsed(self.c.source(line, &raw[start..end]));
                continue;
            };
            if !clause.trim_end().ends_with("総額") && !clause.trim_end().ends_with("総額：") {
                self.c.unparsed(self.c.source(line, &raw[start..end]));
                continue;
            }
            let Some(base) = found.last() else { continue };
            let folded = fold_variants(clause);
            let fiscal_year = find_fiscal_years(clause)
                .last()
                .map(|m| m.year)
                .unwrap_or(base.figure.fiscal_year);
            let kind = if folded.contains("国庫債務負担行為") {
                BudgetKind::Other
            } else {
                BudgetKind::detect(&folded).unwrap_or(base.figure.kind)
            };
            let mut figure = BudgetFigure::new(Some(amount.oku), fiscal_year, kind);
            let (_, flags) = detect_qualifiers(clause);
            figure.flags.extend(flags);
            let mut extra = Map::new();
            extra.insert("total".into(), Value::Bool(true));
            if folded.contains("国庫債務負担行為") {
                extra.insert("basis".into(), Value::String("国庫債務負担行為".into()));
            }
            let quote = &raw[clause_start..end];
            let source = self.c.source(line, quote.trim());
            self.budgets.push(PendingBudget {
                item: clean_name(&base.item),
                figure,
                source: source.clone(),
                extra,
                funder: None,
                from_summary: false,
            });
        }
    }

    /// 「X」… に基づき / を踏まえ → based_on X; unquoted laws before に基づき too.
    pub(super) fn link_row_bases(&mut self, measure: &str, line: usize, raw: &str) {
        for sentence in split_sentences(raw) {
            let Some(trigger) = ["に基づき", "を踏まえ", "に基づく"]
                .iter()
                .filter_map(|t| sentence.text.find(t))
                .min()
            else {
                continue;
            };
            let head = &sentence.text[..trigger];
            for caps in QUOTED.captures_iter(head) {
                let (Some(whole), Some(inner)) = (caps.get(0), caps.get(1)) else {
                    continue;
                };
                let name = clean_name(inner.as_str());
                let target = match quoted_name_type(&name) {
                    Some(NodeType::Strategy) => self.find_strategy(&name).map(|k| k.id),
                    Some(NodeType::Policy) => Some(node_id(NodeType::Policy, &name)),
                    _ => None,
                };
                if let Some(target) = target.filter(|t| self.c.has_node(t)) {
                    let source = self.c.source(line, whole.as_str());
                    self.c.edge(measure, Rel::BasedOn, &target, source);
                }
            }
            for (name, start, end) in named_government_strategies(head) {
                if let Some(known) = self.find_strategy(&name) {
                    let source = self.c.source(line, &head[start..end]);
                    self.c.edge(measure, Rel::BasedOn, &known.id, source);
                }
            }
            if head.ends_with('」') {
                continue;
            }
            let phrase_start = head
                .rfind(['、', '。', '>', '・'])
                .map(|i| i + head[i..].chars().next().map(char::len_utf8).unwrap_or(1));
            let phrase = &head[phrase_start.unwrap_or(0)..];
            let phrase = if phrase.contains('法') && phrase.chars().count() <= 40 {
                // A list of laws joined by ・ stays whole up to the previous comma.
                let from = head
                    .rfind(['、', '。', '>'])
                    .map(|i| i + head[i..].chars().next().map(char::len_utf8).unwrap_or(1))
                    .unwrap_or(0);
                &head[from..]
            } else {
                phrase
            };
            for law in phrase.split('・') {
                let name = clean_name(law);
                if name.chars().count() < 2 || name.chars().count() > 40 || !name.ends_with('法') {
                    continue;
                }
                let source = self.c.source(line, law.trim());
                let id = self.c.node(NodeType::Policy, &name, source.clone());
                self.c.edge(measure, Rel::BasedOn, &id, source);
            }
        }
    }

    /// Named sub-items in a row: 「CYDER」-like names, and 「…」の採択 under a …基金.
    pub(super) fn read_row_named_items(&mut self, measure: &str, line: usize, raw: &str) {
        for caps in QUOTED.captures_iter(raw) {
            let (Some(whole), Some(inner)) = (caps.get(0), caps.get(1)) else {
                continue;
            };
            let name = clean_name(inner.as_str());
            let after = &raw[whole.end()..];
            if after.starts_with("の採択") {
                let before = &raw[..whole.start()];
                let fund = before
                    .rfind("基金")
                    .map(|i| i + "基金".len())
                    .and_then(|end| fund_name_before(before, end));
                let source = self.c.source(line, whole.as_str());
                let id = self.c.node(NodeType::Measure, &name, source.clone());
                self.c.edge(&id, Rel::PartOf, measure, source.clone());
                if let Some(fund) = fund {
                    let quote_start = before.rfind(&fund).unwrap_or(whole.start());
                    let source = self.c.source(line, &raw[quote_start..whole.end()]);
                    self.part_of_programs.push(PendingPartOf {
                        child: id,
                        program: clean_name(&fund),
                        source,
                    });
                }
                continue;
            }
            let is_code_name = name.chars().filter(|c| c.is_ascii_uppercase()).count() >= 3
                && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
            let is_project = name.ends_with("プロジェクト") || name.ends_with("サービス");
            if !(is_code_name || is_project) {
                continue;
            }
            let source = self.c.source(line, whole.as_str());
            let id = self.c.node(NodeType::Measure, &name, source.clone());
            let before = &raw[..whole.start()];
            let label_start = before
                .rfind(['、', '。', '・', '>', ' ', 'や'])
                .map(|i| i + before[i..].chars().next().map(char::len_utf8).unwrap_or(1))
                .unwrap_or(0);
            let label = clean_name(&before[label_start..]);
            if label.chars().count() >= 3 && !label.ends_with('の') {
                self.c.alias(&id, &label);
            }
            self.c.edge(&id, Rel::PartOf, measure, source);
        }
        let text = strip_tags_keep_len(raw);
        for found in find_programs_followed_by(&text, &["により", "によって", "を活用"]) {
            let program = clean_name(&found.name);
            if !program.ends_with("事業") || program.contains("基金") || program.chars().count() < 6
            {
                continue;
            }
            let source = self.c.source(line, &raw[found.start..found.end]);
            let id = self.c.node(NodeType::Program, &program, source.clone());
            self.c.edge(measure, Rel::FundedBy, &id, source);
        }
    }
}
