//! Shared helpers for the plan and strategy readers: a node/edge collector that merges drafts
//! by id, verbatim sources, name cleaning, Japanese dates and organisation names.

use crate::corpus::SeedDoc;
use crate::graph::model::{EdgeDraft, Extraction, NodeDraft, NodeType, Rel, Source, node_id};
use crate::normalize::{for_matching, nfkc};
use regex::Regex;
use serde_json::Value;
use std::collections::HashMap;
use std::sync::LazyLock;

/// Longest quote kept in a source, in chars.
const MAX_QUOTE_CHARS: usize = 200;

/// Collects nodes and edges for one document, merging drafts that share an id.
pub struct Collector<'a> {
    /// The document being read.
    pub doc: &'a SeedDoc,
    out: Extraction,
    node_index: HashMap<String, usize>,
    edge_index: HashMap<(String, Rel, String), usize>,
}

impl<'a> Collector<'a> {
    /// An empty collector for `doc`.
    pub fn new(doc: &'a SeedDoc) -> Collector<'a> {
        Collector {
            doc,
            out: Extraction::default(),
            node_index: HashMap::new(),
            edge_index: HashMap::new(),
        }
    }

    /// Raw text of line `number` (1-based).
    pub fn line(&self, number: usize) -> &'a str {
        self.doc.line(u32::try_from(number).unwrap_or(u32::MAX))
    }

    /// A source on one line; the quote is shortened and checked against the line, falling
    /// back to the line's own text when it does not stand there verbatim.
    pub fn source(&self, line: usize, quote: &str) -> Source {
        self.source_span(line, line, quote)
    }

    /// A source over lines `start..=end`; the quote must stand in those lines joined by '\n'.
    pub fn source_span(&self, start: usize, end: usize, quote: &str) -> Source {
        let end = end.max(start);
        let text: Vec<&str> = (start..=end).map(|n| self.line(n)).collect();
        let joined = text.join("\n");
        let mut quote = shorten(quote.trim());
        if quote.is_empty() || !joined.contains(quote) {
            quote = shorten(joined.trim());
        }
        Source {
            doc: self.doc.file().to_string(),
            line_start: u32::try_from(start).unwrap_or(u32::MAX),
            line_end: u32::try_from(end).unwrap_or(u32::MAX),
            quote: quote.to_string(),
        }
    }

    /// Adds (or merges into) the node of `node_type` named `name`; returns its id.
    pub fn node(&mut self, node_type: NodeType, name: &str, source: Source) -> String {
        self.node_draft(NodeDraft::new(node_type, name, source))
    }

    /// Adds a draft, merging sources, aliases and missing props into an existing node.
    pub fn node_draft(&mut self, draft: NodeDraft) -> String {
        let id = draft.id.clone();
        match self.node_index.get(&id) {
            Some(&index) => {
                let node = &mut self.out.nodes[index];
                for source in draft.sources {
                    if !node.sources.contains(&source) {
                        node.sources.push(source);
                    }
                }
                for alias in draft.aliases {
                    push_alias(node, &alias);
                }
                for (key, value) in draft.props {
                    node.props.entry(key).or_insert(value);
                }
            }
            None => {
                self.node_index.insert(id.clone(), self.out.nodes.len());
                self.out.nodes.push(draft);
            }
        }
        id
    }

    /// The properties of a node.
    pub fn node_props(&self, id: &str) -> Option<&serde_json::Map<String, Value>> {
        self.node_index.get(id).map(|&i| &self.out.nodes[i].props)
    }

    /// Whether a node with this id exists.
    pub fn has_node(&self, id: &str) -> bool {
        self.node_index.contains_key(id)
    }

    /// The display name of a node.
    pub fn node_name(&self, id: &str) -> Option<&str> {
        self.node_index
            .get(id)
            .map(|&i| self.out.nodes[i].name.as_str())
    }

    /// Adds a source to an existing node.
    pub fn cite(&mut self, id: &str, source: Source) {
        if let Some(&index) = self.node_index.get(id) {
            let sources = &mut self.out.nodes[index].sources;
            if !sources.contains(&source) {
                sources.push(source);
            }
        }
    }

    /// Adds another name to a node.
    pub fn alias(&mut self, id: &str, alias: &str) {
        if let Some(&index) = self.node_index.get(id) {
            push_alias(&mut self.out.nodes[index], alias);
        }
    }

    /// Sets a property unless the node has it already.
    pub fn prop(&mut self, id: &str, key: &str, value: impl Into<Value>) {
        if let Some(&index) = self.node_index.get(id) {
            self.out.nodes[index]
                .props
                .entry(key.to_string())
                .or_insert(value.into());
        }
    }

    /// Adds (or merges into) the edge `from -rel-> to`.
    pub fn edge(&mut self, from: &str, rel: Rel, to: &str, source: Source) {
        self.edge_with(EdgeDraft::new(from, rel, to, source));
    }

    /// Adds an edge draft, merging sources and props into an existing one.
    pub fn edge_with(&mut self, edge: EdgeDraft) {
        if edge.from == edge.to || edge.from.is_empty() || edge.to.is_empty() {
            return;
        }
        let key = (edge.from.clone(), edge.rel, edge.to.clone());
        match self.edge_index.get(&key) {
            Some(&index) => {
                let existing = &mut self.out.edges[index];
                for source in edge.sources {
                    if !existing.sources.contains(&source) {
                        existing.sources.push(source);
                    }
                }
                for (k, v) in edge.props {
                    existing.props.entry(k).or_insert(v);
                }
            }
            None => {
                self.edge_index.insert(key, self.out.edges.len());
                self.out.add_edge(edge);
            }
        }
    }

    /// Records amount-like text that could not be read.
    pub fn unparsed(&mut self, source: Source) {
        if !self.out.unparsed.contains(&source) {
            self.out.unparsed.push(source);
        }
    }

    /// The finished extraction.
    pub fn finish(self) -> Extraction {
        self.out
    }
}

fn push_alias(node: &mut NodeDraft, alias: &str) {
    let alias = alias.trim();
    if alias.is_empty() || alias == node.name || node.aliases.iter().any(|a| a == alias) {
        return;
    }
    node.aliases.push(alias.to_string());
}

/// The first `MAX_QUOTE_CHARS` chars of `text`.
pub fn shorten(text: &str) -> &str {
    match text.char_indices().nth(MAX_QUOTE_CHARS) {
        Some((cut, _)) => &text[..cut],
        None => text,
    }
}

static TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"<[^<>]*>").expect("tag pattern"));

/// Removes HTML tags and markdown bold markers, replacing tags with a space.
pub fn strip_markup(text: &str) -> String {
    TAG.replace_all(text, " ").replace("**", "")
}

/// A display name: markup removed, NFKC, PDF letter-spacing undone, spaces collapsed, list
/// markers trimmed. Spaces survive only between two ASCII words (`Beyond 5G`).
pub fn clean_name(raw: &str) -> String {
    let text = nfkc(&strip_markup(raw));
    let chars: Vec<char> = text.chars().collect();
    let is_word = |c: Option<&char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
    let lone = |i: usize| -> bool {
        !is_word(i.checked_sub(1).and_then(|j| chars.get(j))) && !is_word(chars.get(i + 1))
    };
    let mut out = String::with_capacity(text.len());
    let mut index = 0;
    while index < chars.len() {
        let ch = chars[index];
        if !ch.is_whitespace() {
            out.push(ch);
            index += 1;
            continue;
        }
        let run_start = index;
        while index < chars.len() && chars[index].is_whitespace() {
            index += 1;
        }
        let (Some(prev), Some(next)) = (run_start.checked_sub(1), chars.get(index)) else {
            continue;
        };
        let both_words = chars[prev].is_ascii_alphanumeric() && next.is_ascii_alphanumeric();
        let spaced_letters =
            run_start - prev == 1 && index - run_start == 1 && lone(prev) && lone(index);
        if both_words && !spaced_letters {
            out.push(' ');
        }
    }
    trim_markers(&out).to_string()
}

/// Trims list markers (`- `, `・`, `－`, `○`) and white space from both ends.
pub fn trim_markers(text: &str) -> &str {
    let mut text = text.trim();
    loop {
        let next = text
            .trim_start_matches(['-', '・', '－', '○', '●', '■', '◆', '※', ' ', '\u{3000}'])
            .trim_end_matches(['・', ' ', '\u{3000}']);
        if next == text {
            return text;
        }
        text = next;
    }
}

/// A key for comparing names: matching-normalised with everything but letters and digits removed.
pub fn loose_key(text: &str) -> String {
    for_matching(&strip_markup(text))
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

/// Overlap coefficient of the char bigrams of two loose keys (0.0 ..= 1.0).
pub fn bigram_overlap(a: &str, b: &str) -> f64 {
    let grams = |s: &str| -> Vec<(char, char)> {
        let chars: Vec<char> = loose_key(s).chars().collect();
        let mut grams: Vec<(char, char)> = chars.windows(2).map(|w| (w[0], w[1])).collect();
        grams.sort_unstable();
        grams.dedup();
        grams
    };
    let (ga, gb) = (grams(a), grams(b));
    let smaller = ga.len().min(gb.len());
    if smaller == 0 {
        return 0.0;
    }
    let shared = ga.iter().filter(|g| gb.binary_search(g).is_ok()).count();
    shared as f64 / smaller as f64
}

/// A date found in text, as ISO `YYYY-MM-DD` (or `YYYY-MM`), with its byte span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMatch {
    /// ISO date.
    pub iso: String,
    /// Byte offset of the date.
    pub start: usize,
    /// Byte offset just past the date.
    pub end: usize,
}

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(令和|平成)?\s*(元|\d{1,4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?")
        .expect("date pattern")
});

/// Finds dates: `令和7年5月23日`, `2024 年 6 月 18 日`, `2024年10月` (full-width digits folded).
pub fn find_dates(text: &str) -> Vec<DateMatch> {
    let mut found = Vec::new();
    for caps in DATE.captures_iter(text) {
        let (Some(whole), Some(year), Some(month)) = (caps.get(0), caps.get(2), caps.get(3)) else {
            continue;
        };
        let year: u32 = match year.as_str() {
            "元" => 1,
            digits => match digits.parse() {
                Ok(n) => n,
                Err(_) => continue,
            },
        };
        let year = match caps.get(1).map(|m| m.as_str()) {
            Some("令和") => 2018 + year,
            Some(_) => 1988 + year,
            None if year >= 1900 => year,
            None => continue,
        };
        let Ok(month) = month.as_str().parse::<u32>() else {
            continue;
        };
        if !(1..=12).contains(&month) {
            continue;
        }
        let iso = match caps.get(4).and_then(|d| d.as_str().parse::<u32>().ok()) {
            Some(day) if (1..=31).contains(&day) => format!("{year:04}-{month:02}-{day:02}"),
            _ => format!("{year:04}-{month:02}"),
        };
        found.push(DateMatch {
            iso,
            start: whole.start(),
            end: whole.end(),
        });
    }
    found
}

/// What a parenthesised note after a strategy's name says about its adoption.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Decision {
    /// ISO date.
    pub date: String,
    /// Who decided or published it, as written (`閣議決定` kept whole).
    pub by: Option<String>,
    /// `決定`, `公表`, `時点` (a draft as of that date) or empty.
    pub verb: String,
}

/// Reads `令和7年6月13日閣議決定`, `2024 年 6 月 18 日デジタル行財政改革会議決定`,
/// `令和7年5月23日公表`, `令和6年8月30日総務省`, `令和7年11月4日時点 内閣府…`.
pub fn parse_decision(note: &str) -> Option<Decision> {
    let date = find_dates(note).into_iter().next()?;
    let rest = clean_name(&note[date.end..]);
    let rest = rest.trim();
    let (by, verb) = if rest == "閣議決定" {
        (Some(rest.to_string()), "決定")
    } else if let Some(body) = rest.strip_prefix("時点") {
        (non_empty(body), "時点")
    } else if let Some(body) = rest.strip_suffix("決定") {
        (non_empty(body), "決定")
    } else if let Some(body) = rest.strip_suffix("公表") {
        (non_empty(body), "公表")
    } else if let Some(body) = rest.strip_suffix("策定") {
        (non_empty(body), "策定")
    } else {
        (non_empty(rest), "")
    };
    Some(Decision {
        date: date.iso,
        by,
        verb: verb.to_string(),
    })
}

fn non_empty(text: &str) -> Option<String> {
    let text = trim_markers(text);
    (!text.is_empty()).then(|| text.to_string())
}

/// The agency that a decider string names: `閣議決定` → `閣議`, otherwise the string itself.
pub fn decider_agency(by: &str) -> String {
    by.strip_suffix("決定").unwrap_or(by).to_string()
}

/// Suffixes that close the name of a public body.
const BODY_SUFFIXES: &str = "審議会|委員会|作業班|協議会|検討会|研究会|会議|本部|事務局|推進室|WG|ワーキンググループ|官房|省|庁|府|局|課|室";

static BODY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"[\p{{Han}}\p{{Katakana}}ーA-Za-z・]+?(?:{BODY_SUFFIXES})"
    ))
    .expect("body pattern")
});

/// Bureau-like words that name equipment or generic groups rather than a body.
const NOT_BODIES: [&str; 14] = [
    "基地局",
    "無線局",
    "陸揚局",
    "放送局",
    "中継局",
    "移動局",
    "固定局",
    "部局",
    "府省",
    "省庁",
    "当局",
    "結局",
    "都道府",
    "各省",
];

/// Chars that, right after a suffix, show it was part of another word (課題, 省令, 府県 …).
fn continues_word(suffix_end: char, next: char) -> bool {
    matches!(
        (suffix_end, next),
        ('課', '題' | '金' | '税')
            | ('省', '令' | '力' | 'エ' | '電')
            | ('府', '県')
            | ('局', '所' | '面')
            | ('室', '内' | '温')
    )
}

/// One public body found in text, with its byte span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyMatch {
    /// The name (prefixes 各/全 removed).
    pub name: String,
    /// Byte offset of the name.
    pub start: usize,
    /// Byte offset just past the name.
    pub end: usize,
}

/// Finds names of public bodies closed by a generic suffix (審議会, 委員会, 省, 局, 課 …).
/// Consecutive names (`総務省国際戦略局技術政策課`, `…委員会の…作業班`) come out in order.
pub fn find_bodies(text: &str) -> Vec<BodyMatch> {
    let mut found = Vec::new();
    for m in BODY.find_iter(text) {
        let last = m.as_str().chars().next_back().unwrap_or(' ');
        if text[m.end()..]
            .chars()
            .next()
            .is_some_and(|next| continues_word(last, next))
        {
            continue;
        }
        let mut start = m.start();
        let mut name = m.as_str();
        let after_number = text[..start]
            .trim_end()
            .ends_with(|c: char| c.is_ascii_digit());
        loop {
            let prefix = ["各", "全", "同", "・"]
                .into_iter()
                .chain(
                    ["年", "月", "日", "度"]
                        .into_iter()
                        .filter(|_| after_number),
                )
                .find(|p| name.starts_with(p));
            let Some(prefix) = prefix else { break };
            start += prefix.len();
            name = &name[prefix.len()..];
        }
        let name = name.trim_start_matches('・');
        if name.chars().count() < 3
            || name.starts_with("関係")
            || name.matches('・').count() > 1
            || NOT_BODIES.iter().any(|w| name.ends_with(w))
            || name.chars().all(|c| c.is_ascii_alphanumeric())
            || name.chars().next().is_some_and(|c| c.is_ascii_digit())
        {
            continue;
        }
        found.push(BodyMatch {
            name: name.to_string(),
            start,
            end: m.end(),
        });
    }
    found
}

/// Splits a run of body names into a chain: each name touching the previous one (or joined
/// by `の` or a space) is part of it. Returns `(child index, parent index)` pairs.
pub fn body_chain(text: &str, bodies: &[BodyMatch]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for index in 1..bodies.len() {
        let (parent, child) = (&bodies[index - 1], &bodies[index]);
        let Some(gap) = text.get(parent.end..child.start) else {
            continue;
        };
        if gap.trim().is_empty() || gap == "の" {
            pairs.push((index, index - 1));
        }
    }
    pairs
}

static LEGAL_BODY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(国立研究開発法人|独立行政法人|株式会社|一般社団法人|一般財団法人|公益社団法人|公益財団法人|[（(]公社[）)]|[（(]一社[）)]|[（(]独[）)])\s*([\p{Han}\p{Katakana}ーA-Za-z0-9・/]+)(?:\s*[（(]([A-Za-z][A-Za-z/\-]*)[）)])?",
    )
    .expect("legal body pattern")
});

/// A body written with its legal form (`国立研究開発法人情報通信研究機構(NICT)`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LegalBody {
    /// Full name with the legal form, or the bare name for `（公社）…`.
    pub name: String,
    /// The name without its legal form.
    pub short: String,
    /// Abbreviation given in parentheses.
    pub abbreviation: Option<String>,
    /// Byte span of the whole match.
    pub start: usize,
    /// Byte offset just past the match.
    pub end: usize,
}

/// Finds bodies written with a legal form and an optional abbreviation.
pub fn find_legal_bodies(text: &str) -> Vec<LegalBody> {
    LEGAL_BODY
        .captures_iter(text)
        .filter_map(|caps| {
            let whole = caps.get(0)?;
            let form = caps.get(1)?.as_str();
            let short = caps.get(2)?.as_str().trim_end_matches('・');
            if short.chars().count() < 2 {
                return None;
            }
            let name = if form.starts_with(['（', '(']) {
                short.to_string()
            } else {
                format!("{form}{short}")
            };
            Some(LegalBody {
                name,
                short: short.to_string(),
                abbreviation: caps.get(3).map(|m| m.as_str().to_string()),
                start: whole.start(),
                end: whole.end(),
            })
        })
        .collect()
}

static ACRONYM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[A-Z](?: ?[A-Z]){2,7}").expect("acronym pattern"));

/// What may follow an acronym that names an acting body.
const ACTOR_CONTEXT: [&str; 12] = [
    "が",
    "において",
    "による",
    "を中心",
    "を中核",
    "から",
    "へ",
    "及び",
    "と連携",
    "とも連携",
    "等の政府系",
    "(小金井)",
];

/// Acronyms used as acting bodies (`NICTが開発`, `N I C T において`, `JBIC 等の政府系金融機関`),
/// letter-spacing removed, with byte spans.
pub fn find_actor_acronyms(text: &str) -> Vec<(String, usize, usize)> {
    ACRONYM
        .find_iter(text)
        .filter_map(|m| {
            let glued = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
            if glued(text[..m.start()].chars().next_back()) || glued(text[m.end()..].chars().next())
            {
                return None;
            }
            let after = text[m.end()..].trim_start();
            if !ACTOR_CONTEXT.iter().any(|c| after.starts_with(c)) {
                return None;
            }
            let name: String = m.as_str().chars().filter(|c| !c.is_whitespace()).collect();
            Some((name, m.start(), m.end()))
        })
        .collect()
}

/// The id an agency node gets.
pub fn agency_id(name: &str) -> String {
    node_id(NodeType::Agency, name)
}

/// Byte offset of the char boundary at or before `index`.
pub fn floor_boundary(text: &str, mut index: usize) -> usize {
    index = index.min(text.len());
    while index > 0 && !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// Replaces HTML tags with spaces of the same byte length, so offsets stay valid.
pub fn strip_tags_keep_len(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_tag = false;
    for ch in text.chars() {
        if ch == '<' {
            in_tag = true;
        }
        if in_tag {
            out.extend(std::iter::repeat_n(' ', ch.len_utf8()));
        } else {
            out.push(ch);
        }
        if ch == '>' {
            in_tag = false;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_name_undoes_letter_spacing() {
        assert_eq!(
            clean_name("データセンター等におけるA P Nの整備"),
            "データセンター等におけるAPNの整備"
        );
        assert_eq!(
            clean_name("デジタルインフラ整備計画 2 0 3 0"),
            "デジタルインフラ整備計画2030"
        );
        assert_eq!(
            clean_name("革新的情報通信技術 (Beyond 5G (6G)) 基金事業"),
            "革新的情報通信技術(Beyond 5G(6G))基金事業"
        );
        assert_eq!(clean_name("<p>・エッジ AI の普及</p>"), "エッジAIの普及");
        assert_eq!(clean_name("I o T 機器"), "IoT機器");
    }

    #[test]
    fn dates_and_decisions() {
        let d = parse_decision("令和7年6月13日閣議決定").unwrap_or_default();
        assert_eq!(
            (d.date.as_str(), d.by.as_deref()),
            ("2025-06-13", Some("閣議決定"))
        );
        let d = parse_decision("2024 年 6 月 18 日デジタル行財政改革会議決定").unwrap_or_default();
        assert_eq!(d.by.as_deref(), Some("デジタル行財政改革会議"));
        let d = parse_decision("令和7年11月4日時点 内閣府科学技術・イノベーション推進事務局")
            .unwrap_or_default();
        assert_eq!(
            (d.verb.as_str(), d.by.as_deref()),
            ("時点", Some("内閣府科学技術・イノベーション推進事務局"))
        );
        let d = parse_decision("令和7年5月23日公表").unwrap_or_default();
        assert_eq!((d.verb.as_str(), d.by), ("公表", None));
    }

    #[test]
    fn bodies_split_into_chains() {
        let text = "情報通信審議会電波有効利用委員会の電波監視作業班において";
        let bodies = find_bodies(text);
        let names: Vec<&str> = bodies.iter().map(|b| b.name.as_str()).collect();
        assert_eq!(
            names,
            ["情報通信審議会", "電波有効利用委員会", "電波監視作業班"]
        );
        assert_eq!(body_chain(text, &bodies), [(1, 0), (2, 1)]);
        assert!(find_bodies("携帯電話基地局の整備と陸揚局").is_empty());
        let legal = find_legal_bodies("株式会社国際協力銀行（JBIC）等");
        assert_eq!(legal[0].abbreviation.as_deref(), Some("JBIC"));
        let actors = find_actor_acronyms("N I C T において開発、APNを活用");
        assert_eq!(actors.len(), 1);
        assert_eq!(actors[0].0, "NICT");
    }
}
