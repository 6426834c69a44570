//! The 財政投融資 request.

use super::*;

impl Parser<'_> {
    pub(super) fn financing_piece(&mut self, piece: &Piece) -> bool {
        let Some((fy, kind)) = self.financing else {
            return false;
        };
        let clean = piece.clean.trim();
        let amounts = find_amounts(clean);
        let marked = clean.starts_with(['◎', '○', '●', '■', '◆', '・']);
        if amounts.is_empty() && !marked && self.financing_item.is_some() {
            let source = self.source(piece.line, piece.line, &piece.raw);
            if let Some(item) = self.financing_item {
                self.scan_relations(Subject::Program(item), clean, &source);
            }
            return true;
        }
        if amounts.is_empty() {
            let name = clean
                .trim_start_matches(['◎', '○', '●', '■', '◆', '・', '-', ' '])
                .trim()
                .to_string();
            let source = self.source(piece.line, piece.line, &piece.raw);
            self.programs.push(Program {
                role: ProgramRole::Financing,
                name,
                owner: Owner::None,
                source: source.clone(),
                figs: Vec::new(),
                pending_amount: true,
                props: Map::new(),
            });
            let index = self.programs.len() - 1;
            self.financing_item = Some(index);
            self.scan_relations(Subject::Program(index), clean, &source);
            return true;
        }
        let Some(item) = self.financing_item else {
            self.unparsed
                .push(self.source(piece.line, piece.line, &piece.raw));
            return true;
        };
        let start_line = self.programs.get(item).map(|p| p.source.line_start);
        let mut previous_end = 0;
        for found in &amounts {
            let before = &clean[previous_end..found.start];
            let instrument = before
                .rsplit(['[', '［', '、', ',', '，'])
                .next()
                .unwrap_or("")
                .trim()
                .to_string();
            let (inclusive, flags) = detect_qualifiers(&clean[found.end..]);
            let mut figure = BudgetFigure::new(Some(found.oku), fy, kind);
            figure.inclusive = inclusive && clean[found.end..].starts_with("の内数");
            figure.flags = flags
                .into_iter()
                .filter(|f| *f != BudgetFlag::Bracketed)
                .collect();
            let mut extra = Map::new();
            if !instrument.is_empty() {
                extra.insert("instrument".into(), Value::String(instrument.clone()));
            }
            let source = self.source(
                start_line.unwrap_or(piece.line),
                piece.line,
                window(&piece.raw, found.text(clean)),
            );
            if let Some(program) = self.programs.get_mut(item) {
                program.figs.push(Fig {
                    figure,
                    source,
                    extra,
                    key_suffix: (!instrument.is_empty()).then_some(instrument),
                });
                program.pending_amount = false;
            }
            previous_end = found.end;
        }
        true
    }
}
