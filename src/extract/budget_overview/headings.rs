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
        let folded = nfkc(&text);
        if let Some(caps) = PILLAR.captures(&folded) {
            let numeral = roman_value(caps.get(1).map(|m| m.as_str()).unwrap_or(""));
            let rest = strip_prefix_chars(&text, caps.get(2).map(|m| m.as_str()).unwrap_or(""));
            if self.section == Section::Tables {
                self.section = Section::Items;
            }
            self.enter_pillar(numeral, &rest, piece);
            return true;
        }
        if self.section == Section::Tables {
            if MAIN_ITEM.is_match(&folded) {
                self.section = Section::Items;
            } else {
                return false;
            }
        }
        if let Some((number, rest)) = number_and_rest(&MAIN_ITEM, &folded) {
            self.enter_main(number, &strip_prefix_chars(&text, rest), dash, piece);
            return true;
        }
        if let Some((number, rest)) = number_and_rest(&SUB_ITEM, &folded) {
            self.enter_sub(number, &strip_prefix_chars(&text, rest), dash, piece);
            return true;
        }
        if let Some(caps) = SUBSUB_ITEM.captures(&folded) {
            let letter = caps
                .get(1)
                .and_then(|m| m.as_str().chars().next())
                .unwrap_or('a');
            let rest = caps.get(2).map(|m| m.as_str()).unwrap_or("");
            self.enter_subsub(letter, &strip_prefix_chars(&text, rest), dash, piece);
            return true;
        }
        false
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

    pub(super) fn enter_subsub(&mut self, letter: char, rest: &str, dash: bool, piece: &Piece) {
        let parent_path = match (self.main, self.sub) {
            (Some(main), Some(sub)) => format!("{main}.({sub})"),
            (None, Some(sub)) => format!("({sub})"),
            _ => String::new(),
        };
        let parent = self.by_path.get(&parent_path).copied().or(self.current);
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

pub(super) fn roman_value(numeral: &str) -> u32 {
    match numeral {
        "I" | "Ⅰ" => 1,
        "II" | "Ⅱ" => 2,
        "III" | "Ⅲ" => 3,
        "IV" | "Ⅳ" => 4,
        "V" | "Ⅴ" => 5,
        "VI" | "Ⅵ" => 6,
        "VII" | "Ⅶ" => 7,
        "VIII" | "Ⅷ" => 8,
        "IX" | "Ⅸ" => 9,
        "X" | "Ⅹ" => 10,
        _ => 0,
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

/// The item number (group 1) and the text after it (group 2) of a numbered line.
fn number_and_rest<'t>(pattern: &Regex, text: &'t str) -> Option<(u32, &'t str)> {
    let caps = pattern.captures(text)?;
    let number = caps
        .get(1)
        .and_then(|m| m.as_str().parse().ok())
        .unwrap_or(0);
    Some((number, caps.get(2).map_or("", |m| m.as_str())))
}
