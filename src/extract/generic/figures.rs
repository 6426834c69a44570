//! Budget figures emitted: the node of a figure, its change, the sub-item it names and the notes it
//! cites.

use super::*;

impl<'a> Reader<'a> {
    /// Whether a figure of `item` read now is revenue or a source of funding, not spending:
    /// the item, an open heading or group, the band, the table's caption, the label column
    /// of its half of the table or a cell of its row names revenue (`歳入合計`, `２　一般会計
    /// の主な歳入`, `【歳入】`, `補正予算の財源`, `歳入 | 予算額`).
    fn reads_revenue(&self, item: &Item) -> bool {
        self.band_revenue
            || (self.revenue_table || self.table_band.as_deref().is_some_and(names_revenue))
                && self.columns.is_some()
            || self.row_revenue
            || names_revenue(&item.name)
            || self.open.iter().any(|open| names_revenue(&open.name))
    }

    /// Adds a budget node for `figure` of `item` (see [`budget_node`]), flagged as revenue
    /// where it is read as such ([`Self::reads_revenue`]).
    pub(super) fn emit_budget(
        &mut self,
        item: &Item,
        figure: &BudgetFigure,
        source: Source,
        written: Option<(&str, &str)>,
    ) -> Option<String> {
        let closing_months = self.closes_year_before(item, figure, &source);
        if self.reads_revenue(item) || closing_months {
            let mut figure = figure.clone();
            if closing_months {
                figure.fiscal_year = shifted(figure.fiscal_year, -1);
            } else {
                figure.flags.insert(BudgetFlag::Revenue);
            }
            return budget_node(&mut self.c, item, &figure, source, written);
        }
        budget_node(&mut self.c, item, figure, source, written)
    }

    /// Whether `figure`, a supplementary given the year of the document's initial budget,
    /// is one of the closing months of the year before, named so without its year by the
    /// item, its lines or its table's header (`２月補正` beside `令和８年度当初予算案`): the
    /// months close the fiscal year before the one the initial budget opens.
    fn closes_year_before(&self, item: &Item, figure: &BudgetFigure, source: &Source) -> bool {
        let context = self.document_context;
        if figure.kind != BudgetKind::Supplementary
            || context.kind != Some(BudgetKind::Initial)
            || context.year != Some(figure.fiscal_year)
        {
            return false;
        }
        let cited = source.line_start as usize..=source.line_end as usize;
        let header = self
            .columns
            .as_ref()
            .map(|_| self.header_top.min(self.header_line)..=self.header_line)
            .into_iter()
            .flatten();
        names_closing_month_supplementary(&item.name)
            || cited
                .chain(header)
                .any(|number| names_closing_month_supplementary(&strip_markup(self.line(number))))
    }

    /// Remembers the item at `index` among the open ones under the note mark its written
    /// name ends with, if any.
    pub(super) fn remember_note(&mut self, written_name: &str, index: usize) {
        if let (Some(mark), Some(item)) = (note_mark(written_name), self.open.get(index)) {
            self.noted.insert(mark, item.clone());
        }
    }

    /// A note under the items (`※1　このほか、令和６年度当初予算において１，０２０億円`)
    /// whose mark an item's name carried: its figures are that item's. False for any other
    /// line.
    pub(super) fn note_line(&mut self, number: usize, raw: &str) -> bool {
        let Some(item) = leading_note_mark(raw).and_then(|mark| self.noted.get(&mark)) else {
            return false;
        };
        if inline_figures(raw).is_empty() {
            return false;
        }
        self.open.push(item.clone());
        let index = self.open.len() - 1;
        self.text_line(number, raw);
        self.open.truncate(index);
        true
    }

    /// `name：amount` or `name amount` on a line of its own under an item: the name (`head`,
    /// the text before the amount) is a sub-item of the current one. Returns its index among
    /// the open items.
    pub(super) fn named_sub_item(&mut self, number: usize, head: &str) -> Option<usize> {
        // `の運営に要する経費として…`: the rest of a phrase the line above began names nothing.
        if head.trim_start().starts_with('の') {
            return None;
        }
        // `民生費　32.1%　`: a pie chart's legend gives the share before the amount.
        let head = head.trim_end_matches(NAME_TAIL);
        // `一般会計が 1,186億…`: the particle after an account is no part of its name, nor is
        // a topic's (`予算総額は６，８４５，０００千円で`).
        let head = head
            .trim_end()
            .strip_suffix('が')
            .filter(|account| TOPIC_ENDINGS.iter().any(|ending| account.ends_with(ending)))
            .or_else(|| head.trim_end().strip_suffix('は'))
            .unwrap_or(head);
        let head = SHARE_AT_END.find(head).map_or(head, |share| {
            head[..share.start()].trim_end_matches(NAME_TAIL)
        });
        // `【物価高騰対策】　　計　`: the total of the group the brackets name.
        let head = ["合計", "小計", "計"]
            .iter()
            .find_map(|total| {
                let group = head.strip_suffix(total)?.trim_end();
                group.ends_with(['】', '］', ']']).then_some(group)
            })
            .unwrap_or(head);
        // `農林水産関係　合計`: the total of the group named before it, a word apart.
        let head = ["合計", "小計", "計"]
            .iter()
            .find_map(|total| {
                let group = head.trim_end().strip_suffix(total)?;
                let name = group.trim();
                (group.ends_with([' ', '\u{3000}'])
                    && name.chars().count() >= MIN_GROUP_NAME_CHARS
                    && !name.contains([' ', '\u{3000}']))
                .then_some(name)
            })
            .unwrap_or(head);
        // `【学ぶ】新しい図書館の建設`: a tag in brackets before the name is no part of it.
        let head = without_leading_tag(head);
        // `※１　うち令和６年能登半島地震分`: a note's mark is no part of the name it gives.
        let head = without_leading_note_mark(head);
        // `【Ⅰ　…の強化】`, `＜サイバー空間の安全・安心の確保＞`: the brackets and the number
        // inside them are no part of the name.
        // `【３．防災・減災、国土強靱化と災害復旧】`: a heading in brackets is a name, whatever
        // its commas.
        let bracketed = {
            let heading = head.trim().trim_end_matches(NAME_TAIL);
            heading.starts_with('【') && heading.ends_with('】')
        };
        let bare = head
            .trim_end_matches(NAME_TAIL)
            .trim_end_matches(['】', ']', '］', '＞', '>', '〉', '》'])
            .trim_start_matches(['【', '[', '（', '(', '＜', '<', '〈', '《', ' ', '\u{3000}'])
            .trim_start_matches("うち")
            .trim();
        let bare = numbered(bare)
            .filter(|found| !found.style.is_bullet())
            .map_or(bare, |found| found.title);
        let name = clean_name(bare);
        let account = name.ends_with("会計");
        let generic = YearKind::read(&name).is_empty()
            && !["予算", "要求", "総額", "合計", "計", "うち"]
                .iter()
                .any(|w| name.starts_with(w) || (name.ends_with(w) && !account));
        // Before any heading, a labelled figure (`【補正予算額】 3,462億円`) is the document's
        // headline total: its label names it even when the label is budget wording.
        let headline = self.open.is_empty();
        // A label naming its subject between its year and kind words
        // (`（参考）令和７年度農林水産関係当初予算額`) after the current item's own figure names
        // an item of its own; the first figure under a heading is the heading's.
        let subject = label_subject(&name).filter(|subject| {
            !generic
                && figure_note_label(&name).is_none()
                && self.current().is_some_and(|item| {
                    item.main_budget.is_some() && !item.name.contains(subject.as_str())
                })
        });
        let (name, generic) = match subject {
            Some(subject) => (subject, true),
            None => (name, generic),
        };
        // `国庫債務負担行為 ４０億円`: a commitment, limit or balance names no item. Two
        // kanji may name a tax, an expense, a bond or a fund (`町税`, `県債`), not a
        // recipient (`世帯 １万円`).
        let two_kanji = name.chars().count() == 2
            && name.chars().all(crate::normalize::is_kanji)
            && name.ends_with(SHORT_ACCOUNT_ENDINGS);
        let readable = (name.chars().count() >= 3 || two_kanji)
            && name.chars().count() <= MAX_ITEM_NAME_CHARS
            && !names_a_limit(&name)
            && !name.contains(['。', '】', ']'])
            && !name.ends_with(AS_LINK)
            && (bracketed || !name.contains('、'))
            && (headline || !is_figure_label(&name))
            && (generic || headline);
        if !readable {
            return None;
        }
        let source = self.c.source(number, head.trim());
        let index = self.open_sub_item(name, source);
        self.remember_note(head, index);
        Some(index)
    }

    /// Emits `amount` of `year_kind` (the item's year and kind where it names none) as a
    /// figure of `item` cited by `source`; returns its id and year. `None` for a figure of
    /// settled accounts, and for one of no readable year or kind, which is reported as
    /// unparsed.
    pub(super) fn emit_figure(
        &mut self,
        item: &Item,
        year_kind: YearKind,
        amount: Decimal,
        source: Source,
        written: Option<(&str, &str)>,
    ) -> Option<(String, FiscalYear)> {
        let year_kind = year_kind.or(item.year_kind);
        let (Some(year), Some(kind)) = (year_kind.year, year_kind.kind) else {
            self.c.unparsed(source);
            return None;
        };
        let figure = BudgetFigure::new(Some(amount), year, kind);
        Some((self.emit_budget(item, &figure, source, written)?, year))
    }

    /// Puts a change (`change_oku_yen`) and its rate (`change_rate`) on the budget `id` they
    /// compare, where they are known.
    pub(super) fn put_change(&mut self, id: &str, change: Option<Decimal>, rate: Option<Decimal>) {
        if let Some(change) = change {
            self.c
                .prop(id, "change_oku_yen", change.normalize().to_string());
        }
        if let Some(rate) = rate {
            self.c.prop(id, "change_rate", rate.to_string());
        }
    }

    /// Opens `name` as an item under the current one, cited by `source`; returns its index
    /// among the open items.
    pub(super) fn open_sub_item(&mut self, name: String, source: Source) -> usize {
        let parent = self.current().cloned();
        let node_type = if is_program_name(&name) {
            program_type(&name)
        } else {
            NodeType::Measure
        };
        let id = self.c.node(node_type, &name, source.clone());
        let depth = parent.as_ref().map_or(0, |p| p.depth + 1);
        if let Some(parent) = &parent {
            self.c.edge(&id, Rel::PartOf, &parent.id, source);
        }
        let inherited = parent.as_ref().map_or(self.top_context(), |p| p.year_kind);
        self.open.retain(|item| item.depth < depth);
        self.open.push(Item {
            id,
            name: name.clone(),
            node_type,
            depth,
            year_kind: item_year_kind(&name, inherited, &self.title_kinds),
            main_budget: None,
            role: Role::Heading,
        });
        self.open.len() - 1
    }

    /// Agencies listed in a heading's parenthesis (`（◎内閣官房、全府省）`): a ◎ marks the
    /// lead, responsible for the item; the others collaborate.
    pub(super) fn lead_bodies(&mut self, number: usize, parenthesis: &str, item: &str) {
        let has_lead = parenthesis.contains('◎');
        for part in parenthesis.split(['、', ',', '，', '・']) {
            let lead = part.contains('◎');
            let name = clean_name(part.trim_start_matches(['◎', '○', ' ', '\u{3000}']));
            if !mentions::is_agency_name(&name) {
                continue;
            }
            let source = self.c.source(number, part.trim());
            let agency = self.c.node(NodeType::Agency, &name, source.clone());
            let rel = if lead || !has_lead {
                Rel::Responsible
            } else {
                Rel::CollaboratesWith
            };
            self.c.edge(item, rel, &agency, source);
        }
    }

    /// Emits the budget figures written in `text` for the open item at `owner`.
    pub(super) fn figures(&mut self, number: usize, text: &str, owner: usize) {
        self.figures_where(number, text, owner, |_| true);
    }

    /// The line of a caption under a line of figures alone and the year and kind it names
    /// for the last of them (`５１２億円` over `令和８年度予算（案）`; `（＋３８億円）　２６０億円` over
    /// `令和７年度補正予算（案）`: a slide's figure over its caption, the change before it the
    /// figure's above): a line naming a year or kind in budget wording alone.
    pub(super) fn caption_under_figures(
        &self,
        number: usize,
        text: &str,
    ) -> Option<(usize, YearKind)> {
        let row = cells(text);
        // The figure captioned is the line's last, outside any parenthesis.
        let figures_alone = row.last().is_some_and(|last| !is_parenthesised(last))
            && row
                .iter()
                .all(|cell| is_parenthesised(cell) || holds_figures_alone(cell));
        if !figures_alone {
            return None;
        }
        let line =
            (number + 1..=self.c.doc.lines.len()).find(|n| !self.line(*n).trim().is_empty())?;
        let caption = strip_markup(self.line(line));
        let caption = caption.trim();
        let named = YearKind::read(caption);
        let words = without_parenthesised(caption);
        let is_caption = (named.year.is_some() || named.kind.is_some())
            && find_amounts(caption).is_empty()
            && cells(caption).len() == 1
            && is_figure_label(&words);
        is_caption.then_some((line, named))
    }

    /// The term in bold alone on the line above `number` (`**令和7年度**`), when it names a
    /// field of the figure under it rather than an item.
    fn field_term_above(&self, number: usize) -> Option<&'a str> {
        let term = bold_term(self.line(self.nonempty_line_above(number)?))?;
        is_field_term(term).then_some(term)
    }

    /// Emits the budget figures written in `text` whose place among them `chosen` accepts,
    /// for the open item at `owner`.
    pub(super) fn figures_where(
        &mut self,
        number: usize,
        text: &str,
        owner: usize,
        chosen: impl Fn(usize) -> bool,
    ) {
        let Some(item) = self.open.get(owner).cloned() else {
            return;
        };
        if self.under_no_budget_heading() {
            return;
        }
        // The budget figure before, as read: a figure compared with it (`約１兆３，６４１億円
        // （前年度約１兆３，２０５億円）`) counts its year from that one's.
        let mut beside: Option<Option<FiscalYear>> = None;
        // `…億円で、前年度` over `当初予算（…億円）に比べ`: the year a sentence names at the
        // end of the line above is the first figure's, when this line names none before it.
        // The sentence the line above leaves unfinished, and its words past its amounts.
        let tail_above = self.sentence_above(number).map(|(_, tail)| tail);
        let past_amounts_above = tail_above.map(|tail| {
            let after_amounts = find_amounts(tail).last().map_or(0, |amount| amount.end);
            &tail[after_amounts..]
        });
        let year_above = past_amounts_above
            .filter(|_| numbered(text).is_none())
            .map(|clause| {
                clause
                    .rfind(['、', '，'])
                    .map_or(clause, |at| &clause[at..])
            })
            .filter(|clause| {
                // `…、前年度当初予算` over `3,312,900千円と比べ`: a label naming the year.
                let label = clause.trim_start_matches(['、', '，']).trim_end();
                !clause.contains(['（', '('])
                    && (label.ends_with("年度")
                        || (relative_year(label) != 0 && is_figure_label(label)))
            });
        // `…歳入歳出予算の総額を` over `歳入歳出それぞれ８，７６５，４３２千円とする。`: the total a
        // supplementary leaves.
        let total_set_above = tail_above.is_some_and(|tail| tail.trim_end().ends_with("総額を"));
        // `…市民1人当たりの一般会` over `計予算額は420,263円…`: a rate per head the sentence
        // above begins, past its amounts, is the first figure's.
        // (A bullet or numbered item of its own opens no such sentence's end.)
        let rate_above = numbered(&strip_markup(self.line(number))).is_none()
            && past_amounts_above.is_some_and(names_a_rate);
        let mut found = inline_figures(text);
        self.bracket_legend(text, &mut found);
        if text.len() == self.line(number).len()
            && let Some((_, caption)) = self.caption_under_figures(number, text)
            && let Some(last) = found.iter_mut().rev().find(|figure| !figure.change)
        {
            last.year_kind = caption.or(last.year_kind);
            last.kind_plain = false;
        }
        let term_above = self.field_term_above(number);
        for (index, mut figure) in found.into_iter().enumerate() {
            let before = &text[..figure.amount.start];
            if let Some(term) = term_above.filter(|_| index == 0 && before.trim().is_empty()) {
                // `**令和7年度**` over `66,120,000千円`, `**増減**` over `2,330,000千円（3.5％）`:
                // a card's term names the year of the figure under it, or a change.
                if let Some(year) = tables::bare_year(term) {
                    figure.year_kind.year = Some(year);
                    figure.year_offset = 0;
                } else if figure.year_kind.year.is_none() && relative_year(term) != 0 {
                    // `**前年度**`: the year before the one in force.
                    figure.year_offset = relative_year(term);
                    figure.kind_implied = true;
                }
                if matches!(
                    column_of(1, term, YearKind::default()),
                    Column::Change(_) | Column::Rate
                ) {
                    figure.change = true;
                }
            }
            if index == 0
                && total_set_above
                && !before.contains(['、', '。'])
                && text[figure.amount.end..].trim_start().starts_with("とする")
            {
                figure.limit = true;
            }
            if index == 0 && self.around_supplementary_above(number, before) {
                figure.limit = true;
            }
            if let Some(tail) = year_above.filter(|_| index == 0 && !before.contains(['、', '。']))
                && figure.year_kind.year.is_none()
                && figure.year_offset == 0
            {
                figure.year_offset = relative_year(&format!("{tail}{before}"));
            }
            if index == 0 && rate_above && !before.contains(['、', '。']) {
                continue;
            }
            // `…一般会計で総額2,148億円を計上した。その内訳は、…整備に16億円である。`: a
            // breakdown speaks of the budget the sentence before it states.
            let outside_budget_talk = figure.outside_budget_talk
                && !self.sentence_above_speaks_of_budget(number, &text[..figure.amount.start])
                && !self.in_breakdown(number, text, figure.amount.start);
            if figure.limit || outside_budget_talk {
                continue;
            }
            let quote = quote_around(text, figure.amount.start, figure.amount.end);
            // The item's figure may stand earlier on this same line.
            let main = self
                .open
                .get(owner)
                .and_then(|open| open.main_budget.clone());
            // `（１）職員給与費　……　△１２３，４５６千円` in a supplementary: a reduction, the
            // item's own (negative) supplementary, when the item has no figure to change.
            // `（１）地方交付税交付金の増額（１０，８１０億円）` in a supplementary: the increase
            // the item's name states is its supplementary.
            let named = text[..figure.amount.start]
                .trim_end()
                .trim_end_matches(['（', '(']);
            let named_increase = named.ends_with("増額") || named.ends_with("減額");
            let reduction = figure.change
                && main.is_none()
                && (figure.amount.oku.is_sign_negative() || named_increase)
                && figure.year_kind.or(item.year_kind).kind == Some(BudgetKind::Supplementary)
                && !CHANGE_WORDS
                    .iter()
                    .any(|word| text[..figure.amount.start].contains(word));
            if figure.change && !reduction {
                if !chosen(index) {
                    continue;
                }
                let source = self.c.source(number, quote);
                if let Some(main) = main {
                    let change = figure.amount.oku.to_string();
                    self.c.prop(&main, "change_oku_yen", change);
                } else {
                    self.c.unparsed(source);
                }
                continue;
            }
            let mut written = figure.year_kind;
            // Lending compared with the year before (`前年度 980,000百万円` under a 財政投融資
            // item) is that year's lending.
            let lending = item.year_kind.kind == Some(BudgetKind::FiscalInvestment)
                && figure.year_offset != 0;
            if (figure.kind_plain || lending) && item.year_kind.kind.is_some() {
                written.kind = item.year_kind.kind;
            }
            // `公共事業費　7,823億円（令和7年度 6,989億円）` in a request: a year before the
            // request's with no kind named is that year's budget as enacted.
            let year_before_request = item.year_kind.kind == Some(BudgetKind::Request)
                && matches!((written.year, item.year_kind.year), (Some(year), Some(requested)) if year < requested);
            if written.kind.is_none() && year_before_request {
                written.kind = Some(BudgetKind::Initial);
            }
            let context = written.or(item.year_kind);
            let base_year = match beside {
                Some(Some(year)) if figure.year_offset != 0 => Some(year),
                _ => item.year_kind.year,
            };
            let year = figure
                .year_kind
                .year
                .or_else(|| base_year.map(|y| shifted(y, figure.year_offset)));
            let budget_context =
                item.year_kind.kind.is_some() || !figure.kind_implied || beside.is_some();
            // `…事業に2億500万円を計上いたしました` where nothing names a kind (a policy
            // speech whose title names its year alone): what the year's budget allocates is
            // its initial budget.
            // The verb may open the line after (`…事業に１４億８，０００万円を` over
            // `計上いたしました。`): followed only when nothing names a kind.
            let allocated = context.kind.is_none()
                && if text.len() == self.line(number).len() {
                    allocates(&self.sentence_after(number, text, figure.amount.end))
                } else {
                    allocates(&text[figure.amount.end..])
                };
            let kind = context
                .kind
                .filter(|_| budget_context)
                .or(allocated.then_some(BudgetKind::Initial));
            let Some(kind) = kind else {
                continue;
            };
            beside = Some(year);
            if !chosen(index) {
                continue;
            }
            let source = self.c.source(number, quote);
            let Some(year) = year else {
                self.c.unparsed(source);
                continue;
            };
            // `…により１億２，５００万円を減額し` in a supplementary: the amount it takes off
            // is its (negative) supplementary.
            let taken_off = kind == BudgetKind::Supplementary
                && text[figure.amount.end..].trim_start().starts_with(REDUCING)
                && figure.amount.oku.is_sign_positive();
            let amount = if taken_off {
                -figure.amount.oku
            } else {
                figure.amount.oku
            };
            let mut budget = BudgetFigure::new(Some(amount), year, kind);
            budget.inclusive = figure.inclusive;
            budget.flags = figure.flags.clone();
            let Some(id) = self.emit_budget(&item, &budget, source, None) else {
                continue;
            };
            if let Some(open) = self.open.get_mut(owner) {
                open.main_budget.get_or_insert(id);
            }
            self.bracketed_figure(number, text, &figure.amount, &item);
        }
    }

    /// `52,600百万円（42,500）` under a legend `（　）内は令和7年度予算額`: the bare figure in
    /// the bracket after an amount, in that amount's unit, is a budget of the year and kind the
    /// legend names.
    fn bracketed_figure(&mut self, number: usize, text: &str, amount: &AmountMatch, item: &Item) {
        let after = &text[amount.end..];
        let Some(open) = after.chars().next() else {
            return;
        };
        if Bracket::opened_by(open) != Some(Bracket::Round) {
            return;
        }
        let Some(words) = self.legend_words(Bracket::Round).map(str::to_string) else {
            return;
        };
        let Some((close, closing)) = after.char_indices().find(|(_, c)| matches!(c, ')' | '）'))
        else {
            return;
        };
        let inner = after[open.len_utf8()..close].trim();
        let written = amount.text(text).trim_start_matches(['△', '▲', ' ']);
        let digits_end = written
            .find(|c: char| {
                !(crate::normalize::is_digit(c) || matches!(c, ',' | '.' | '，' | '．'))
            })
            .unwrap_or(written.len());
        // One figure and its unit (`52,600百万円`), not one written in parts (`5億2,000万円`).
        let (figure, unit) = written.split_at(digits_end);
        if unit.chars().any(crate::normalize::is_digit) {
            return;
        }
        let (Some(bare), Some(stated)) = (parse_number(inner), parse_number(figure)) else {
            return;
        };
        if stated.is_zero() {
            return;
        }
        let Column::Figure(year_kind, _) = column_of(1, &words, item.year_kind) else {
            return;
        };
        let (Some(year), Some(kind)) = (year_kind.year, year_kind.kind) else {
            return;
        };
        let value = bare * amount.oku.abs() / stated;
        let quote = quote_around(text, amount.start, amount.end + close + closing.len_utf8());
        let source = self.c.source(number, quote);
        self.emit_budget(
            item,
            &BudgetFigure::new(Some(value), year, kind),
            source,
            None,
        );
    }
}

/// The words that link a purpose to its amount (`…に要する経費として　９８０，０００千円`): what
/// ends with them is a sentence's clause, no item's name.
const AS_LINK: &str = "として";

/// Fewest chars of a group's name before its total a word apart (`農林水産関係　合計`).
const MIN_GROUP_NAME_CHARS: usize = 3;

/// The words right after an amount that take it off a budget (`…を減額し`).
const REDUCING: &str = "を減額";

/// Adds a budget node for `item` with a `has_budget` edge; returns its id, or `None` for a
/// figure of kind `other`, which is no budget. `written` keeps a table cell's number and
/// unit as printed, so the amount can be found in the line.
fn budget_node(
    c: &mut Collector<'_>,
    item: &Item,
    figure: &BudgetFigure,
    source: Source,
    written: Option<(&str, &str)>,
) -> Option<String> {
    // What was spent or where the money comes from (kind `other`) is no budget.
    if figure.kind == BudgetKind::Other {
        return None;
    }
    let amount = figure
        .amount_oku
        .map(|a| format!("{a}億円"))
        .unwrap_or_else(|| "事項要求".into());
    let name = format!(
        "{} {} {}{} {amount}",
        item.name,
        figure.fiscal_year.label(),
        figure.kind.as_str(),
        figure.bill.as_deref().unwrap_or_default()
    );
    let mut key = item.name.clone();
    if figure.inclusive {
        key.push_str(" (の内数)");
    }
    let mut draft = crate::graph::model::NodeDraft::new(NodeType::Budget, &name, source.clone());
    draft.id = node_id(NodeType::Budget, &figure.id_key(&key));
    draft.props = figure.to_props();
    draft
        .props
        .insert("item".into(), Value::String(item.name.clone()));
    if let Some((number, unit)) = written {
        draft
            .props
            .insert("written".into(), Value::String(number.to_string()));
        draft
            .props
            .insert("unit".into(), Value::String(unit.to_string()));
    }
    let id = c.node_draft(draft);
    c.edge(&item.id, Rel::HasBudget, &id, source);
    Some(id)
}

/// Last chars of an account two kanji can name (`町税`, `県費`, `県債`, `基金`).
const SHORT_ACCOUNT_ENDINGS: [char; 4] = ['税', '費', '債', '金'];

/// A share in per cent at the end of a text (`32.1%`, ` 7.7％`).
static SHARE_AT_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[\d０-９]+(?:[.．][\d０-９]+)?\s*[%％]$").expect("share pattern")
});

/// The amount with up to 40 chars before it, cut on char boundaries.
fn quote_around(text: &str, start: usize, end: usize) -> &str {
    let from = text[..start]
        .char_indices()
        .rev()
        .nth(39)
        .map_or(0, |(i, _)| i);
    &text[from..end]
}
