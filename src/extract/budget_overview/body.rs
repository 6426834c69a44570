//! Text under a heading: descriptions, bullets, bracketed lines and 【主な経費】 cost lines.

use super::*;

impl Parser<'_> {
    pub(super) fn body_piece(&mut self, piece: &Piece) {
        let clean = piece.clean.trim();
        let stripped = clean
            .trim_start_matches(['-', '－', ' ', '\u{3000}'])
            .trim();
        let is_bullet = stripped.len() != clean.len() || clean.starts_with('・');
        if let Some(at) = stripped.find("【主な経費】") {
            let before = &stripped[..at];
            if !before.trim().is_empty() {
                self.description(piece, before);
            }
            let cost = &stripped[at + "【主な経費】".len()..];
            self.open = None;
            self.in_cost_block = true;
            self.last_program = None;
            self.cost_line(piece, cost.trim());
            return;
        }
        if self.in_cost_block && !is_bullet && !clean.starts_with('※') {
            self.cost_continuation(piece, clean);
            return;
        }
        if let Some(open) = self.open
            && open.accepts_name
            && !is_bullet
            && !clean.starts_with(['※', '[', '［', '〔'])
        {
            self.continue_heading(open, piece);
            return;
        }
        if clean.starts_with(['[', '［']) && self.bracket_line(piece, clean) {
            return;
        }
        if stripped.starts_with('・') || clean.starts_with('・') {
            let body = stripped.trim_start_matches('・').trim();
            if self.bullet_amount(piece, body) {
                return;
            }
        }
        self.in_cost_block = false;
        self.open = None;
        self.description(piece, stripped);
    }

    /// `・ 基地交付金 299.4(299.4)`: a transfer program with its amounts.
    pub(super) fn bullet_amount(&mut self, piece: &Piece, body: &str) -> bool {
        let Some(ctx) = self.ctx else {
            return false;
        };
        let Some((name, figs)) = parse_tail(body, &ctx) else {
            return false;
        };
        if name.is_empty() || name.chars().count() > 40 || name.contains(['、', '。']) {
            return false;
        }
        let owner = self.current.map(Owner::Heading).unwrap_or(Owner::None);
        let index = self.push_program(ProgramRole::Bullet, &name, owner, piece);
        self.push_program_figs(index, figs, piece, piece.line);
        self.last_bullet = Some(index);
        self.open = None;
        true
    }

    /// `[地方特例交付金等 11,320.0億円(2,169.0億円)]` (a breakdown) or
    /// `[令和5年度補正予算 X億円]` (a supplementary amount of the cost line above).
    pub(super) fn bracket_line(&mut self, piece: &Piece, clean: &str) -> bool {
        let Some(ctx) = self.ctx else {
            return false;
        };
        let inner = clean
            .trim_start_matches(['[', '［'])
            .trim_end_matches([']', '］'])
            .trim();
        let parsed = parse_cost(inner, &ctx);
        if parsed.figs.is_empty() {
            return false;
        }
        if parsed.name.is_empty() {
            let target = self.last_program.or(self.last_bullet);
            match target {
                Some(index) => {
                    let from = self
                        .programs
                        .get(index)
                        .map(|p| p.source.line_start)
                        .unwrap_or(piece.line);
                    self.push_program_figs(index, parsed.figs, piece, from);
                }
                None => match self.current {
                    Some(heading) => self.add_heading_figs(heading, parsed.figs, piece, piece.line),
                    None => self
                        .unparsed
                        .push(self.source(piece.line, piece.line, &piece.raw)),
                },
            }
            return true;
        }
        let owner = self
            .last_bullet
            .map(Owner::Program)
            .or(self.current.map(Owner::Heading))
            .unwrap_or(Owner::None);
        let index = self.push_program(ProgramRole::Breakdown, &parsed.name, owner, piece);
        self.push_program_figs(index, parsed.figs, piece, piece.line);
        true
    }

    pub(super) fn push_program(
        &mut self,
        role: ProgramRole,
        name: &str,
        owner: Owner,
        piece: &Piece,
    ) -> usize {
        let source = self.source(piece.line, piece.line, &piece.raw);
        self.programs.push(Program {
            role,
            name: name.trim().to_string(),
            owner,
            source,
            figs: Vec::new(),
            pending_amount: false,
            props: Map::new(),
        });
        self.programs.len() - 1
    }

    pub(super) fn push_program_figs(
        &mut self,
        index: usize,
        figs: Vec<FigSpec>,
        piece: &Piece,
        from: u32,
    ) {
        let Some(program) = self.programs.get(index) else {
            return;
        };
        self.last_figs_from = program.figs.len();
        let from = from.min(piece.line);
        let sources: Vec<Source> = figs
            .iter()
            .map(|spec| self.source(from, piece.line, window(&piece.raw, &spec.needle)))
            .collect();
        if let Some(program) = self.programs.get_mut(index) {
            for (spec, source) in figs.into_iter().zip(sources) {
                program.figs.push(Fig {
                    figure: spec.figure,
                    source,
                    extra: Map::new(),
                    key_suffix: None,
                });
            }
            program.pending_amount = false;
        }
    }

    /// A 【主な経費】 item (or a continuation item without the marker).
    pub(super) fn cost_line(&mut self, piece: &Piece, text: &str) {
        let Some(ctx) = self.ctx else {
            return;
        };
        let parsed = parse_cost(text, &ctx);
        if let Some(rest) = nfkc(&parsed.name).strip_prefix("うち") {
            let parent = self.last_program;
            let owner = parent.map(Owner::Program).unwrap_or(Owner::None);
            let index = self.push_program(ProgramRole::Cost, rest.trim(), owner, piece);
            self.push_program_figs(index, parsed.figs, piece, piece.line);
            return;
        }
        let owner = self.current.map(Owner::Heading).unwrap_or(Owner::None);
        let index = self.push_program(ProgramRole::Cost, &parsed.name, owner, piece);
        if parsed.pending {
            if let Some(program) = self.programs.get_mut(index) {
                program.pending_amount = true;
            }
        } else {
            self.push_program_figs(index, parsed.figs, piece, piece.line);
        }
        self.last_program = Some(index);
        for (rel, object, source) in std::mem::take(&mut self.bullet_links) {
            self.link(Subject::Program(index), rel, object, source);
        }
        self.link_cost_funds(index, piece);
        let source = self.source(piece.line, piece.line, &piece.raw);
        self.scan_relations(Subject::Program(index), text, &source);
    }

    /// Funds named in or before a cost line: `X基金事業` is paid from `X基金`.
    pub(super) fn link_cost_funds(&mut self, index: usize, piece: &Piece) {
        let Some(name) = self.programs.get(index).map(|p| p.name.clone()) else {
            return;
        };
        let source = self.source(piece.line, piece.line, &piece.raw);
        let mut funds = Vec::new();
        if let Some(at) = name.rfind("基金") {
            let fund = &name[..at + "基金".len()];
            if fund.chars().count() > 2 {
                let fund = self.entity(NodeType::Fund, fund, source.clone());
                if let Some(agency) = self.pending_fund_agency.take() {
                    self.link(
                        Subject::Entity(fund),
                        Rel::Responsible,
                        agency,
                        source.clone(),
                    );
                }
                funds.push(fund);
            }
        }
        if let Some(fund) = self.pending_fund.take() {
            funds.push(fund);
        }
        for fund in funds {
            self.link(Subject::Program(index), Rel::FundedBy, fund, source.clone());
            if let Some(heading) = self.current {
                self.link(
                    Subject::Heading(heading),
                    Rel::FundedBy,
                    fund,
                    source.clone(),
                );
            }
        }
    }

    pub(super) fn cost_continuation(&mut self, piece: &Piece, clean: &str) {
        let Some(ctx) = self.ctx else {
            return;
        };
        if is_only_flag_marks(clean) {
            let (inclusive, flags) = detect_qualifiers(clean);
            if let Some(program) = self.last_program.and_then(|i| self.programs.get_mut(i)) {
                let from = self.last_figs_from;
                for fig in program.figs.iter_mut().skip(from) {
                    fig.figure.inclusive |= inclusive;
                    fig.figure.flags.extend(flags.iter().copied());
                    fig.source.line_end = piece.line;
                }
            }
            return;
        }
        if clean.starts_with(['[', '［']) && self.bracket_line(piece, clean) {
            return;
        }
        let parsed = parse_cost(clean, &ctx);
        let last = self
            .last_program
            .and_then(|i| self.programs.get(i).map(|p| (i, p)));
        if let Some((index, program)) = last {
            let starts_with_year = opens_with_fiscal_year(&nfkc(clean));
            if program.pending_amount && (starts_with_year || parsed.name.is_empty()) {
                let from = program.source.line_start;
                self.push_program_figs(index, parsed.figs, piece, from);
                return;
            }
            if program.figs.is_empty() && !parsed.name.starts_with("うち") {
                let joined_name = format!("{}{}", program.name, parsed.name);
                let from = program.source.line_start;
                if let Some(program) = self.programs.get_mut(index) {
                    program.name = joined_name;
                    program.source.line_end = piece.line;
                }
                if !parsed.figs.is_empty() {
                    self.push_program_figs(index, parsed.figs, piece, from);
                } else if let Some(program) = self.programs.get_mut(index) {
                    program.pending_amount = !clean.ends_with(['：', ':']) || parsed.pending;
                }
                return;
            }
        }
        self.cost_line(piece, clean);
    }

    pub(super) fn description(&mut self, piece: &Piece, text: &str) {
        let subject = match self.current {
            Some(index) => Subject::Heading(index),
            None => return,
        };
        let source = self.source(piece.line, piece.line, &piece.raw);
        let before = self.links.len();
        self.scan_relations(subject, text, &source);
        let entities = &self.entities;
        // What the bullet says the item rests on and who carries it out or takes part holds
        // for the cost line it describes, which comes next.
        self.bullet_links = self.links[before..]
            .iter()
            .filter(|l| {
                entities.get(l.object).is_some_and(|e| match l.rel {
                    Rel::BasedOn | Rel::Implements | Rel::Targets => {
                        matches!(e.node_type, NodeType::Strategy | NodeType::Policy)
                    }
                    Rel::Responsible | Rel::CollaboratesWith => e.node_type == NodeType::Agency,
                    _ => false,
                })
            })
            .map(|l| (l.rel, l.object, l.source.clone()))
            .collect();
    }
}
