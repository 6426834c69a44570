//! 【予算】 blocks parsed into budget items with their figures, and the request year.

use super::*;

/// Parses every `【予算】` block; marks the lines it reads as consumed.
pub(super) fn parse_budget_blocks(
    lines: &[Line<'_>],
    kinds: &[LineKind],
    consumed: &mut [bool],
) -> Vec<BudgetBlock> {
    let mut blocks = Vec::new();
    for index in 0..lines.len() {
        if kinds[index] != LineKind::Other {
            continue;
        }
        let Some(marker) = MARKER.captures(&lines[index].text) else {
            continue;
        };
        let Some(whole) = marker.get(0) else { continue };
        let hint = marker
            .get(1)
            .and_then(|m| BudgetKind::detect(m.as_str()))
            .filter(|k| *k == BudgetKind::FiscalInvestment);
        let at_line_start = lines[index].text[..whole.start()].trim().is_empty();
        let mut parser = BlockParser::new(index, hint);
        parser.set_indented(lines[index].indented && at_line_start);
        let after = lines[index].text[whole.end()..].to_string();
        let end = parser.run(lines, kinds, index, &after);
        for flag in consumed.iter_mut().take(end + 1).skip(index) {
            *flag = true;
        }
        blocks.push(parser.finish(end));
    }
    blocks
}

/// State while reading one block.
pub(super) struct BlockParser {
    pub(super) block: BudgetBlock,
    pub(super) current: Option<BudgetItem>,
    pub(super) pending: Vec<(usize, String)>,
    pub(super) pending_notes: Vec<(usize, String)>,
    pub(super) marker_name: bool,
}

impl BlockParser {
    pub(super) fn new(marker_line: usize, kind_hint: Option<BudgetKind>) -> BlockParser {
        BlockParser {
            block: BudgetBlock {
                marker_line,
                end_line: marker_line,
                indented: false,
                kind_hint,
                items: Vec::new(),
            },
            current: None,
            pending: Vec::new(),
            pending_notes: Vec::new(),
            marker_name: false,
        }
    }

    pub(super) fn set_indented(&mut self, indented: bool) {
        self.block.indented = indented;
    }

    /// Reads the marker line's remainder and the lines after it; returns the last line used.
    pub(super) fn run(
        &mut self,
        lines: &[Line<'_>],
        kinds: &[LineKind],
        marker: usize,
        after: &str,
    ) -> usize {
        let mut last = marker;
        if !after.trim().is_empty() {
            if is_note(after.trim()) {
                self.note(marker, after.trim());
            } else {
                self.marker_name = scan_events(after).is_empty();
                self.read_line(marker, after);
            }
        }
        let mut blanks = 0;
        let mut index = marker + 1;
        while index < lines.len() {
            match &kinds[index] {
                LineKind::Blank => {
                    blanks += 1;
                    if blanks >= 3 {
                        break;
                    }
                    index += 1;
                    continue;
                }
                LineKind::Page => {
                    index += 1;
                    continue;
                }
                LineKind::Other => {}
                _ => break,
            }
            blanks = 0;
            let text = lines[index].text.as_str();
            if MARKER.is_match(text) || is_bullet(text) {
                break;
            }
            if self.current.as_ref().is_some_and(|c| c.open > 0) {
                self.read_line(index, text);
                last = index;
            } else if is_flag_only(text) {
                self.flags_only(index, text);
                last = index;
            } else if is_note(text) {
                if self.current.is_none() && self.pending.is_empty() {
                    break;
                }
                self.note(index, text);
                last = index;
            } else if carries_figures(text) {
                self.read_line(index, text);
                last = index;
            } else if self.pending.len() < 4
                && name_like(text)
                && figures_ahead(lines, kinds, index)
            {
                self.pending.push((index, text.to_string()));
                last = index;
            } else {
                break;
            }
            index += 1;
        }
        last.max(self.pending.last().map_or(marker, |p| p.0))
    }

    pub(super) fn note(&mut self, index: usize, text: &str) {
        match self.current.as_mut() {
            Some(item) => {
                item.notes.push((index, text.to_string()));
                item.last_line = item.last_line.max(index);
            }
            None => self.pending_notes.push((index, text.to_string())),
        }
    }

    pub(super) fn flags_only(&mut self, index: usize, text: &str) {
        if let Some(item) = self.current.as_mut() {
            apply_flags(item, text);
            item.last_line = item.last_line.max(index);
        }
    }

    pub(super) fn read_line(&mut self, index: usize, text: &str) {
        let events = scan_events(text);
        if events.is_empty() {
            self.pending.push((index, text.to_string()));
            return;
        }
        let cut = name_end(text, &events);
        let name_part = clean_name_part(&text[..cut]);
        let continues = self.current.as_ref().is_some_and(|item| {
            item.open > 0
                || (name_part.is_empty()
                    && self.pending.is_empty()
                    && !item.has_year_figures()
                    && matches!(events.first(), Some(Event::Year { .. })))
                || (name_part.is_empty()
                    && self.pending.is_empty()
                    && matches!(events.first(), Some(Event::ItemRequest { .. }))
                    && item
                        .figures
                        .iter()
                        .all(|f| f.slot == Slot::Main && f.amount.is_some()))
        });
        if continues {
            if let Some(item) = self.current.as_mut() {
                add_events(item, index, text, &events, true);
            }
            return;
        }
        self.start_item(index, &name_part, text, &events);
    }

    pub(super) fn start_item(
        &mut self,
        index: usize,
        name_part: &str,
        text: &str,
        events: &[Event],
    ) {
        if let Some(done) = self.current.take() {
            self.block.items.push(done);
        }
        let notes = std::mem::take(&mut self.pending_notes);
        let first_line = self.pending.first().map_or(index, |p| p.0.min(index));
        let fragments: Vec<&str> = self.pending.iter().map(|(_, t)| t.as_str()).collect();
        let joined = join_fragments(fragments.iter().copied().chain([name_part]));
        let mut item = BudgetItem {
            name: clean_name_part(&joined),
            first_line,
            last_line: index,
            notes,
            ..BudgetItem::default()
        };
        for (_, fragment) in &self.pending {
            apply_flags(&mut item, fragment);
        }
        self.pending.clear();
        add_events(&mut item, index, text, events, false);
        self.current = Some(item);
    }

    pub(super) fn finish(mut self, end: usize) -> BudgetBlock {
        if let Some(done) = self.current.take() {
            self.block.items.push(done);
        }
        if self.block.items.is_empty() && self.marker_name && !self.pending.is_empty() {
            let first_line = self.pending.first().map_or(end, |n| n.0);
            let name = join_fragments(self.pending.iter().map(|(_, t)| t.as_str()));
            self.block.items.push(BudgetItem {
                name: clean_name_part(&name),
                first_line,
                last_line: end,
                notes: std::mem::take(&mut self.pending_notes),
                ..BudgetItem::default()
            });
        }
        self.block.items.retain(|item| !item.name.is_empty());
        self.block.end_line = end;
        self.block
    }
}

pub(super) fn apply_flags(item: &mut BudgetItem, text: &str) {
    for flag in flag_marks(text) {
        match flag {
            BudgetFlag::New => item.new = true,
            _ => item.relisted = true,
        }
    }
}

/// Turns the events of one line into figures of `item`.
pub(super) fn add_events(
    item: &mut BudgetItem,
    index: usize,
    text: &str,
    events: &[Event],
    carry: bool,
) {
    let mut slot = if carry {
        item.figures.last().map_or(Slot::Main, |f| match &f.slot {
            Slot::Within { base, .. } => (**base).clone(),
            other => other.clone(),
        })
    } else {
        Slot::Main
    };
    if item.open <= 0 && carry && matches!(slot, Slot::Year { .. }) {
        // A closed bracket: amounts before the next year token would be main amounts.
        slot = Slot::Main;
    }
    let mut within: Option<(String, Slot)> = None;
    for event in events {
        match event {
            Event::Year {
                year,
                era_heisei,
                supplementary,
                ..
            } => {
                slot = Slot::Year {
                    year: *year,
                    era_heisei: *era_heisei,
                    supplementary: *supplementary,
                };
                within = None;
            }
            Event::Within { label, .. } => within = Some((label.clone(), slot.clone())),
            Event::Amount {
                value,
                inclusive,
                component,
                ..
            } => {
                let figure_slot = match within.take() {
                    Some((label, base)) => Slot::Within {
                        label,
                        base: Box::new(base),
                    },
                    None => slot.clone(),
                };
                item.figures.push(RawFigure {
                    slot: figure_slot,
                    amount: *value,
                    inclusive: *inclusive,
                    item_request: false,
                    component: component.clone(),
                    line: index,
                });
            }
            Event::ItemRequest { .. } => {
                let mains: Vec<&mut RawFigure> = item
                    .figures
                    .iter_mut()
                    .filter(|f| f.slot == Slot::Main)
                    .collect();
                if mains.is_empty() {
                    item.figures.push(RawFigure {
                        slot: Slot::Main,
                        amount: None,
                        inclusive: false,
                        item_request: true,
                        component: None,
                        line: index,
                    });
                } else {
                    for figure in mains {
                        figure.item_request = true;
                    }
                }
            }
        }
    }
    let figures_start = name_end(text, events);
    item.open += paren_balance(&text[figures_start..]);
    apply_flags(item, &text[figures_start..]);
    item.last_line = item.last_line.max(index);
}

/// The fiscal year the document requests for: the year after the latest year its
/// comparison brackets quote; failing that, the title's or the text's latest year.
pub(super) fn infer_request_year(doc: &SeedDoc, blocks: &[BudgetBlock]) -> FiscalYear {
    let latest_compared = blocks
        .iter()
        .flat_map(|b| &b.items)
        .flat_map(|i| &i.figures)
        .filter_map(|f| match &f.slot {
            Slot::Year {
                year, era_heisei, ..
            } => Some(slot_year(*year, *era_heisei)),
            _ => None,
        })
        .max();
    if let Some(year) = latest_compared {
        return FiscalYear(year.0 + 1);
    }
    let title_year = crate::money::find_fiscal_years(&doc.info.title)
        .into_iter()
        .map(|m| m.year)
        .max();
    if let Some(year) = title_year {
        return year;
    }
    let text_year = doc
        .lines
        .iter()
        .flat_map(crate::money::find_fiscal_years)
        .map(|m| m.year)
        .max();
    let published = doc
        .info
        .date
        .get(..4)
        .and_then(|y| y.parse::<u16>().ok())
        .filter(|y| *y >= 1989)
        .map(|y| FiscalYear(y + 1));
    text_year
        .or(published)
        .filter(|y| y.0 >= 1989)
        .unwrap_or(FiscalYear::reiwa(1))
}

pub(super) fn slot_year(year: u16, era_heisei: bool) -> FiscalYear {
    if era_heisei {
        FiscalYear(1988 + year)
    } else if year >= 1989 {
        FiscalYear(year)
    } else {
        FiscalYear::reiwa(year)
    }
}
