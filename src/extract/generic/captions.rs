//! What stands around a table: its caption, its unit, the group named above it, and the headings
//! that say its figures are no budget.

use super::*;

impl<'a> Reader<'a> {
    /// The year and kind in force for a table's header at line `number`: those its label
    /// cell names, or those of the caption right above it when it names a year
    /// (`（参考）令和６年度補正予算`), else the context's.
    pub(super) fn header_context(&self, number: usize) -> YearKind {
        let context = self.context();
        // `（参考）令和７年度６月補正予算で先行して実施した事業 | 金額(千円)`: the header's own
        // label cell names the year and kind of its figures.
        let line = strip_markup(self.line(number));
        let own = cells(&line)
            .first()
            .map(|label| YearKind::read(label))
            .unwrap_or_default();
        if own.year.is_some() && own.kind.is_some() {
            return own.or(context);
        }
        // A sentence above the table (`…令和８年度当初予算と一体的に編成しました。`) is no caption,
        // nor a legend naming two years (`上段：令和９年度要求額 ／ 下段：令和８年度予算額`).
        let one_year = |line: &str| {
            let mut years = crate::money::find_fiscal_years(line)
                .into_iter()
                .map(|found| found.year);
            let first = years.next();
            years.all(|year| Some(year) == first)
        };
        let caption = self
            .caption_line(number)
            .map(|n| strip_markup(self.line(n)))
            .filter(|line| !line.contains('。') && one_year(line))
            .map(|line| caption_year_kind(&line));
        // A rule drawn above the header (`┌──┬──┐`) leaves it the table's first row.
        let row_above = (1..number)
            .rev()
            .map(|n| self.line(n))
            .find(|line| !line.trim().is_empty() && !is_rule_line(line))
            .is_some_and(is_table_line);
        match caption {
            Some(named) if (named.year.is_some() || named.kind.is_some()) && !row_above => {
                named.or(context)
            }
            _ => context,
        }
    }

    /// The unit a line right after the table under the header at `header` declares
    /// (`（単位：百万円）` written below the table, past the rules drawn under it), when no unit
    /// was declared above it.
    /// The unit of the table whose header ends at line `header`: the unit declared right
    /// above it, else the one written below it, else the last one declared. A unit below the
    /// table is its own; a unit declared further up belonged to the text or table there.
    pub(super) fn table_unit(&self, header: usize) -> Option<&'static str> {
        let declared_above = self.unit.filter(|_| {
            let top = self.header_top.min(header);
            self.unit_line <= top && top - self.unit_line <= UNIT_REACH_ABOVE_HEADER
        });
        declared_above
            .or_else(|| self.unit_after_table(header))
            .or(self.unit)
    }

    fn unit_after_table(&self, header: usize) -> Option<&'static str> {
        // Past the rows, a row's name wrapped around its figures (`Ⅰ　…に向けた` over the
        // figures, `取組の推進` under them), and a page break's number and running head, and
        // the header's lines repeated atop the next page.
        let header_lines: Vec<&str> = (1..=header)
            .rev()
            .map(|n| self.line(n).trim())
            .filter(|line| !line.is_empty())
            .take(HEADER_LINES_REPEATED)
            .collect();
        (header + 1..=self.c.doc.lines.len())
            .filter(|n| !self.line(*n).trim().is_empty())
            .take(TABLE_REACH_FOR_UNIT)
            .filter(|n| {
                !self.repeats_running_head(*n) && !header_lines.contains(&self.line(*n).trim())
            })
            .map(|n| strip_markup(self.line(n)))
            .find(|line| {
                !is_table_line(line)
                    && !is_layout_fragment(line)
                    && !is_rule_line(line)
                    && !is_marks_line(line)
                    && !marks_after_label(line)
                    && !is_page_number(line)
                    && !is_wrapped_row_name(line)
            })
            .and_then(|line| unit_line(&line).or_else(|| unit_note(&line)))
    }

    /// The non-blank lines after line `number`, in order.
    pub(super) fn lines_after(&self, number: usize) -> impl Iterator<Item = &'a str> + '_ {
        (number + 1..=self.c.doc.lines.len())
            .map(|n| self.line(n))
            .filter(|line| !line.trim().is_empty())
    }

    /// Whether the line right above the header of the table being read names something that
    /// is no budget (`第２表　継続費`, `債務負担行為`, `地方債`).
    pub(super) fn caption_names_no_budget(&self) -> bool {
        self.line_above_header().is_some_and(|number| {
            let line = crate::normalize::nfkc(self.line(number));
            NOT_BUDGET_CAPTIONS.iter().any(|word| line.contains(word))
        })
    }

    /// Whether an open heading names commitments, carry-overs or borrowing (`６　繰越明許費の
    /// 補正（追加）`, `債務負担行為`): the figures under it are no budgets.
    pub(super) fn under_no_budget_heading(&self) -> bool {
        self.open.iter().any(|item| {
            let (name, _) = split_trailing_parenthesis(&item.name);
            item.role == Role::Heading && NOT_BUDGET_CAPTIONS.iter().any(|word| name.contains(word))
        })
    }

    /// Whether the caption above the header at line `header` names revenue or funding sources
    /// (`一般会計歳入（単位：千円）`, `３　補正予算の財源内訳`): one name, maybe with its unit;
    /// no sentence, and no line of a header's words laid out over its columns, set far in over
    /// the columns it names (`本年度予算額の財源内訳　　　節`). A funding breakdown unnumbered
    /// (`財 源 内 訳`) heads columns of a table of projects, as their part of its header.
    pub(super) fn caption_names_revenue(&self, header: usize) -> bool {
        self.caption_line(header).is_some_and(|number| {
            let caption = strip_markup(self.line(number));
            let parts = cells(&caption);
            let numbered_caption =
                numbered(&caption).is_some() || exhibit_title(caption.trim()).is_some();
            !is_set_far_in(&caption)
                && parts.first().is_some_and(|name| {
                    names_revenue(name) && (numbered_caption || !names_funding_breakdown(name))
                })
                && parts[1..].iter().all(|part| unit_declared(part).is_some())
                && !caption.contains(['。', '、'])
        })
    }

    /// Whether line `number` is a page's head or footer ([`page_furniture`]).
    ///
    /// [`page_furniture`]: crate::extract::recognise::pages::page_furniture
    pub(super) fn is_page_furniture(&self, number: usize) -> bool {
        number
            .checked_sub(1)
            .and_then(|index| self.page_furniture.get(index))
            .copied()
            .unwrap_or(false)
    }

    /// The nearest non-blank line above the header of the table being read.
    pub(super) fn line_above_header(&self) -> Option<usize> {
        self.nonempty_line_above(self.header_line)
    }

    /// The line a table's caption would stand on, above its header at line `header`: the
    /// first above it that is neither blank, nor a unit line, nor a rule drawn over the
    /// header, which may stand between the caption and the header, nor the header's own
    /// upper row.
    fn caption_line(&self, header: usize) -> Option<usize> {
        // The rows of a grid's header above the one at `header` are no caption.
        let header_rows = if self.columns.is_some()
            && (header == self.header_line || header == self.header_line + 1)
        {
            self.header_top..=self.header_line
        } else {
            header..=header
        };
        (1..header).rev().find(|n| {
            if header_rows.contains(n) || self.is_page_furniture(*n) {
                return false;
            }
            let line = strip_markup(self.line(*n));
            // The upper row of a header on two lines (`会計名 令和８年度 …` over `当初予算額
            // …`) is no caption.
            let upper_header_row =
                *n + 1 == header && header_columns(&cells(&line), self.context()).is_some();
            !is_rule_line(&line)
                && unit_line(&line).is_none()
                && !upper_header_row
                && layout::breakdown_head_cell(&line).is_none()
        })
    }

    /// A group's name spanning every column between a table's rows (`Ⅰ　物価高騰対策 | Ⅰ　物価
    /// 高騰対策 | …`, a cell spanning the row): it closes the group before it, and the rows
    /// under it, with the 計 that ends them, are its own.
    pub(super) fn enter_spanning_group(&mut self, number: usize, cell: &str) {
        self.close_spanned_group();
        self.open.retain(|item| item.role != Role::Row);
        let cell = cell.trim();
        let name = clean_name(without_numbering(cell));
        if name.chars().any(char::is_alphabetic) && !tables::is_total_label(&name) {
            self.open_spanned_group(number, cell);
        }
    }

    /// The group the block of rows a bare total at line `number` closes stands in: the last
    /// group (`２項　林業費` → 林業費) a line without figures names, from just above the
    /// header down to the total, after any total before it.
    pub(super) fn group_named_above(&self, number: usize) -> Option<(usize, String)> {
        let top = (1..self.header_top)
            .rev()
            .filter(|n| !is_rule_line(self.line(*n)))
            .take(GROUP_LINES_OVER_HEADER)
            .last()
            .unwrap_or(self.header_top);
        for n in (top..number).rev() {
            if self.is_page_furniture(n) {
                continue;
            }
            let line = strip_markup(self.line(n));
            let row = cells(&line);
            if row.first().is_some_and(|cell| tables::is_total_label(cell)) {
                return None;
            }
            if is_table_line(&line) {
                continue;
            }
            let group = row
                .iter()
                .rev()
                .find_map(|cell| row_group_title(cell))
                .map(clean_name);
            if let Some(group) = group.filter(|name| !name.is_empty()) {
                return Some((n, group));
            }
        }
        None
    }

    /// The caption a table carries above its header (`歳出予算（款別）`): the nearest
    /// non-blank line above it that is a short name, not a unit line or a sentence.
    pub(super) fn table_caption(&self) -> Option<(usize, String)> {
        let number = self.caption_line(self.header_line)?;
        let written = strip_markup(self.line(number));
        // `表１　会計別予算額　（単位：百万円）`: the unit after a numbered caption is no
        // part of it.
        let line = written
            .find(UNIT_WORD)
            .and_then(|at| written[..at].rfind(['（', '(']))
            .map(|at| &written[..at])
            .filter(|caption| exhibit_title(caption.trim_start_matches('#').trim()).is_some())
            .unwrap_or(written.as_str());
        let title = line.trim_start_matches('#').trim();
        // `項　１　保健衛生費`: the caption's numbering is no part of its name.
        let unnumbered = numbered(title)
            .filter(|found| !found.style.is_bullet())
            .map_or(title, |found| found.title);
        let name = clean_name(
            exhibit_title(title)
                .unwrap_or(unnumbered)
                .trim_matches(['【', '】', '［', '］']),
        );
        let readable = (2..=MAX_ITEM_NAME_CHARS).contains(&name.chars().count())
            && !name.contains(['。', '、'])
            && unit_declared(line).is_none()
            && find_amounts(line).is_empty();
        readable.then_some((number, name))
    }
}

/// The word that opens a unit's declaration (`（単位：百万円）`).
const UNIT_WORD: &str = "単位";

/// The year and kind a table's caption names for its figures: those of the words after
/// what qualifies them (`財政投融資対象機関に係る令和１０年度一般会計予算（案）の主な計上額`: the
/// initial budget), when those words name a kind.
fn caption_year_kind(caption: &str) -> YearKind {
    let whole = YearKind::read(caption);
    let head = QUALIFYING_LINKS
        .iter()
        .filter_map(|link| caption.rfind(link).map(|at| at + link.len()))
        .max()
        .map(|at| YearKind::read(&caption[at..]))
        .filter(|head| head.kind.is_some());
    head.map_or(whole, |head| head.or(whole))
}

/// Words after which a caption names what its figures are, the words before qualifying them.
const QUALIFYING_LINKS: [&str; 3] = ["に係る", "に関する", "に対する"];

/// Lines (rules aside) above a table's header that a line naming the group of its first
/// rows may stand on, over the header's other words and its unit.
const GROUP_LINES_OVER_HEADER: usize = 3;

/// How many lines after a table's header its closing unit line may stand.
const TABLE_REACH_FOR_UNIT: usize = 60;

/// How many lines of a table's header a page break may repeat atop the next page.
const HEADER_LINES_REPEATED: usize = 3;

/// How many lines above a table's header a unit declared there is the table's.
const UNIT_REACH_ABOVE_HEADER: usize = 4;

/// Whether a line is a header's row of column marks under its label cell spanned down
/// (`区分 | (A) | (B) | (A)-(B)`).
fn marks_after_label(line: &str) -> bool {
    let row = cells(line);
    row.len() >= 2 && row[1..].iter().all(|cell| is_marks_cell(cell))
}

/// Captions of tables and headings of sections whose amounts are commitments, carry-overs or
/// borrowing, not budgets.
const NOT_BUDGET_CAPTIONS: [&str; 4] = ["継続費", "債務負担行為", "地方債", "繰越明許費"];

/// Most chars (spaces aside) of a line a PDF's text cuts out of a table's layout.
const MAX_FRAGMENT_CHARS: usize = 16;

/// A line a PDF's text cuts out of a table's layout between its rows: letters of a label
/// spelled down the side (`予　予`, `額`), the rest of a wrapped cell (`主な増減理由`,
/// `額　の　導入支援の対象とな`); short, with no unit, figure or sentence end.
fn is_layout_fragment(line: &str) -> bool {
    let letters = line.chars().filter(|c| !c.is_whitespace()).count();
    letters <= MAX_FRAGMENT_CHARS
        && unit_declared(line).is_none()
        && !line.contains('。')
        && !line.chars().any(|c| c.is_numeric())
}

/// Whether `line` is part of a table row's name a PDF's text wraps around the row's figures:
/// words alone, maybe after the row's number (`(1) 地方消費者行政強化交付金等による`,
/// `取組の推進`), no sentence.
fn is_wrapped_row_name(line: &str) -> bool {
    let Some(line) = row_name_words(line) else {
        return false;
    };
    // `(3) 消費者ホットライン188の`: a name may hold a number, not a figure.
    let numbered_words = numbered(&line).is_some_and(|item| {
        let letters = item.title.chars().filter(|c| c.is_alphabetic()).count();
        let numerals = item.title.chars().filter(|c| c.is_numeric()).count();
        !item.style.is_bullet() && letters > numerals && find_amounts(item.title).is_empty()
    });
    !line.contains('。') && (is_name_line(&line) || numbered_words)
}
