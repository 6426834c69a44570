//! Item lines: numbered and named items, the figures under them, decision lines and cards.

use super::*;

impl<'a> Reader<'a> {
    /// Whether the line right above the table's header is a breakdown's head alone
    /// (`補正額の財源内訳`) and no cell of the header names the breakdown.
    pub(super) fn breakdown_head_above_header(&self) -> bool {
        let above = (1..self.header_top)
            .rev()
            .find(|n| !self.line(*n).trim().is_empty() && !is_rule_line(self.line(*n)));
        let header = strip_markup(self.line(self.header_line));
        above.is_some_and(|line| self.is_breakdown_head_alone(line))
            && !cells(&header)
                .iter()
                .any(|cell| names_funding_breakdown(cell))
    }

    /// Whether line `number` is a funding breakdown's head alone (`補正額の財源内訳`).
    pub(super) fn is_breakdown_head_alone(&self, number: usize) -> bool {
        let text = strip_markup(self.line(number));
        matches!(cells(&text).as_slice(), [head] if names_funding_breakdown(head))
    }

    /// Whether the next non-blank line after `number` is a table row.
    pub(super) fn table_row_follows(&self, number: usize) -> bool {
        self.lines_after(number).next().is_some_and(is_table_line)
    }

    /// A line right under a plan's heading that dates it (`令和２年12月25日　閣議決定`).
    pub(super) fn decision_line(&mut self, number: usize, raw: &str) -> bool {
        let Some((plan, left)) = self.plan_waiting.take() else {
            return false;
        };
        let text = strip_markup(raw);
        let body = text.trim().trim_start_matches(['-', '・', '*', ' ']);
        match parse_decision(&crate::normalize::nfkc(body)) {
            Some(decision) => {
                let source = self.c.source(number, raw.trim());
                self.c.prop(&plan, "decided_on", decision.date.clone());
                if let Some(by) = decision.by {
                    self.c.prop(&plan, "decided_by", by);
                }
                self.c.cite(&plan, source);
                true
            }
            None => {
                if left > 1 {
                    self.plan_waiting = Some((plan, left - 1));
                }
                false
            }
        }
    }

    /// A heading or numbered item. Returns false when the line is prose after all (a bullet
    /// without an amount, a long sentence).
    /// The end of a table row's numbered name that a PDF's text sets on the line under the
    /// row's figures (`Ⅰ　消費者被害の防止・救済に向けた` over `3,367 | 4,520 | …` over
    /// `取組の推進`), with its line: words alone, no parenthesis, maybe a note mark.
    fn name_end_under_figures(&self, number: usize) -> Option<(usize, String)> {
        self.columns.as_ref()?;
        let figures = strip_markup(self.line(number + 1));
        let row = cells(&figures);
        if row.len() < 2 || !row.iter().all(|cell| tables::is_figure_cell(cell)) {
            return None;
        }
        let last = number + 2;
        let end = strip_markup(self.line(last));
        let end = end.trim();
        row_name_words(end)
            .is_some_and(|words| is_name_line(&words) && !is_parenthesised(&words))
            .then(|| (last, end.to_string()))
    }

    pub(super) fn item_line(&mut self, number: usize, raw: &str, found: &Numbered<'_>) -> bool {
        let title = found.title;
        if found.marker.trim().contains('\t') && cells(title).len() >= FIELD_ROW_CELLS {
            // `基本目標 | 1 こどもが健やかに育つまち | 主管部 | こども未来部` under a sheet's
            // heading: a level's name in a cell of its own before cells of fields is a row of
            // the sheet's fields, no heading.
            return false;
        }
        // `2 | 51,200 | △2,240 | △4.4 | …`: a row's number before its figures names nothing.
        if cells(title)
            .first()
            .is_some_and(|cell| tables::is_figure_cell(cell))
        {
            return false;
        }
        let figures = inline_figures(title);
        // The name ends at the first figure outside a parenthesis (`新庁舎整備事業（継続費
        // 設定：総額 8,400百万円）　2,150百万円`: the parenthesis is a note on the name).
        let name_end = figures
            .iter()
            .map(|f| f.amount.start)
            .find(|start| !inside_parenthesis(&title[..*start]))
            .unwrap_or(title.len());
        let (name_part, parenthesis) = split_trailing_parenthesis(&title[..name_end]);
        let name_part = if figures.is_empty() {
            name_part
        } else {
            without_clause_after_topic(name_part)
        };
        let name_part = without_labelled_cell(without_figure_label(name_part));
        // `- 対前年度増減：＋280百万円`: the sign before an amount is no part of the name.
        let name_part = name_part
            .trim_end_matches(['＋', '+', '△', '▲'])
            .trim_end_matches(NAME_TAIL);
        let wrapped_end = figures
            .is_empty()
            .then(|| self.name_end_under_figures(number))
            .flatten();
        let name = match &wrapped_end {
            Some((_, end)) => item_name(&format!("{}{end}", name_part.trim_end())),
            None if figures.is_empty() => item_name(name_part),
            None => item_name(without_amount_link(name_part)),
        };
        if found.style.is_bullet()
            && ((is_figure_label(&name) && figures.is_empty()) || names_a_limit(&name))
        {
            // `- 要求額：事項要求`: a bullet of budget wording without an amount names no item,
            // nor does a rate, limit or commitment (`- 補助率：1/2`, `- 国庫債務負担行為：
            // ８，０００億円`).
            return false;
        }
        // `- 合計 6,069億円` after bullets of its style: the total of what they stand under,
        // which ends them.
        let siblings_level = self
            .outline
            .level_of(found.style)
            .filter(|_| found.style.is_bullet())
            .filter(|_| !figures.is_empty() && tables::is_bare_total(&name));
        let sum_of_siblings = siblings_level.is_some();
        if let Some(level) = siblings_level
            && let Some(parent) = self.open.iter().rposition(|item| item.depth < level)
        {
            self.open.truncate(parent + 1);
            self.figures(number, title, parent);
            return true;
        }
        if !figures.is_empty()
            && !sum_of_siblings
            && (is_figure_label(&name) || figure_note_label(&name).is_some())
        {
            // `- 要求額：32,100百万円（…）` under an item: the item's own figures, and so are
            // those of `- このほか、令和７年度補正予算で 6,000百万円を措置`. A heading of a level
            // already open (`２．令和７年度補正予算（第１号）　1,942億円` after `１．予算額総括`)
            // ends its sibling: its figures are its parent's, and with no parent, a label
            // naming a year's budget is the item.
            let sibling_level = self
                .outline
                .level_of(found.style)
                .filter(|_| !found.style.is_bullet());
            let owner = match sibling_level {
                Some(level) => self.open.iter().rposition(|item| item.depth < level),
                None => self.open.len().checked_sub(1),
            };
            match owner {
                Some(owner) => {
                    self.open.truncate(owner + 1);
                    self.figures(number, title, owner);
                    return true;
                }
                None if sibling_level.is_some() && YearKind::read(&name).year.is_some() => {}
                None => return false,
            }
        }
        // `・…ため、第３子保育料無償化事業に2億1,000万円を計上`: a bullet that is a sentence
        // allocating its amount to what it names.
        let allocating = name_part.ends_with('に')
            && figures
                .first()
                .is_some_and(|figure| allocates(&title[figure.amount.end..]));
        let is_sentence =
            name.contains('。') || name.chars().count() > MAX_ITEM_NAME_CHARS || allocating;
        if name.chars().count() < 2 || is_sentence || is_reference_note(title) {
            return false;
        }
        let card_row = figures
            .is_empty()
            .then(|| self.lone_label_row_below(number))
            .flatten();
        if found.style.is_bullet()
            && figures.is_empty()
            && card_row.is_none()
            && !self.figures_below(number)
        {
            return false;
        }
        // A heading inside a project sheet that states no figure (`□ 事業の目的`, `□ 事業費の
        // 推移`) is a section of the sheet, and the figures under it stay the project's; a
        // heading of a style open above the sheet ends it.
        let sheet_at = self
            .sheet
            .as_ref()
            .and_then(|sheet| self.open.iter().position(|item| &item.id == sheet));
        // `## 達成目標１　…` under a sheet's `施策名`: a level of the plan with its number, an
        // item of its own.
        let heading = raw.trim_start().trim_start_matches('#').trim_start();
        // `基本目標３ … ／ 施策３－２ …` in a project sheet says where the project stands in the
        // plan: no part of it.
        if sheet_at.is_some() && names_plan_path(heading) {
            return false;
        }
        let plan_level = names_plan_level(heading);
        if let Some(at) = sheet_at
            && figures.is_empty()
            && !self.outline.is_open(found.style)
            && !plan_level
        {
            self.open.truncate(at + 1);
            self.columns = None;
            self.layout = None;
            return true;
        }
        // Items a project sheet lists are its parts.
        let depth = match sheet_at.and_then(|at| self.open.get(at)) {
            Some(sheet) => self.outline.enter(found.style).max(sheet.depth + 1),
            None => self.outline.enter(found.style),
        };
        self.open.retain(|item| item.depth < depth);
        // `１　予算の総額` under `第１　一般会計補正予算（第３号）`: a heading naming nothing but
        // the total of the account above leaves its figures to that account.
        let under_account = self
            .open
            .last()
            .is_some_and(|item| item.name.contains("会計"));
        if figures.is_empty() && names_only_a_total(&name) && under_account {
            return true;
        }
        let parent = self.open.last().cloned();
        let is_plan = parent.is_none()
            && depth == 0
            && figures.is_empty()
            && find_plans(&format!("「{name}」")).len() == 1;
        let node_type = if is_plan {
            NodeType::Strategy
        } else if is_program_name(&name) {
            program_type(&name)
        } else {
            NodeType::Measure
        };
        let source = match &wrapped_end {
            Some((last, _)) => self.c.source_span(number, *last, name_part.trim()),
            None => self.c.source(number, name_part.trim()),
        };
        let id = self.c.node(node_type, &name, source.clone());
        self.c.prop(&id, "level", depth as u64);
        if let Style::Markdown(level) = found.style {
            self.c.prop(&id, "heading_level", u64::from(level));
        }
        if let (Some(parent), Style::Letter) = (&parent, found.style) {
            self.lettered_points.insert(id.clone(), parent.id.clone());
        }
        if let Some(parent) = &parent {
            let rel = if parent.node_type == NodeType::Strategy {
                Rel::Implements
            } else {
                Rel::PartOf
            };
            self.c.edge(&id, rel, &parent.id, source.clone());
        }
        let inherited = parent
            .as_ref()
            .map(|p| p.year_kind)
            .unwrap_or(self.top_context());
        let item = Item {
            id: id.clone(),
            name: name.clone(),
            node_type,
            depth,
            year_kind: if heads_no_budget(&title[..name_end]) {
                YearKind {
                    kind: Some(BudgetKind::Other),
                    ..item_year_kind(&name, inherited, &self.title_kinds)
                }
            } else {
                item_year_kind(&name, inherited, &self.title_kinds)
            },
            main_budget: None,
            role: if found.style.is_bullet() {
                Role::Bullet
            } else {
                Role::Heading
            },
        };
        if item.role == Role::Heading {
            self.section = Some(id.clone());
        }
        self.open.push(item);
        self.remember_note(name_part, self.open.len() - 1);
        if is_plan {
            self.plan_waiting = Some((id.clone(), DECISION_LINES));
        }
        if !parenthesis.is_empty() {
            self.lead_bodies(number, parenthesis, &id);
        }
        if !name.contains(SETTLED_WORD) {
            // `令和６年度決算の概要（一般会計 735,412,908千円）`: what was spent, no budget.
            self.item_figures(number, title);
        }
        if let Some((row_line, cell, Column::Figure(year_kind, unit))) = card_row {
            self.card_figure(row_line, &cell, year_kind, unit);
        }
        let owner = Owner {
            id: &id,
            name: &name,
            plan_default: Rel::Mentions,
        };
        mentions::read(&mut self.c, Lines::one(number), raw, Some(owner));
        true
    }

    /// The figures of the line of the item just opened: its own, and those a parenthesis
    /// gives a program within it (`２７０億円（うち防災・安全交付金　１２０億円）`), each to
    /// that program.
    fn item_figures(&mut self, number: usize, title: &str) {
        let Some(item) = self.open.len().checked_sub(1) else {
            return;
        };
        let figures = inline_figures(title);
        let mut within = Vec::new();
        let mut start = 0;
        for (index, figure) in figures.iter().enumerate() {
            let before = &title[start..figure.amount.start];
            if index > 0 && !figure.change && before.contains("うち") {
                let named = prose_subject(before)
                    .and_then(|subject| self.program_named(number, title, start, subject));
                if let Some(named) = named {
                    within.push((index, named));
                }
            }
            start = figure.amount.end;
        }
        self.figures_where(number, title, item, |index| {
            within.iter().all(|(within, _)| *within != index)
        });
        for (index, (name, source)) in within {
            let program = self.open_sub_item(name, source);
            self.figures_where(number, title, program, |at| at == index);
            self.open.truncate(program);
        }
    }

    /// The name the line right above a figure line gives on its own (`【一般会計】` over
    /// `令和８年度概算要求額　１，３８９億円`, a `<dt>` over its `<dd>`): the item those
    /// figures are of, with its line. `None` when the line above is an item already, a
    /// sentence, holds figures, or is the wrapped end of the line before it.
    pub(super) fn name_above(&self, number: usize) -> Option<(usize, String, String)> {
        let mut above = number.checked_sub(1).filter(|above| *above >= 1)?;
        // `会計区分：一般会計` between the name and its figures: a field of the item.
        let mut fields = 0;
        while fields < MAX_FIELDS_BETWEEN
            && above > 1
            && is_item_field(strip_markup(self.line(above)).trim())
        {
            above -= 1;
            fields += 1;
        }
        let line = strip_markup(self.line(above));
        let written = line.trim();
        let name = clean_name(written.trim_matches(['【', '】', '[', ']', '［', '］']));
        let plain_name = numbered(written).is_none()
            && !self.line(above).trim_start().starts_with(['#', '*'])
            && find_amounts(written).is_empty()
            && !written.contains(['。', '|', '\t'])
            && (2..=MAX_ITEM_NAME_CHARS).contains(&name.chars().count())
            && unit_declared(written).is_none()
            && !is_figure_label(&name)
            && !is_wrapped_tail(written)
            && !written.ends_with(SENTENCE_BREAK_ENDINGS)
            && !ends_with_count(written)
            && !is_item_field(written)
            && YearKind::read(&name).year.is_none();
        plain_name.then(|| (above, name, written.to_string()))
    }

    /// Whether the line after the bullet at `number` gives a figure by its label, as a
    /// bullet of its own (`- 一般会計` over `  - 令和８年度要求・要望額：812,345百万円`) or
    /// as the bullet's next line (`- **地域脱炭素推進交付金**` over `  令和8年度要求額
    /// 52,000百万円`): the bullet names the item those figures are of.
    fn figures_below(&self, number: usize) -> bool {
        for line in self.lines_after(number).take(DESCRIPTION_LINES + 1) {
            let line = strip_markup(line);
            match numbered(&line) {
                Some(found) if found.style.is_bullet() => {
                    return is_figure_note(found.title) || self.is_bare_figure_note(found.title);
                }
                Some(_) => return false,
                // `（前年度補正　5,210百万円）` under a bullet of what is done: a note of the
                // item the bullets describe.
                None if is_parenthesised(line.trim()) => return false,
                // `…体制を構築。要求額 214百万円（…）。`: a sentence of the item's description
                // that gives its figure.
                None if line.split_inclusive('。').any(is_figure_note) => return true,
                // A line of description without figures: the figures may come after it.
                None if inline_figures(&line).is_empty() => {}
                None => return false,
            }
        }
        false
    }

    /// Whether a bullet's text labels a figure without its unit, in the unit declared above
    /// (`令和8年度当初予算額：748,215`, `補正額：31,862`).
    fn is_bare_figure_note(&self, title: &str) -> bool {
        self.unit.is_some()
            && title
                .rsplit_once(['：', ':'])
                .is_some_and(|(label, figure)| {
                    (figure_note_label(label).is_some() || tables::bare_year(label).is_some())
                        && parse_number(figure.trim()).is_some()
                })
    }

    /// Emits the figure `cell` of the row at `line` of the item just opened, in the column
    /// of `year_kind` and `unit`.
    pub(super) fn card_figure(
        &mut self,
        line: usize,
        cell: &str,
        year_kind: YearKind,
        unit: Option<&str>,
    ) {
        let Some(item) = self.open.last().cloned() else {
            return;
        };
        let unit = unit.or(self.unit);
        let year_kind = year_kind.or(item.year_kind);
        let (Some(amount), Some(year), Some(kind)) =
            (cell_amount(cell, unit), year_kind.year, year_kind.kind)
        else {
            return;
        };
        let source = self.c.source(line, cell);
        let figure = BudgetFigure::new(Some(amount), year, kind);
        let written = unit.map(|unit| (cell, unit));
        let id = self.emit_budget(&item, &figure, source, written);
        if let (Some(open), Some(id)) = (self.open.last_mut(), id) {
            open.main_budget.get_or_insert(id);
        }
    }

    /// The row of a small table of the item at `number` alone (`◆ こども医療費助成事業` over
    /// `財源内訳` / `事業費` / `国庫支出金 県支出金 地方債 その他 一般財源` over `624,380 －
    /// 182,000 － － 442,380`): header lines of words only, one of them a figure word alone
    /// (`事業費`) and the others words of no budget or the head spanning them (`財源内訳`),
    /// then a row of figures alone with a cell for each of those words. The lone figure word
    /// names the row's first figure, as the column set before a spanned group does. Returns
    /// the row's line, its first cell and that column.
    fn lone_label_row_below(&self, number: usize) -> Option<(usize, String, Column)> {
        let context = self.context();
        let (mut label, mut others) = (None, 0);
        let lines = (number + 1..=self.c.doc.lines.len())
            .filter(|n| !self.line(*n).trim().is_empty())
            .take(MAX_CARD_HEADER_LINES + 1);
        for line_number in lines {
            let line = strip_markup(self.line(line_number));
            let row = cells(&line);
            let figures_only = row.len() >= 2
                && is_whole_amount(row[0])
                && row
                    .iter()
                    .all(|cell| is_whole_amount(cell) || is_dash(cell));
            if figures_only {
                let column = label.filter(|_| row.len() == others + 1)?;
                return Some((line_number, row[0].to_string(), column));
            }
            if line.chars().any(|c| c.is_numeric()) || numbered(&line).is_some() {
                return None;
            }
            let words: Vec<&str> = line.split_whitespace().collect();
            let columns: Vec<Column> = words
                .iter()
                .map(|word| column_of(1, word, context))
                .collect();
            match columns.as_slice() {
                [column @ Column::Figure(..)] if label.is_none() => label = Some(*column),
                [Column::Other] => {}
                several if several.len() >= 2 && several.iter().all(|c| *c == Column::Other) => {
                    others += several.len();
                }
                _ => return None,
            }
        }
        None
    }
}

/// Last chars of a line a sentence goes on from (`…交付するとともに、畑地化の`): no name.
const SENTENCE_BREAK_ENDINGS: [char; 7] = ['の', 'を', 'に', 'が', 'は', 'て', '、'];

/// The most field lines (`会計区分：…`, `所管：…`) between an item's name and its figures.
const MAX_FIELDS_BETWEEN: usize = 3;

/// Whether a line states a field of the item above it, its label before a colon and no
/// figure after it (`会計区分：一般会計`, `所管：地域政策課`): no name of an item (a name
/// field's label, `事業名：…`, `名称：…`, names one).
fn is_item_field(line: &str) -> bool {
    line.split_once(['：', ':']).is_some_and(|(label, value)| {
        let label = without_spaces(label);
        (1..=MAX_FIELD_LABEL_CHARS).contains(&label.chars().count())
            && !value.trim().is_empty()
            && find_amounts(value).is_empty()
            && !NAME_FIELDS.contains(&label.as_str())
            && !label.ends_with(['名', '称'])
    })
}

/// Header lines an item's own small table may have above its row of figures.
const MAX_CARD_HEADER_LINES: usize = 4;

/// A name written before its amount without the word linking the two; the name as it is
/// when it ends in no link, or when the link is all but a character of it.
fn without_amount_link(name: &str) -> &str {
    amount_link(name)
        .and_then(|link| name.strip_suffix(link))
        .filter(|rest| rest.chars().count() >= 2)
        .map_or(name, str::trim_end)
}

/// Lines of description without figures that may stand between a bullet naming an item and
/// the line giving its figure.
const DESCRIPTION_LINES: usize = 2;

/// Lines after a plan's heading that may carry its decision (date, 閣議決定).
const DECISION_LINES: usize = 3;

/// Whether a heading, as written before its figures, says the figures under it are what was
/// spent or projections of later years, no budgets (`参考　特別会計の推移（決算額）`,
/// `参考2　中期財政見通し（令和7年9月試算）`).
fn heads_no_budget(written: &str) -> bool {
    !written.contains("予算") && (written.contains(SETTLED_WORD) || names_projection(written))
}

/// The topic of a clause a bulleted figure follows (`市税収入は`, `一般会計は、過去最大の規模`,
/// `**市税**は、…により、`): the words before its `は`; any other text as it is.
fn without_clause_after_topic(text: &str) -> &str {
    let trimmed = text.trim_end_matches(NAME_TAIL);
    if let Some(topic) = trimmed.strip_suffix('は') {
        return topic;
    }
    match text.find("は、") {
        Some(at) => &text[..at],
        None => text,
    }
}

/// Whether `line` is the end of the line before it, wrapped (`課）` under `■…事業（農業振興`),
/// or a parenthesis on a line of its own under a name (`（健康福祉政策課）`): no name of its
/// own.
fn is_wrapped_tail(line: &str) -> bool {
    unclosed_parentheses(line) < 0 || is_parenthesised(line)
}

/// A name without the figure label that opens its amount (`…の推進【国費　` → `…の推進`,
/// `…の強化：要求額` → `…の強化`).
fn without_figure_label(name: &str) -> &str {
    let trimmed = name.trim_end_matches(NAME_TAIL);
    let cut = trimmed
        .char_indices()
        .filter(|(at, c)| *at > 0 && LABEL_OPENERS.contains(c))
        .map(|(at, c)| (at, at + c.len_utf8()))
        .find(|(_, label_start)| is_figure_label(&trimmed[*label_start..]));
    match cut {
        Some((at, _)) => &trimmed[..at],
        None => name,
    }
}

/// A heading's name without a labelled cell set apart after it (`創業の支援<TAB>自己評定：B`,
/// `地域交通の確保　　担当：交通政策課`): the cell states something about the item, and is
/// no part of its name.
fn without_labelled_cell(name: &str) -> &str {
    static CELL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:\t|\s{2,}|\u{3000})\s*[^\s：:、。]{1,8}[：:]\s*\S[^：:]*$")
            .expect("labelled cell")
    });
    match CELL.find(name) {
        Some(cell) if !name[..cell.start()].trim().is_empty() => &name[..cell.start()],
        _ => name,
    }
}

/// Cells after a numbering set in cells of its own that make a row of fields, not a title.
const FIELD_ROW_CELLS: usize = 3;

/// What opens a figure's label after an item's name.
const LABEL_OPENERS: [char; 8] = ['【', '［', '[', '〔', '：', ':', ' ', '\u{3000}'];
