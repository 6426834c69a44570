//! Summary tables under a unit line and the headline totals.

use super::*;
use crate::extract::recognise::amounts::unit_line;

impl Parser<'_> {
    pub(super) fn table_piece(&mut self, piece: &Piece) -> bool {
        let clean = piece.clean.as_str();
        let folded = nfkc(clean);
        if matches!(
            outline_level(&folded),
            Some((Level::Pillar | Level::Main, ..))
        ) {
            self.section = Section::Items;
            return false;
        }
        if let Some(caps) = ACCOUNT.captures(&folded) {
            let name = caps.get(1).map(|m| m.as_str()).unwrap_or("").trim();
            let source = self.source(piece.line, piece.line, &piece.raw);
            self.programs.push(Program {
                role: ProgramRole::Account,
                name: name.to_string(),
                owner: Owner::None,
                source,
                figs: Vec::new(),
                pending_amount: false,
                props: Map::new(),
            });
            self.account = Some(self.programs.len() - 1);
            self.columns.clear();
            return true;
        }
        if let Some(unit) = unit_line(&folded) {
            self.unit = unit.to_string();
            return true;
        }
        if folded.starts_with('※') {
            if let Some(account) = self.account
                && let Some(program) = self.programs.get_mut(account)
            {
                program
                    .props
                    .insert("note".into(), Value::String(piece.raw.clone()));
            }
            return true;
        }
        let row = cells(clean);
        if row.len() < 2 {
            return false;
        }
        if row.len() >= 3 && row.iter().skip(1).any(|c| !find_fiscal_years(c).is_empty()) {
            self.columns = row.iter().skip(1).map(|c| self.column(c)).collect();
            return true;
        }
        if row.len() >= 3 && !self.columns.is_empty() {
            return self.table_row(piece, &row);
        }
        self.headline(piece, &row)
    }

    pub(super) fn column(&self, header: &str) -> Column {
        let Some(ctx) = self.ctx else {
            return Column::Skip;
        };
        if header.contains('率') || header.contains('%') || header.contains('％') {
            return Column::Rate;
        }
        if header.contains("増減") || header.contains("差") {
            return Column::Change;
        }
        match find_fiscal_years(header).first() {
            Some(found) => {
                let kind = BudgetKind::detect(header).unwrap_or(if found.year == ctx.draft {
                    ctx.kind
                } else {
                    BudgetKind::Initial
                });
                Column::Figure(found.year, kind, header.to_string())
            }
            None => Column::Skip,
        }
    }

    pub(super) fn table_row(&mut self, piece: &Piece, row: &[&str]) -> bool {
        let values: Vec<Option<Decimal>> = row.iter().skip(1).map(|c| parse_number(c)).collect();
        if values.iter().all(Option::is_none) {
            return false;
        }
        let source = self.source(piece.line, piece.line, &piece.raw);
        let mut program = Program {
            role: ProgramRole::TableRow,
            name: row[0].to_string(),
            owner: self.account.map(Owner::Program).unwrap_or(Owner::None),
            source: source.clone(),
            figs: Vec::new(),
            pending_amount: false,
            props: Map::new(),
        };
        let (mut change, mut rate) = (None, None);
        for (column, value) in self.columns.iter().zip(values.iter()) {
            match (column, value) {
                (Column::Rate, Some(v)) => rate = Some(*v),
                (Column::Change, Some(v)) => change = to_oku(*v, &self.unit),
                (Column::Figure(fy, kind, header), Some(v)) => {
                    let Some(oku) = to_oku(*v, &self.unit) else {
                        self.unparsed.push(source.clone());
                        continue;
                    };
                    let mut extra = Map::new();
                    extra.insert("column".into(), Value::String(header.clone()));
                    program.figs.push(Fig {
                        figure: BudgetFigure::new(Some(oku), *fy, *kind),
                        source: source.clone(),
                        extra,
                        key_suffix: None,
                    });
                }
                _ => {}
            }
        }
        if let Some(ctx) = self.ctx {
            attach_change(&mut program.figs, ctx, change, rate);
        }
        self.programs.push(program);
        true
    }

    /// `令和6年度予算額（案）<TAB>18兆2,107億円`: a total of the current account.
    pub(super) fn headline(&mut self, piece: &Piece, row: &[&str]) -> bool {
        let label = row[0];
        let Some(amount) = row.last().and_then(|c| find_amounts(c).into_iter().next()) else {
            return false;
        };
        let (Some(ctx), Some(account)) = (self.ctx, self.account) else {
            self.unparsed
                .push(self.source(piece.line, piece.line, &piece.raw));
            return true;
        };
        let fy = find_fiscal_years(label)
            .first()
            .map(|m| m.year)
            .unwrap_or(ctx.draft);
        if label.contains("増減") {
            if let Some(program) = self.programs.get_mut(account) {
                attach_change(&mut program.figs, ctx, Some(amount.oku), None);
            }
            return true;
        }
        let kind = BudgetKind::detect(label).unwrap_or(if fy == ctx.draft {
            ctx.kind
        } else {
            BudgetKind::Initial
        });
        let mut extra = Map::new();
        extra.insert("metric".into(), Value::String(label.to_string()));
        let source = self.source(piece.line, piece.line, &piece.raw);
        if let Some(program) = self.programs.get_mut(account) {
            program.figs.push(Fig {
                figure: BudgetFigure::new(Some(amount.oku), fy, kind),
                source,
                extra,
                key_suffix: None,
            });
        }
        true
    }
}
