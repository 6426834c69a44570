//! 政策評価書 (policy evaluation report) extractor.
//!
//! The report is a deck of slides converted to text. Each policy opens with a four-line header
//! (`政策名 政策N：…`, `担当部局・課室名 …`, `作成責任者名 …`, `政策評価実施時期 …`), followed by
//! slides whose titles, budgets, indicator tables and strategy references are read here.

use super::collect::Collector;
use super::indicators::{FoundIndicator, add_indicator};
use super::mentions::{self, Owner};
use super::recognise::bodies::find_bodies;
use super::recognise::indicator_phrases::dated_targets;
use super::recognise::plans::plan_title;
use super::recognise::programs::{is_initiative_name, is_program_name};
use super::recognise::targets::{IndicatorValues, target_mark, target_statement};
use super::recognise::year_tables::indicators_in_tables;
use crate::corpus::SeedDoc;
use crate::graph::model::{Extraction, NodeDraft, NodeType, Rel, Source, node_id};
use crate::money::{
    BudgetFigure, BudgetKind, FiscalYear, detect_qualifiers, find_amounts, find_era_years,
    find_fiscal_years, find_year_labels, parse_number,
};
use crate::normalize::nfkc;
use regex::Regex;
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

/// Reads policies, agencies, measures, budgets, indicators, strategies and partners.
pub fn extract(doc: &SeedDoc) -> Extraction {
    let text = DocText::new(doc);
    let mut out = Collector::new(doc);
    let root = root_agency(&text, &mut out);
    for section in find_policies(&text) {
        let policy = add_policy(&text, &mut out, &section);
        read_agencies(&text, &mut out, &section, &policy, root.as_deref());
        let ctx = SectionContext::build(&text, &mut out, &section, &policy);
        read_pillars(&text, &mut out, &section, &policy);
        read_budgets(&text, &mut out, &section, &ctx);
        read_indicators(&text, &mut out, &section, &ctx);
        read_kpi_rows(&text, &mut out, &section, &ctx);
        read_numbered_programs(&text, &mut out, &section, &ctx);
        read_mentions(&text, &mut out, &section, &ctx);
    }
    out.finish()
}

// ---------------------------------------------------------------------------------------------
// Text model
// ---------------------------------------------------------------------------------------------

/// The document's lines as written plus a cleaned, NFKC form for reading names.
struct DocText<'a> {
    doc: &'a SeedDoc,
    /// Cleaned text per line (index = line number - 1).
    clean: Vec<String>,
    /// Page number per line (pages start at a leading-space line or after three blank lines).
    page: Vec<usize>,
}

impl<'a> DocText<'a> {
    fn new(doc: &'a SeedDoc) -> DocText<'a> {
        let mut clean = Vec::with_capacity(doc.lines.len());
        let mut page = Vec::with_capacity(doc.lines.len());
        let mut current = 0usize;
        let mut blanks = 0usize;
        let mut previous_single = 0usize;
        for raw in &doc.lines {
            let starts_page = starts_page(raw);
            if raw.trim().is_empty() {
                blanks += 1;
                page.push(current);
                clean.push(String::new());
                continue;
            }
            if starts_page || blanks >= 3 {
                current += 1;
            }
            blanks = 0;
            page.push(current);
            let mut line = clean_line(raw);
            if previous_single >= 3
                && let Some(rest) = line.strip_prefix("他 ")
            {
                line = rest.trim().to_string();
            }
            previous_single = if line.chars().count() == 1 {
                previous_single + 1
            } else {
                0
            };
            clean.push(line);
        }
        DocText { doc, clean, page }
    }

    fn len(&self) -> usize {
        self.doc.lines.len()
    }

    /// Original line by 0-based index.
    fn raw(&self, index: usize) -> &str {
        self.doc.lines.get(index).unwrap_or("")
    }

    /// Cleaned line by 0-based index.
    fn cleaned(&self, index: usize) -> &str {
        self.clean.get(index).map(String::as_str).unwrap_or("")
    }

    fn page_of(&self, index: usize) -> usize {
        self.page.get(index).copied().unwrap_or(0)
    }

    /// Indices of up to `count` non-blank lines before `index`, nearest first.
    fn before(&self, index: usize, count: usize) -> Vec<usize> {
        (0..index)
            .rev()
            .filter(|i| !self.cleaned(*i).is_empty())
            .take(count)
            .collect()
    }

    /// Indices of up to `count` non-blank lines after `index`, nearest first.
    fn after(&self, index: usize, count: usize) -> Vec<usize> {
        (index + 1..self.len())
            .filter(|i| !self.cleaned(*i).is_empty())
            .take(count)
            .collect()
    }

    /// A source on one line quoting `needle` when it stands there, else the line itself.
    fn source(&self, index: usize, needle: &str) -> Source {
        let raw = self.raw(index);
        let quote = if !needle.is_empty() && raw.contains(needle) {
            needle.to_string()
        } else {
            short(raw.trim())
        };
        Source {
            doc: self.doc.file().into(),
            line_start: index as u32 + 1,
            line_end: index as u32 + 1,
            quote: quote.into(),
        }
    }

    /// A source spanning lines `first..=last`, quoting the joined text (shortened).
    fn span_source(&self, first: usize, last: usize) -> Source {
        if first >= last {
            return self.source(first, "");
        }
        let joined = (first..=last)
            .map(|i| self.raw(i))
            .collect::<Vec<_>>()
            .join("\n");
        let trimmed = joined.trim();
        Source {
            doc: self.doc.file().into(),
            line_start: first as u32 + 1,
            line_end: last as u32 + 1,
            quote: short(trimmed).into(),
        }
    }
}

/// Lines that open a page with the same text as another page of the section does: a running
/// title naming what those pages are about (`地域おこし協力隊の推進` over each page of its sheet).
fn running_titles(text: &DocText, section: &PolicySection) -> Vec<usize> {
    let mut by_text: HashMap<&str, Vec<usize>> = HashMap::new();
    for i in section.start..section.end {
        if starts_page(text.raw(i)) && !text.cleaned(i).is_empty() {
            by_text.entry(text.cleaned(i)).or_default().push(i);
        }
    }
    let mut lines: Vec<usize> = by_text
        .into_values()
        .filter(|lines| lines.len() >= 2)
        .flatten()
        .collect();
    lines.sort_unstable();
    lines
}

/// Whether a raw line opens a page: the text of a new page starts one space in.
fn starts_page(raw: &str) -> bool {
    raw.starts_with(' ') && raw.chars().nth(1).is_some_and(|c| c != ' ')
}

/// Cuts a quote to at most 200 chars on a char boundary.
fn short(text: &str) -> String {
    text.chars().take(200).collect()
}

static LEADING_PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\d{1,2}([^\d\s年月日件人局団体万億兆か回つ割のヶ％%\.,:：/・,、。）)ー－\-])")
        .expect("leading page number")
});
static TRAILING_PAGE_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s\d{1,2}(?:[^\d\s]{0,8})?$").expect("trailing page number"));
static SPACES: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s+").expect("spaces"));

/// NFKC, trimmed, spaces collapsed, exact doubled halves collapsed, glued page number dropped.
fn clean_line(raw: &str) -> String {
    let text = nfkc_keep_circled(raw);
    let text = SPACES.replace_all(text.trim(), " ").to_string();
    let text = join_spaced_cjk(&text);
    let text = dedupe_halves(&text);
    LEADING_PAGE_NUMBER.replace(&text, "$1").to_string()
}

/// NFKC that leaves circled numbers (`①` … `⑳`) as they are: they number slides, functions
/// and pillars, and plain NFKC would turn them into digits that read like page numbers.
fn nfkc_keep_circled(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut run = String::new();
    for c in raw.chars() {
        if is_circled(c) {
            out.push_str(&nfkc(&run));
            run.clear();
            out.push(c);
        } else {
            run.push(c);
        }
    }
    out.push_str(&nfkc(&run));
    out
}

fn is_circled(c: char) -> bool {
    ('①'..='⑳').contains(&c)
}

/// Removes justification spaces (`万 国 郵 便 連 合`) when a line has many of them.
fn join_spaced_cjk(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let wide = |c: char| !c.is_ascii() || c.is_ascii_digit();
    let spaced: Vec<usize> = (1..chars.len().saturating_sub(1))
        .filter(|&k| chars[k] == ' ' && wide(chars[k - 1]) && wide(chars[k + 1]))
        .collect();
    let tokens: Vec<&str> = text.split(' ').collect();
    let single = tokens
        .iter()
        .filter(|t| t.chars().count() == 1 && !is_empty_cell(t))
        .count();
    if spaced.len() < 4 || single * 2 < tokens.len() {
        return text.to_string();
    }
    chars
        .iter()
        .enumerate()
        .filter(|(k, _)| !spaced.contains(k))
        .map(|(_, c)| *c)
        .collect()
}

/// `研究開発の推進研究開発の推進` → `研究開発の推進`.
fn dedupe_halves(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    if n >= 4 && n.is_multiple_of(2) && chars[..n / 2] == chars[n / 2..] {
        return chars[..n / 2].iter().collect();
    }
    // `スタートアップ スタートアップ` style with a space between the halves.
    if n >= 5 && n % 2 == 1 && chars[n / 2] == ' ' && chars[..n / 2] == chars[n / 2 + 1..] {
        return chars[..n / 2].iter().collect();
    }
    text.to_string()
}

/// Removes a slide page number glued to the end of a title.
fn strip_trailing_page_number(text: &str) -> (String, Option<String>) {
    match TRAILING_PAGE_NUMBER.find(text) {
        Some(m) => {
            let tail: String = m
                .as_str()
                .trim()
                .chars()
                .skip_while(|c| c.is_ascii_digit())
                .collect();
            let tag = (!tail.is_empty()).then_some(tail);
            (text[..m.start()].trim().to_string(), tag)
        }
        None => (text.to_string(), None),
    }
}

// ---------------------------------------------------------------------------------------------
// Output builder (deduplicates nodes and edges)
// ---------------------------------------------------------------------------------------------

/// The ministry that publishes the evaluation: the first 省/庁 of the manifest's publisher,
/// else the first one the document names, cited where the document first names it.
fn root_agency(text: &DocText, out: &mut Collector<'_>) -> Option<String> {
    let ministry = |t: &str| {
        find_bodies(t)
            .into_iter()
            .map(|b| b.name)
            .find(|n| n.ends_with('省') || n.ends_with('庁'))
    };
    let name = ministry(&text.doc.info.publisher)
        .or_else(|| (0..text.len()).find_map(|i| ministry(text.cleaned(i))))?;
    let line = (0..text.len()).find(|i| text.raw(*i).contains(name.as_str()))?;
    Some(out.node(NodeType::Agency, &name, text.source(line, &name)))
}

// ---------------------------------------------------------------------------------------------
// Policies and agencies
// ---------------------------------------------------------------------------------------------

/// One policy's span of lines (0-based, `end` exclusive).
struct PolicySection {
    header: usize,
    start: usize,
    end: usize,
    number: String,
    name: String,
}

static POLICY_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^政策名\s*政策\s*([0-9０-９]+)\s*[：:]\s*(.+)$").expect("policy header")
});

fn find_policies(text: &DocText) -> Vec<PolicySection> {
    let mut headers: Vec<(usize, String, String)> = Vec::new();
    for i in 0..text.len() {
        if let Some(caps) = POLICY_HEADER.captures(text.cleaned(i)) {
            let number = caps.get(1).map(|m| nfkc(m.as_str())).unwrap_or_default();
            let name = caps.get(2).map(|m| m.as_str().trim()).unwrap_or("");
            headers.push((i, number, name.to_string()));
        }
    }
    let mut sections = Vec::new();
    for (k, (header, number, name)) in headers.iter().enumerate() {
        // The section opens at the title lines just above the header.
        let start = text
            .before(*header, 3)
            .into_iter()
            .filter(|i| text.cleaned(*i).contains("評価書") || text.cleaned(*i).contains("年度"))
            .min()
            .unwrap_or(*header);
        let end = headers
            .get(k + 1)
            .map(|(next, _, _)| {
                text.before(*next, 3)
                    .into_iter()
                    .filter(|i| {
                        text.cleaned(*i).contains("評価書") || text.cleaned(*i).contains("年度")
                    })
                    .min()
                    .unwrap_or(*next)
            })
            .unwrap_or(text.len());
        sections.push(PolicySection {
            header: *header,
            start,
            end,
            number: number.clone(),
            name: name.clone(),
        });
    }
    sections
}

/// Value of a `label value` header line within the few lines after the policy name.
fn header_value(text: &DocText, section: &PolicySection, label: &str) -> Option<(usize, String)> {
    (section.header..section.end.min(section.header + 16)).find_map(|i| {
        text.cleaned(i)
            .strip_prefix(label)
            .map(|rest| (i, rest.trim().to_string()))
    })
}

fn add_policy(text: &DocText, out: &mut Collector<'_>, section: &PolicySection) -> String {
    let raw = text.raw(section.header);
    let quote = raw.trim();
    let id = out.node(
        NodeType::Policy,
        &section.name,
        text.source(section.header, quote),
    );
    out.alias(&id, &format!("政策{}", section.number));
    out.alias(&id, &format!("政策{}：{}", section.number, section.name));
    out.prop(&id, "number", section.number.clone());
    if let Some((_, date)) = header_value(text, section, "政策評価実施時期") {
        out.prop(&id, "evaluation_date", date);
    }
    if let Some((_, owner)) = header_value(text, section, "作成責任者名") {
        out.prop(&id, "owner", owner);
    }
    id
}

static BUREAU_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<kyoku>[^\s、]+?局)\s*(?P<mid>[^\s、]+?(?:グループ|部))?\s*(?P<unit>.*)$")
        .expect("bureau prefix")
});
static UNNAMED_UNITS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:他\s*\d*\s*課?室?|等)$").expect("unnamed units"));

/// Parses `担当部局・課室名` into 局 / グループ・部 / 課 / 室 nodes with part_of and responsible edges.
fn read_agencies(
    text: &DocText,
    out: &mut Collector<'_>,
    section: &PolicySection,
    policy: &str,
    root: Option<&str>,
) {
    let Some((first, _)) = header_value(text, section, "担当部局・課室名") else {
        return;
    };
    let mut last = first;
    let mut joined = text
        .cleaned(first)
        .trim_start_matches("担当部局・課室名")
        .trim()
        .to_string();
    for i in text.after(first, 3) {
        let line = text.cleaned(i);
        if line.starts_with("作成責任者") || line.starts_with("政策評価") || line.contains("：")
        {
            break;
        }
        joined.push_str(line);
        last = i;
    }
    let source = text.span_source(first, last);
    let mut items: Vec<String> = joined
        .split(['、', ','])
        .map(|s| UNNAMED_UNITS.replace(s.trim(), "").trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    let Some(head) = items.first().cloned() else {
        return;
    };
    let Some(caps) = BUREAU_PREFIX.captures(&head) else {
        return;
    };
    let kyoku = caps.name("kyoku").map(|m| m.as_str()).unwrap_or("");
    let mid = caps.name("mid").map(|m| m.as_str()).unwrap_or("");
    let unit = caps.name("unit").map(|m| m.as_str().trim()).unwrap_or("");
    items[0] = unit.to_string();
    let kyoku_id = out.node(
        NodeType::Agency,
        kyoku,
        source_for(text, first, last, kyoku),
    );
    out.prop(&kyoku_id, "level", "局");
    if let Some(root) = root {
        out.edge(
            &kyoku_id,
            Rel::PartOf,
            root,
            source_for(text, first, last, kyoku),
        );
    }
    out.edge(policy, Rel::Responsible, &kyoku_id, source.clone());
    let mut parent = kyoku_id.clone();
    if !mid.is_empty() {
        let mid_name = format!("{kyoku}{mid}");
        let mid_id = out.node(
            NodeType::Agency,
            &mid_name,
            source_for(text, first, last, mid),
        );
        out.alias(&mid_id, mid);
        out.prop(
            &mid_id,
            "level",
            if mid.ends_with('部') {
                "部"
            } else {
                "グループ"
            },
        );
        out.edge(
            &mid_id,
            Rel::PartOf,
            &kyoku_id,
            source_for(text, first, last, mid),
        );
        parent = mid_id;
    }
    let divisions: Vec<&String> = items.iter().filter(|s| s.ends_with('課')).collect();
    let single_division = (divisions.len() == 1).then(|| divisions[0].clone());
    let prefix = format!("{kyoku}{mid}");
    let mut division_ids: HashMap<String, String> = HashMap::new();
    for item in items.iter().filter(|s| !s.is_empty()) {
        let full = format!("{prefix}{item}");
        let src = source_for(text, first, last, item);
        let id = out.node(NodeType::Agency, &full, src.clone());
        out.alias(&id, item);
        let level = if item.ends_with('室') { "室" } else { "課" };
        out.prop(&id, "level", level);
        let owner = match (&single_division, level) {
            (Some(division), "室") => division_ids
                .get(division)
                .cloned()
                .unwrap_or(parent.clone()),
            _ => parent.clone(),
        };
        out.edge(&id, Rel::PartOf, &owner, src.clone());
        out.edge(policy, Rel::Responsible, &id, src);
        division_ids.insert(item.clone(), id);
    }
}

/// A source quoting `needle` on whichever line of `first..=last` holds it.
fn source_for(text: &DocText, first: usize, last: usize, needle: &str) -> Source {
    (first..=last)
        .find(|i| !needle.is_empty() && text.raw(*i).contains(needle))
        .map(|i| text.source(i, needle))
        .unwrap_or_else(|| text.span_source(first, last))
}

// ---------------------------------------------------------------------------------------------
// Measures and slide titles
// ---------------------------------------------------------------------------------------------

/// What a policy section says about its measures: slide titles per page, the measure that
/// governs each line, and the 第Ⅱ部 boundary.
struct SectionContext {
    policy: String,
    /// Measure id governing each line (index = line - section.start), if any.
    governing: Vec<Option<String>>,
    /// Plan whose title governs each line (index = line - section.start), if any: the
    /// targets stated under a plan's title are the plan's.
    plans: Vec<Option<String>>,
}

impl SectionContext {
    fn build(
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

    fn governing(&self, section: &PolicySection, index: usize) -> Option<String> {
        index
            .checked_sub(section.start)
            .and_then(|k| self.governing.get(k).cloned().flatten())
    }

    /// The plan whose title governs line `index`, if any.
    fn plan(&self, section: &PolicySection, index: usize) -> Option<&str> {
        index
            .checked_sub(section.start)
            .and_then(|k| self.plans.get(k))
            .and_then(|plan| plan.as_deref())
    }

    fn subject(&self, section: &PolicySection, index: usize) -> String {
        self.governing(section, index)
            .unwrap_or_else(|| self.policy.clone())
    }
}

/// A measure name is a short label, not a sentence.
fn is_name_like(name: &str) -> bool {
    let n = name.chars().count();
    (4..=60).contains(&n)
        && !name.contains('。')
        && !name.ends_with('、')
        && !name.ends_with("は")
        && !name.starts_with(['（', '(', '＜', '<', '※', '【', '～', '〜', '・', '→'])
        && !name.is_ascii()
        && !is_keyword_only(name)
}

static BUDGET_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:R\s*\d+|令和\s*\d+\s*年度|予算額?|補正|当初|第\d次|予算|\s|：|:)+$")
        .expect("budget words")
});

fn is_keyword_only(name: &str) -> bool {
    BUDGET_WORDS.is_match(name)
        || matches!(
            name,
            "目的・概要" | "概要" | "予算額" | "事業主体" | "事業スキーム" | "計画年度"
        )
}

/// Strips bullets and decorations from a candidate name.
fn tidy_name(text: &str) -> String {
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
fn slide_title_at(text: &DocText, index: usize) -> Option<(String, Option<String>, usize)> {
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

static ASPECT_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<name>[^。、\s]{4,60}?)(?:[（(][^（）()]{2,30}[）)])?\s*(?P<page>[0-9]{1,3})?$",
    )
    .expect("aspect title")
});

/// A page title that names an item already read, alone at the top of a page or with the
/// aspect the page shows and its page number (`…の推進（施策の概要） 13`): the page belongs
/// to that measure, or to the policy itself when the title names the policy.
fn aspect_title_at(
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
const NAME_TAIL_CHARS: usize = 6;

/// A circled-number item whose name is a program's (`③電波有効利用研究開発` / `プログラム`,
/// `①基地局施設整備事業`), with the line its name ends on.
fn numbered_program_at(text: &DocText, index: usize) -> Option<(String, usize)> {
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
fn read_numbered_programs(
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
fn split_leading_tag(title: &str) -> (String, Option<String>) {
    if let Some((head, rest)) = title.split_once(' ') {
        let rest = rest.trim();
        if head.chars().count() <= 8 && rest.chars().count() > head.chars().count() + 4 {
            return (rest.to_string(), Some(head.to_string()));
        }
    }
    (title.to_string(), None)
}

static BUDGET_PHRASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s*[（(]?\s*(?:R\s*\d+|令和\s*\d+\s*年度)[^。]{0,12}?(?:予算|補正|計画額|財政投融資)[^\s]*.*$")
        .expect("budget phrase")
});

/// Drops a trailing `R５予算額 208百万円` / `（令和５年度予算：8.0億円）` phrase.
fn strip_budget_phrase(text: &str) -> String {
    BUDGET_PHRASE.replace(text, "").trim().to_string()
}

static RUNNING_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:[（(][^）)]*[）)])?\s*政策\s*\d+\s*[：:].*$").expect("running header")
});

/// A circled-number label that opens a page or a slide (`①政策評価の推進`, `③… 6`, or the
/// label line just after a 第Ⅱ部 divider); running `政策N：…` headers are cut off.
fn circled_label_at(text: &DocText, index: usize) -> Option<(String, usize)> {
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
fn bullet_measure_at(text: &DocText, index: usize) -> Option<(String, usize)> {
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

static PAGE_REF_ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"([^、（(]+?)\s*[（(]p\d+[）)]").expect("page ref item"));

/// Items listed with page references: `地域おこし協力隊(p4)、…`.
fn page_reference_items(text: &DocText, index: usize) -> Vec<(String, usize)> {
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
fn item_type(name: &str) -> NodeType {
    if name.contains("交付金") || name.contains("事業債") || name.ends_with("制度") {
        NodeType::Program
    } else if name.contains("基金") {
        NodeType::Fund
    } else {
        NodeType::Measure
    }
}

fn add_measure(
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

fn link_theme(
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

static NUMBERED_HEADING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[0-9]\s*[．.]\s*(\S.{3,40})$").expect("numbered heading"));
static CIRCLED_ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[①-⑩]\s*([^①-⑩]{4,40})").expect("circled item"));

/// Policy pillars in the 第Ⅰ部 overview: `１．…` headings and `①… ②…` lines → themes.
fn read_pillars(text: &DocText, out: &mut Collector<'_>, section: &PolicySection, policy: &str) {
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
struct ListGroup {
    first: usize,
    last: usize,
    items: Vec<String>,
}

static PAGE_REF: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*[（(]\s*p\s*\d+\s*[）)]").expect("page ref"));

/// Whether a line reads as part of an item list: `、`-separated short items, no sentence.
fn is_list_line(line: &str) -> bool {
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
fn read_heading_lists(
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

// ---------------------------------------------------------------------------------------------
// Budgets
// ---------------------------------------------------------------------------------------------

static COMPOUND_OKU: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\d[\d,]*)\s*億$").expect("compound oku"));

/// The last fiscal year named in `text` (`令和5年度`, `R5`, `5年度`).
fn last_fiscal_year(text: &str, allow_calendar_year: bool) -> Option<FiscalYear> {
    let folded = nfkc(text);
    let mut best: Option<(usize, FiscalYear)> = None;
    for m in find_fiscal_years(&folded) {
        if best.is_none_or(|(at, _)| m.start >= at) {
            best = Some((m.start, m.year));
        }
    }
    let reiwa = FiscalYear::reiwa(1)..=FiscalYear::reiwa(40);
    for label in find_year_labels(&folded) {
        if best.is_none_or(|(at, _)| label.start >= at) && reiwa.contains(&label.year) {
            best = Some((label.start, label.year));
        }
    }
    if best.is_none() && allow_calendar_year {
        best = find_era_years(&folded)
            .iter()
            .rfind(|named| named.year >= FiscalYear::reiwa(1))
            .map(|named| (0, named.year));
    }
    best.map(|(_, y)| y)
}

/// The budget kind the text names; plain 予算/予算額 means an initial budget.
fn budget_kind(text: &str) -> Option<BudgetKind> {
    let folded = nfkc(text);
    if folded.contains("出資金") || (folded.contains("計画額") && !folded.contains("財政投融資"))
    {
        return Some(BudgetKind::Other);
    }
    BudgetKind::detect(&folded).or_else(|| folded.contains("予算").then_some(BudgetKind::Initial))
}

/// Whether the text beside an amount marks it as a cap, a scale or a market size.
fn is_not_a_budget(before: &str, after: &str) -> bool {
    let after = nfkc(after);
    let after = after.trim_start();
    let before = nfkc(before);
    let before = before.trim_end();
    ["程度", "以下", "以上", "上限", "/人", "/年", "規模"]
        .iter()
        .any(|w| after.starts_with(w))
        || before.ends_with(['～', '〜', '~'])
        || before.ends_with("上限")
        || before.ends_with("上限額")
}

struct FoundAmount {
    oku: Decimal,
    start: usize,
    end: usize,
}

/// Amounts in 億円/百万円/兆円 on one line, with `849億2,200万円` read as one amount.
fn budget_amounts(line: &str) -> Vec<FoundAmount> {
    let mut found = Vec::new();
    for m in find_amounts(line) {
        let unit_text = nfkc(m.text(line));
        if unit_text.ends_with("億円")
            || unit_text.ends_with("百万円")
            || unit_text.ends_with("千万円")
            || unit_text.contains('兆')
        {
            found.push(FoundAmount {
                oku: m.oku,
                start: m.start,
                end: m.end,
            });
        } else if unit_text.ends_with("万円") {
            let before = nfkc(&line[..m.start]);
            if let Some(caps) = COMPOUND_OKU.captures(before.trim_end()) {
                let whole = caps.get(1).and_then(|n| parse_number(n.as_str()));
                if let Some(oku) = whole {
                    let start = line[..m.start]
                        .rfind(|c: char| {
                            !(c.is_ascii_digit()
                                || c == ','
                                || c == '億'
                                || c.is_whitespace()
                                || ('０'..='９').contains(&c))
                        })
                        .map(|p| p + line[p..].chars().next().map(char::len_utf8).unwrap_or(1))
                        .unwrap_or(0);
                    found.push(FoundAmount {
                        oku: oku + m.oku,
                        start,
                        end: m.end,
                    });
                }
            }
        }
    }
    found
}

/// Reads every budget amount of a policy section.
fn read_budgets(
    text: &DocText,
    out: &mut Collector<'_>,
    section: &PolicySection,
    ctx: &SectionContext,
) {
    for i in section.start..section.end {
        let line = text.raw(i);
        let amounts = budget_amounts(line);
        let mut previous: Option<(FiscalYear, BudgetKind)> = None;
        let mut previous_end = 0usize;
        for (k, amount) in amounts.iter().enumerate() {
            let segment = line.get(previous_end..amount.start).unwrap_or("");
            let next_start = amounts.get(k + 1).map(|a| a.start).unwrap_or(line.len());
            let tail = line.get(amount.end..next_start).unwrap_or("");
            previous_end = amount.end;
            if is_not_a_budget(segment, tail) {
                continue;
            }
            let reading = read_year_and_kind(text, i, segment, previous, k == 0);
            let Some((year, kind, lookback)) = reading else {
                continue;
            };
            if nfkc(segment).contains("総額") {
                out.unparsed(text.source(i, line.get(amount.start..amount.end).unwrap_or("")));
                continue;
            }
            previous = Some((year, kind));
            let mut figure = BudgetFigure::new(Some(amount.oku), year, kind);
            let qualifier_text: String = tail.chars().take(12).collect();
            let (inclusive, flags) = detect_qualifiers(&qualifier_text);
            figure.inclusive = inclusive;
            figure.flags = flags;
            let (item_id, item_line) = budget_item(text, out, section, ctx, i, amount, lookback);
            add_budget(text, out, &figure, &item_id, i, item_line, amount);
            if inclusive {
                link_inclusive_program(text, out, i, amount, &item_id);
            }
        }
    }
}

/// Fiscal year and kind for an amount: from its own segment, the amount before it on the
/// line, or up to two label lines above. Returns the line the label was found on.
fn read_year_and_kind(
    text: &DocText,
    index: usize,
    segment: &str,
    previous: Option<(FiscalYear, BudgetKind)>,
    first_on_line: bool,
) -> Option<(FiscalYear, BudgetKind, Option<usize>)> {
    let kind = budget_kind(segment);
    let year = last_fiscal_year(segment, false);
    match (year, kind) {
        (Some(y), Some(k)) => return Some((y, k, None)),
        (None, None) if !first_on_line => {
            return previous.map(|(y, k)| (y, k, None));
        }
        _ => {}
    }
    let mut context = segment.to_string();
    let mut label_line = None;
    if first_on_line {
        for j in text.before(index, 2) {
            if text.page_of(j) != text.page_of(index) || !budget_amounts(text.raw(j)).is_empty() {
                break;
            }
            let above = text.cleaned(j);
            if budget_kind(above).is_some() || last_fiscal_year(above, false).is_some() {
                context = format!("{above} {context}");
                label_line = Some(j);
            }
        }
    }
    let kind = budget_kind(&context)?;
    let year = last_fiscal_year(&context, false).or_else(|| {
        (kind == BudgetKind::Other)
            .then(|| {
                text.after(index, 3)
                    .into_iter()
                    .find_map(|j| last_fiscal_year(text.cleaned(j), true))
            })
            .flatten()
    })?;
    Some((year, kind, label_line))
}

/// The item an amount belongs to: a name on its own line, a name line just above, the
/// page's slide title, or the policy.
fn budget_item(
    text: &DocText,
    out: &mut Collector<'_>,
    section: &PolicySection,
    ctx: &SectionContext,
    index: usize,
    amount: &FoundAmount,
    label_line: Option<usize>,
) -> (String, usize) {
    let line = text.raw(index);
    let first_start = budget_amounts(line)
        .first()
        .map(|a| a.start)
        .unwrap_or(amount.start);
    let prefix = nfkc(line.get(..first_start.min(amount.start)).unwrap_or(""));
    let prefix = strip_budget_phrase(&clean_line(&prefix));
    let prefix = prefix.trim_end_matches(['（', '(', '：', ':', ' ']);
    let same_line = tidy_name(prefix.rsplit(['。', '）', '、']).next().unwrap_or(""));
    let tail = nfkc(line.get(amount.end..).unwrap_or(""));
    let inclusive_program = same_line.contains("交付金") && tail.trim_start().starts_with("の内数");
    if is_name_like(&same_line) && !inclusive_program {
        return (add_item(text, out, ctx, &same_line, index), index);
    }
    let start = label_line.unwrap_or(index);
    let mut candidates = vec![start];
    candidates.extend(text.before(start, 2));
    for j in candidates {
        if j == index || text.page_of(j) != text.page_of(index) {
            continue;
        }
        if !budget_amounts(text.raw(j)).is_empty() {
            break;
        }
        let label = text.cleaned(j);
        let labelled = budget_kind(label).is_some() || label.starts_with(['○', '●']);
        let name = tidy_name(&strip_budget_phrase(label));
        if labelled && is_name_like(&name) && !name.contains(['、', ':', '：']) {
            return (add_item(text, out, ctx, &name, j), j);
        }
    }
    match ctx.governing(section, index) {
        Some(id) => (id, index),
        None => (ctx.policy.clone(), index),
    }
}

fn add_item(
    text: &DocText,
    out: &mut Collector<'_>,
    ctx: &SectionContext,
    name: &str,
    line: usize,
) -> String {
    add_measure(text, out, name, line, &ctx.policy)
}

fn add_budget(
    text: &DocText,
    out: &mut Collector<'_>,
    figure: &BudgetFigure,
    item_id: &str,
    index: usize,
    item_line: usize,
    amount: &FoundAmount,
) {
    let item_name = out.node_name(item_id).unwrap_or_default().to_string();
    let amount_text = text.raw(index).get(amount.start..amount.end).unwrap_or("");
    let source = if item_line == index {
        text.source(index, text.raw(index).trim())
    } else {
        text.span_source(item_line.min(index), item_line.max(index))
    };
    let oku = figure
        .amount_oku
        .map(|a| a.normalize().to_string())
        .unwrap_or_default();
    let name = format!(
        "{} {} {} {}億円",
        item_name,
        figure.fiscal_year.label(),
        figure.kind.as_str(),
        oku
    );
    let mut draft = NodeDraft::new(NodeType::Budget, &name, source.clone());
    draft.id = crate::graph::model::node_id(NodeType::Budget, &figure.id_key(&item_name));
    draft.props = figure.to_props();
    draft.props.insert("item".into(), item_name.clone().into());
    draft.props.insert("amount_text".into(), amount_text.into());
    let id = out.node_draft(draft);
    out.edge(item_id, Rel::HasBudget, &id, source);
}

/// `地域経済循環創造事業交付金 5.8億円の内数` → the item is funded by that program.
fn link_inclusive_program(
    text: &DocText,
    out: &mut Collector<'_>,
    index: usize,
    amount: &FoundAmount,
    item: &str,
) {
    let prefix = nfkc(text.raw(index).get(..amount.start).unwrap_or(""));
    let name = tidy_name(&strip_budget_phrase(prefix.trim()));
    if is_name_like(&name) {
        let program = out.node(
            item_type_program(&name),
            &name,
            text.source(index, name.as_str()),
        );
        out.edge(
            item,
            Rel::FundedBy,
            &program,
            text.source(index, name.as_str()),
        );
    }
}

fn item_type_program(name: &str) -> NodeType {
    match item_type(name) {
        NodeType::Measure => NodeType::Program,
        other => other,
    }
}

// ---------------------------------------------------------------------------------------------
// Indicators
// ---------------------------------------------------------------------------------------------

fn is_empty_cell(cell: &str) -> bool {
    matches!(cell, "-" | "ー" | "－" | "―" | "‐" | "—")
}

/// `【目標：…】` marks, year tables of targets and actuals, indicator headings with targets
/// by due date, and targets stated in text.
fn read_indicators(
    text: &DocText,
    out: &mut Collector<'_>,
    section: &PolicySection,
    ctx: &SectionContext,
) {
    for i in section.start..section.end {
        if let Some(target) = target_mark(text.cleaned(i))
            && let Some((name, name_line)) = indicator_label_above(text, i)
        {
            let values = IndicatorValues {
                target: Some(target.to_string()),
                ..IndicatorValues::default()
            };
            let subject = ctx.subject(section, i);
            let indicator = FoundIndicator::new(&values, None, &[], None);
            add_indicator(
                out,
                Some(&subject),
                &name,
                indicator,
                text.span_source(name_line, i),
            );
        }
    }
    let lines: Vec<&str> = (section.start..section.end)
        .map(|i| text.cleaned(i))
        .collect();
    for found in indicators_in_tables(&lines) {
        let first = section.start + found.first;
        let last = section.start + found.last;
        let subject = nearest_bullet_measure(text, out, section, ctx, first);
        let name = if found.row_label {
            let owner = out.node_name(&subject).unwrap_or_default();
            format!("{owner} {}", found.name)
        } else {
            tidy_name(&found.name)
        };
        if !is_name_like(&name) {
            continue;
        }
        let indicator =
            FoundIndicator::new(&found.values, None, &found.planned, found.unit.as_deref());
        add_indicator(
            out,
            Some(&subject),
            &name,
            indicator,
            text.span_source(first, last),
        );
    }
    for found in dated_targets(&lines) {
        let first = section.start + found.name_line;
        let last = section.start + found.last;
        let subject = ctx.subject(section, first);
        let indicator = FoundIndicator::new(&found.values, None, &found.steps, None);
        let source = text.span_source(first, last);
        let id = add_indicator(
            out,
            Some(&subject),
            &tidy_name(&found.name),
            indicator,
            source.clone(),
        );
        if let Some(plan) = ctx.plan(section, first) {
            out.edge(plan, Rel::Targets, &id, source);
        }
    }
    for i in section.start..section.end {
        let joined = joined_with_next(text, i);
        let Some(statement) = target_statement(&joined) else {
            continue;
        };
        let name = tidy_name(&statement.name);
        if !is_name_like(&name) || !text.cleaned(i).contains(statement.name.as_str()) {
            continue;
        }
        let on_its_line = target_statement(text.cleaned(i)).is_some_and(|own| own == statement);
        let last = text
            .after(i, 1)
            .first()
            .copied()
            .filter(|n| *n <= i + 2 && !on_its_line)
            .unwrap_or(i);
        let subject = ctx.subject(section, i);
        let indicator = FoundIndicator::new(&statement.values, Some(&statement.due), &[], None);
        add_indicator(
            out,
            Some(&subject),
            &name,
            indicator,
            text.span_source(i, last),
        );
    }
}

/// The `・name` label (possibly over two lines) just above a `【目標：…】` mark.
fn indicator_label_above(text: &DocText, index: usize) -> Option<(String, usize)> {
    let above = text.before(index, 3);
    let mut parts: Vec<String> = Vec::new();
    for j in above {
        let l = text.cleaned(j);
        if l.starts_with('（') || l.starts_with('(') || l.starts_with('【') {
            return None;
        }
        parts.insert(0, l.to_string());
        if l.starts_with('・') || l.starts_with('○') {
            let name = tidy_name(&parts.concat());
            return is_name_like(&name).then_some((name, j));
        }
    }
    None
}

/// The `○measure` bullet a table sits under (within a few lines), else the governing measure.
fn nearest_bullet_measure(
    text: &DocText,
    out: &mut Collector<'_>,
    section: &PolicySection,
    ctx: &SectionContext,
    index: usize,
) -> String {
    for j in text.before(index, 3) {
        let l = text.cleaned(j);
        if l.starts_with('○') {
            let name = tidy_name(l);
            if is_name_like(&name) {
                return add_measure(text, out, &name, j, &ctx.policy);
            }
        }
    }
    ctx.subject(section, index)
}

static CHECK_ROW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[✓✔☑]\s*(?P<name>.+?)\s*(?:＜[^＞]*＞|<[^>]*>)?\s*(?P<mark>[○－ー-])\s*(?P<kpi>.*)$",
    )
    .expect("check row")
});
static PAREN_TARGET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[（(](.+?)[）)]?$").expect("paren target"));

/// KPI table rows `✓業務 ○ KPI` with the KPI and its target on the following lines.
fn read_kpi_rows(
    text: &DocText,
    out: &mut Collector<'_>,
    section: &PolicySection,
    ctx: &SectionContext,
) {
    for i in section.start..section.end {
        let line = text.cleaned(i);
        let Some(caps) = CHECK_ROW.captures(line) else {
            continue;
        };
        let raw_name = caps.name("name").map(|m| m.as_str()).unwrap_or("");
        let name = raw_name
            .trim_end_matches("(再掲)")
            .trim_end_matches("（再掲）")
            .trim()
            .to_string();
        if !is_name_like(&name) {
            continue;
        }
        let measure = add_measure(text, out, &name, i, &ctx.policy);
        if caps.name("mark").map(|m| m.as_str()) != Some("○") {
            continue;
        }
        let mut kpi = caps
            .name("kpi")
            .map(|m| m.as_str().trim().to_string())
            .unwrap_or_default();
        let mut target = None;
        let mut last = i;
        let mut paren_open = String::new();
        for j in text.after(i, 4) {
            let l = text.cleaned(j);
            if CHECK_ROW.is_match(l) || l.starts_with('※') {
                break;
            }
            last = j;
            if !paren_open.is_empty() {
                paren_open.push_str(l);
                if l.contains('）') || l.contains(')') {
                    target = PAREN_TARGET
                        .captures(&paren_open)
                        .and_then(|c| c.get(1))
                        .map(|m| m.as_str().to_string());
                    break;
                }
                continue;
            }
            if l.starts_with('（') || l.starts_with('(') {
                if l.contains('）') || l.contains(')') {
                    target = PAREN_TARGET
                        .captures(l)
                        .and_then(|c| c.get(1))
                        .map(|m| m.as_str().to_string());
                    break;
                }
                paren_open = l.to_string();
                continue;
            }
            if l.chars().any(|c| c == '%' || c == '％') && l.chars().count() <= 12 {
                kpi.push_str(
                    l.trim_end_matches(|c: char| c.is_ascii_digit() || c == '%' || c == '.'),
                );
                target = Some(l.to_string());
                break;
            }
            kpi.push_str(l);
        }
        let kpi = kpi.trim().to_string();
        if !is_name_like(&kpi) {
            continue;
        }
        let id = out.node(NodeType::Indicator, &kpi, text.span_source(i, last));
        if let Some(t) = target {
            out.prop(&id, "target", t);
        }
        out.edge(&measure, Rel::EvaluatedBy, &id, text.span_source(i, last));
    }
}

// ---------------------------------------------------------------------------------------------
// Running text: strategies, laws and partners through the shared sentence reader
// ---------------------------------------------------------------------------------------------

/// Paragraphs of running text (wrapped lines joined): the names they hold, linked to the
/// measure they stand under by what the sentence says (based on, works with, funded by).
fn read_mentions(
    text: &DocText,
    out: &mut Collector<'_>,
    section: &PolicySection,
    ctx: &SectionContext,
) {
    let running = |i: usize| (!text.cleaned(i).is_empty()).then(|| text.raw(i));
    for paragraph in mentions::paragraphs(section.start..section.end, running) {
        let subject = ctx.subject(section, paragraph.lines.first - 1);
        let name = out.node_name(&subject).unwrap_or_default().to_string();
        let owner = Owner {
            id: &subject,
            name: &name,
            plan_default: Rel::Implements,
        };
        mentions::read(out, paragraph.lines, &paragraph.text, Some(owner));
    }
}

/// This line's cleaned text joined with the next non-blank one (names broken across lines).
fn joined_with_next(text: &DocText, index: usize) -> String {
    let mut joined = text.cleaned(index).to_string();
    if let Some(next) = text.after(index, 1).first()
        && *next <= index + 2
    {
        joined.push_str(text.cleaned(*next));
    }
    joined
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Corpus, DocKind};
    use proptest::prelude::*;
    use std::path::Path;

    fn doc(text: &str) -> SeedDoc {
        crate::extract::test_support::test_doc(DocKind::PolicyEvaluation, "評価書", text)
    }

    fn names(ex: &Extraction, t: NodeType) -> Vec<String> {
        ex.nodes
            .iter()
            .filter(|n| n.node_type == t)
            .map(|n| n.name.clone())
            .collect()
    }

    fn budgets(ex: &Extraction) -> Vec<(String, String, String)> {
        ex.nodes
            .iter()
            .filter(|n| n.node_type == NodeType::Budget)
            .map(|n| {
                let p = |k: &str| {
                    n.props
                        .get(k)
                        .and_then(|v| v.as_str())
                        .unwrap_or("")
                        .to_string()
                };
                let amount = p("amount_oku_yen")
                    .parse::<Decimal>()
                    .map(|d| d.normalize().to_string())
                    .unwrap_or_default();
                (p("fy"), p("kind"), amount)
            })
            .collect()
    }

    const HEADER: &str = "令和６年度\n主要な政策に係る評価書\n\n政策名 政策７：テスト推進施策\n\n担当部局・課室名 情報流通行政局 地域通信振興課、放送政策課 他２課室\n\n作成責任者名 情報流通行政局地域通信振興課長 山田 太郎\n\n政策評価実施時期 令和６年９月\n";

    #[test]
    fn reads_policy_header_and_agencies() {
        let ex = extract(&doc(HEADER));
        assert_eq!(names(&ex, NodeType::Policy), ["テスト推進施策"]);
        let agencies = names(&ex, NodeType::Agency);
        assert!(agencies.contains(&"情報流通行政局".to_string()));
        assert!(agencies.contains(&"情報流通行政局放送政策課".to_string()));
        assert!(ex.edges.iter().any(|e| e.rel == Rel::Responsible));
        let policy = ex.nodes.iter().find(|n| n.node_type == NodeType::Policy);
        assert_eq!(
            policy
                .and_then(|p| p.props.get("evaluation_date"))
                .and_then(|v| v.as_str()),
            Some("令和6年9月")
        );
    }

    #[test]
    fn page_titles_name_the_item_their_pages_are_about() {
        let text = format!(
            "{HEADER}\n○地域連携の推進\n（R6予算：1.0億円）\n○別の支援策\n（R6予算：2.0億円）\n\n\n\n 地域連携の推進（施策の概要） 5\n「地域活性化計画2030」の実現に向け、連携を支援。\n\n\n\n テスト協力隊の推進\n・受入団体数の割合\n\n\n\n テスト協力隊の推進\n・登録された隊員の人数\n"
        );
        let ex = extract(&doc(&text));
        assert!(
            crate::extract::test_support::has_edge(
                &ex,
                "地域連携の推進",
                Rel::Implements,
                "地域活性化計画2030"
            ),
            "{:?}",
            ex.edges
        );
        assert!(names(&ex, NodeType::Measure).contains(&"テスト協力隊の推進".to_string()));
        assert!(crate::extract::test_support::has_edge(
            &ex,
            "テスト協力隊の推進",
            Rel::EvaluatedBy,
            "受入団体数の割合"
        ));
    }

    #[test]
    fn circled_items_naming_programs_are_programs_of_their_page() {
        let text = format!(
            "{HEADER}\n○テスト研究支援\n（R6予算：3.0億円）\n①基盤技術創出型\nプログラム\n\n②設備整備事業\n③利用者の声を聞く\n"
        );
        let ex = extract(&doc(&text));
        let programs = names(&ex, NodeType::Program);
        assert!(
            programs.contains(&"基盤技術創出型プログラム".to_string()),
            "{programs:?}"
        );
        assert!(
            programs.contains(&"設備整備事業".to_string()),
            "{programs:?}"
        );
        assert!(!programs.iter().any(|p| p.contains("利用者")));
        assert!(crate::extract::test_support::has_edge(
            &ex,
            "設備整備事業",
            Rel::PartOf,
            "テスト研究支援"
        ));
    }

    #[test]
    fn targets_under_a_plan_title_are_the_plans() {
        let text = format!(
            "{HEADER}\n○テスト整備\n（R6予算：1.0億円）\n\n地域通信整備計画（無線）令和４年３月29日 制定\n③ 光回線世帯カバー率\n\n【2027年度末】\n\n全国95%\n"
        );
        let ex = extract(&doc(&text));
        assert!(
            crate::extract::test_support::has_edge(
                &ex,
                "地域通信整備計画",
                Rel::Targets,
                "光回線世帯カバー率"
            ),
            "{:?}",
            ex.edges
        );
        let plan = ex.nodes.iter().find(|n| n.name == "地域通信整備計画");
        assert_eq!(
            plan.and_then(|p| p.props.get("decided_on"))
                .and_then(|v| v.as_str()),
            Some("2022-03-29")
        );
    }

    #[test]
    fn reads_bullet_budgets_in_pairs() {
        let text =
            format!("{HEADER}\n○地域のデジタル化支援\n（R5補正：12億円、R6予算：３．５億円）\n");
        let ex = extract(&doc(&text));
        let b = budgets(&ex);
        assert!(b.contains(&("R5".into(), "supplementary".into(), "12".into())));
        assert!(b.contains(&("R6".into(), "initial".into(), "3.5".into())));
        assert!(names(&ex, NodeType::Measure).contains(&"地域のデジタル化支援".to_string()));
        for n in &ex.nodes {
            for s in &n.sources {
                let span = (s.line_start..=s.line_end)
                    .map(|l| text.split('\n').nth(l as usize - 1).unwrap_or(""))
                    .collect::<Vec<_>>()
                    .join("\n");
                assert!(span.contains(s.quote.as_str()), "{:?}", s);
            }
        }
    }

    #[test]
    fn label_above_amount_and_units() {
        let text = format!(
            "{HEADER}\n令和５年度補正予算\n40億円\n令和６年度当初予算 250 百万円（新規）\n上限額 年間５６０万円／人\n"
        );
        let ex = extract(&doc(&text));
        let b = budgets(&ex);
        assert!(b.contains(&("R5".into(), "supplementary".into(), "40".into())));
        assert!(b.contains(&("R6".into(), "initial".into(), "2.5".into())));
        assert_eq!(b.len(), 2);
        let new = ex.nodes.iter().any(|n| {
            n.props
                .get("flags")
                .and_then(|v| v.as_array())
                .is_some_and(|a| !a.is_empty())
        });
        assert!(new);
    }

    #[test]
    fn target_tables_become_indicators() {
        let text = format!(
            "{HEADER}\n○テスト事業\n令和４年度 令和５年度 令和６年度 令和９年度\n目標 ー ー ー 120\n実績 30 40 ー ー\n【テスト事業に参加した団体数】\n"
        );
        let ex = extract(&doc(&text));
        let ind = ex.nodes.iter().find(|n| n.node_type == NodeType::Indicator);
        assert_eq!(
            ind.map(|n| n.name.as_str()),
            Some("テスト事業に参加した団体数")
        );
        let props = ind.map(|n| n.props.clone()).unwrap_or_default();
        assert_eq!(props.get("target_year"), Some(&serde_json::json!(2027)));
        assert_eq!(props.get("target"), Some(&serde_json::json!("120")));
        assert_eq!(
            props.get("actuals"),
            Some(&serde_json::json!({"2022": "30", "2023": "40"}))
        );
        assert!(ex.edges.iter().any(|e| e.rel == Rel::EvaluatedBy));
        assert!(ex.edges.iter().any(|e| e.rel == Rel::Targets));
    }

    #[test]
    fn strategies_and_laws() {
        let text = format!(
            "{HEADER}\n○本施策は、「地域デジタル推進計画2030」に基づき実施。\nテスト振興法に基づく施策\n"
        );
        let ex = extract(&doc(&text));
        let s = names(&ex, NodeType::Strategy);
        assert!(s.contains(&"地域デジタル推進計画2030".to_string()));
        assert!(s.contains(&"テスト振興法".to_string()));
        assert!(ex.edges.iter().any(|e| e.rel == Rel::BasedOn));
    }

    #[test]
    fn circled_numbers_survive_cleaning() {
        assert_eq!(clean_line("①周波数の割当て 4"), "①周波数の割当て 4");
        assert_eq!(clean_line("②ＩＣＴ活用"), "②ICT活用");
        let text =
            format!("{HEADER}\n ① テスト評価の推進（制度概要）政策７：テスト推進施策\n本文。\n");
        let ex = extract(&doc(&text));
        assert!(names(&ex, NodeType::Measure).contains(&"テスト評価の推進".to_string()));
    }

    #[test]
    fn overview_lists_belong_to_their_pillars() {
        let text = format!(
            "{HEADER}\n第Ⅰ部 政策の全体像\n\n１．人の流れの創出\n\n３．地域の国際化\n\n交流プログラム（p9）、共生社会の推進\n\n移住支援事業(p4)、交流情\n報センター、集落支援員\n\n２．地域づくり\n\n地域運営組織(p7)、過疎対策(p8)\n"
        );
        let ex = extract(&doc(&text));
        let measures = names(&ex, NodeType::Measure);
        for m in [
            "交流情報センター",
            "集落支援員",
            "共生社会の推進",
            "過疎対策",
        ] {
            assert!(measures.contains(&m.to_string()), "{m}: {measures:?}");
        }
        let part_of = |item: &str, theme: &str| {
            ex.edges.iter().any(|e| {
                e.rel == Rel::PartOf
                    && e.from == crate::graph::model::node_id(NodeType::Measure, item)
                    && e.to == crate::graph::model::node_id(NodeType::Theme, theme)
            })
        };
        assert!(part_of("共生社会の推進", "地域の国際化"));
        assert!(part_of("集落支援員", "人の流れの創出"));
        assert!(part_of("過疎対策", "地域づくり"));
    }

    proptest! {
        #[test]
        fn never_panics(text in "\\PC{0,300}") {
            let _ = extract(&doc(&text));
            let with_header = format!("{HEADER}\n{text}");
            let _ = extract(&doc(&with_header));
        }
    }

    #[test]
    fn real_seed() {
        let corpus = Corpus::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds"));
        let Ok(corpus) = corpus else { return };
        for d in corpus
            .docs
            .iter()
            .filter(|d| d.info.kind == DocKind::PolicyEvaluation)
        {
            let ex = extract(d);
            assert!(names(&ex, NodeType::Policy).len() >= 6);
            assert!(budgets(&ex).len() >= 30);
            for n in &ex.nodes {
                for s in &n.sources {
                    let span = (s.line_start..=s.line_end)
                        .map(|l| d.line(l))
                        .collect::<Vec<_>>()
                        .join("\n");
                    assert!(span.contains(s.quote.as_str()), "{:?}", s);
                }
            }
            for e in &ex.edges {
                for s in &e.sources {
                    let span = (s.line_start..=s.line_end)
                        .map(|l| d.line(l))
                        .collect::<Vec<_>>()
                        .join("\n");
                    assert!(span.contains(s.quote.as_str()), "{:?}", s);
                }
            }
        }
    }
}
