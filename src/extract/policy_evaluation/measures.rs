//! Measures: slide titles, numbered programs, circled labels, bullets and heading lists, in a
//! `part_of` tree under the policy.

use super::*;

/// What a policy section says about its measures: slide titles per page, the measure that
/// governs each line, and the 第Ⅱ部 boundary.
pub(super) struct SectionContext {
    pub(super) policy: String,
    /// Measure id governing each line (index = line - section.start), if any.
    pub(super) governing: Vec<Option<String>>,
    /// Plan whose title governs each line (index = line - section.start), if any: the
    /// targets stated under a plan's title are the plan's.
    pub(super) plans: Vec<Option<String>>,
}

impl SectionContext {
    pub(super) fn build(
        text: &DocText,
        out: &mut Collector<'_>,
        section: &PolicySection,
        policy: &str,
    ) -> SectionContext {
        let mut titles: Vec<(usize, String)> = Vec::new();
        let mut page_titles = BTreeMap::new();
        for i in section.start..section.end {
            if let Some((name, tag, line)) = slide_title_at(text, i) {
                let id = add_measure(text, out, &name, line, policy);
                if let Some(tag) = tag {
                    link_theme(text, out, &tag, line, &id, policy);
                }
                page_titles.entry(text.page_of(line)).or_insert(id.clone());
                titles.push((line, id));
            }
            if let Some((name, line)) = circled_label_at(text, i) {
                let id = add_measure(text, out, &name, line, policy);
                page_titles.entry(text.page_of(line)).or_insert(id.clone());
                titles.push((line, id));
            }
            if let Some((name, line)) = bullet_measure_at(text, i) {
                let id = add_measure(text, out, &name, line, policy);
                titles.push((line, id));
            }
            for (name, line) in page_reference_items(text, i) {
                add_measure(text, out, &name, line, policy);
            }
        }
        let running = running_titles(text, section);
        for i in section.start..section.end {
            let id = aspect_title_at(text, out, i, policy).or_else(|| {
                let name = tidy_name(text.cleaned(i));
                (running.contains(&i) && is_name_like(&name))
                    .then(|| add_measure(text, out, &name, i, policy))
            });
            if let Some(id) = id {
                page_titles.insert(text.page_of(i), id.clone());
                titles.push((i, id));
            }
        }
        let mut plan_titles: Vec<(usize, String)> = Vec::new();
        for i in section.start..section.end {
            if let Some(plan) = plan_title(text.cleaned(i)) {
                let id = out.node(NodeType::Strategy, &plan.name, text.source(i, &plan.name));
                if let Some(decision) = &plan.decision {
                    out.prop(&id, "decided_on", decision.date.clone());
                }
                plan_titles.push((i, id));
            }
        }
        // Both lists are in line order, so the titles up to a line are a prefix of them.
        titles.sort();
        let up_to =
            |list: &[(usize, String)], i: usize| list.partition_point(|(line, _)| *line <= i);
        let plans = (section.start..section.end)
            .map(|i| {
                let (line, id) = plan_titles[..up_to(&plan_titles, i)].last()?;
                let retitled = titles
                    .get(up_to(&titles, *line))
                    .is_some_and(|(t, _)| *t <= i);
                let near = text.page_of(*line) + 1 >= text.page_of(i);
                (!retitled && near).then(|| id.clone())
            })
            .collect();
        let mut governing = Vec::with_capacity(section.end - section.start);
        for i in section.start..section.end {
            let by_page = page_titles.get(&text.page_of(i)).cloned();
            let by_order = titles[..up_to(&titles, i)]
                .iter()
                .rev()
                .find(|(line, _)| text.page_of(*line) + 1 >= text.page_of(i))
                .map(|(_, id)| id.clone());
            governing.push(by_page.or(by_order));
        }
        SectionContext {
            policy: policy.to_string(),
            governing,
            plans,
        }
    }

    pub(super) fn governing(&self, section: &PolicySection, index: usize) -> Option<String> {
        index
            .checked_sub(section.start)
            .and_then(|k| self.governing.get(k).cloned().flatten())
    }

    /// The plan whose title governs line `index`, if any.
    pub(super) fn plan(&self, section: &PolicySection, index: usize) -> Option<&str> {
        index
            .checked_sub(section.start)
            .and_then(|k| self.plans.get(k))
            .and_then(|plan| plan.as_deref())
    }

    pub(super) fn subject(&self, section: &PolicySection, index: usize) -> String {
        self.governing(section, index)
            .unwrap_or_else(|| self.policy.clone())
    }
}

/// A measure name is a short label, not a sentence.
pub(super) fn is_name_like(name: &str) -> bool {
    let n = name.chars().count();
    (4..=60).contains(&n)
        && !name.contains('。')
        && !name.ends_with('、')
        && !name.ends_with("は")
        && !name.starts_with(['（', '(', '＜', '<', '※', '【', '～', '〜', '・', '→'])
        && !name.is_ascii()
        && !is_keyword_only(name)
}

pub(super) static BUDGET_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:R\s*\d+|令和\s*\d+\s*年度|予算額?|補正|当初|第\d次|予算|\s|：|:)+$")
        .expect("budget words")
});

pub(super) fn is_keyword_only(name: &str) -> bool {
    BUDGET_WORDS.is_match(name)
        || matches!(
            name,
            "目的・概要" | "概要" | "予算額" | "事業主体" | "事業スキーム" | "計画年度"
        )
}

/// Strips bullets and decorations from a candidate name.
pub(super) fn tidy_name(text: &str) -> String {
    let text = text.trim();
    let text = text.strip_prefix("他 ").unwrap_or(text);
    let text = text.trim_start_matches([
        '○', '●', '◆', '◇', '■', '□', '・', '✓', '☑', '◎', '▶', '►', '➢', '※', ' ',
    ]);
    let text = text
        .trim_start_matches(|c: char| ('①'..='⑳').contains(&c))
        .trim();
    let text = text
        .trim_end_matches(['：', ':', '（', '(', ' '])
        .trim_end_matches("について")
        .trim_end_matches("の概要");
    text.trim().to_string()
}

/// The slide title after `目的・概要`, or a line ending with a glued page number on a page
/// that has a `目的・概要` block, or the title that follows the vertical `国費/特交/その他` legend.
pub(super) fn slide_title_at(
    text: &DocText,
    index: usize,
) -> Option<(String, Option<String>, usize)> {
    let line = text.cleaned(index);
    if line == "目的・概要" {
        for next in text.after(index, 4) {
            let (title, tag) = strip_trailing_page_number(text.cleaned(next));
            let (title, lead_tag) = split_leading_tag(&title);
            let name = tidy_name(&title);
            if is_name_like(&name) && !name.contains('、') {
                return Some((name, tag.or(lead_tag), next));
            }
        }
        return None;
    }
    let raw = nfkc(text.raw(index));
    if raw.trim_start().starts_with("他 ")
        && text
            .before(index, 3)
            .iter()
            .all(|i| text.cleaned(*i).chars().count() == 1)
    {
        let name = tidy_name(&strip_budget_phrase(line));
        return is_name_like(&name).then_some((name, None, index));
    }
    None
}

pub(super) static ASPECT_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<name>[^。、\s]{4,60}?)(?:[（(][^（）()]{2,30}[）)])?\s*(?P<page>[0-9]{1,3})?$",
    )
    .expect("aspect title")
});

/// A page title that names an item already read, alone at the top of a page or with the
/// aspect the page shows and its page number (`…の推進（施策の概要） 13`): the page belongs
/// to that measure, or to the policy itself when the title names the policy.
pub(super) fn aspect_title_at(
    text: &DocText,
    out: &Collector<'_>,
    index: usize,
    policy: &str,
) -> Option<String> {
    let line = text.cleaned(index);
    let caps = ASPECT_TITLE.captures(line)?;
    let numbered = caps.name("page").is_some();
    if !numbered && !starts_page(text.raw(index)) {
        return None;
    }
    let whole = match caps.name("page") {
        Some(page) => line[..page.start()].trim(),
        None => line,
    };
    let before_aspect = caps.name("name")?.as_str();
    [whole, before_aspect]
        .into_iter()
        .map(tidy_name)
        .find_map(|name| {
            if out.node_name(policy) == Some(name.as_str()) {
                return Some(policy.to_string());
            }
            [NodeType::Measure, NodeType::Program]
                .into_iter()
                .map(|node_type| node_id(node_type, &name))
                .find(|id| out.has_node(id))
        })
}

/// Longest line that can finish a numbered name broken before its last word (`プログラム`).
pub(super) const NAME_TAIL_CHARS: usize = 6;

/// A circled-number item whose name is a program's (`③電波有効利用研究開発` / `プログラム`,
/// `①基地局施設整備事業`), with the line its name ends on.
pub(super) fn numbered_program_at(text: &DocText, index: usize) -> Option<(String, usize)> {
    let line = text.cleaned(index);
    let rest = line.strip_prefix(|c: char| ('①'..='⑳').contains(&c))?;
    let is_program = |name: &str| is_program_name(name) || is_initiative_name(name);
    let name = tidy_name(rest);
    if is_program(&name) {
        return is_name_like(&name).then_some((name, index));
    }
    let next = text.cleaned(index + 1);
    if next.is_empty() || next.chars().count() > NAME_TAIL_CHARS {
        return None;
    }
    let joined = tidy_name(&format!("{rest}{next}"));
    (is_program(&joined) && is_name_like(&joined)).then_some((joined, index + 1))
}

/// Programs listed as circled-number items: each is part of the item its page is about.
pub(super) fn read_numbered_programs(
    text: &DocText,
    out: &mut Collector<'_>,
    section: &PolicySection,
    ctx: &SectionContext,
) {
    for i in section.start..section.end {
        let Some((name, last)) = numbered_program_at(text, i) else {
            continue;
        };
        let source = text.span_source(i, last);
        let id = out.node(item_type_program(&name), &name, source.clone());
        let owner = ctx.subject(section, i);
        if owner != id {
            out.edge(&id, Rel::PartOf, &owner, source);
        }
    }
}

/// `スタートアップ スタートアップ創出型…` → (`スタートアップ創出型…`, tag `スタートアップ`).
pub(super) fn split_leading_tag(title: &str) -> (String, Option<String>) {
    if let Some((head, rest)) = title.split_once(' ') {
        let rest = rest.trim();
        if head.chars().count() <= 8 && rest.chars().count() > head.chars().count() + 4 {
            return (rest.to_string(), Some(head.to_string()));
        }
    }
    (title.to_string(), None)
}

pub(super) static BUDGET_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s*[（(]?\s*(?:R\s*\d+|令和\s*\d+\s*年度)[^。]{0,12}?(?:予算|補正|計画額|財政投融資)[^\s]*.*$")
        .expect("budget phrase")
});

/// Drops a trailing `R５予算額 208百万円` / `（令和５年度予算：8.0億円）` phrase.
pub(super) fn strip_budget_phrase(text: &str) -> String {
    BUDGET_PHRASE.replace(text, "").trim().to_string()
}

pub(super) static RUNNING_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:[（(][^）)]*[）)])?\s*政策\s*\d+\s*[：:].*$").expect("running header")
});

/// A circled-number label that opens a page or a slide (`①政策評価の推進`, `③… 6`, or the
/// label line just after a 第Ⅱ部 divider); running `政策N：…` headers are cut off.
pub(super) fn circled_label_at(text: &DocText, index: usize) -> Option<(String, usize)> {
    let line = text.cleaned(index);
    if !line.starts_with(|c: char| ('①'..='⑳').contains(&c)) || line.contains('。') {
        return None;
    }
    let page_start = text.raw(index).starts_with(' ');
    let (without_number, _) = strip_trailing_page_number(line);
    let numbered = without_number.len() < line.len();
    let after_divider = text
        .before(index, 3)
        .iter()
        .any(|j| text.cleaned(*j).starts_with("第Ⅱ部"));
    let running = RUNNING_HEADER.is_match(line);
    if !(page_start || numbered || after_divider || running) {
        return None;
    }
    let label = RUNNING_HEADER.replace(&without_number, "");
    let name = tidy_name(&label);
    (is_name_like(&name) && !name.contains(' ') && name.chars().count() <= 30)
        .then_some((name, index))
}

/// `○名称` bullet whose next line (or own tail) carries a budget in parentheses.
pub(super) fn bullet_measure_at(text: &DocText, index: usize) -> Option<(String, usize)> {
    let line = text.cleaned(index);
    if !line.starts_with('○') && !line.starts_with('●') {
        return None;
    }
    let has_budget =
        |t: &str| (t.contains("予算") || t.contains("補正")) && !find_amounts(t).is_empty();
    let own = has_budget(line);
    let next = text
        .after(index, 1)
        .first()
        .is_some_and(|n| has_budget(text.cleaned(*n)) && text.cleaned(*n).starts_with(['（', '(']));
    if !own && !next {
        return None;
    }
    let name = tidy_name(&strip_budget_phrase(line));
    let name = name.split('（').next().unwrap_or("").trim().to_string();
    is_name_like(&name).then_some((name, index))
}

pub(super) static PAGE_REF_ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([^、（(]+?)\s*[（(]p\d+[）)]").expect("page ref item"));

/// Items listed with page references: `地域おこし協力隊(p4)、…`.
pub(super) fn page_reference_items(text: &DocText, index: usize) -> Vec<(String, usize)> {
    let line = text.cleaned(index);
    PAGE_REF_ITEM
        .captures_iter(line)
        .filter_map(|c| c.get(1))
        .map(|m| tidy_name(m.as_str()))
        .filter(|n| is_name_like(n) || n.chars().count() >= 3)
        .map(|n| (n, index))
        .collect()
}

/// Node type for an item name: 交付金/事業債/制度 → program, 基金 → fund, else measure.
pub(super) fn item_type(name: &str) -> NodeType {
    if name.contains("交付金") || name.contains("事業債") || name.ends_with("制度") {
        NodeType::Program
    } else if name.contains("基金") {
        NodeType::Fund
    } else {
        NodeType::Measure
    }
}

pub(super) fn add_measure(
    text: &DocText,
    out: &mut Collector<'_>,
    name: &str,
    line: usize,
    policy: &str,
) -> String {
    let node_type = item_type(name);
    let raw_name = nfkc(text.raw(line));
    let needle = if raw_name.contains(name) { name } else { "" };
    let source = text.source(
        line,
        if text.raw(line).contains(needle) {
            needle
        } else {
            ""
        },
    );
    let id = out.node(node_type, name, source.clone());
    out.edge(&id, Rel::PartOf, policy, source);
    id
}

pub(super) fn link_theme(
    text: &DocText,
    out: &mut Collector<'_>,
    tag: &str,
    line: usize,
    measure: &str,
    policy: &str,
) {
    let tag = tag.trim();
    if tag.chars().count() < 2 || is_keyword_only(tag) {
        return;
    }
    let source = text.source(line, tag);
    let theme = out.node(NodeType::Theme, tag, source.clone());
    out.edge(measure, Rel::PartOf, &theme, source.clone());
    out.edge(&theme, Rel::PartOf, policy, source);
}

pub(super) static NUMBERED_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[0-9]\s*[．.]\s*(\S.{3,40})$").expect("numbered heading"));
pub(super) static CIRCLED_ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[①-⑩]\s*([^①-⑩]{4,40})").expect("circled item"));

/// Policy pillars in the 第Ⅰ部 overview: `１．…` headings and `①… ②…` lines → themes.
pub(super) fn read_pillars(
    text: &DocText,
    out: &mut Collector<'_>,
    section: &PolicySection,
    policy: &str,
) {
    let Some(first_part) = (section.start..section.end).find(|i| {
        let l = text.cleaned(*i);
        l.starts_with("第Ⅰ部") || l.starts_with("第I部")
    }) else {
        return;
    };
    let window_end = section.end.min(first_part + 50);
    let mut headings: Vec<(usize, u32, String)> = Vec::new();
    for i in first_part + 1..window_end {
        let line = text.cleaned(i);
        if let Some(caps) = NUMBERED_HEADING.captures(line) {
            let name = caps.get(1).map(|m| m.as_str().trim()).unwrap_or("");
            if is_name_like(name) && !name.contains("概要") {
                let theme = out.node(NodeType::Theme, name, text.source(i, ""));
                out.prop(&theme, "kind", "政策の柱");
                out.edge(&theme, Rel::PartOf, policy, text.source(i, ""));
                let number = line
                    .chars()
                    .next()
                    .and_then(|c| c.to_digit(10))
                    .unwrap_or(0);
                headings.push((i, number, theme));
            }
        } else if line.starts_with(|c: char| ('①'..='⑩').contains(&c)) && !line.contains('。')
        {
            for caps in CIRCLED_ITEM.captures_iter(line) {
                let name = caps.get(1).map(|m| m.as_str().trim()).unwrap_or("");
                if is_name_like(name) {
                    let (name, _) = strip_trailing_page_number(name);
                    let id = out.node(NodeType::Measure, &name, text.source(i, ""));
                    out.edge(&id, Rel::PartOf, policy, text.source(i, ""));
                }
            }
        }
    }
    read_heading_lists(text, out, &headings, window_end, policy);
}

/// A run of adjacent lines listing items separated by `、` (a blank line ends the run).
pub(super) struct ListGroup {
    pub(super) first: usize,
    pub(super) last: usize,
    pub(super) items: Vec<String>,
}

pub(super) static PAGE_REF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*[（(]\s*p\s*\d+\s*[）)]").expect("page ref"));

/// Whether a line reads as part of an item list: `、`-separated short items, no sentence.
pub(super) fn is_list_line(line: &str) -> bool {
    if line.is_empty()
        || line.contains('。')
        || line.starts_with(['（', '(', '※', '○', '●', '・'])
        || NUMBERED_HEADING.is_match(line)
    {
        return false;
    }
    let plain = PAGE_REF.replace_all(line, "");
    let parts: Vec<&str> = plain.split('、').filter(|p| !p.trim().is_empty()).collect();
    (PAGE_REF.is_match(line) || parts.len() >= 2)
        && parts.iter().all(|p| p.chars().count() <= 30)
        && !plain.contains(['：', ':'])
}

/// Item lists on the overview page of numbered pillars (`１．…` headings). Two-column slides
/// flatten the headings and their lists out of order, so a list that directly follows a
/// heading belongs to it, and the remaining lists go, in reading order, to the remaining
/// headings in their numbered order. Every item is a measure, part_of its pillar.
pub(super) fn read_heading_lists(
    text: &DocText,
    out: &mut Collector<'_>,
    headings: &[(usize, u32, String)],
    window_end: usize,
    policy: &str,
) {
    let Some(&(first_heading, _, _)) = headings.first() else {
        return;
    };
    let page = text.page_of(first_heading);
    let mut groups: Vec<ListGroup> = Vec::new();
    let mut i = first_heading + 1;
    while i < window_end && text.page_of(i) == page {
        if !is_list_line(text.cleaned(i)) {
            i += 1;
            continue;
        }
        let first = i;
        let mut joined = text.cleaned(i).to_string();
        while i + 1 < window_end && text.page_of(i + 1) == page && is_list_line(text.cleaned(i + 1))
        {
            i += 1;
            joined.push_str(text.cleaned(i));
        }
        let items = PAGE_REF
            .replace_all(&joined, "")
            .split('、')
            .map(tidy_name)
            .filter(|n| n.chars().count() >= 3 && !is_keyword_only(n))
            .collect();
        groups.push(ListGroup {
            first,
            last: i,
            items,
        });
        i += 1;
    }
    if groups.is_empty() {
        return;
    }
    let mut owner: Vec<Option<usize>> = vec![None; groups.len()];
    let mut claimed = vec![false; headings.len()];
    for (g, group) in groups.iter().enumerate() {
        let above = text.before(group.first, 1).first().copied();
        if let Some(h) = headings
            .iter()
            .position(|(line, _, _)| Some(*line) == above)
            && !claimed[h]
        {
            claimed[h] = true;
            owner[g] = Some(h);
        }
    }
    let mut free: Vec<usize> = (0..headings.len()).filter(|h| !claimed[*h]).collect();
    free.sort_by_key(|h| headings[*h].1);
    let open: Vec<usize> = (0..groups.len()).filter(|g| owner[*g].is_none()).collect();
    if free.len() == open.len() {
        for (g, h) in open.into_iter().zip(free) {
            owner[g] = Some(h);
        }
    }
    for (g, group) in groups.iter().enumerate() {
        for item in &group.items {
            let line = (group.first..=group.last).find(|j| text.raw(*j).contains(item.as_str()));
            let source = match line {
                Some(j) => text.source(j, item),
                None => text.span_source(group.first, group.last),
            };
            let id = out.node(item_type(item), item, source.clone());
            out.edge(&id, Rel::PartOf, policy, source.clone());
            if let Some(h) = owner[g] {
                out.edge(&id, Rel::PartOf, &headings[h].2, source);
            }
        }
    }
}
