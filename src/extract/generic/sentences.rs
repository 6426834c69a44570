//! Running text: sentences that state figures, their topics, frames and legends, and lists of
//! figures.

use super::*;

impl<'a> Reader<'a> {
    /// What the document's legend says figures in `bracket` stand for (`令和7年度補正予算額`).
    pub(super) fn legend_words(&self, bracket: Bracket) -> Option<&str> {
        self.legend
            .iter()
            .find(|(known, _)| *known == bracket)
            .map(|(_, words)| words.as_str())
    }

    /// Figures alone in a bracket the document's legend names (`〔15,000百万円〕` under
    /// `〔　〕内は令和7年度補正予算額です`), or right after a tag it names: the year and kind
    /// its words say.
    pub(super) fn bracket_legend(&self, raw: &str, figures: &mut [InlineFigure]) {
        for figure in figures.iter_mut().filter(|f| f.year_kind.is_empty()) {
            let opened = raw[..figure.amount.start]
                .trim_end()
                .chars()
                .next_back()
                .and_then(Bracket::opened_by);
            if let Some(words) = opened.and_then(|bracket| self.legend_words(bracket)) {
                figure.year_kind = YearKind::read(words);
                figure.change = figure.change || words.contains("増減");
            }
        }
        if self.tag_legend.is_empty() {
            return;
        }
        // `420億円（385億円）［補正］180億円` under `［補正］は令和7年度補正予算額`: the figure
        // right after a tag is of the year and kind the legend gives it.
        for figure in figures.iter_mut() {
            let before = crate::normalize::nfkc(raw[..figure.amount.start].trim_end());
            let tagged = self
                .tag_legend
                .iter()
                .find(|(tag, _)| before.ends_with(tag.as_str()));
            if let Some((_, words)) = tagged {
                figure.year_kind = YearKind::read(words).or(figure.year_kind);
            }
        }
    }

    /// Running text: its amounts go to the current item (or to the item the line names
    /// before its amount), its names to the recognisers.
    pub(super) fn text_line(&mut self, number: usize, raw: &str) {
        self.target_in_text(number, raw);
        // A caption under a line of figures alone is theirs: it opens no item of its own.
        if let Some((caption, _)) = self.caption_under_figures(number, raw) {
            self.read_through = self.read_through.max(caption);
        }
        let mut figures = inline_figures(raw);
        // `…一般会計の補正後の予算総額は` over `63,020,521,684円、…` (or `…補正後の一般会計` over
        // `予算額は8,963億…`): the line's first figure, in a sentence begun above that says it
        // is the budget around a supplementary.
        if let Some(first) = figures.first_mut()
            && self.around_supplementary_above(number, &raw[..first.amount.start])
        {
            first.limit = true;
        }
        // A frame after the line's figures (`…を措置した。財政投融資計画では、…`) is for the
        // lines after it.
        let frame = sentence_frame(raw);
        let (frame_now, frame_after) = match frame {
            Some(found)
                if figures
                    .first()
                    .is_some_and(|f| f.amount.start < found.start) =>
            {
                (None, Some(found))
            }
            found => (found, None),
        };
        if let Some(frame) = frame_now {
            self.apply_frame(number, frame);
        }
        let list_lead = LIST_LEADS.iter().filter_map(|lead| raw.find(lead)).min();
        if let Some(lead_at) = list_lead.filter(|_| figures.is_empty()) {
            // `令和８年度予算における主要事業の歳出予算額は、次のとおりである。`: the year and kind
            // of the figures listed after it, as the sentences up to the lead name them (a
            // sentence after it, `なお、令和7年度補正予算と一体として…`, speaks of another).
            let end = raw[lead_at..]
                .find('。')
                .map_or(raw.len(), |offset| lead_at + offset);
            let named = YearKind::read(&raw[..end]);
            match self.open.last_mut() {
                Some(item) => item.year_kind = named.or(item.year_kind),
                None => self.document_context = named.or(self.document_context),
            }
        }
        if figures.is_empty() {
            self.announced_topic(number, raw);
        }
        if !figures.is_empty()
            && !self.continues_funding_list(number)
            && !self.amount_split_above(number, raw, &figures)
            && !self.statutory_subtotals(number, raw, &figures)
            && !self.listed_figures(number, raw, &figures)
            && !self.sentence_figures(number, raw, &figures)
        {
            let only_changes = figures.iter().all(|f| f.change);
            let statutory = self.statutory_total(number, raw);
            // `（対前年度 ▲５５億円）　２，３１６億円`: words before a change name the change.
            let named = if only_changes || statutory.is_some() {
                statutory
            } else if figures[0].change {
                None
            } else {
                self.named_sub_item(number, &raw[..figures[0].amount.start])
            };
            let owner = named.or_else(|| self.open.len().checked_sub(1));
            match owner {
                Some(index) => {
                    self.figures(number, raw, index);
                    // `（うち重要政策推進枠　2,480百万円）` under an item's 要求額: a part named
                    // in a remark; the lines after it go on with the item.
                    if named == Some(index) && is_parenthesised(raw.trim()) {
                        self.open.truncate(index);
                    }
                    // The article's total is the account's; the articles after it (limits,
                    // borrowing) are not.
                    if statutory == Some(index) {
                        self.open.truncate(index);
                    }
                }
                None => {
                    for figure in &figures {
                        let quote = figure.amount.text(raw);
                        let source = self.c.source(number, quote);
                        self.c.unparsed(source);
                    }
                }
            }
        }
        if let Some(frame) = frame_after {
            self.apply_frame(number, frame);
        }
        let current = self
            .current()
            .map(|item| (item.id.clone(), item.name.clone()));
        match current {
            Some((id, name)) => {
                let owner = Owner {
                    id: &id,
                    name: &name,
                    plan_default: Rel::Mentions,
                };
                mentions::read(&mut self.c, Lines::one(number), raw, Some(owner));
            }
            None => mentions::read(&mut self.c, Lines::one(number), raw, None),
        }
    }

    /// A sentence announcing the budget the sentences after it speak of (`初めに、一般会計補正
    /// 予算案について申し上げます。`, `次に、特別会計について申し上げます。`): it opens that
    /// budget as an item, in place of the one the last such sentence opened.
    fn announced_topic(&mut self, number: usize, raw: &str) {
        let Some(topic) = announced_budget(raw) else {
            return;
        };
        if let Some(at) = self
            .topic
            .as_ref()
            .and_then(|id| self.open.iter().position(|item| &item.id == id))
        {
            self.open.truncate(at);
        }
        let written = YearKind::read(topic);
        let (_, name) = bare_subject(topic);
        let name = clean_name(name);
        if name.chars().count() < 2 {
            return;
        }
        let source = self.c.source(number, topic);
        let opened = self.open_sub_item(name, source);
        if let Some(item) = self.open.get_mut(opened) {
            item.year_kind = written.or(item.year_kind);
            self.topic = Some(item.id.clone());
        }
    }

    /// Makes a sentence's `frame` that of the section the last heading opened: its year
    /// and kind become the section's, for its figures and the lines after it, and the items
    /// its sentences opened before close. A frame naming a fiscal investment plan opens that
    /// plan as an item of the section, cited on line `number`.
    fn apply_frame(&mut self, number: usize, frame: SentenceFrame<'_>) {
        let section = self
            .section
            .as_ref()
            .and_then(|id| self.open.iter().position(|item| &item.id == id));
        let Some(section) = section else {
            return;
        };
        // What the sentences under the heading opened (no rows or bullets) closes.
        let sentences_opened = self.open[section + 1..]
            .iter()
            .all(|item| item.role == Role::Heading);
        if sentences_opened {
            self.open.truncate(section + 1);
        }
        if let Some(item) = self.open.get_mut(section) {
            item.year_kind = frame.year_kind;
        }
        if let Some(plan) = frame.plan.filter(|_| sentences_opened) {
            let source = self.c.source(number, plan);
            let opened = self.open_sub_item(clean_name(plan), source);
            if let Some(item) = self.open.get_mut(opened) {
                item.year_kind = frame.year_kind;
            }
        }
    }

    /// The account a budget bill's article setting its total (`第１条　歳入歳出予算の総額は、
    /// 歳入歳出それぞれ４，８７６，０００千円と定める。`, line `number`, `raw`) or adding to it
    /// (`歳入歳出予算の総額に歳入歳出それぞれ３２１，５４０千円を追加し`) is of, opened: the
    /// account the bill's title above names (`令和８年度山吹町一般会計予算`), cited there.
    fn statutory_total(&mut self, number: usize, raw: &str) -> Option<usize> {
        if !sets_statutory_total(raw) {
            return None;
        }
        let (line, account) = (1..number).rev().take(MAX_BILL_HEAD_LINES).find_map(|n| {
            let line = self.line(n);
            ACCOUNT_IN_TITLE
                .captures(line)
                .and_then(|caps| caps.get(1))
                .map(|account| (n, account.as_str()))
        })?;
        let source = self.c.source(line, account);
        Some(self.open_sub_item(account.to_string(), source))
    }

    /// A budget bill's article setting the totals of its account's parts (`歳入歳出予算の総額は、
    /// 事業勘定歳入歳出それぞれ１，４２３，５６０千円、直営診療施設勘定歳入歳出それぞれ…`, line
    /// `number`, `raw`): each amount goes to the part (勘定) named before it, under the account
    /// the bill's title names (`国民健康保険特別会計（事業勘定）`). False, with nothing read,
    /// for any other line.
    fn statutory_subtotals(&mut self, number: usize, raw: &str, figures: &[InlineFigure]) -> bool {
        if !sets_statutory_total(raw) {
            return false;
        }
        let mut start = 0;
        let mut parts = Vec::with_capacity(figures.len());
        for figure in figures {
            let before = &raw[start..figure.amount.start];
            parts.push(ACCOUNT_PART.find_iter(before).last().map(|part| {
                let at = start + part.start();
                (at, part.as_str())
            }));
            start = figure.amount.end;
        }
        if parts.iter().all(Option::is_none) {
            return false;
        }
        let Some(account) = self.statutory_total(number, raw) else {
            return false;
        };
        let account_name = self.open[account].name.clone();
        for (index, part) in parts.into_iter().enumerate() {
            let owner = match part {
                Some((at, part)) => {
                    let source = self.c.source(number, &raw[at..at + part.len()]);
                    self.open_sub_item(format!("{account_name}（{part}）"), source)
                }
                None => account,
            };
            self.figures_where(number, raw, owner, |at| at == index);
            self.open.truncate(account + 1);
        }
        self.open.truncate(account);
        true
    }

    /// Whether the only amount of line `number` (`raw`), at its start, is the end of one
    /// the line above leaves unfinished (`…比 +3兆` over `4,653億円）。`).
    fn amount_split_above(&self, number: usize, raw: &str, figures: &[InlineFigure]) -> bool {
        let [figure] = figures else {
            return false;
        };
        let above = number
            .checked_sub(1)
            .filter(|n| *n >= 1)
            .map(|n| self.line(n).trim_end());
        let unfinished = above.is_some_and(|line| {
            let mut tail = line.chars().rev();
            tail.next() == Some('兆') && tail.next().is_some_and(|c| c.is_numeric())
        });
        unfinished && raw[..figure.amount.start].trim().is_empty()
    }

    /// Sentences that give amounts to the programs they name (`令和７年度予算では、
    /// 「自動運転社会実装推進事業」に４６億円を計上した。`, `…機構に対し、８９８億円`): each
    /// amount goes to the program its sentence links it to (`同事業` being the last such
    /// program named before), a change to the figure before it, any other amount to the
    /// current item. False, with nothing read, when no amount is linked to a program.
    fn sentence_figures(&mut self, number: usize, raw: &str, figures: &[InlineFigure]) -> bool {
        let mut subjects: Vec<Option<(String, Source, YearKind)>> =
            Vec::with_capacity(figures.len());
        let mut start = 0;
        let mut previous_from = 0;
        for (index, figure) in figures.iter().enumerate() {
            // `3億8,500万円 → 4億3,200万円`: the figure an arrow leads to is of the same item.
            if let Some(Some(named)) = subjects.last()
                && is_arrow(&raw[start..figure.amount.start])
            {
                subjects.push(Some(named.clone()));
                start = figure.amount.end;
                continue;
            }
            let sentence_start = sentence_start(&raw[..figure.amount.start]);
            let from = start.max(sentence_start);
            // `…確保には前年度から12億円増の340億円を計上`: the change stated before the
            // figure stands between it and the words naming what it is of.
            let after_change = index
                .checked_sub(1)
                .map(|at| &figures[at])
                .filter(|change| change.change)
                .filter(|change| {
                    is_change_before_figure(&raw[change.amount.end..figure.amount.start])
                });
            let (from, before) = match after_change {
                Some(change) => {
                    let words = &raw[previous_from..change.amount.start];
                    (previous_from, without_comparison_end(words))
                }
                None => (from, &raw[from..figure.amount.start]),
            };
            previous_from = from;
            // `…体制強化に19.5億円、…支援に31億円を計上します`: what a sentence allocates an
            // amount to is named by it, whatever its words.
            // `その内訳は、…支援金に1,230億円、…整備に402億円、…である。`: so is every amount a
            // breakdown lists, and the verb may come lines later.
            let allocated = amount_link(before.trim_end()).is_some()
                && (allocates(&self.sentence_after(number, raw, figure.amount.end))
                    || self.in_breakdown(number, raw, figure.amount.start));
            // `…、広域連合` over `の運営に要する経費として…`: a subject cut by a line break
            // names nothing whole.
            let cut_by_break = from == 0 && before.trim_start().starts_with('の');
            // `事業費　42,600千円（前年度　―）` under a card's title line: the figure of the
            // name above, which the label alone does not name.
            let labelled_below_name = (from == 0 && is_figure_label(before.trim()))
                .then(|| self.name_above(number))
                .flatten()
                .map(|(line, _, written)| (card_title(&written), self.c.source(line, &written)));
            if let Some((name, source)) = labelled_below_name {
                subjects.push(Some((name, source, YearKind::default())));
                start = figure.amount.end;
                continue;
            }
            let subject = prose_subject(before)
                .filter(|_| !cut_by_break)
                .map(|subject| Subject {
                    labelled: subject.labelled || allocated,
                    ..subject
                })
                .and_then(|subject| self.program_named(number, raw, from, subject))
                .filter(|(name, _)| self.current().is_none_or(|item| &item.name != name))
                .map(|(name, source)| (name, source, YearKind::default()))
                .or_else(|| {
                    // `…の整備等に必要な経費として、` over `２１８億円を計上。` (or `…経費とし`
                    // over `て、４２億…`): the sentence began on the line above.
                    let opens_line =
                        from == 0 && before.trim().chars().count() <= MAX_WRAPPED_LINK_CHARS;
                    opens_line
                        .then(|| {
                            self.subject_above(number, before, allocates(&raw[figure.amount.end..]))
                        })
                        .flatten()
                })
                .or_else(|| {
                    self.sentence_topic(number, raw, sentence_start, figure.amount.start)
                        .filter(|(name, ..)| self.current().is_none_or(|item| &item.name != name))
                })
                // A limit (`…３か年で総事業費480,000千円を見込み`) names no item of the budget.
                .filter(|_| !figure.change && !figure.limit);
            subjects.push(subject);
            start = figure.amount.end;
        }
        if subjects.iter().all(Option::is_none) {
            return false;
        }
        // `※ 上記のほか、…特別会計に28.4億円を計上。` under `財政投融資　1,540億円`: what a note
        // adds besides the lines above stands beside the items they named with their figures,
        // not inside them (nor of their kind).
        let note = raw.trim_start().starts_with(['※', '＊']);
        if note && raw.contains(BESIDES) {
            let figureless = self
                .open
                .iter()
                .rposition(|item| item.main_budget.is_none())
                .unwrap_or(0);
            self.open.truncate(figureless + 1);
        }
        let current = self.open.len().checked_sub(1);
        let open_before = self.open.len();
        let mut owner = current;
        for (index, subject) in subjects.into_iter().enumerate() {
            // `…補助金（令和７年度予算額１３．７億円、令和６年度補正予算額５０億円）`: the
            // figures of one parenthesis are of one program.
            let same_parenthesis = index > 0 && {
                let previous_end = figures[index - 1].amount.end;
                let start = figures[index].amount.start;
                inside_parenthesis(&raw[..start]) && !raw[previous_end..start].contains(['）', ')'])
            };
            // `425億円（385億円） 【R7補正 200億円】`: a figure in a tag after the line's first
            // figures is of their item too.
            let tagged_after = index > 0 && inside_tag(&raw[..figures[index].amount.start]);
            // `一般会計予算は…億円で、前年度当初予算（…億円）に比べ…`: a topic named again
            // in one sentence is the item its first figure opened.
            let named_again = |name: &String| {
                index > 0
                    && owner != current
                    && owner
                        .and_then(|at| self.open.get(at))
                        .is_some_and(|item| &item.name == name)
                    && !raw[figures[index - 1].amount.end..figures[index].amount.start]
                        .contains('。')
            };
            match subject {
                Some((name, ..)) if named_again(&name) => {}
                Some((name, source, written)) => {
                    let opened = self.open_sub_item(name, source);
                    if let Some(item) = self.open.get_mut(opened) {
                        item.year_kind = written.or(item.year_kind);
                    }
                    owner = Some(opened);
                }
                None if !figures[index].change && !same_parenthesis && !tagged_after => {
                    owner = current;
                }
                None => {}
            }
            if let Some(owner) = owner {
                self.figures_where(number, raw, owner, |at| at == index);
            }
        }
        // `※このほか、財政投融資 １，２００億円`: what a note names is no item of the lines after;
        // nor is what a finished sentence names (`…支援するため７億円、…に１８億円を計上
        // いたしました。`) an item of the sentences after it.
        if note || raw.trim_end().ends_with('。') {
            self.open.truncate(open_before);
        }
        true
    }

    /// The topic of the sentence an amount at byte `end` of line `number` (`raw`) stands in,
    /// from `start`, or from the line above when the sentence began there (`まず、一般会計予算
    /// は、前年度当初予算額…`, `このうち国民健康保険事業特別会計は、…`, `市税は、…`): the name
    /// before its last `は`, when it names an account, a revenue, a program or a fiscal
    /// investment, with the year and kind its words state.
    fn sentence_topic(
        &self,
        number: usize,
        raw: &str,
        start: usize,
        end: usize,
    ) -> Option<(String, Source, YearKind)> {
        // `令和８年度の財政投融資計画額は…`: the year and kind the topic's words state.
        let written = |words: &str, topic: &str| {
            YearKind::read(
                words
                    .find(topic)
                    .map_or("", |at| &words[..at + topic.len()]),
            )
        };
        let words = &raw[start..end];
        if let Some(topic) = topic_of(words) {
            return Some((
                clean_name(topic),
                self.c.source(number, topic),
                written(words, topic),
            ));
        }
        let (above, tail) = self.sentence_above(number).filter(|_| start == 0)?;
        let topic = topic_of(tail)?;
        Some((
            clean_name(topic),
            self.c.source(above, topic),
            written(tail, topic),
        ))
    }

    /// The line above line `number` and the start of the sentence it leaves unfinished (its
    /// text after its last `。`), when it does not end with a full stop.
    pub(super) fn sentence_above(&self, number: usize) -> Option<(usize, &'a str)> {
        let above = number.checked_sub(1).filter(|n| *n >= 1)?;
        let line = self.line(above).trim_end();
        (!line.ends_with(['。', '．'])).then(|| (above, &line[sentence_start(line)..]))
    }

    /// Whether a sentence begun on the line above, with the words `lead` before a line's
    /// first figure, says that figure is the budget before or after a supplementary
    /// (`…と合わせた補正後の一般会計` over `予算額は8,963億…`).
    pub(super) fn around_supplementary_above(&self, number: usize, lead: &str) -> bool {
        !lead.contains(['。', '、'])
            && self.sentence_above(number).is_some_and(|(_, tail)| {
                names_around_supplementary(&format!("{}{lead}", after_last_figure(tail)))
            })
    }

    /// The rest of the sentence after byte `end` of line `number` (`raw`), followed over the
    /// lines after it while it wraps (up to [`MAX_WRAPPED_SENTENCE_LINES`]).
    pub(super) fn sentence_after(&self, number: usize, raw: &str, end: usize) -> String {
        let mut rest = raw[end..].to_owned();
        for next in (number + 1..).take(MAX_WRAPPED_SENTENCE_LINES) {
            let line = self.line(next).trim();
            if rest.contains(['。', '．']) || line.is_empty() {
                break;
            }
            rest.push_str(line);
        }
        rest
    }

    /// The sentence before byte `start` of line `number` (`raw`) from its beginning, followed
    /// back over the lines above it while it wraps (up to [`MAX_WRAPPED_SENTENCE_LINES`]).
    fn sentence_before(&self, number: usize, raw: &str, start: usize) -> String {
        let mut before = raw[..start].to_owned();
        for above in (1..number).rev().take(MAX_WRAPPED_SENTENCE_LINES) {
            let line = self.line(above).trim_end();
            if before.contains(['。', '．']) || line.is_empty() || line.ends_with(['。', '．'])
            {
                break;
            }
            before.insert_str(0, line);
        }
        before[sentence_start(&before)..].to_owned()
    }

    /// Whether the sentence an amount at byte `start` of line `number` (`raw`) stands in,
    /// from its beginning over the lines above, lists what a total is made of (`その内訳は、…`).
    pub(super) fn in_breakdown(&self, number: usize, raw: &str, start: usize) -> bool {
        self.sentence_before(number, raw, start)
            .contains(BREAKDOWN_WORD)
    }

    /// Whether the sentence that `before` (the start of line `number`, up to an amount)
    /// goes on with began on the line above, with an account's or item's topic, and speaks of
    /// budgets there (`まず、一般会計予算は、…に比べ` over `…の増となる４８６億２，０００万円と
    /// いたしました。`).
    pub(super) fn sentence_above_speaks_of_budget(&self, number: usize, before: &str) -> bool {
        if before.contains('。') {
            return false;
        }
        self.sentence_above(number)
            .is_some_and(|(_, tail)| topic_of(tail).is_some() && speaks_of_budget(tail))
    }

    /// The program named at the end of the line above line `number`, an unfinished sentence
    /// (past the amounts it may hold) that goes on with `rest` (the start of line `number`, up to its first
    /// amount, not a parenthesis), with the year and kind the sentence names before it
    /// (`令和７年度６月補正予算で計上した「…給付金」` over `38,650千円は…`); `allocated` when
    /// the words after the amount say it is allocated.
    fn subject_above(
        &self,
        number: usize,
        rest: &str,
        allocated: bool,
    ) -> Option<(String, Source, YearKind)> {
        let above = number.checked_sub(1).filter(|n| *n >= 1)?;
        let line = self.line(above);
        // `…促進事業 エネ特` over `52億円（48億円）`: the account the item is budgeted in,
        // after its name, is no part of the sentence.
        let text = without_account_tag(line.trim_end());
        let unfinished = !text.is_empty()
            && !text.ends_with(['。', '．'])
            && !rest.trim_start().starts_with(['（', '(']);
        if !unfinished {
            return None;
        }
        // `…１施設当たり上限２０万円を支給する「…支援金」` over `に４億円を計上`: a figure
        // of the line above (a cap, a rate) stands before the quoted name, not in it; words
        // after a figure without quotes (`…（１人あたり月額4,800円）を無償化する経費として`)
        // describe the item that line belongs to, unless a clause ends after them
        // (`…（前年度比5億円増）、…支援事業に` over `58億円`).
        let after_figures = text.len() - after_last_figure(text).len();
        if after_figures > 0 && !text[after_figures..].contains(['「', '『', '、', '，']) {
            return None;
        }
        let from = sentence_start(text).max(after_figures);
        let sentence = format!("{}{}", &text[from..], rest.trim());
        let subject = prose_subject(&sentence)?;
        // The name must stand on the line above, to be cited there.
        if from + subject.at + subject.name.len() > text.len() {
            return None;
        }
        let written = YearKind::read(&text[from..from + subject.at]);
        // `…総合対策とし` over `て1,842億円…を計上し`: what the sentence allocates the amount
        // to is named by it, whatever its words.
        let subject = Subject {
            name: &text[from + subject.at..from + subject.at + subject.name.len()],
            labelled: subject.labelled || (allocated && amount_link(sentence.trim_end()).is_some()),
            ..subject
        };
        let (name, source) = self.program_named(above, line, from, subject)?;
        Some((name, source, written))
    }

    /// The program a sentence's `subject` (in the text of line `number`, `raw`, from byte
    /// `from`) stands for, with the source that cites it: a name a figure label in a
    /// parenthesis gives its figure, a program, fund, subsidy, account, budget or body by its
    /// own name (quoted or not, or the program compound the words end with), or `同事業` for
    /// the last program of that kind named before it. `None` for any other words.
    pub(super) fn program_named(
        &self,
        number: usize,
        raw: &str,
        from: usize,
        subject: Subject<'_>,
    ) -> Option<(String, Source)> {
        let (offset, name) = bare_subject(subject.name);
        let at = from + subject.at + offset;
        if name.chars().count() < 2 || VERB_ENDINGS.iter().any(|ending| name.ends_with(ending)) {
            return None;
        }
        if let Some(word) = name.strip_prefix('同') {
            let antecedent = |line: usize, text: &str| {
                find_programs(text)
                    .into_iter()
                    .rfind(|program| {
                        program.name.ends_with(word) && !program.name.starts_with('同')
                    })
                    .map(|program| (program.name.clone(), self.c.source(line, &program.name)))
            };
            return antecedent(number, &raw[..at]).or_else(|| {
                (number.saturating_sub(ANTECEDENT_LINES).max(1)..number)
                    .rev()
                    .find_map(|line| antecedent(line, self.line(line)))
            });
        }
        // `財政投融資　５，９２０億円` opening the line under `○独立行政法人都市再生機構`: the
        // kind of the figure of the item above, which states none of its own.
        let opens_line = raw[..at].trim().is_empty();
        if name == FISCAL_INVESTMENT
            && opens_line
            && self
                .current()
                .is_some_and(|item| item.main_budget.is_none())
        {
            return None;
        }
        // `…の開催に要する事業費として`, `事業費として`: what the figure pays for, under the
        // item it is of.
        if self.current().is_some() && names_a_cost(name) {
            return None;
        }
        let quoted = raw[..at].ends_with(['「', '『']);
        // `地域脱炭素推進交付金等`: programs named with others of their kind.
        let bare = name.trim_end_matches('等');
        // `…関係予算`, `財政投融資`: a budget or a fiscal investment named whole.
        let names_a_budget = (bare.ends_with("予算")
            && bare.chars().count() >= MIN_BUDGET_NAME_CHARS
            && YearKind::read(bare).year.is_none())
            || bare == FISCAL_INVESTMENT;
        let plain = !name.contains(['を', 'が', '。']) && YearKind::read(name).year.is_none();
        // `令和７年度３月補正予算に５億２，０００万円を計上`: a budget's own words name no item.
        let labelled = subject.labelled && YearKind::read(subject.name).is_empty();
        let named = (labelled && plain)
            || quoted
            || is_program_name(bare)
            || bare.ends_with("補助")
            || bare.ends_with("会計")
            // `研究開発勘定12,732百万円`: a ledger of an account or an agency.
            || bare.ends_with("勘定")
            || names_a_budget
            || mentions::is_agency_name(name);
        // `…地方公共団体を支援する避難所環境整備促進事業`: the program the words end with,
        // after a clause that qualifies it (but `なりわい再建支援補助金` is one name).
        let compound = find_programs(name).into_iter().rfind(|program| {
            program.end == name.len()
                && (program.start == 0 || name[..program.start].ends_with(CLAUSE_ENDINGS))
        });
        let whole_from_line_start =
            opens_line && compound.as_ref().is_none_or(|program| program.start == 0);
        let found = match compound {
            Some(program) => Some((program.name.clone(), self.c.source(number, &program.name))),
            None => named.then(|| {
                let name = without_leading_clause(name);
                (clean_name(name), self.c.source(number, name))
            }),
        };
        found
            .map(|(name, source)| {
                whole_from_line_start
                    .then(|| self.name_begun_on_line_above(number, &name))
                    .flatten()
                    .unwrap_or((name, source))
            })
            // `…拡大するため、補` over `正額として9,680千円`: budget wording alone names no
            // item.
            .filter(|(name, _)| !is_figure_label(name))
    }

    /// A name a wrapped sentence began on the line above (`…（前年度44億円）、水源林整備・保全`
    /// over `事業に126億円…`): the words after that line's last break joined to `name`. `None`
    /// when the line above ends a sentence or a clause, is no line of prose or ends in words
    /// no name ends with.
    fn name_begun_on_line_above(&self, number: usize, name: &str) -> Option<(String, Source)> {
        let (above, sentence) = self.sentence_above(number)?;
        // A line laid out in cells (`一般会計　　補正額　▲５，０００千円`) is no prose.
        let line = self.line(above).trim();
        let prose = line.chars().count() >= MIN_WRAPPED_PROSE_CHARS
            && !line.contains('\t')
            && !line.contains("  ");
        let tail_start = sentence
            .rfind(NAME_BREAKS)
            .map(|at| at + sentence[at..].chars().next().map_or(1, char::len_utf8))?;
        let tail = &sentence[tail_start..];
        let name_words = !tail.is_empty()
            && tail
                .chars()
                .all(|c| c.is_alphabetic() && !is_hiragana(c) || c == '・' || c == 'ー');
        if !prose || !name_words {
            return None;
        }
        let quote = format!("{tail}\n{name}");
        Some((
            clean_name(&format!("{tail}{name}")),
            self.c.source_span(above, number, &quote),
        ))
    }

    /// A sentence listing figures each after its own name (`うち一般会計１，１５０億円、
    /// エネルギー対策特別会計４２０億円`): each name a sub-item of the current item with its
    /// figure. False, with nothing read, unless every figure is a budget after a readable
    /// name and the names after the first follow a list separator.
    fn listed_figures(&mut self, number: usize, raw: &str, figures: &[InlineFigure]) -> bool {
        if figures.len() < 2 || figures.iter().any(|f| f.change || f.limit) {
            return false;
        }
        let mut heads = Vec::with_capacity(figures.len());
        let mut start = 0;
        for (index, figure) in figures.iter().enumerate() {
            let before = &raw[start..figure.amount.start];
            let head_start = if index == 0 {
                before
                    .rfind(['、', '（', '(', '。', '：', ':'])
                    .map_or(0, |at| {
                        at + before[at..].chars().next().map_or(1, char::len_utf8)
                    })
            } else {
                let separated = before.trim_start();
                let Some(separator) = separated.chars().next().filter(|c| "、，,".contains(*c))
                else {
                    return false;
                };
                before.len() - separated.len() + separator.len_utf8()
            };
            let head = &before[head_start..];
            if !is_listed_name(head) {
                return false;
            }
            heads.push((start + head_start, figure.amount.start));
            start = figure.amount.end;
        }
        for (index, &(head_start, amount_start)) in heads.iter().enumerate() {
            let Some(owner) = self.named_sub_item(number, &raw[head_start..amount_start]) else {
                continue;
            };
            let end = heads.get(index + 1).map_or(raw.len(), |next| next.0);
            self.figures(number, &raw[head_start..end], owner);
        }
        true
    }
}

/// Where the last sentence of `text` starts: after its last `。`, else at its start.
fn sentence_start(text: &str) -> usize {
    text.rfind('。').map_or(0, |at| at + '。'.len_utf8())
}

/// The topic a sentence's words give before `は` (see [`Reader::sentence_topic`]): the
/// name after the last break and the last kana (`その根幹である市税`), an account's or item's
/// figure label (`全会計の予算総額`) and a trailing 予算 left out.
fn topic_of(text: &str) -> Option<&str> {
    // `会計別では、一般会計が…`: an account may be the subject with が.
    let at = text.rfind(['は', 'が'])?;
    // `…交付金については、`: what the sentence speaks about.
    let before = text[..at].trim_end_matches("について");
    // `（株）地域産業育成金融公庫には、…`: a body written with its legal form, what is given
    // to it.
    let given_to = before.strip_suffix('に').unwrap_or(before);
    if let Some(body) = find_legal_bodies(given_to)
        .last()
        .filter(|body| body.end == given_to.len())
    {
        return given_to.get(body.start..body.end);
    }
    // `公共事業費（普通建設事業費のうち補助・単独事業）は`: a note on the name in parentheses,
    // whose words are no part of it.
    let before = split_trailing_parenthesis(before).0;
    let start = before
        .rfind(['、', '。', '，', '「', '」', ' ', '\u{3000}', '\t'])
        .map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
    let mut name = &before[start..];
    if let Some(of) = name.rfind('の')
        && is_figure_label(&name[of + 'の'.len_utf8()..])
    {
        name = &name[..of];
    }
    let after_kana = name
        .char_indices()
        .rfind(|(_, c)| matches!(c, 'ぁ'..='ゖ'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let name = name[after_kana..].trim();
    // `このうち、第２款総務費は…`: a numbered level of the budget's accounts names its item.
    if let Some(level) = numbered(name).filter(|level| {
        matches!(level.style, Style::Dai('款' | '項')) && level.title.chars().count() >= 2
    }) {
        return Some(level.title);
    }
    // `令和８年度一般会計当初予算`: the year before an account and the budget wording after
    // it are no part of its name.
    let name = match crate::money::find_fiscal_years(name).first() {
        Some(year) if year.start == 0 && name.is_char_boundary(year.end) => &name[year.end..],
        _ => name,
    };
    let names_an_item = |name: &str| {
        name.chars().count() >= 2
            && (TOPIC_ENDINGS.iter().any(|ending| name.ends_with(ending))
                || is_program_name(name)
                || name.starts_with(FISCAL_INVESTMENT))
    };
    let without_label = name
        .char_indices()
        .map(|(at, _)| at)
        .filter(|at| *at > 0 && is_figure_label(&name[*at..]))
        .map(|at| &name[..at])
        .find(|name| names_an_item(name));
    without_label.or(Some(name).filter(|name| names_an_item(name)))
}

/// Words after a topic that announce the sentences after it speak of it (`次に、特別会計に
/// ついて申し上げます。`).
const ANNOUNCING: [&str; 4] = [
    "について申し上げ",
    "につきまして申し上げ",
    "について御説明",
    "について説明",
];

/// The budget or account a sentence of `raw` announces the sentences after it speak of
/// (`初めに、一般会計補正予算案について申し上げます。` → `一般会計補正予算案`): its words from
/// the clause's start, when they name a budget or an account.
fn announced_budget(raw: &str) -> Option<&str> {
    raw.split_inclusive('。').find_map(|sentence| {
        let at = ANNOUNCING.iter().filter_map(|w| sentence.find(w)).min()?;
        let before = &sentence[..at];
        let start = before
            .char_indices()
            .rfind(|(_, c)| matches!(c, '、' | '，' | '。'))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let topic = before[start..].trim();
        let names_budget = ["会計", "予算"].iter().any(|w| topic.contains(w));
        (names_budget && topic.chars().count() <= MAX_TOPIC_CHARS).then_some(topic)
    })
}

/// The most chars of a budget a sentence announces (`流域下水道事業特別会計補正予算案`).
const MAX_TOPIC_CHARS: usize = 30;

/// A sentence that opens with the budget it speaks of (`令和７年度補正予算（第１号）では、…`,
/// `財政投融資計画では、令和８年度に…`).
#[derive(Debug, Clone, Copy)]
struct SentenceFrame<'a> {
    /// Where the sentence starts in its line.
    start: usize,
    /// The year and kind it names.
    year_kind: YearKind,
    /// The fiscal investment plan it names (`財政投融資計画`), whose figures follow.
    plan: Option<&'a str>,
}

/// The last sentence of a line (`raw`) that opens with the budget it speaks of, naming its
/// year (before the frame's word or in the clause right after it) and its kind.
fn sentence_frame(raw: &str) -> Option<SentenceFrame<'_>> {
    // A line may begin a sentence under a heading, which ends with no full stop.
    let starts = raw
        .match_indices('。')
        .map(|(at, stop)| at + stop.len())
        .chain([0]);
    starts
        .filter_map(|start| {
            let sentence = raw[start..].trim_start_matches([' ', '\u{3000}']);
            // `…予算額は当初予算額（補正後ではない）`: `ではない` denies, it opens nothing.
            let (opener, ending) = FRAME_ENDINGS
                .iter()
                .filter_map(|ending| {
                    sentence
                        .match_indices(ending)
                        .find(|(at, _)| !sentence[at + ending.len()..].starts_with(['な', 'あ']))
                        .map(|(at, _)| (at, ending.len()))
                })
                .min()?;
            let words = &sentence[..opener];
            if words.contains(['、', '。', 'を', 'が']) {
                return None;
            }
            // `財政投融資計画では、令和８年度に…`: the year in the clause after it.
            let clause = sentence[opener + ending..].trim_start_matches(['、', '，']);
            let clause = &clause[..clause.find(['、', '，', '。']).unwrap_or(clause.len())];
            let year_kind = YearKind::read(words).or(YearKind::read(clause));
            let plan = words.trim();
            let plan = (plan.starts_with(FISCAL_INVESTMENT) && YearKind::read(plan).year.is_none())
                .then_some(plan);
            (year_kind.year.is_some() && year_kind.kind.is_some()).then(|| SentenceFrame {
                start: raw.len() - sentence.len(),
                year_kind,
                plan,
            })
        })
        .max_by_key(|frame| frame.start)
}

/// The words of a budget bill's article setting an account's total (`歳入歳出予算の総額は、
/// 歳入歳出それぞれ…と定める`) or adding to it (`歳入歳出予算の総額に歳入歳出それぞれ…を追加し`).
const STATUTORY_TOTALS: [&str; 2] = ["歳入歳出予算の総額は", "歳入歳出予算の総額に"];

/// Whether a line is a budget bill's article setting or adding to an account's total.
fn sets_statutory_total(line: &str) -> bool {
    STATUTORY_TOTALS.iter().any(|words| line.contains(words))
}

/// A part of an account whose total a budget bill's article sets apart (`事業勘定`,
/// `直営診療施設勘定`, `保険事業勘定`).
static ACCOUNT_PART: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\p{Han}\p{Katakana}ー・]+勘定").expect("part of an account"));

/// Most lines between a budget bill's title and its article setting the total.
const MAX_BILL_HEAD_LINES: usize = 8;

/// The account a budget's title names, after the year and the body (`令和８年度山吹町一般会計
/// 予算`, `令和８年度西原市国民健康保険事業特別会計予算`).
static ACCOUNT_IN_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"年度\s*(?:[\p{Han}\p{Katakana}ー・]*?[都道府県市区町村])?((?:一般|[\p{Han}\p{Katakana}ー・]+特別|[\p{Han}ー・]+事業)会計)(?:補正)?予算",
    )
        .expect("account in a title")
});

/// Whether the words between a change and a figure make the change the figure's (`増の`,
/// `減の`, `の増となる`).
fn is_change_before_figure(between: &str) -> bool {
    let between = between.trim();
    let between = between.strip_prefix('の').unwrap_or(between);
    between.starts_with(['増', '減'])
        && matches!(
            &between['増'.len_utf8()..],
            "の" | "となる" | "とし" | "の計"
        )
}

/// Words before a change without the comparison they end with and a topic's `は` after
/// `に` (`…確保には前年度から` → `…確保に`).
fn without_comparison_end(words: &str) -> &str {
    let trimmed = words.trim_end();
    let before = COMPARISON_ENDS
        .iter()
        .find_map(|end| trimmed.strip_suffix(end))
        .unwrap_or(trimmed);
    // `…交付金には`: what the figure is given to.
    before
        .strip_suffix('は')
        .filter(|b| b.ends_with('に'))
        .unwrap_or(before)
}

/// How the words before a change stated before its figure end (`前年度から`, `前年度比`).
const COMPARISON_ENDS: [&str; 5] = [
    "前年度から",
    "前年度比",
    "前年度に比べ",
    "対前年度",
    "前年度より",
];

/// The words of `text` after its last figure (all of it when it holds none).
fn after_last_figure(text: &str) -> &str {
    let end = inline_figures(text)
        .last()
        .map_or(0, |figure| figure.amount.end);
    &text[end..]
}

/// Fewest chars of a line of prose a sentence wraps from.
const MIN_WRAPPED_PROSE_CHARS: usize = 20;

/// Marks that end the words before a name in a sentence.
const NAME_BREAKS: [char; 12] = [
    '、', '。', '，', '「', '」', '『', '』', '（', '）', '(', ')', ' ',
];

/// Endings of a clause that qualifies the name after it (`児童に支給する`, `地方公共団体に
/// おける`, `災害に係る`).
const QUALIFYING_CLAUSE_ENDINGS: [&str; 4] = ["する", "における", "に係る", "による"];

/// The word ending a clause of purpose after its verb (`…を促すため`).
const PURPOSE_ENDING: &str = "ため";

/// Fewest chars a name keeps after the clause qualifying it is cut off.
const MIN_QUALIFIED_NAME_CHARS: usize = 4;

/// A name without the clause qualifying it (`支給する子育て世帯生活支援特別給付金` →
/// `子育て世帯生活支援特別給付金`) or stating its purpose; the name as it is when what follows the clause would be
/// too short to name anything.
fn without_leading_clause(name: &str) -> &str {
    // `勤務を促すため医師偏在是正総合対策`: a purpose clause (a verb and ため, not `…のための`)
    // before the name.
    let purpose = name
        .match_indices(PURPOSE_ENDING)
        .filter_map(|(at, ending)| {
            let end = at + ending.len();
            let after_verb = name[..at].chars().next_back().is_some_and(is_hiragana);
            (after_verb && !name[end..].starts_with('の')).then_some(end)
        });
    QUALIFYING_CLAUSE_ENDINGS
        .iter()
        .filter_map(|ending| name.rfind(ending).map(|at| at + ending.len()))
        .chain(purpose)
        .max()
        .map(|at| &name[at..])
        .filter(|rest| rest.chars().count() >= MIN_QUALIFIED_NAME_CHARS)
        .unwrap_or(name)
}

/// The name a card's title line gives (`【新規】学童保育室増設事業　（こども課）`): without
/// its status mark and the department responsible, in parentheses after it.
fn card_title(written: &str) -> String {
    // A short tag in brackets (`【拡】`, `【新規】`) marks the project, and names no part of it.
    let untagged = written
        .trim()
        .strip_prefix('【')
        .and_then(|rest| rest.split_once('】'))
        .filter(|(tag, rest)| tag.chars().count() <= MAX_CARD_TAG_CHARS && !rest.trim().is_empty())
        .map_or(written.trim(), |(_, rest)| rest);
    let name = without_status_marks(untagged);
    let name = match name.trim_end().strip_suffix(['）', ')']) {
        Some(inner) => match inner.rfind(['（', '(']) {
            Some(open) if is_body_name(inner[open..].trim_start_matches(['（', '('])) => {
                &inner[..open]
            }
            _ => name,
        },
        None => name,
    };
    // `【一般会計】` over its figures: the name in brackets is the whole title.
    clean_name(name.trim_matches(['【', '】', '[', ']', '［', '］']))
}

/// Longest tag in brackets before a card's title (`【新規】`, `【重点】`), in chars.
const MAX_CARD_TAG_CHARS: usize = 4;

/// Kana that end a clause qualifying a name (`支援する`, `講じた`, `地域の`, `新たな`).
const CLAUSE_ENDINGS: [char; 7] = ['る', 'た', 'の', 'に', 'て', 'し', 'な'];

/// The name of the fiscal investment and loan program, which a sentence may give its
/// amount to (`このほか、財政投融資 １，２３４億円を要求`).
const FISCAL_INVESTMENT: &str = "財政投融資";

/// The word of a note adding a figure besides those above it (`上記のほか`, `このほか`).
const BESIDES: &str = "ほか";

/// Fewest chars of a name a sentence gives a budget by (`防災関係予算`).
const MIN_BUDGET_NAME_CHARS: usize = 5;

/// How many lines back `同事業` may find the program it stands for.
const ANTECEDENT_LINES: usize = 20;

/// Whether the text before an amount in a list of figures is a name of its own: a few words
/// after the list's separator, not a clause.
fn is_listed_name(head: &str) -> bool {
    let name = clean_name(
        head.trim_start_matches(['、', '，', ',', ' ', '\u{3000}'])
            .trim_start_matches("うち"),
    );
    // `（令和７年度予算額１２億円、令和６年度補正予算額３０億円）` lists labels, not names.
    (2..=MAX_ITEM_NAME_CHARS).contains(&name.chars().count())
        && !name.contains(['。', '、', 'は', 'を', 'に'])
        && !is_figure_label(&name)
}

/// The word for what a project costs (`事業費`). (A named cost, `…に係る経費`, is a heading's
/// item of its own in white papers, and stays one.)
const PROJECT_COST_WORD: &str = "事業費";

/// Words that link a purpose to its cost (`…の開催に要する事業費`, `…等の事業費`, `…配置する
/// 事業費`).
const COST_LINKS: [&str; 5] = ["に要する", "に係る", "に必要な", "の", "する"];

/// Whether a name only says what a project's purpose costs (`事業費`, `研修の開催に要する
/// 事業費`), no item's name.
fn names_a_cost(name: &str) -> bool {
    name.strip_suffix(PROJECT_COST_WORD).is_some_and(|purpose| {
        purpose.is_empty() || COST_LINKS.iter().any(|link| purpose.ends_with(link))
    })
}

/// Words of a sentence that leads into a list (`…は、次のとおりである`).
const LIST_LEADS: [&str; 3] = ["次のとおり", "以下のとおり", "下記のとおり"];

/// Words ending a sentence's opening that names the budget it speaks of (`令和７年度補正予算
/// （第１号）では`, `令和８年度財政投融資計画において`).
const FRAME_ENDINGS: [&str; 2] = ["では", "において"];

/// Endings of a predicate (`…を行います`), which names nothing.
const VERB_ENDINGS: [&str; 4] = ["ます", "した", "する", "です"];

/// Most chars of a line's start before its first amount that may end a sentence begun on
/// the line above (`て、`, `として、`).
const MAX_WRAPPED_LINK_CHARS: usize = 4;

/// Most lines after or before its line a sentence is followed over to find its verb or its
/// opening.
const MAX_WRAPPED_SENTENCE_LINES: usize = 4;

/// The word of a sentence that lists what a total is made of (`その内訳は、…`, `主な内訳を
/// みると、…`).
const BREAKDOWN_WORD: &str = "内訳";
