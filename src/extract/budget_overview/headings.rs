//! Numbered headings (pillars, main items, sub-items) and the figures they state.

use super::*;

impl Parser<'_> {
    /// The heading text of a piece: summary rows are `name<TAB>amount` or `| name | amount |`.
    pub(super) fn heading_text(clean: &str) -> (String, bool) {
        let row = cells(clean);
        if row.len() >= 2 {
            let last = row[row.len() - 1];
            if matches!(last, "—" | "―" | "－" | "-") {
                return (row[..row.len() - 1].join(" "), true);
            }
            return (row.join(" "), false);
        }
        (clean.to_string(), false)
    }

    pub(super) fn heading_piece(&mut self, piece: &Piece) -> bool {
        let (text, dash) = Self::heading_text(&piece.clean);
        let Some((level, number, rest)) = outline_level(&text) else {
            return false;
        };
        if self.section == Section::Tables {
            if !matches!(level, Level::Pillar | Level::Main) {
                return false;
            }
            self.section = Section::Items;
        }
        let rest = rest.trim();
        match level {
            Level::Pillar => self.enter_pillar(number, rest, piece),
            Level::Main => self.enter_main(number, rest, dash, piece),
            Level::Sub => self.enter_sub(number, rest, dash, piece),
            Level::SubSub => self.enter_subsub(number, rest, dash, piece),
        }
        true
    }

    pub(super) fn enter_pillar(&mut self, numeral: u32, rest: &str, piece: &Piece) {
        let path = roman_label(numeral);
        let index = self.register(Level::Pillar, path, None, rest, false, piece);
        self.pillar = Some(index);
        self.main = None;
        self.sub = None;
        self.last_sub = None;
    }

    pub(super) fn enter_main(&mut self, number: u32, rest: &str, dash: bool, piece: &Piece) {
        let parent = *self
            .main_pillar
            .entry(number)
            .or_insert(self.pillar.unwrap_or(usize::MAX));
        let parent = (parent != usize::MAX).then_some(parent);
        self.register(Level::Main, number.to_string(), parent, rest, dash, piece);
        self.main = Some(number);
        self.sub = None;
        self.last_sub = None;
    }

    pub(super) fn enter_sub(&mut self, number: u32, rest: &str, dash: bool, piece: &Piece) {
        if self.last_sub.is_some_and(|last| number <= last)
            && let Some(main) = self.main
        {
            self.main = Some(main + 1);
        }
        let parent = self
            .main
            .and_then(|m| self.by_path.get(&m.to_string()).copied());
        let parent = parent.or(self.pillar);
        let path = match self.main {
            Some(main) => format!("{main}.({number})"),
            None => format!("({number})"),
        };
        self.register(Level::Sub, path, parent, rest, dash, piece);
        self.sub = Some(number);
        self.last_sub = Some(number);
    }

    pub(super) fn enter_subsub(&mut self, letter: u32, rest: &str, dash: bool, piece: &Piece) {
        let parent_path = match (self.main, self.sub) {
            (Some(main), Some(sub)) => format!("{main}.({sub})"),
            (None, Some(sub)) => format!("({sub})"),
            _ => String::new(),
        };
        let parent = self.by_path.get(&parent_path).copied().or(self.current);
        let letter = char::from_u32(u32::from('a') + letter.saturating_sub(1)).unwrap_or('a');
        let path = format!("{parent_path}({letter})");
        self.register(Level::SubSub, path, parent, rest, dash, piece);
    }

    /// Records a heading sighting, reads its amount tail and opens it for continuation lines.
    pub(super) fn register(
        &mut self,
        level: Level,
        path: String,
        parent: Option<usize>,
        text: &str,
        dash: bool,
        piece: &Piece,
    ) -> usize {
        let (name, figs) = match self.ctx.and_then(|ctx| parse_tail(text, &ctx)) {
            Some((name, figs)) => (name, figs),
            None => (text.trim().to_string(), Vec::new()),
        };
        let source = self.source(piece.line, piece.line, &piece.raw);
        let index = match self.by_path.get(&path) {
            Some(&index) => index,
            None => {
                self.headings.push(Heading {
                    level,
                    path: path.clone(),
                    parent,
                    names: Vec::new(),
                    sources: Vec::new(),
                    figs: Vec::new(),
                    no_initial_amount: false,
                });
                let index = self.headings.len() - 1;
                self.by_path.insert(path, index);
                index
            }
        };
        let sighting = match self.headings.get_mut(index) {
            Some(heading) => {
                heading.names.push(name.clone());
                heading.sources.push(source.clone());
                heading.no_initial_amount |= dash;
                heading.names.len() - 1
            }
            None => 0,
        };
        let has_figs = !figs.is_empty();
        self.add_heading_figs(index, figs, piece, piece.line);
        self.current = Some(index);
        self.open = Some(Open {
            heading: index,
            sighting,
            accepts_name: !has_figs && !dash,
        });
        self.in_cost_block = false;
        self.last_program = None;
        self.last_bullet = None;
        self.pending_fund = None;
        self.pending_fund_agency = None;
        self.bullet_links.clear();
        self.scan_relations(Subject::Heading(index), &name, &source);
        index
    }

    pub(super) fn add_heading_figs(
        &mut self,
        index: usize,
        figs: Vec<FigSpec>,
        piece: &Piece,
        from: u32,
    ) {
        for spec in figs {
            let source = self.source(from, piece.line, window(&piece.raw, &spec.needle));
            if let Some(heading) = self.headings.get_mut(index) {
                heading.figs.push(Fig {
                    figure: spec.figure,
                    source,
                    extra: Map::new(),
                    key_suffix: None,
                });
            }
        }
    }

    /// A line holding only an amount (`23.5億円`, `8.0 (8.0)`, `[0.6 (0.9)]`): the amount of the
    /// open heading above it.
    pub(super) fn amount_only_piece(&mut self, piece: &Piece) -> bool {
        let Some(ctx) = self.ctx else {
            return false;
        };
        let clean = piece.clean.trim();
        let Some((rest, figs)) = parse_tail(clean, &ctx) else {
            return false;
        };
        if !rest.is_empty() {
            return false;
        }
        match self.open {
            Some(open) => {
                let from = self
                    .headings
                    .get(open.heading)
                    .and_then(|h| h.sources.get(open.sighting))
                    .map(|s| s.line_start)
                    .unwrap_or(piece.line);
                self.add_heading_figs(open.heading, figs, piece, from);
                self.open = Some(Open {
                    accepts_name: false,
                    ..open
                });
            }
            None => self
                .unparsed
                .push(self.source(piece.line, piece.line, &piece.raw)),
        }
        true
    }

    /// Appends a continuation line to the open heading's name (and reads its amount tail).
    pub(super) fn continue_heading(&mut self, open: Open, piece: &Piece) {
        let text = piece.clean.trim();
        let (part, figs) = match self.ctx.and_then(|ctx| parse_tail(text, &ctx)) {
            Some((part, figs)) => (part, figs),
            None => (text.to_string(), Vec::new()),
        };
        let from = self
            .headings
            .get(open.heading)
            .and_then(|h| h.sources.get(open.sighting))
            .map(|s| s.line_start)
            .unwrap_or(piece.line);
        if let Some(heading) = self.headings.get_mut(open.heading) {
            if let Some(name) = heading.names.get_mut(open.sighting) {
                name.push_str(&part);
            }
            if let Some(source) = heading.sources.get_mut(open.sighting) {
                source.line_end = piece.line;
            }
        }
        let has_figs = !figs.is_empty();
        self.add_heading_figs(open.heading, figs, piece, from);
        let source = self.source(piece.line, piece.line, &piece.raw);
        self.scan_relations(Subject::Heading(open.heading), &part, &source);
        self.open = Some(Open {
            accepts_name: !has_figs,
            ..open
        });
    }
}

pub(super) fn roman_label(value: u32) -> String {
    const LABELS: [&str; 11] = [
        "?", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
    ];
    LABELS
        .get(value as usize)
        .copied()
        .unwrap_or("?")
        .to_string()
}

/// The outline level of a numbered line in this layout, with its number and title: Roman
/// pillars (`Ⅱ　…`), main items closed by a full stop (`３．…`), sub-items (`（２）…`) and
/// Latin sub-sub-items (`(a)…`); a number alone on its line opens an item whose title follows.
pub(super) fn outline_level(text: &str) -> Option<(Level, u32, &str)> {
    let found = numbered(text).or_else(|| bare_number(text))?;
    let level = match found.style {
        Style::Roman if found.marker.ends_with(char::is_whitespace) => Level::Pillar,
        Style::Digit
            if found.ends_with_stop()
                && !found.title.is_empty()
                && !found.title.starts_with(|c: char| c.is_numeric()) =>
        {
            Level::Main
        }
        Style::Paren => Level::Sub,
        Style::Letter if found.is_latin_letter() => Level::SubSub,
        _ => return None,
    };
    Some((level, found.value()?, found.title))
}
