//! Indicators: indicator lines, targets in text and prose, and indicator tables given to the items
//! they measure.

use super::*;

impl<'a> Reader<'a> {
    /// An indicator line: an indicator node evaluating the current item.
    /// The lines after it that go on with its values (`実績：令和６年度 …`, `達成状況：達成`)
    /// are read with it, and not again.
    pub(super) fn indicator(&mut self, number: usize, raw: &str) {
        self.indicator_named_over(number, number, raw);
    }

    /// An indicator whose name stands on the lines `number..=name_last` (`raw`, joined), its
    /// values on the lines after them: an indicator node evaluating the current item. A bare
    /// label of actuals (`実績値：`) takes the lines of one year's value each under it
    /// (`令和4年度 10,215人`).
    pub(super) fn indicator_named_over(&mut self, number: usize, name_last: usize, raw: &str) {
        let mut block = raw.trim_end().to_string();
        let mut last = name_last;
        let mut in_year_list = false;
        // (An HTML page's paragraphs stand a blank line apart.)
        let next_written = |last: usize| {
            (last..self
                .c
                .doc
                .lines
                .len()
                .min(last + MAX_BLANKS_IN_INDICATOR + 1))
                .find(|at| !self.c.doc.lines[*at].trim().is_empty())
        };
        while let Some(at) = next_written(last)
            && let next = strip_markup(&self.c.doc.lines[at])
            && (continues_indicator(&next)
                || goes_on_in_parenthesis(&block, &next)
                || opens_year_list(&next)
                || (in_year_list && is_year_value_line(&next)))
            && indicator_line(&next).is_none()
        {
            in_year_list = opens_year_list(&next) || (in_year_list && is_year_value_line(&next));
            last = at;
            if goes_on_in_parenthesis(&block, &next) {
                // `目標値：平成23年度比で半減（令和10` over `年度）`: one value cut by a wrap.
                block.push_str(next.trim());
                last += 1;
                continue;
            }
            block.push('\u{3000}');
            // `  - 基準値：12件（R2）` under `- KPI：…`: a nested bullet's mark is no value.
            block.push_str(
                next.trim()
                    .trim_start_matches(['-', '・', '*', '•', '○', '◯'])
                    .trim_start(),
            );
            last += 1;
        }
        let Some(indicator) = indicator_line(&block) else {
            return;
        };
        self.read_through = self.read_through.max(last);
        let source = self.c.source_span(number, last, raw.trim());
        let found = FoundIndicator::new(&indicator.values, None, &[], None);
        let owner = self.measured_item();
        self.indicator_of(
            owner.as_deref(),
            &clean_name(&indicator.name),
            found,
            source,
        );
    }

    /// `経営開始資金の交付対象者数` (or a name wrapped over a few lines, `担い手の米の生産コスト（60kg当た`
    /// over `り）`) over `基準値：―` and `目標値：…`: a paragraph that is a name alone, its values
    /// labelled on the lines under it, names an indicator (a box of a logic model, a card). The
    /// paragraph's last line and its lines joined, when line `number` opens one.
    pub(super) fn name_over_labels(&self, number: usize) -> Option<(usize, String)> {
        if number > 1 && !self.line(number - 1).trim().is_empty() {
            return None;
        }
        let name_lines: Vec<String> = (number..=self.c.doc.lines.len())
            .map(|n| strip_markup(self.line(n)).trim().to_string())
            .take_while(|line| is_name_alone(line))
            .take(MAX_NAME_LINES + 1)
            .collect();
        if name_lines.is_empty() || name_lines.len() > MAX_NAME_LINES {
            return None;
        }
        let name_last = number + name_lines.len() - 1;
        let name = name_lines.concat();
        let labelled = self
            .lines_after(name_last)
            .next()
            .is_some_and(|line| labels_target_or_baseline(&strip_markup(line)));
        (labelled && name.chars().count() <= MAX_NAME_CHARS).then_some((name_last, name))
    }

    /// A target stated in running text (`令和９年度までに…を…人とする`): an indicator of the
    /// current item.
    pub(super) fn target_in_text(&mut self, number: usize, raw: &str) {
        // A statement a line break cuts (`（目標）…の割合を令和１０年度までに` over `８５％以上と
        // する。`) is read with the line after it.
        let next = number + 1;
        let joined =
            (!raw.trim_end().ends_with('。') && !is_band(raw) && next <= self.c.doc.lines.len())
                .then(|| format!("{}{}", raw.trim_end(), self.line(next).trim()));
        let next_line = self.line(next).trim();
        // The line after goes on with the statement when it is the statement's end: short,
        // no label, number or amount of its own.
        let goes_on = !next_line.is_empty()
            && next_line.chars().count() <= MAX_STATEMENT_END_CHARS
            && !next_line.starts_with(['（', '(', '【', '〔', '※'])
            && numbered(next_line).is_none()
            && find_amounts(next_line).is_empty();
        let own = target_statement(raw);
        let with_next = joined
            .filter(|_| goes_on)
            .as_deref()
            .and_then(target_statement);
        let (statement, last) = match (with_next, own) {
            (Some(statement), _) => (statement, next),
            (None, Some(statement)) => (statement, number),
            (None, None) => {
                self.indicators_in_prose(number, raw);
                return;
            }
        };
        let name = clean_name(&statement.name);
        if name.chars().count() < 3 {
            return;
        }
        self.read_through = self.read_through.max(last);
        let mut statement = statement;
        // `（現状）令和６年度　７人` on the line after the statement: its baseline.
        let mut last = last;
        if statement.values.baseline.is_none()
            && let Some(now) = (last + 1..=self.c.doc.lines.len())
                .find(|n| !self.line(*n).trim().is_empty())
                .filter(|n| *n == last + 1)
            && let Some((value, year)) = stated_now_line(self.line(now))
        {
            statement.values.baseline = Some(value);
            statement.values.baseline_year = year;
            last = now;
            self.read_through = self.read_through.max(now);
        }
        let source = self.c.source_span(number, last, raw.trim());
        let found = FoundIndicator::new(&statement.values, statement.due.as_deref(), &[], None);
        let owner = self.measured_item();
        self.indicator_of(owner.as_deref(), &name, found, source);
    }

    /// Indicators the sentences of a line state as their subjects (`…の割合は、令和６年度に
    /// ４２．３％となり、令和１０年度の目標５０％に向けて…`): each evaluates the current item.
    fn indicators_in_prose(&mut self, number: usize, raw: &str) {
        for found in prose_indicators(raw) {
            let name = clean_name(&found.name);
            let source = self.c.source(number, found.name.as_str());
            let indicator = FoundIndicator::new(&found.values, None, &[], None);
            let owner = self.measured_item();
            self.indicator_of(owner.as_deref(), &name, indicator, source);
        }
    }

    /// The items a table's group rows name (`基本目標 | 1 | …` over `施策 | 1-1 | …`), each part
    /// of the one before it and the first part of `owner`; returns the innermost, or `owner`
    /// when the indicator stands under no group.
    fn table_groups(
        &mut self,
        owner: Option<String>,
        groups: &[(String, usize)],
    ) -> Option<String> {
        let mut whole = owner;
        for (name, line) in groups {
            let source = self.c.source(line + 1, name);
            // `（１）農業の担い手の確保・育成`: the name without its number.
            let unnumbered = without_numbering(name);
            let id = self
                .c
                .node(NodeType::Measure, &item_name(unnumbered), source.clone());
            if let Some(whole) = &whole {
                self.c.edge(&id, Rel::PartOf, whole, source);
            }
            whole = Some(id);
        }
        whole
    }

    /// Adds an indicator evaluating `owner`; one under a lettered point (`ア　経営相談`) also
    /// evaluates the item the point is part of. Returns the indicator's id.
    fn indicator_of(
        &mut self,
        owner: Option<&str>,
        name: &str,
        found: FoundIndicator,
        source: Source,
    ) -> String {
        let id = add_indicator(&mut self.c, owner, name, found, source.clone());
        if let Some(whole) = owner.and_then(|o| self.lettered_points.get(o)).cloned() {
            self.c.edge(&whole, Rel::EvaluatedBy, &id, source);
        }
        id
    }

    /// Indicators in year tables (`目標値`/`実績` rows, named rows of counts) and figure cards
    /// (a year, a count's label, the count), each evaluating the item open where it starts,
    /// and indicator headings with targets by due date.
    pub(super) fn table_indicators(&mut self) {
        let doc = self.c.doc;
        let lines: Vec<String> = doc
            .lines
            .iter()
            .map(|l| strip_markup(l).replace(['|', '｜'], " "))
            .collect();
        let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
        // Tables whose header names their columns first; the year tables and figure cards
        // read only lines none of those took.
        let by_columns: Vec<Vec<TableIndicator>> = std::mem::take(&mut self.indicator_tables)
            .into_iter()
            .map(|table| table.indicators)
            .collect();
        let spans: Vec<_> = by_columns
            .iter()
            .flatten()
            .map(|t| t.first..=t.last)
            .collect();
        let taken = |found: &TableIndicator| spans.iter().any(|s| s.contains(&found.name_line));
        let others: Vec<TableIndicator> = indicators_in_tables(&lines)
            .into_iter()
            .chain(figure_cards(&lines))
            .filter(|found| !taken(found))
            .collect();
        // Each table's indicators, in the order they are read (a year table's share the
        // line of its header).
        let mut tables = by_columns;
        for found in others {
            match tables.last_mut() {
                Some(last) if last.last().is_some_and(|l| l.first == found.first) => {
                    last.push(found);
                }
                _ => tables.push(vec![found]),
            }
        }
        let restated = restated_rows(&tables);
        // The name each indicator of a table got, by its name in its row, for a later table
        // that states the same indicators' figures again.
        let mut named: HashMap<String, String> = HashMap::new();
        // The name each indicator numbered by a code got, for a later table that states more
        // of its figures under the same code (`指標3-2-1`: targets in one table, the actuals
        // by year in another set across).
        let mut coded: HashMap<String, String> = HashMap::new();
        for found in tables.into_iter().flatten() {
            let source = self.c.source_span(found.first + 1, found.last + 1, "");
            let indicator =
                FoundIndicator::new(&found.values, None, &found.planned, found.unit.as_deref());
            if let Some(earlier) = found.code.as_ref().and_then(|code| coded.get(code)) {
                let id = add_indicator(&mut self.c, None, earlier, indicator, source);
                if found.name != *earlier && indicator_code(&found.name).is_none() {
                    self.c.alias(&id, &found.name);
                }
                continue;
            }
            if let Some(earlier) = restated
                .contains(&found.name_line)
                .then(|| named.get(&found.name))
                .flatten()
            {
                // `参考 主な指標の実績`: the actuals of indicators a table above named.
                add_indicator(&mut self.c, None, earlier, indicator, source);
                continue;
            }
            let owner = self.owners.get(found.first).cloned().flatten();
            let owner = self.table_groups(owner, &found.groups);
            // A row label naming an indicator the item's lines named already (`…：14市町村
            // （R5） → 35市町村（R9）` over a table of its yearly targets) is that indicator.
            let named_above = owner.as_deref().is_some_and(|owner| {
                let id = node_id(NodeType::Indicator, &clean_name(&found.name));
                self.c.has_edge(owner, Rel::EvaluatedBy, &id)
            });
            let name = match (&owner, found.row_label && !named_above) {
                (Some(owner), true) => {
                    let owner_name = self.c.node_name(owner).unwrap_or_default();
                    format!("{owner_name} {}", found.name)
                }
                _ => clean_name(&found.name),
            };
            let id = self.indicator_of(owner.as_deref(), &name, indicator, source);
            if found.row_label && name != found.name {
                self.c.alias(&id, &found.name);
            }
            if let Some(code) = found.code {
                coded.entry(code).or_insert_with(|| name.clone());
            }
            named.entry(found.name.clone()).or_insert(name);
        }
        for found in dated_targets(&lines) {
            // The heading is an item of its own; the indicator evaluates the item above it.
            let owner = found
                .name_line
                .checked_sub(1)
                .and_then(|above| self.owners.get(above).cloned().flatten());
            let source = self.c.source_span(found.name_line + 1, found.last + 1, "");
            let indicator = FoundIndicator::new(&found.values, None, &found.steps, None);
            let name = clean_name(&found.name);
            self.indicator_of(owner.as_deref(), &name, indicator, source);
        }
        for found in milestones(&lines, doc.info.year()) {
            let owner = self.owners.get(found.name_line).cloned().flatten();
            let source = self.c.source_span(found.name_line + 1, found.last + 1, "");
            let indicator = FoundIndicator::new(&found.values, None, &[], None);
            self.indicator_of(owner.as_deref(), &found.name, indicator, source);
        }
    }
}

/// The most chars of a line that ends a target statement begun on the line above
/// (`８５％以上とする。`).
const MAX_STATEMENT_END_CHARS: usize = 20;

/// Most blank lines between an indicator's name and its lines of values, or between those.
const MAX_BLANKS_IN_INDICATOR: usize = 1;
/// Characters the rest of a value cut by a wrap may have (`年度）`).
const MAX_CUT_TAIL_CHARS: usize = 12;
/// Lines a name over labelled values may wrap over.
const MAX_NAME_LINES: usize = 3;
/// Characters such a name may have.
const MAX_NAME_CHARS: usize = 60;

/// Whether the last line of a block stops inside a parenthesis (`…半減（令和10`) that the
/// next line, short, closes (`年度）`): one value cut by a wrap.
fn goes_on_in_parenthesis(block: &str, next: &str) -> bool {
    let last = block.rsplit('\u{3000}').next().unwrap_or(block);
    let next = next.trim();
    last.rfind(['（', '(']) > last.rfind(['）', ')'])
        && next.chars().count() <= MAX_CUT_TAIL_CHARS
        && next.find(['）', ')']) < next.find(['（', '(']).or(Some(usize::MAX))
        && next.contains(['）', ')'])
}

/// Whether a line may be (part of) a name alone: no cells, no label, no sentence, no mark of
/// a heading or a list.
fn is_name_alone(line: &str) -> bool {
    !line.is_empty()
        && !line.contains([
            '\t', '|', '｜', '：', ':', '。', '【', '】', '■', '●', '◆', '#',
        ])
        && !continues_indicator(line)
        && !opens_year_list(line)
        && !is_year_value_line(line)
        && numbered(line).is_none()
}
