//! Pillar, policy and sub-item headers, with the layout irregularities of converted slides, and
//! the running heading context of every line.

use super::*;

/// What a line is, as far as the slide structure is concerned.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum LineKind {
    Blank,
    Page,
    /// Pillar heading: roman numeral (1-based) and name.
    Pillar(u32, String),
    /// Numbered policy heading.
    Policy(u32, String),
    /// One or more sub-item headings `（n）name` on one line.
    SubItems(Vec<(u32, String)>),
    /// A line that continues the heading above it.
    Continuation,
    Other,
}

impl LineKind {
    pub(super) fn is_heading(&self) -> bool {
        matches!(
            self,
            LineKind::Pillar(..) | LineKind::Policy(..) | LineKind::SubItems(_)
        )
    }
}

pub(super) static SUB_ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[（(]([0-9０-９]{1,2})[）)]").expect("sub-item pattern"));

/// A heading name is plausible when it is not a sentence and not letter-spaced debris.
pub(super) fn plausible_heading_name(name: &str) -> bool {
    let chars = name.chars().count();
    let spaced = name.matches(' ').count();
    (3..=90).contains(&chars)
        && !name.contains('。')
        && !name.contains("億円")
        && spaced * 3 < chars
}

/// A pillar heading (`Ⅱ 信頼できる…`): a Roman numeral char and a space, by the shared
/// numbering grammar.
pub(super) fn pillar_candidate(text: &str) -> Option<(u32, String)> {
    let found = numbered(text).filter(|found| found.style == Style::Roman)?;
    let mut marker = found.marker.chars();
    let numeral = marker.next().filter(|c| ('Ⅰ'..='Ⅹ').contains(c))?;
    if !marker.all(char::is_whitespace) || text.starts_with(char::is_whitespace) {
        return None;
    }
    let name = collapse_spaces(found.title);
    plausible_heading_name(&name).then(|| (roman_value(&numeral.to_string()).unwrap_or(0), name))
}

/// A policy heading (`１．地域の…`, `3 …`): a number closed by a full stop or a space.
pub(super) fn policy_candidate(text: &str) -> Option<(u32, bool, String)> {
    let found = numbered(text).filter(|found| found.style == Style::Digit)?;
    let closed_by_other = found.marker.trim_end().ends_with(['、', ')', '）']);
    if closed_by_other || text.starts_with(char::is_whitespace) {
        return None;
    }
    let number = found.value()?;
    let name = collapse_spaces(found.title);
    let valid = number > 0 && plausible_heading_name(&name) && !name.starts_with(['.', '．']);
    valid.then_some((number, found.ends_with_stop(), name))
}

/// Splits `（３）A（４）B` into its sub-items; the line must start with one.
pub(super) fn sub_item_candidates(text: &str) -> Option<Vec<(u32, String)>> {
    let starts: Vec<regex::Captures<'_>> = SUB_ITEM.captures_iter(text).collect();
    let first = starts.first()?.get(0)?;
    if first.start() != 0 {
        return None;
    }
    let mut items = Vec::new();
    for (index, caps) in starts.iter().enumerate() {
        let whole = caps.get(0)?;
        let end = starts
            .get(index + 1)
            .and_then(|next| next.get(0))
            .map_or(text.len(), |m| m.start());
        let number = parse_small_number(caps.get(1)?.as_str())?;
        let name = collapse_spaces(&text[whole.end()..end]);
        if name.chars().count() < 2 {
            // `（１）` followed by a short fragment belongs to the previous name.
            continue;
        }
        items.push((number, name));
    }
    let valid = !items.is_empty() && items.iter().all(|(_, n)| plausible_heading_name(n));
    valid.then_some(items)
}

/// Whether a heading name stops in the middle of a phrase and continues on the next line.
pub(super) fn heading_is_cut(name: &str) -> bool {
    const OPEN_ENDINGS: [&str; 12] = [
        "・",
        "、",
        "と",
        "の",
        "や",
        "及び",
        "並びに",
        "による",
        "における",
        "に向けた",
        "を",
        "が",
    ];
    OPEN_ENDINGS.iter().any(|e| name.ends_with(e))
}

pub(super) fn next_content(lines: &[Line<'_>], from: usize) -> Option<usize> {
    (from..lines.len()).find(|&i| !lines[i].text.is_empty() && !is_page_number(&lines[i].text))
}

pub(super) fn prev_content(kinds: &[LineKind], before: usize) -> Option<usize> {
    (0..before)
        .rev()
        .find(|&i| !matches!(kinds[i], LineKind::Blank | LineKind::Page))
}

/// Classifies every line; headings are accepted in context (header runs and numbering).
pub(super) fn classify_headings(lines: &[Line<'_>]) -> Vec<LineKind> {
    let mut kinds: Vec<LineKind> = lines
        .iter()
        .map(|l| {
            if l.text.is_empty() {
                LineKind::Blank
            } else if is_page_number(&l.text) {
                LineKind::Page
            } else {
                LineKind::Other
            }
        })
        .collect();
    let mut current_pillar: Option<u32> = None;
    let mut current_policy: Option<u32> = None;
    let mut last_sub: Option<u32> = None;
    let mut index = 0;
    while index < lines.len() {
        if kinds[index] != LineKind::Other {
            index += 1;
            continue;
        }
        let text = lines[index].text.as_str();
        let previous = prev_content(&kinds, index).map(|i| &kinds[i]);
        let after_heading = previous.is_some_and(LineKind::is_heading);
        let after_pillar = matches!(previous, Some(LineKind::Pillar(..)));
        if let Some((numeral, name)) = pillar_candidate(text) {
            kinds[index] = LineKind::Pillar(numeral, name);
            if current_pillar != Some(numeral) {
                current_policy = None;
                last_sub = None;
            }
            current_pillar = Some(numeral);
        } else if let Some((number, has_period, name)) = policy_candidate(text) {
            let before_sub = next_content(lines, index + 1)
                .and_then(|i| sub_item_candidates(&lines[i].text))
                .is_some();
            if after_pillar || (has_period && before_sub) {
                kinds[index] = LineKind::Policy(number, name);
                current_policy = Some(number);
                last_sub = None;
            }
        } else if let Some(items) = sub_item_candidates(text) {
            let first = items.first().map_or(0, |(n, _)| *n);
            let sequential = match last_sub {
                Some(last) => first == last || first == last + 1,
                None => first == 1,
            };
            if current_policy.is_some() && (after_heading || sequential) {
                last_sub = items.last().map(|(n, _)| *n);
                kinds[index] = LineKind::SubItems(items);
            }
        }
        if kinds[index].is_heading() {
            join_cut_heading(lines, &mut kinds, index);
        }
        index += 1;
    }
    kinds
}

/// Appends the next line to a heading whose name is cut mid-phrase.
pub(super) fn join_cut_heading(lines: &[Line<'_>], kinds: &mut [LineKind], index: usize) {
    let Some(next) = next_content(lines, index + 1) else {
        return;
    };
    if next > index + 2 {
        return;
    }
    let follow = lines[next].text.as_str();
    let joinable = follow.chars().count() <= 40
        && !is_bullet(follow)
        && !follow.contains('。')
        && !follow.contains("【")
        && pillar_candidate(follow).is_none()
        && policy_candidate(follow).is_none()
        && sub_item_candidates(follow).is_none();
    if !joinable {
        return;
    }
    let joined = match &mut kinds[index] {
        LineKind::Pillar(_, name) | LineKind::Policy(_, name) if heading_is_cut(name) => {
            *name = join_fragments([name.as_str(), follow]);
            true
        }
        LineKind::SubItems(items) => match items.last_mut() {
            Some((_, name)) if heading_is_cut(name) => {
                *name = join_fragments([name.as_str(), follow]);
                true
            }
            _ => false,
        },
        _ => false,
    };
    if joined {
        kinds[next] = LineKind::Continuation;
    }
}

/// The heading context a line sits in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(super) struct Context {
    pub(super) pillar: Option<u32>,
    pub(super) policy: Option<u32>,
    /// (policy, sub-item number).
    pub(super) sub: Option<(u32, u32)>,
}

/// The context after each line has been read.
pub(super) fn running_contexts(kinds: &[LineKind]) -> Vec<Context> {
    let mut context = Context::default();
    kinds
        .iter()
        .map(|kind| {
            match kind {
                LineKind::Pillar(numeral, _) => {
                    if context.pillar != Some(*numeral) {
                        context = Context {
                            pillar: Some(*numeral),
                            ..Context::default()
                        };
                    } else {
                        context.sub = None;
                    }
                }
                LineKind::Policy(number, _) => {
                    if context.policy != Some(*number) {
                        context.sub = None;
                    }
                    context.policy = Some(*number);
                }
                LineKind::SubItems(items) => {
                    if let (Some(policy), Some((number, _))) = (context.policy, items.last()) {
                        context.sub = Some((policy, *number));
                    }
                }
                _ => {}
            }
            context
        })
        .collect()
}

/// Slide blocks: runs of three or more blank lines separate slides.
pub(super) fn segment_ids(lines: &[Line<'_>], kinds: &[LineKind]) -> Vec<usize> {
    let mut ids = Vec::with_capacity(lines.len());
    let mut id = 0;
    let mut blanks = 0;
    for kind in kinds {
        if matches!(kind, LineKind::Blank) {
            blanks += 1;
        } else {
            if blanks >= 3 {
                id += 1;
            }
            blanks = 0;
        }
        ids.push(id);
    }
    ids
}

/// Canonical names of the headings: the most frequent spelling per number.
#[derive(Debug, Default)]
pub(super) struct HeadingNames {
    pub(super) pillars: BTreeMap<u32, Spellings>,
    pub(super) policies: BTreeMap<u32, Spellings>,
    pub(super) subs: BTreeMap<(u32, u32), Spellings>,
    /// Sub-item match key → every (policy, number) that carries that name.
    pub(super) sub_by_key: HashMap<String, Vec<(u32, u32)>>,
}

#[derive(Debug, Default, Clone)]
pub(super) struct Spellings {
    /// Spelling → (count, first line index).
    pub(super) seen: BTreeMap<String, (usize, usize)>,
}

impl Spellings {
    pub(super) fn add(&mut self, name: &str, index: usize) {
        let entry = self.seen.entry(name.to_string()).or_insert((0, index));
        entry.0 += 1;
    }

    pub(super) fn canonical(&self) -> Option<(&str, usize)> {
        self.seen
            .iter()
            .max_by(|a, b| {
                (a.1.0, a.0.chars().count(), std::cmp::Reverse(a.1.1)).cmp(&(
                    b.1.0,
                    b.0.chars().count(),
                    std::cmp::Reverse(b.1.1),
                ))
            })
            .map(|(name, (_, index))| (name.as_str(), *index))
    }

    pub(super) fn aliases(&self) -> Vec<String> {
        let canonical = self.canonical().map(|(n, _)| n.to_string());
        self.seen
            .keys()
            .filter(|n| Some(*n) != canonical.as_ref())
            .cloned()
            .collect()
    }
}

impl HeadingNames {
    pub(super) fn collect(kinds: &[LineKind]) -> HeadingNames {
        let mut names = HeadingNames::default();
        let mut policy: Option<u32> = None;
        for (index, kind) in kinds.iter().enumerate() {
            match kind {
                LineKind::Pillar(numeral, name) => {
                    names.pillars.entry(*numeral).or_default().add(name, index);
                    policy = None;
                }
                LineKind::Policy(number, name) => {
                    names.policies.entry(*number).or_default().add(name, index);
                    policy = Some(*number);
                }
                LineKind::SubItems(items) => {
                    for (number, name) in items {
                        let key = (policy.unwrap_or(0), *number);
                        names.subs.entry(key).or_default().add(name, index);
                        let ids = names.sub_by_key.entry(match_key(name)).or_default();
                        if !ids.contains(&key) {
                            ids.push(key);
                        }
                    }
                }
                _ => {}
            }
        }
        names
    }

    pub(super) fn pillar(&self, numeral: u32) -> Option<&str> {
        self.pillars.get(&numeral)?.canonical().map(|(n, _)| n)
    }

    pub(super) fn policy(&self, number: u32) -> Option<&str> {
        self.policies.get(&number)?.canonical().map(|(n, _)| n)
    }

    pub(super) fn sub(&self, key: (u32, u32)) -> Option<&str> {
        self.subs.get(&key)?.canonical().map(|(n, _)| n)
    }

    /// The sub-item a slide title names, preferring one under `policy`.
    pub(super) fn sub_named(&self, title: &str, policy: Option<u32>) -> Option<(u32, u32)> {
        let candidates = self.sub_by_key.get(&match_key(title))?;
        candidates
            .iter()
            .find(|(p, _)| Some(*p) == policy)
            .or_else(|| candidates.first())
            .copied()
    }
}
