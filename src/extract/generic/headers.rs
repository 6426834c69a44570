//! Headers over several lines: stacked, wrapped, three-line and aligned headers, and the words a
//! header's upper rows spread over the columns below.

use super::*;
use itertools::Itertools;

impl<'a> Reader<'a> {
    /// A header's second row that a PDF's text sets one space apart in one cell
    /// (`予算額（Ａ） 要求・要望額（Ｂ） （Ｂ）－（Ａ） （Ｂ）／（Ａ）` under `区分 | 令和８年度 |
    /// 令和９年度 | 増減額 | 対前年度比`), as one cell per word: every word a header's word or
    /// marks, one under each upper cell but the label's. Any other row as it is.
    pub(super) fn with_header_words_apart<'r>(
        &self,
        number: usize,
        row: Vec<&'r str>,
    ) -> Vec<&'r str> {
        let [cell] = row.as_slice() else {
            return row;
        };
        let under_header = self.columns.is_some()
            && (1..number).rev().find(|n| !self.line(*n).trim().is_empty())
                == Some(self.header_line);
        if !under_header {
            return row;
        }
        let words: Vec<&str> = cell
            .split([' ', '\u{3000}'])
            .filter(|w| !w.is_empty())
            .collect();
        let upper = cells(&strip_markup(self.line(self.header_line))).len();
        let header_words = words.len() >= 2
            && words.len() + 1 == upper
            && words
                .iter()
                .all(|word| is_column_word(word) || is_marks_cell(word));
        if header_words { words } else { row }
    }

    /// The columns of a header written on two rows, when the header row at `number` comes
    /// right under the table's header (`令和７年度 | 令和８年度 | 対前年度` over `予算額 |
    /// 要求額 | 増減額`): each column is read from the words above it and its own, the row
    /// with fewer cells aligned with the right of the other. Gives the header's word of each
    /// column and the columns.
    pub(super) fn stacked_header(
        &self,
        number: usize,
        lower: &[&str],
    ) -> Option<(Vec<String>, Vec<Column>)> {
        self.columns.as_ref()?;
        // A header word set on a line of its own between the two rows (`増減率` under `対前年度`,
        // the second line of the last column's heading) names one more column on the right.
        let lone_word = |line: &str| {
            let line = strip_markup(line);
            let row = cells(&line);
            (row.len() == 1
                && row[0].chars().count() <= LONE_HEADER_WORD_CHARS
                && !row[0].chars().any(char::is_numeric)
                && is_column_word(row[0]))
            .then(|| row[0].to_string())
        };
        let mut lone_words = Vec::new();
        let mut previous = number;
        // A line of column marks alone (`(A) | (A)+(D)` under the columns the upper row does
        // not split) stands between the two rows, naming no column.
        let between = |line: &str| is_rule_line(line) || is_marks_line(line);
        loop {
            previous = (1..previous).rev().find(|n| !between(self.line(*n)))?;
            match lone_word(self.line(previous)) {
                Some(word) => lone_words.push(word),
                None => break,
            }
        }
        if previous != self.header_line {
            return None;
        }
        let upper_line = strip_markup(self.line(previous));
        // `区分 | 令和７年度 | | 令和６年度 |` over `予算額 | 構成比 | 予算額 | 構成比`: a year
        // spanning two columns is written once, and stands over both.
        let upper_words: Vec<String> = match tab_cells(&upper_line) {
            // A grid's header already read over two rows stands over a third.
            Some(grid) if grid.len() == self.header_words.len() => self.header_words.clone(),
            Some(grid) if grid.len() > cells(&upper_line).len() => {
                let mut spanned: Vec<&str> = Vec::with_capacity(grid.len());
                for cell in grid {
                    match spanned.last() {
                        Some(&left) if cell.is_empty() => spanned.push(left),
                        _ => spanned.push(cell),
                    }
                }
                spanned.into_iter().map(str::to_string).collect()
            }
            // `区　分 | … | 備　考`: a letter-spaced word is one cell.
            _ => join_spaced_words(&cells(&upper_line)),
        };
        let upper: Vec<&str> = upper_words.iter().map(String::as_str).collect();
        // A grid's lower row keeps its empty cells under the upper row's spanned ones
        // (`部局 | 事業名 | | 予算額 | 前年度当初 | 増減` under `… | 令和７年度補正 | 令和８年度当初
        // | | |`); `事　　　　項`: a letter-spaced word is one cell.
        let lower_line = strip_markup(self.line(number));
        let lower_grid = tab_cells(&lower_line)
            .filter(|grid| grid.len() == upper_words.len() && grid.len() > lower.len());
        let mut lower: Vec<String> = match lower_grid {
            Some(grid) => spanned_under(&upper_words, &grid),
            None => join_spaced_words(lower),
        };
        lower.extend(lone_words.iter().rev().cloned());
        let lower: Vec<&str> = lower.iter().map(String::as_str).collect();
        let mut upper = upper;
        upper.extend(lone_words.iter().rev().map(String::as_str));
        // A header a PDF's text breaks over two lines (`款 | 本年度(A) | 前年度(B)`, then
        // `増減額 | 増減率 | 本年度 | 前年度`): when the rows under it have a cell for each
        // word of both, the second line goes on from the first.
        // The first row may come under a line naming the group of rows below (`一般会計`).
        let row_width = self
            .lines_after(number)
            .find(|line| !is_name_line(line) || is_table_line(line))
            .filter(|line| is_table_line(line))
            .map(|line| cells(&strip_markup(line)).len());
        if upper.len() >= 2 && lower.len() >= 2 && row_width == Some(upper.len() + lower.len()) {
            let words: Vec<&str> = upper.iter().chain(&lower).copied().collect();
            let columns = header_columns(&words, self.context()).map(without_repeated_figures)?;
            return Some((words.iter().map(|word| word.to_string()).collect(), columns));
        }
        // `会計名 | 本年度 | 前年度 | 比較` over `（A） | （B） | 増減額 | 増減率` or over `予算額 |
        // 構成比 | 予算額 | 構成比 | 増減額 | 増減率`: the label stands on the upper row alone, at
        // the left of the rows; the upper row's other words stand over the lower row's.
        if lone_words.is_empty()
            && upper.len() >= 3
            && row_width == Some(lower.len() + 1)
            && lower.len() >= upper.len()
            && column_of(0, upper[0], self.context()) == Column::Label
            && let Some(words) = label_beside_spans(&upper, &lower, self.context())
        {
            let columns = header_columns(
                &words.iter().map(String::as_str).collect::<Vec<_>>(),
                self.context(),
            )?;
            return Some((words, columns));
        }
        // One upper word stands over every lower word (`今回補正額` over `第1号(B) | 第2号(C) |
        // 補正額計(D)` beside `当初予算額` and `補正後予算額`), when the rows under it have a
        // cell for each of the others and each lower word.
        if lone_words.is_empty()
            && let Some(words) = under_spanning_word(&upper, &lower, row_width)
        {
            let columns = header_columns(
                &words.iter().map(String::as_str).collect::<Vec<_>>(),
                self.context(),
            )?;
            return Some((words, columns));
        }
        // The shorter row stands over or under the cells of the longer one whose columns its
        // own words agree with (`当初予算案(A) | 当初予算(B) | (A)－(B)` under `令和８年度 |
        // 令和７年度 | 増減額` of `区分 | … | 増減率 | 備考`), else over or under its right
        // (`令和７年度 | 前年度` over `事項 | 予算案 | 予算額`).
        let width = upper.len().max(lower.len());
        let (long, short) = if upper.len() >= lower.len() {
            (&upper, &lower)
        } else {
            (&lower, &upper)
        };
        let placement = short_row_placement(long, short);
        let at = |row: &[&str], index: usize| -> Option<String> {
            let at = if row.len() == width {
                Some(index)
            } else {
                placement.iter().position(|column| *column == index)
            };
            at.and_then(|i| row.get(i).map(|cell| cell.to_string()))
        };
        let stacked: Vec<String> = (0..width)
            .map(|index| match (at(&upper, index), at(&lower, index)) {
                (Some(above), Some(below)) if above != below => format!("{above}{below}"),
                (Some(word), _) | (None, Some(word)) => word,
                (None, None) => String::new(),
            })
            .collect();
        let words: Vec<&str> = stacked.iter().map(String::as_str).collect();
        let columns = header_columns(&words, self.context())?;
        Some((stacked, columns))
    }

    /// The columns of a header a PDF's text gives on three lines, its last at line `number`
    /// (`令和７年度 | 令和８年度要求額` over `事項 | 対前年度比 | 備考` over `予算額 | 一般会計 |
    /// 特別会計 | 計`): the middle line holds the cells that span all three, the row's label
    /// first and the others after the columns split over two lines; the top line's words
    /// stand over the bottom line's, one over each and the last over the rest. The rows
    /// below must have a cell for every word of the middle and bottom lines. Where a top
    /// word stands over several columns one of which is their total (`計`), the others are
    /// its parts (`一般会計 | 特別会計`) and hold no budget of their own. With the columns,
    /// whether the last names notes (`備考`), and the header's top line.
    pub(super) fn three_line_header(
        &self,
        number: usize,
        lower: &[&str],
    ) -> Option<(Vec<Column>, bool, usize)> {
        // Most lines are no header's last line: they are told apart before any line above
        // is read.
        if lower.len() < 2 || lower.iter().any(|cell| parse_number(cell).is_some()) {
            return None;
        }
        let mut above = (1..number)
            .rev()
            .filter(|n| !self.line(*n).trim().is_empty() && !is_rule_line(self.line(*n)));
        let (first_line, second_line) = (above.next()?, above.next()?);
        let cells_of = |line: usize| owned_cells(self.line(line));
        // `令和９年度` over `区分 | 機関名 | 増減額` over `計画額` over `計 | 財政融資 | …`: a
        // head's label the text sets on a line of its own, the head a column of its own.
        let wrapped_label = match cells_of(first_line).as_slice() {
            [label]
                if YearKind::read(label).year.is_none()
                    && matches!(column_of(1, label, self.context()), Column::Figure(..)) =>
            {
                Some(label.clone())
            }
            _ => None,
        };
        let (middle_line, top_line) = match wrapped_label {
            Some(_) => (second_line, above.next()?),
            None => (first_line, second_line),
        };
        let words_only = |row: &[String]| {
            row.len() >= 2
                && row.iter().all(|cell| {
                    // `15か月予算`: a word may count something.
                    let numerals = cell.chars().filter(|c| c.is_numeric()).count();
                    let letters = cell.chars().filter(|c| c.is_alphabetic()).count();
                    numerals == 0
                        || YearKind::read(cell).year.is_some()
                        || (letters > numerals
                            && numbered(cell).is_none()
                            && find_amounts(cell).is_empty())
                })
                && row.iter().all(|cell| parse_number(cell).is_none())
        };
        let (mut top, mut middle) = (cells_of(top_line), cells_of(middle_line));
        rejoin_wrapped_year(&mut top, &mut middle);
        let whole_head = match wrapped_label {
            Some(label) => Some(complete_bare_year(&mut top, &label)?),
            None => None,
        };
        // `令和７年度 | 令和８年度 | 令和８年度` over `当初予算額 | 要求額 | 査定額 | 査定による
        // 増減 | …`: a line of years alone above the top line names the years of the heads
        // it stands over.
        let years_line = above
            .next()
            .filter(|_| whole_head.is_none())
            .filter(|line| {
                let years = cells_of(*line);
                !years.is_empty()
                    && years.len() <= top.len()
                    && years.iter().all(|c| tables::bare_year(c).is_some())
            });
        if let Some(line) = years_line {
            let years = cells_of(line);
            let years: Vec<&str> = years.iter().map(String::as_str).collect();
            let heads: Vec<&str> = top.iter().map(String::as_str).collect();
            let placement = short_row_placement(&heads, &years);
            for (year, column) in years.iter().zip(placement) {
                if let Some(head) = top.get_mut(column) {
                    *head = format!("{year}{head}");
                }
            }
        }
        let top_line = years_line.unwrap_or(top_line);
        // The middle line may be the label's letters alone (`区 | 分`), or the label alone
        // (`款`) when no column but the label spans the three lines.
        let label_alone = middle.len() == 1
            && !middle[0].chars().any(char::is_numeric)
            && middle[0].chars().any(char::is_alphabetic);
        let middle_words = words_only(&middle) || label_alone;
        let middle = join_spaced_words(&middle.iter().map(String::as_str).collect::<Vec<_>>());
        if !words_only(&top) || !middle_words {
            return None;
        }
        // Only the row's label and columns of no budget, changes and rates span the three
        // lines.
        let context = self.context();
        let spanning = column_of(0, &middle[0], context) == Column::Label
            && middle[1..].iter().all(|word| {
                matches!(
                    column_of(1, word, context),
                    Column::Other | Column::Rate | Column::Change(_)
                )
            });
        if !spanning {
            return None;
        }
        // `国 | 費 | 事業費`: a word's letters a PDF's text sets apart are one word.
        let bottom = join_spaced_words(lower);
        if top.len() > bottom.len() {
            return None;
        }
        // A change compares the figures beside it: with a breakdown of their funding on the
        // right (`財源内訳`), the changes stand before it.
        let breakdown_at = top
            .iter()
            .position(|head| names_funding_breakdown(head))
            .filter(|at| *at > 0);
        let (changes, after): (Vec<&String>, Vec<&String>) = middle[1..].iter().partition(|word| {
            breakdown_at.is_some() && matches!(column_of(1, word, context), Column::Change(_))
        });
        // Columns of words on the right (`事業概要 | 担当課`) a row's text may set elsewhere,
        // when the middle line has a word for every cell it spans.
        let every_cell_named = middle
            .iter()
            .all(|word| word.chars().any(char::is_alphabetic));
        let words_on_right = after
            .iter()
            .rev()
            .take_while(|word| every_cell_named && column_of(1, word, context) == Column::Other)
            .count();
        let width = middle.len() + bottom.len() + usize::from(whole_head.is_some());
        // A row the PDF's text breaks over two lines (`③ …事業 | 【新` over `規】 | 3,620,000
        // | …`) may come first.
        let rows: Vec<Vec<String>> = self
            .lines_after(number)
            .take(ROWS_CHECKED_UNDER_HEADER)
            .filter(|line| is_table_line(line))
            .map(owned_cells)
            .collect();
        // A row of figures alone whose name the PDF's text wraps onto the lines around it
        // (`Ⅰ　…に向けた` over `3,367 | 4,520 | …` over `取組の推進`) lacks only its label.
        let fits = |row: &Vec<String>| {
            (width - words_on_right..=width).contains(&row.len())
                || (row.len() + 1 == width && row.iter().all(|cell| tables::is_figure_cell(cell)))
        };
        if !rows.iter().any(fits) {
            return None;
        }
        // `区分 | 機関名 | 増減額` over `特別会計 | 森林整備再生特別会計 | 120 | …`: the words
        // naming the cells of words before a row's figures stand before the heads' columns.
        let names_before_figures = if whole_head.is_some() {
            let words_first = rows
                .iter()
                .filter(|row| row.len() == width)
                .map(|row| {
                    row.iter()
                        .take_while(|cell| !tables::is_figure_cell(cell))
                        .count()
                })
                .max()
                .unwrap_or(0);
            after
                .iter()
                .take(words_first.saturating_sub(1))
                .take_while(|word| column_of(1, word, context) == Column::Other)
                .count()
        } else {
            0
        };
        let (names, after) = after.split_at(names_before_figures);
        let heads: Vec<String> = top
            .iter()
            .enumerate()
            .filter(|(at, _)| Some(*at) != whole_head)
            .map(|(_, head)| head.clone())
            .collect();
        let spanned = bottom.len() - heads.len() + 1;
        // The middle line's words of changes and rates span the header under a top word of
        // no figure (`対前年度` over `増減率`); a notes column (`備考`) stands under none.
        let over_middle = middle[1..]
            .iter()
            .filter(|word| {
                matches!(
                    column_of(1, word, context),
                    Column::Rate | Column::Change(_)
                )
            })
            .count();
        let counts = top_spans(&heads, over_middle, &bottom, context).map(|mut counts| {
            if let Some(at) = whole_head {
                counts.insert(at, 0);
            }
            counts
        });
        let last_head = (0..top.len()).rfind(|at| Some(*at) != whole_head);
        let mut words = vec![middle[0].clone()];
        words.extend(names.iter().map(|word| word.to_string()));
        // Each span of the top line's heads: its words' range, and where its first word stands
        // on the bottom line.
        let mut spans: Vec<(std::ops::Range<usize>, usize)> = Vec::new();
        let mut at = 0;
        for (index, head) in top.iter().enumerate() {
            if Some(index) == breakdown_at {
                words.extend(changes.iter().map(|word| word.to_string()));
            }
            if Some(index) == whole_head {
                words.push(head.clone());
                continue;
            }
            let count = match &counts {
                Some(counts) => counts[index],
                None if Some(index) == last_head => spanned,
                None => 1,
            };
            spans.push((words.len()..words.len() + count, at));
            for below in &bottom[at..at + count] {
                words.push(format!("{head}{below}"));
            }
            at += count;
        }
        words.extend(after.iter().map(|word| word.to_string()));
        let notes_last = words.last().is_some_and(|word| names_notes(word));
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        let mut columns = header_columns(&words, context)?;
        for (span, first_below) in spans.into_iter().filter(|(span, _)| span.len() >= 2) {
            let below = |index: usize| &bottom[first_below + index - span.start];
            let total = span
                .clone()
                .find(|index| tables::is_total_label(below(*index)));
            if let Some(total) = total {
                for index in span.filter(|index| *index != total) {
                    columns[index] = Column::Other;
                }
            }
        }
        Some((columns, notes_last, top_line))
    }

    /// The columns of a header whose cells a PDF's text wraps over lines, its last at line
    /// `number` (`区 分 | 令和７年度予算` over `（当初） | 令和８年度予算` over `（政府案） |
    /// ７→８` over `増減`): the lines' cells in order are the header's words, a parenthesis
    /// (`（当初）`) going on the word before it and, when one word is still too many, a word
    /// naming no column (`７→８`) going on with the next. The words must give as many columns
    /// as the first row below has cells, which the header's first line alone does not.
    pub(super) fn wrapped_header(&self, number: usize, lower: &[&str]) -> Option<Vec<Column>> {
        let words_only = |row: &[&str]| {
            !row.is_empty()
                && row.iter().all(|cell| {
                    parse_number(cell).is_none()
                        && cell.chars().count() <= MAX_WRAPPED_HEADER_CELL_CHARS
                        && !cell.contains('。')
                })
        };
        if !words_only(lower) {
            return None;
        }
        // The first row follows the header's last line, maybe under a band naming its group
        // (`〔歳 出〕`).
        let mut below = self.lines_after(number);
        let first_row = match below.next()? {
            line if is_table_line(line) => line,
            band if is_band(band) => below.next().filter(|line| is_table_line(line))?,
            _ => return None,
        };
        let width = cells(&strip_markup(first_row)).len();
        let context = self.header_context(number);
        if header_columns(lower, context).is_some_and(|c| c.len() == width) {
            return None;
        }
        let above: Vec<usize> = (1..number)
            .rev()
            .filter(|n| !self.line(*n).trim().is_empty())
            .take(MAX_WRAPPED_HEADER_LINES - 1)
            .collect();
        // `補正額の財源内訳` over `No. | 事業名 | 款 | 補正額` over `国県支出金 | 市債 | …`: the
        // lower line names the columns of the breakdown headed above, no wrapped words.
        let under_breakdown_head = above
            .iter()
            .take(2)
            .any(|line| self.is_breakdown_head_alone(*line));
        if under_breakdown_head {
            return None;
        }
        for first in &above {
            let lines: Vec<String> = (*first..=number)
                .map(|n| strip_markup(self.line(n)))
                .collect();
            let rows: Vec<Vec<&str>> = lines.iter().map(|line| cells(line)).collect();
            // A row of marks alone (`（Ａ） | （Ｂ） | （Ｂ）－（Ａ）`) stands under its columns.
            let marks_only =
                |row: &Vec<&str>| row.len() >= 2 && row.iter().all(|cell| is_parenthesised(cell));
            if !rows.iter().all(|row| words_only(row)) || rows.iter().any(marks_only) {
                return None;
            }
            // The header starts with the rows' label and a word of figures, not with a
            // wrapped part.
            let label = rows[0][0];
            let top = header_columns(&rows[0], context);
            if label.starts_with(['（', '(']) || column_of(0, label, context) != Column::Label {
                continue;
            }
            match top {
                Some(columns) if columns.len() < width => {}
                _ => return None,
            }
            // `当初予算 増減額 増減率`: when the cells are too few for the columns, words a
            // single space apart are cells of their own, but a letter-spaced word (`区 分`) is
            // one.
            let cells = rows.concat();
            let cells: Vec<String> = if cells.len() < width {
                let parts: Vec<&str> = cells.into_iter().flat_map(str::split_whitespace).collect();
                join_spaced_words(&parts)
            } else {
                cells.into_iter().map(str::to_string).collect()
            };
            if cells.len() <= width {
                return None;
            }
            let words = wrapped_words(cells.iter().map(String::as_str).collect(), width, context);
            if let Some(words) = words {
                let words: Vec<&str> = words.iter().map(String::as_str).collect();
                if let Some(columns) = header_columns(&words, context) {
                    return Some(columns);
                }
            }
        }
        None
    }

    /// The columns of the header `row` at line `number` with a word of the year before standing
    /// alone on the line above it (`前年度` over `予算額 | 要求額`, a PDF's text having moved
    /// it out of its cell): it names the first column of figures when that names no year of
    /// its own, as the earlier year's initial budget.
    pub(super) fn with_year_word_above(
        &self,
        number: usize,
        row: &[&str],
        columns: Vec<Column>,
    ) -> Vec<Column> {
        let above = (1..number)
            .rev()
            .map(|n| strip_markup(self.line(n)))
            .find(|line| !line.trim().is_empty());
        let words = join_spaced_words(row);
        let lone_year_word = above.as_deref().is_some_and(|line| {
            matches!(cells(line).as_slice(), [word]
                if word.chars().count() <= LONE_HEADER_WORD_CHARS && relative_year(word) < 0)
        });
        if !lone_year_word || words.len() != columns.len() {
            return columns;
        }
        let context = self.header_context(number);
        let mut columns = columns;
        let first = columns
            .iter()
            .position(|column| matches!(column, Column::Figure(..)));
        if let Some(index) = first
            && YearKind::read(&words[index]).year.is_none()
            && relative_year(&words[index]) == 0
            && let Column::Figure(year_kind, _) = &mut columns[index]
        {
            *year_kind = YearKind {
                year: context.year.map(|year| shifted(year, -1)),
                kind: Some(BudgetKind::Initial),
            };
        }
        columns
    }

    /// A line of header words right under the header of a table laid out with spaces
    /// (`特定財源 一般財源 区分 金額` under `本年度の財源内訳 節`): each word joins the header
    /// cell it stands under, and a cell with several words under it is parted into them. The
    /// columns given words are read again; the others, and those of a breakdown set beside
    /// the table, stay as they were. False, with nothing changed, for any other line.
    pub(super) fn laid_out_header_line(&mut self, number: usize, raw: &str, row: &[&str]) -> bool {
        let (Some(columns), Some(layout)) = (&self.columns, &self.layout) else {
            return false;
        };
        let under_header =
            (1..number).rev().find(|n| !is_rule_line(self.line(*n))) == Some(self.header_line);
        // Two header cells one space apart (`一般財源 区　分`) are two words.
        let row = layout.parted_words(raw, row, columns);
        let header_words = row.iter().all(|cell| {
            cell.chars().any(char::is_alphabetic)
                && !cell.chars().any(char::is_numeric)
                && without_spaces(cell).chars().count() <= LONE_HEADER_WORD_CHARS
        });
        if !under_header || !header_words {
            return false;
        }
        let Some((stacked, layout)) = layout.stacked(raw, &row, columns) else {
            return false;
        };
        let context = self.header_context(self.header_line);
        let columns: Vec<Column> = stacked
            .iter()
            .enumerate()
            .map(|(index, column)| match columns.get(column.upper) {
                Some(kept) if !column.added => *kept,
                _ => column_of(index, &column.words, context),
            })
            .collect();
        self.start_table(number, layout.without_breakdown(columns));
        self.layout = Some(layout);
        true
    }

    /// The header of a table laid out with spaces whose words a fixed-width text stacks over
    /// several lines (`令和７年度  令和８年度  増△減額 増△減率` over `区　分  予算額  要求額` over
    /// `(百万円) (百万円) (百万円) (%)`), read at the first row under it, `row` (slices of
    /// `raw`, at line `number`): each word stands over the row's cell it overlaps. Starts the
    /// table when the lines above give a column for each of the row's cells, the first naming
    /// the rows, and the table being read has no place for all the row's cells. False, with
    /// nothing changed, otherwise.
    pub(super) fn aligned_header(&mut self, number: usize, raw: &str, row: &[&str]) -> bool {
        // The cells the table being read has a place for: as many as its columns, or those
        // its layout sets under its header (before a breakdown beside it).
        let own = match &self.layout {
            Some(layout) => layout.own_cells(raw, row),
            None => row,
        };
        let fits = self
            .columns
            .as_ref()
            .is_some_and(|columns| columns.len() >= own.len());
        let placed = self
            .layout
            .as_ref()
            .is_some_and(|layout| layout.value_columns(raw, own).is_some());
        if fits || placed || row.len() < 3 || !is_table_line(raw) {
            return false;
        }
        // A rule drawn beside a header's words (`│`, `--------` under a heading spanning the
        // columns to its right) is none of them.
        let header_words = |line: &str| {
            let row: Vec<&str> = cells(line)
                .into_iter()
                .filter(|cell| !is_rule_line(cell))
                .collect();
            !row.is_empty()
                && row.iter().all(|cell| {
                    parse_number(cell).is_none()
                        && cell.chars().count() <= MAX_WRAPPED_HEADER_CELL_CHARS
                        && !cell.contains('。')
                })
        };
        let mut lines: Vec<usize> = Vec::new();
        for above in (1..number).rev() {
            let line = self.line(above);
            if line.trim().is_empty() || lines.len() == MAX_WRAPPED_HEADER_LINES {
                break;
            }
            if is_rule_line(line) {
                continue;
            }
            // `3款 民生費` over `1項 社会福祉費` between the header and its first row: the
            // groups the rows stand in.
            if names_row_group(line) && lines.is_empty() {
                continue;
            }
            if !header_words(line) {
                break;
            }
            lines.push(above);
        }
        if lines.len() < 2 {
            return false;
        }
        lines.reverse();
        let header: Vec<&str> = lines.iter().map(|n| self.line(*n)).collect();
        let Some(layout) = TableLayout::over_row(&header, raw, row) else {
            return false;
        };
        let words: Vec<&str> = layout.words().iter().map(String::as_str).collect();
        let context = self.header_context(lines[0]);
        let Some(columns) = header_columns(&words, context) else {
            return false;
        };
        let figures = columns.iter().any(|c| matches!(c, Column::Figure(..)));
        if columns.first() != Some(&Column::Label) || !figures {
            return false;
        }
        let last = lines[lines.len() - 1];
        self.start_table(last, columns);
        self.column_kinds = per_column(&words, Some(0), |cell| YearKind::read(cell).kind);
        self.layout = Some(layout);
        if let Some(unit) = header.iter().find_map(|line| unit_row(&cells(line))) {
            self.unit = Some(unit);
        }
        true
    }

    /// A row of words right under the header that parts one of its columns (`財源内訳` over
    /// `国県支出金 | 地方債 | 一般財源`): the column the words stand under in a table laid out
    /// with spaces, else the last. The header gets a column for each word, of what the
    /// parted column held (no budget). False, with nothing changed, for any other row.
    pub(super) fn sub_header(&mut self, number: usize, raw: &str, row: &[&str]) -> bool {
        let Some(columns) = &self.columns else {
            return false;
        };
        let under_header =
            (1..number).rev().find(|n| !is_rule_line(self.line(*n))) == Some(self.header_line);
        let words = row.iter().all(|cell| {
            let cell = cell.trim();
            cell.chars().any(char::is_alphabetic)
                && !cell.chars().any(char::is_numeric)
                && !is_column_word(cell)
        });
        if !under_header || !words {
            return false;
        }
        // Laid out with spaces, the words part the header cell they stand under; otherwise
        // the last column.
        let parted = self.layout.as_ref().and_then(|layout| {
            let index = layout
                .parted_cell(raw, row)
                .filter(|index| columns.get(*index) == Some(&Column::Other))?;
            Some((index, layout.parted(index, raw, row)))
        });
        let (under, parted_layout) = match parted {
            Some((index, layout)) => (Some(index), layout),
            None => (None, None),
        };
        // `補正額の財源内訳` alone over `款 | 補正前の額 | 補正額 | 補正後の額`: the words
        // are columns of the breakdown beside the header's own, no part of its last.
        let beside = under.is_none() && self.breakdown_head_above_header();
        let index = match under {
            Some(index) => index,
            None if beside => columns.len(),
            None if columns.last() == Some(&Column::Other) => columns.len() - 1,
            None => return false,
        };
        let mut parted = columns.clone();
        let replaced = if beside {
            index..index
        } else {
            index..index + 1
        };
        parted.splice(replaced, std::iter::repeat_n(Column::Other, row.len()));
        self.columns = Some(parted);
        self.layout = parted_layout;
        true
    }
}

/// The words of a wrapped header (see [`Reader::wrapped_header`]) joined into `width`
/// columns: a parenthesis (`（当初）`, `(A)－(B)`) goes on the word before it; then, while
/// there are too many, a year alone goes on with the figure word after it (`令和８年度` +
/// `予算額（案）(A)`), or a word naming no column with the next (`７→８` + `増減`). `None`
/// when they make another number of columns.
fn wrapped_words(cells: Vec<&str>, width: usize, context: YearKind) -> Option<Vec<String>> {
    let mut words: Vec<String> = Vec::with_capacity(cells.len());
    for cell in cells {
        match words.last_mut() {
            Some(last) if is_parenthesised(cell) => last.push_str(cell),
            _ => words.push(cell.to_string()),
        }
    }
    let year_alone = |word: &str| {
        let named = YearKind::read(word);
        named.year.is_some() && named.kind.is_none() && !word.contains('額')
    };
    let figure_without_year = |word: &str| {
        YearKind::read(word).year.is_none()
            && matches!(column_of(1, word, context), Column::Figure(..))
    };
    while words.len() > width {
        let pairs = 1..words.len() - 1;
        let joined = pairs
            .clone()
            .find(|&index| year_alone(&words[index]) && figure_without_year(&words[index + 1]))
            .or_else(|| {
                pairs.clone().find(|&index| {
                    let together = format!("{}{}", words[index], words[index + 1]);
                    column_of(index, &words[index], context) == Column::Other
                        && column_of(index, &together, context) != Column::Other
                })
            })?;
        let next = words.remove(joined + 1);
        words[joined].push_str(&next);
    }
    (words.len() == width).then_some(words)
}

/// How many of the bottom line's words each word of a three-line header's top line stands
/// over, when the words' kinds tell (`令和７年度 | 令和８年度概算要求・要望額 | 対前年度比` over
/// `当初予算額 | 要求額 | 要望額 | 計 | （％）`: 1, 3 and 1): the top's words of figures share
/// the bottom's, a word moving on to the next top word when that one names its kind and the
/// current one does not; the top's words of no figure after them stand one over each of the
/// bottom's last words, or over the middle line's `over_middle` words that span the header.
/// `None` when a word of figures would stand over nothing.
fn top_spans(
    top: &[String],
    over_middle: usize,
    bottom: &[String],
    context: YearKind,
) -> Option<Vec<usize>> {
    let figures = top
        .iter()
        .take_while(|word| matches!(column_of(1, word, context), Column::Figure(..)))
        .count();
    let over_bottom = (top.len() - figures).saturating_sub(over_middle);
    if figures == 0 || bottom.len() < figures + over_bottom {
        return None;
    }
    let kinds: Vec<Option<BudgetKind>> = top[..figures]
        .iter()
        .map(|word| YearKind::read(word).kind)
        .collect();
    let mut counts = vec![0; top.len()];
    let mut current = 0;
    let mut group_start = 0;
    let mut repeated = false;
    for (index, word) in bottom[..bottom.len() - over_bottom].iter().enumerate() {
        let kind = YearKind::read(word).kind;
        let moves_on = kind.is_some()
            && kinds.get(current + 1).copied().flatten() == kind
            && kinds[current] != kind;
        // `国費 | 事業費 | 国費` under `令和７年度補正 | 令和６年度補正`: the word opening the
        // current head's group, written again, opens the next head's.
        let repeats_opening =
            index > group_start && current + 1 < figures && bottom[group_start] == *word;
        repeated |= repeats_opening && !moves_on;
        if moves_on || repeats_opening {
            group_start = index;
            current += 1;
        }
        counts[current] += 1;
    }
    for count in &mut counts[figures..figures + over_bottom] {
        *count = 1;
    }
    // A group opened by its first word written again is no longer than the first group
    // (`予算額 | 予算額 | 国庫支出金 | …` is a year's figure each, then a breakdown).
    let regrouped_too_long = repeated && counts[1..figures].iter().any(|count| *count > counts[0]);
    if !counts[..figures].contains(&0) && !regrouped_too_long {
        return Some(counts);
    }
    (over_middle == 0 && figures >= 2)
        .then(|| repeated_spans(figures, top.len(), bottom))
        .flatten()
}

/// How many bottom words each top word stands over when the bottom line repeats one group
/// of words under each of the first `figures` top words (`令和８年度 | 令和７年度 | 比較` over
/// `予算額 | 構成比 | 予算額 | 構成比 | 増減額 | 伸率`): each of those over one group, the top
/// words after them over one bottom word each and the last of them over the rest.
fn repeated_spans(figures: usize, top_len: usize, bottom: &[String]) -> Option<Vec<usize>> {
    let after = top_len - figures;
    (1..=bottom.len() / figures).rev().find_map(|group| {
        let rest = bottom.len() - group * figures;
        let repeats = (1..figures).all(|i| bottom[i * group..(i + 1) * group] == bottom[..group]);
        let fits = if after == 0 { rest == 0 } else { rest >= after };
        (repeats && fits).then(|| {
            let mut counts = vec![group; figures];
            counts.extend((0..after).map(|i| if i + 1 == after { rest + 1 - after } else { 1 }));
            counts
        })
    })
}

/// The words of a header whose `upper` row starts with the rows' label, standing on that
/// row alone, and whose other words stand over the `lower` row's (`会計名 | 本年度 | 前年度
/// | 比較` over `（A） | （B） | 増減額 | 増減率`): the label, then each upper word joined with
/// each lower word under it. The upper words stand over the lower ones as their kinds share
/// them, else one over each and the last, a comparison, over the changes and rates left.
fn label_beside_spans(upper: &[&str], lower: &[&str], context: YearKind) -> Option<Vec<String>> {
    let heads: Vec<String> = upper[1..].iter().map(|word| word.to_string()).collect();
    let bottom: Vec<String> = lower.iter().map(|word| word.to_string()).collect();
    let compares = |word: &str| matches!(word_column(word), Column::Change(_) | Column::Rate);
    let one_each_then_rest = || {
        let last = heads.len() - 1;
        (compares(&heads[last])
            && bottom[..last].iter().all(|word| !compares(word))
            && bottom[last..].iter().all(|word| compares(word)))
        .then(|| {
            let mut counts = vec![1; last];
            counts.push(bottom.len() - last);
            counts
        })
    };
    let counts = top_spans(&heads, 0, &bottom, context).or_else(one_each_then_rest)?;
    let mut words = vec![upper[0].to_string()];
    let mut below = bottom.iter();
    for (head, count) in heads.iter().zip(counts) {
        for word in below.by_ref().take(count) {
            words.push(format!("{head}{word}"));
        }
    }
    (words.len() == lower.len() + 1).then_some(words)
}

/// The rest of a year a PDF's text wraps inside a narrow header cell (`令和８年` over `度`,
/// `令和８` over `年度`): a cell of the `lower` line that is nothing but that rest goes back on
/// the one cell of the `upper` line it completes.
fn rejoin_wrapped_year(upper: &mut [String], lower: &mut Vec<String>) {
    for (rest, completes) in [("度", "年"), ("年度", "")] {
        let Some(at) = lower.iter().position(|cell| cell == rest) else {
            continue;
        };
        let open: Vec<usize> = (0..upper.len())
            .filter(|i| {
                let cell = &upper[*i];
                let stem = cell.strip_suffix(completes).unwrap_or("");
                !stem.is_empty()
                    && (completes.is_empty() || cell.ends_with(completes))
                    && stem.chars().last().is_some_and(char::is_numeric)
            })
            .collect();
        if let [index] = open[..] {
            upper[index].push_str(rest);
            lower.remove(at);
        }
    }
}

/// Completes the one head of a header's top line that names a year alone (`令和９年度`) with
/// the label the text set on a line of its own (`計画額`); returns its index, `None` unless
/// exactly one head names a year alone.
fn complete_bare_year(top: &mut [String], label: &str) -> Option<usize> {
    let bare_years: Vec<usize> = (0..top.len())
        .filter(|at| {
            let head = top[*at].trim();
            head.ends_with("年度") && YearKind::read(head).year.is_some() && !is_figure_label(head)
        })
        .collect();
    let [at] = bare_years.as_slice() else {
        return None;
    };
    top[*at].push_str(label);
    Some(*at)
}

/// The cells of a table line (`line`, markup left out), each its own string.
fn owned_cells(line: &str) -> Vec<String> {
    cells(&strip_markup(line))
        .iter()
        .map(|cell| cell.to_string())
        .collect()
}

/// Most lines a header's wrapped cells take.
const MAX_WRAPPED_HEADER_LINES: usize = 6;

/// Most chars of a cell of a wrapped header's line.
const MAX_WRAPPED_HEADER_CELL_CHARS: usize = 16;

/// How many lines under a header of three lines are looked at for a row with a cell for
/// each of its columns.
const ROWS_CHECKED_UNDER_HEADER: usize = 4;

/// The cells of a grid's lower header row under the upper row's `upper` words (spanned cells
/// repeated): a cell left empty right of a word, under the same upper cell as that word, is
/// spanned by it (`原資別内訳 | | ` under `令和９年度計画額` spanning three columns).
fn spanned_under(upper: &[String], lower: &[&str]) -> Vec<String> {
    let mut spanned: Vec<String> = Vec::with_capacity(lower.len());
    for (index, cell) in lower.iter().enumerate() {
        let same_upper = index > 0 && upper.get(index) == upper.get(index - 1);
        match spanned.last() {
            Some(left) if cell.is_empty() && same_upper && !left.is_empty() => {
                let left = left.clone();
                spanned.push(left);
            }
            _ => spanned.push(cell.to_string()),
        }
    }
    spanned
}

/// Longest header word set on a line of its own inside a header, in chars.
const LONE_HEADER_WORD_CHARS: usize = 6;

/// The columns with a column of figures of the same year and kind as one before it, with no
/// column of words between them, holding no budget: the second names shares of the first
/// (`本年度 | 前年度` under `構成比`).
fn without_repeated_figures(columns: Vec<Column>) -> Vec<Column> {
    let written = columns.clone();
    let mut columns = columns;
    for index in 1..columns.len() {
        let Column::Figure(year_kind, _) = written[index] else {
            continue;
        };
        let repeated = written[..index]
            .iter()
            .rev()
            .take_while(|column| !matches!(column, Column::Label | Column::Other))
            .any(|column| matches!(column, Column::Figure(earlier, _) if *earlier == year_kind));
        if repeated {
            columns[index] = Column::Other;
        }
    }
    columns
}

/// The words of a header whose upper row has one word standing over all the lower row's
/// words (`区分 | 当初予算額 | 今回補正額 | 補正後予算額` over `第1号(B) | 第2号(C) | 補正額計(D)`),
/// when the rows under it are `row_width` cells wide, one for each of the other upper
/// words and each lower word: the spanning word is the one the lower words agree with most
/// (figures over figures, a kind over the same kind), and it goes before each of them.
/// `None` when no word is agreed with more than the others.
fn under_spanning_word(
    upper: &[&str],
    lower: &[&str],
    row_width: Option<usize>,
) -> Option<Vec<String>> {
    if upper.len() < 2 || lower.len() < 2 || row_width != Some(upper.len() - 1 + lower.len()) {
        return None;
    }
    let agreement = |head: &str| -> i32 {
        let head_kind = YearKind::read(head).kind;
        lower
            .iter()
            .map(|word| {
                let kinds = match (head_kind, YearKind::read(word).kind) {
                    (Some(a), Some(b)) if a == b => 1,
                    (Some(_), Some(_)) => -1,
                    _ => 0,
                };
                kinds + columns_agree(word_column(head), word_column(word))
            })
            .sum()
    };
    let scores: Vec<i32> = upper[1..].iter().map(|head| agreement(head)).collect();
    let best = *scores.iter().max()?;
    if best <= 0 || scores.iter().filter(|score| **score == best).count() > 1 {
        return None;
    }
    let spanning = 1 + scores.iter().position(|score| *score == best)?;
    let head = upper[spanning];
    let mut words: Vec<String> = upper[..spanning].iter().map(|w| w.to_string()).collect();
    words.extend(lower.iter().map(|word| format!("{head}{word}")));
    words.extend(upper[spanning + 1..].iter().map(|w| w.to_string()));
    Some(words)
}

/// Widest header whose columns are searched for every order-keeping placement of a shorter
/// row's words; wider ones place them side by side only.
const MAX_PLACED_COLUMNS: usize = 12;

/// The column of the longer of a header's two rows under or over which each word of the
/// shorter row stands. The words stand side by side over the columns they agree with most,
/// else at the right; where a word set side by side would stand over a column it disagrees
/// with and skipping columns makes every word agree better (`当初予算額 | 予算額（案） | 増減額 |
/// 補正予算額（案）` under `区分 | 令和７年度 | 令和８年度 | 対前年度 | 対前年度比 | 令和７年度`:
/// the ratio's word is whole on one line), they skip those columns, keeping their order.
fn short_row_placement(long: &[&str], short: &[&str]) -> Vec<usize> {
    let width = long.len();
    let agreement = |columns: &[usize]| -> i32 {
        short
            .iter()
            .zip(columns)
            .map(|(word, column)| columns_agree(word_column(word), word_column(long[*column])))
            .sum()
    };
    let side_by_side = (0..=width - short.len())
        .map(|offset| (offset..offset + short.len()).collect::<Vec<usize>>())
        .max_by_key(|columns| (agreement(columns), columns.first().copied()))
        .unwrap_or_default();
    let best_side_by_side = agreement(&side_by_side);
    if width > MAX_PLACED_COLUMNS || short.is_empty() {
        return side_by_side;
    }
    // The first placement, in column order, that agrees strictly better than any side by side.
    (0..width)
        .combinations(short.len())
        .map(|columns| (agreement(&columns), columns))
        .filter(|(score, _)| *score > best_side_by_side)
        .reduce(|best, next| if next.0 > best.0 { next } else { best })
        .map_or(side_by_side, |(_, columns)| columns)
}

/// How well two header words stacked in one column agree: +1 when both name figures, or
/// both changes, or both rates; -1 when one names figures and the other a change or rate;
/// 0 otherwise.
fn columns_agree(a: Column, b: Column) -> i32 {
    match (a, b) {
        (Column::Figure(..), Column::Figure(..))
        | (Column::Change(_), Column::Change(_))
        | (Column::Rate, Column::Rate) => 1,
        (Column::Figure(..), Column::Change(_) | Column::Rate)
        | (Column::Change(_) | Column::Rate, Column::Figure(..)) => -1,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::short_row_placement;

    #[test]
    fn a_shorter_header_row_skips_the_column_its_words_disagree_with() {
        let upper = [
            "区分",
            "令和７年度",
            "令和８年度",
            "対前年度",
            "対前年度比",
            "令和７年度",
        ];
        let lower = ["当初予算額", "予算額（案）", "増減額", "補正予算額（案）"];
        assert_eq!(short_row_placement(&upper, &lower), [1, 2, 3, 5]);
        // Words that agree side by side stay side by side, at the right.
        let upper = ["事項", "予算案", "予算額"];
        let lower = ["令和７年度", "前年度"];
        assert_eq!(short_row_placement(&upper, &lower), [1, 2]);
        assert!(short_row_placement(&upper, &[]).is_empty());
    }
}
