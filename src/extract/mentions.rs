//! Names in a line of running text: agencies, laws, strategies, programs and funds become
//! nodes, linked to the item the line belongs to by what the sentence says (`Xは` → the
//! agency in charge, `Xに基づき` → what the item rests on, `X基金` → what funds it, `X数の推移`
//! → an indicator that evaluates it, `プロジェクト「X」` → an initiative that is part of it).

use crate::extract::collect::Collector;
use crate::extract::indicators::{FoundIndicator, add_indicator};
use crate::extract::recognise::bodies::{
    body_chain, find_acronym_partners, find_acting_organisations, find_bodies, find_legal_bodies,
    opens_with_ministry,
};
use crate::extract::recognise::indicator_phrases::find_indicator_phrases;
use crate::extract::recognise::laws::find_laws;
use crate::extract::recognise::names::clean_name;
use crate::extract::recognise::plans::{PlanForm, PlanMatch, find_drafted_plans, find_plans};
use crate::extract::recognise::programs::{ProgramMatch, find_named_initiatives, find_programs};
use crate::graph::model::{NodeType, Rel};

/// Sentence cues that the law or plan named is what the item rests on.
pub const BASED_ON_CUES: [&str; 8] = [
    "に基づ",
    "を踏まえ",
    "に沿",
    "を根拠",
    "に則",
    "を受け",
    "の遵守",
    "を遵守",
];
/// What a council puts out that an item may rest on (`…検討会の議論を踏まえ`).
pub const COUNCIL_OUTCOMES: [&str; 8] = [
    "議論",
    "報告",
    "答申",
    "提言",
    "取りまとめ",
    "とりまとめ",
    "決定",
    "検討結果",
];
/// Cues right after a plan's name that the item carries the plan out.
const IMPLEMENTS_CUES: [&str; 9] = [
    "の実現",
    "を実現",
    "を推進",
    "の推進",
    "に掲げ",
    "に位置付け",
    "で設定された",
    "の一環",
    "を具体化",
];
/// Shortest unquoted plan kept when it is named only by what the item does to it
/// (`…ガイドラインの見直し`): a shorter one (`事業計画の策定`, `整備計画の改定`) is a generic word.
const MIN_DRAFTED_PLAN_CHARS: usize = 7;
/// How far after a name its cue may start, in chars (`等`, `」`, `及び…` in between).
const CUE_REACH: usize = 6;
/// Sentence cues that the body named works with the item (or the item draws on it:
/// `…を活用し`, `…を通じ`, `…に要請`).
pub const COLLABORATION_CUES: [&str; 6] = ["連携", "協力", "共同", "活用", "を通じ", "要請"];

/// Whether a name is written as a public body (省, 庁, 局, 課, 審議会, 独立行政法人 …).
pub fn is_agency_name(name: &str) -> bool {
    find_bodies(name).iter().any(|b| b.end == name.len())
        || find_legal_bodies(name).iter().any(|b| b.end == name.len())
}

/// The lines a text was read from (1-based, inclusive): one line, or a paragraph joined.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lines {
    /// First line.
    pub first: usize,
    /// Last line.
    pub last: usize,
}

impl Lines {
    /// A single line.
    pub fn one(number: usize) -> Lines {
        Lines {
            first: number,
            last: number,
        }
    }
}

/// Longest paragraph read as one text, in lines.
const PARAGRAPH_LINES: usize = 4;

/// A paragraph of running text: wrapped lines joined into one.
#[derive(Debug, Clone)]
pub struct Paragraph {
    /// The lines it was read from.
    pub lines: Lines,
    /// Its text, the lines trimmed and joined.
    pub text: String,
}

/// Line endings that leave a sentence open, so a quoted name on the next line goes on it
/// (`「…戦略2025」及び` / `「…計画2025」で設定された…`).
const SENTENCE_GOES_ON: [&str; 6] = ["、", "及び", "並びに", "又は", "若しくは", "や"];

/// Whether a char may stand inside a body's name (kanji, katakana, Latin letters).
fn is_name_char(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{30A1}'..='\u{30FA}' | 'ー' | 'A'..='Z' | 'a'..='z')
}

/// Whether a line opens a paragraph of its own (a bullet or a numbered point).
pub fn opens_paragraph(line: &str) -> bool {
    line.starts_with([
        '○', '●', '・', '•', '◆', '■', '□', '◇', '※', '＊', '*', '【', '「',
    ]) || line.starts_with(|c: char| ('①'..='⑳').contains(&c))
}

/// The paragraphs of 0-based lines `range`: runs of lines that `text` gives (it gives
/// `None` for a blank line or one that is not running text), at most four lines long,
/// broken before a bullet. A line opening with a ministry's name is joined after a space, so
/// that no name runs across the break; one blank line inside a quoted name (`「…` then `…」`)
/// is read past, and a line opening with a quoted name goes on a sentence left open (at `、`,
/// `及び`, `や` …). Line numbers in the result are 1-based.
pub fn paragraphs<'t>(
    range: std::ops::Range<usize>,
    text: impl Fn(usize) -> Option<&'t str>,
) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut i = range.start;
    while i < range.end {
        let Some(first_text) = text(i).map(str::trim).filter(|t| !t.is_empty()) else {
            i += 1;
            continue;
        };
        let first = i;
        let mut joined = first_text.to_string();
        while i + 1 < range.end && i + 1 - first < PARAGRAPH_LINES {
            let quote_open = joined.matches('「').count() > joined.matches('」').count();
            let blank = text(i + 1).is_none_or(|t| t.trim().is_empty());
            if blank && quote_open && i + 2 < range.end {
                // A page or column break inside a quoted name: read on past one blank line.
                i += 1;
            }
            let Some(next) = text(i + 1).map(str::trim).filter(|t| !t.is_empty()) else {
                break;
            };
            let sentence_goes_on = SENTENCE_GOES_ON.iter().any(|end| joined.ends_with(end))
                && next.starts_with(['「', '『']);
            if opens_paragraph(next) && !sentence_goes_on {
                break;
            }
            i += 1;
            if opens_with_ministry(next) && joined.ends_with(is_name_char) {
                joined.push(' ');
            }
            joined.push_str(next);
        }
        out.push(Paragraph {
            lines: Lines {
                first: first + 1,
                last: i + 1,
            },
            text: joined,
        });
        i += 1;
    }
    out
}

/// The item a text belongs to, and how a plan named without a cue relates to it.
#[derive(Debug, Clone, Copy)]
pub struct Owner<'o> {
    /// The item's id.
    pub id: &'o str,
    /// The item's name.
    pub name: &'o str,
    /// The relation of a plan named with no cue: `mentions` in running text; a layout that
    /// lists an item's plans (an evaluation sheet) says `implements`.
    pub plan_default: Rel,
}

/// Reads the names in `raw` (the text of `lines`) and links them to `owner`.
pub fn read(c: &mut Collector<'_>, lines: Lines, raw: &str, owner: Option<Owner<'_>>) {
    for sentence in raw.split_inclusive(['。', '．']) {
        read_sentence(c, lines, sentence, owner);
    }
}

fn read_sentence(c: &mut Collector<'_>, lines: Lines, sentence: &str, owner: Option<Owner<'_>>) {
    let owner_name = owner.map_or("", |o| o.name);
    let plan_default = owner.map_or(Rel::Mentions, |o| o.plan_default);
    let based_on = BASED_ON_CUES.iter().any(|cue| sentence.contains(cue));
    let together = COLLABORATION_CUES.iter().any(|cue| sentence.contains(cue));
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let link = |c: &mut Collector<'_>, rel: Rel, target: &str, quote: &str| {
        if let Some(owner) = owner.map(|o| o.id) {
            let source = c.source_span(lines.first, lines.last, quote);
            c.edge(owner, rel, target, source);
        }
    };
    let plans = find_plans(sentence);
    let mut plans_resting_on: Vec<usize> = Vec::new();
    for (index, plan) in plans.iter().enumerate() {
        let name = clean_name(&plan.name);
        if name == owner_name {
            continue;
        }
        let quote = &sentence[plan.start..plan.end];
        let source = c.source_span(lines.first, lines.last, quote);
        let id = c.node(NodeType::Strategy, &name, source);
        if let Some(decision) = &plan.decision {
            c.prop(&id, "decided_on", decision.date.clone());
            if let Some(by) = &decision.by {
                c.prop(&id, "decided_by", by.clone());
            }
        }
        taken.push((plan.start, plan.end));
        let rel = if plan.form == PlanForm::Parenthesised {
            Rel::Implements
        } else {
            let cue_from = coordinated_end(sentence, &plans[index..]);
            plan_rel(sentence, cue_from, based_on, plan_default)
        };
        if rel == Rel::BasedOn {
            plans_resting_on.push(plan.start);
        }
        link(c, rel, &id, quote);
    }
    for plan in find_drafted_plans(sentence) {
        let name = clean_name(&plan.name);
        if name == owner_name
            || name.chars().count() < MIN_DRAFTED_PLAN_CHARS
            || overlaps(&taken, plan.start, plan.end)
        {
            continue;
        }
        let quote = &sentence[plan.start..plan.end];
        let source = c.source_span(lines.first, lines.last, quote);
        let id = c.node(NodeType::Strategy, &name, source);
        taken.push((plan.start, plan.end));
        link(c, Rel::Targets, &id, quote);
    }
    for law in find_laws(sentence) {
        if overlaps(&taken, law.start, law.end) {
            continue;
        }
        let quote = &sentence[law.start..law.end];
        let source = c.source_span(lines.first, lines.last, quote);
        let id = c.node(NodeType::Strategy, &clean_name(&law.name), source);
        c.prop(&id, "kind", "law");
        taken.push((law.start, law.end));
        let rel = if law.numbered {
            Rel::BasedOn
        } else {
            rel_for(based_on, Rel::Mentions)
        };
        link(c, rel, &id, quote);
    }
    for body in find_legal_bodies(sentence) {
        if overlaps(&taken, body.start, body.end) {
            continue;
        }
        let quote = &sentence[body.start..body.end];
        let source = c.source_span(lines.first, lines.last, quote);
        let id = c.node(NodeType::Agency, &clean_name(&body.name), source);
        if let Some(abbreviation) = &body.abbreviation {
            c.alias(&id, abbreviation);
        }
        taken.push((body.start, body.end));
        let rel = agency_rel(sentence, body.end, together);
        let rel = listed_before_a_basis(sentence, body.end, &plans_resting_on).unwrap_or(rel);
        link(c, rel, &id, quote);
    }
    let bodies: Vec<_> = find_bodies(sentence)
        .into_iter()
        .filter(|b| !overlaps(&taken, b.start, b.end))
        .collect();
    let chain = body_chain(sentence, &bodies);
    let mut body_ids = Vec::new();
    for (index, body) in bodies.iter().enumerate() {
        let quote = &sentence[body.start..body.end];
        let source = c.source_span(lines.first, lines.last, quote);
        let id = c.node(NodeType::Agency, &clean_name(&body.name), source);
        let names_a_unit_below = chain.iter().any(|(_, parent)| *parent == index);
        if !names_a_unit_below {
            let rel = agency_rel(sentence, body.end, together);
            let rel = listed_before_a_basis(sentence, body.end, &plans_resting_on).unwrap_or(rel);
            link(c, rel, &id, quote);
        }
        body_ids.push(id);
    }
    for (child, parent) in chain {
        let quote = &sentence[bodies[parent].start..bodies[child].end];
        let source = c.source_span(lines.first, lines.last, quote);
        c.edge(&body_ids[child], Rel::PartOf, &body_ids[parent], source);
    }
    taken.extend(bodies.iter().map(|b| (b.start, b.end)));
    for organisation in find_acting_organisations(sentence) {
        if overlaps(&taken, organisation.start, organisation.end) {
            continue;
        }
        let quote = &sentence[organisation.start..organisation.end];
        let source = c.source_span(lines.first, lines.last, quote);
        let id = c.node(NodeType::Agency, &clean_name(&organisation.name), source);
        taken.push((organisation.start, organisation.end));
        link(
            c,
            agency_rel(sentence, organisation.end, together),
            &id,
            quote,
        );
    }
    for partner in find_acronym_partners(sentence) {
        if overlaps(&taken, partner.start, partner.end) {
            continue;
        }
        let quote = &sentence[partner.start..partner.end];
        let source = c.source_span(lines.first, lines.last, quote);
        let id = c.node(NodeType::Agency, &partner.name, source);
        taken.push((partner.start, partner.end));
        link(c, Rel::CollaboratesWith, &id, quote);
    }
    for program in find_programs(sentence) {
        let name = clean_name(&program.name);
        if name == owner_name || overlaps(&taken, program.start, program.end) {
            continue;
        }
        let quote = &sentence[program.start..program.end];
        let source = c.source_span(lines.first, lines.last, quote);
        let id = c.node(program.node_type, &name, source);
        taken.push((program.start, program.end));
        link(c, program_rel(sentence, &program), &id, quote);
    }
    for initiative in find_named_initiatives(sentence) {
        let name = clean_name(&initiative.name);
        if name == owner_name || overlaps(&taken, initiative.start, initiative.end) {
            continue;
        }
        let quote = &sentence[initiative.start..initiative.end];
        let source = c.source_span(lines.first, lines.last, quote);
        let id = c.node(initiative.node_type, &name, source.clone());
        if let Some(owner) = owner {
            c.edge(&id, Rel::PartOf, owner.id, source);
        }
    }
    for phrase in find_indicator_phrases(sentence) {
        let quote = &sentence[phrase.start..phrase.end];
        let source = c.source_span(lines.first, lines.last, quote);
        let indicator = FoundIndicator::new(&phrase.values, None, &[], None);
        add_indicator(c, owner.map(|o| o.id), &phrase.name, indicator, source);
    }
}

/// Words that join names into one coordinated list (`「A」及び「B」で設定された`).
const COORDINATORS: [&str; 6] = ["及び", "並びに", "や", "と", "、", "・"];

/// Where the list of coordinated names that starts with the first of `plans` ends: the cue
/// after the last name speaks for every name in the list.
fn coordinated_end(sentence: &str, plans: &[PlanMatch]) -> usize {
    let mut end = plans.first().map_or(0, |p| p.end);
    for next in plans.iter().skip(1) {
        let Some(gap) = sentence.get(end..next.start) else {
            break;
        };
        let gap = gap.trim_matches(['」', '「', '』', '『', ' ', '　', '等']);
        if !COORDINATORS.contains(&gap) {
            break;
        }
        end = next.end;
    }
    end
}

/// What the words right after a plan's name say: the item rests on it (`…に基づき`) or
/// carries it out (`…の実現に向け`); else what the sentence says as a whole.
fn plan_rel(sentence: &str, end: usize, based_on: bool, default: Rel) -> Rel {
    let after = sentence.get(end..).unwrap_or("");
    let cue_at = |cues: &[&str]| {
        cues.iter()
            .filter_map(|cue| after.find(cue))
            .map(|at| after[..at].chars().count())
            .min()
            .filter(|chars| *chars <= CUE_REACH)
    };
    match (cue_at(&BASED_ON_CUES), cue_at(&IMPLEMENTS_CUES)) {
        (Some(basis), Some(carry)) if carry < basis => Rel::Implements,
        (Some(_), _) => Rel::BasedOn,
        (None, Some(_)) => Rel::Implements,
        (None, None) => rel_for(based_on, default),
    }
}

/// Cues right after an activity's name that the item carries it out (`…事業の全国展開を推進`).
const CARRY_OUT_CUES: [&str; 4] = ["の全国展開", "の実施", "を実施", "の推進"];

/// How an item relates to a program its text names: an activity (`…事業`) the words after
/// it say the item carries out is one it implements; otherwise the program funds it.
fn program_rel(sentence: &str, program: &ProgramMatch) -> Rel {
    let after = sentence
        .get(program.end..)
        .unwrap_or("")
        .trim_start_matches(['）', ')', '」'])
        .trim_start();
    let after = match after.strip_prefix(['(', '（']) {
        Some(rest) => rest.split_once([')', '）']).map_or(rest, |(_, tail)| tail),
        None => after,
    };
    let activity = program.name.ends_with("事業");
    if activity && CARRY_OUT_CUES.iter().any(|cue| after.starts_with(cue)) {
        Rel::Implements
    } else {
        Rel::FundedBy
    }
}

/// `based_on` when the sentence says the item rests on what it names, else `default`.
fn rel_for(based_on: bool, default: Rel) -> Rel {
    if based_on { Rel::BasedOn } else { default }
}

/// `based_on` for a body listed right before a plan the item rests on (`…閣僚会議や…重点計画
/// 等の決定に基づき`): what the list rests on, the body's decision is part of.
fn listed_before_a_basis(sentence: &str, end: usize, plan_starts: &[usize]) -> Option<Rel> {
    let after = sentence.get(end..)?;
    let rest = after.trim_start_matches(['」', '』']);
    let coordinator = COORDINATORS.iter().find(|c| rest.starts_with(*c))?;
    let rest = &rest[coordinator.len()..];
    let next = rest.trim_start_matches(['「', '『']);
    let next_start = sentence.len() - next.len();
    plan_starts.contains(&next_start).then_some(Rel::BasedOn)
}

/// What a council's outcome named right after it (`…会議の中間とりまとめ`) says of the item:
/// `based_on` when the item rests on it (`…を踏まえ`), else `mentions`; `None` when no
/// outcome follows the name.
pub fn council_outcome_rel(text: &str, end: usize) -> Option<Rel> {
    let after = text.get(end..)?.trim_start_matches(['」', '』']);
    let outcome = after.strip_prefix('の')?.trim_start_matches("中間");
    let word = COUNCIL_OUTCOMES.iter().find(|w| outcome.starts_with(*w))?;
    let rest = outcome[word.len()..].trim_start_matches('等');
    Some(if BASED_ON_CUES.iter().any(|cue| rest.starts_with(cue)) {
        Rel::BasedOn
    } else {
        Rel::Mentions
    })
}

/// The agency written as the sentence's subject (`Xは`, `Xが`) is in charge; one the
/// sentence works with collaborates; any other is mentioned.
fn agency_rel(sentence: &str, end: usize, together: bool) -> Rel {
    let after = sentence[end..].trim_start_matches(['」', '』']);
    if council_outcome_rel(sentence, end) == Some(Rel::BasedOn) {
        Rel::BasedOn
    } else if after.starts_with(['は', 'が']) || after.starts_with("において") {
        Rel::Responsible
    } else if together {
        Rel::CollaboratesWith
    } else {
        Rel::Mentions
    }
}

fn overlaps(taken: &[(usize, usize)], start: usize, end: usize) -> bool {
    taken.iter().any(|(s, e)| *s < end && start < *e)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::DocKind;
    use crate::extract::test_support::{has_edge, quotes_are_verbatim, test_doc};

    /// Reads every paragraph of `text` as running text of one measure.
    fn read_all(text: &str) -> crate::graph::model::Extraction {
        let doc = test_doc(DocKind::Other, "", text);
        let mut c = Collector::new(&doc);
        let source = c.source(1, "テスト施策");
        let owner_id = c.node(NodeType::Measure, "テスト施策", source);
        let lines: Vec<&str> = text.lines().collect();
        let running = |i: usize| lines.get(i).copied();
        for paragraph in paragraphs(0..lines.len(), running) {
            let owner = Owner {
                id: &owner_id,
                name: "テスト施策",
                plan_default: Rel::Mentions,
            };
            read(&mut c, paragraph.lines, &paragraph.text, Some(owner));
        }
        let extraction = c.finish();
        quotes_are_verbatim(&doc, &extraction);
        extraction
    }

    #[test]
    fn wrapped_lines_and_a_break_inside_a_quote_are_one_paragraph() {
        let text = "テスト施策\n• 某庁が開催している「地域交通における安全確保\n\nに関する検討会」の議論を踏まえ、\n周知を行う。\n\n• 別の段落。";
        let found = paragraphs(0..7, |i| text.lines().nth(i));
        let spans: Vec<(usize, usize)> = found
            .iter()
            .map(|p| (p.lines.first, p.lines.last))
            .collect();
        assert_eq!(spans, [(1, 1), (2, 5), (7, 7)]);
        let extraction = read_all(text);
        assert!(has_edge(
            &extraction,
            "テスト施策",
            Rel::BasedOn,
            "地域交通における安全確保に関する検討会"
        ));
    }

    #[test]
    fn a_ministry_opening_a_line_is_not_joined_to_the_word_before() {
        let text = "テスト施策\n• 相談窓口の改善\n総務省相談センターが受け付ける。";
        let extraction = read_all(text);
        let agencies: Vec<&str> = extraction
            .nodes
            .iter()
            .filter(|n| n.node_type == NodeType::Agency)
            .map(|n| n.name.as_str())
            .collect();
        assert!(agencies.contains(&"総務省"), "{agencies:?}");
        assert!(
            !agencies.iter().any(|a| a.starts_with("改善")),
            "{agencies:?}"
        );
    }

    #[test]
    fn a_list_of_plans_broken_after_a_coordinator_reads_as_one_sentence() {
        let text = "テスト施策\n「地域整備戦略2040」及び\n「地域交通計画2040」で設定された目標への\n着実な貢献";
        let found = paragraphs(0..4, |i| text.lines().nth(i));
        assert_eq!(
            found.last().map(|p| (p.lines.first, p.lines.last)),
            Some((2, 4))
        );
        let extraction = read_all(text);
        for plan in ["地域整備戦略2040", "地域交通計画2040"] {
            assert!(
                has_edge(&extraction, "テスト施策", Rel::Implements, plan),
                "{plan}"
            );
        }
    }

    #[test]
    fn cued_plans_bodies_and_indicators_are_linked_to_the_owner() {
        let text = "テスト施策\n• 地域整備計画2040（令和12年６月公表）を踏まえ、整備を進める。\n• 国立研究開発法人テスト研究機構と連携し、実証を行う。\n• 救助隊の登録隊数 1,234隊（令和12年４月１日現在）";
        let extraction = read_all(text);
        assert!(has_edge(
            &extraction,
            "テスト施策",
            Rel::BasedOn,
            "地域整備計画2040"
        ));
        assert!(has_edge(
            &extraction,
            "テスト施策",
            Rel::CollaboratesWith,
            "テスト研究機構"
        ));
        assert!(has_edge(
            &extraction,
            "テスト施策",
            Rel::EvaluatedBy,
            "救助隊の登録隊数"
        ));
    }

    #[test]
    fn a_quoted_name_opening_a_line_goes_on_the_sentence() {
        let text = "テスト施策\n• 財政運営に必要な総額について、「地域財政計画2030」、\n「地域整備方針2031」等を踏まえ、同水準を確保。\n「別の段落」";
        let spans: Vec<(usize, usize)> = paragraphs(0..4, |i| text.lines().nth(i))
            .iter()
            .map(|p| (p.lines.first, p.lines.last))
            .collect();
        assert_eq!(spans, [(1, 1), (2, 3), (4, 4)]);
        let extraction = read_all(text);
        for plan in ["地域財政計画2030", "地域整備方針2031"] {
            assert!(
                has_edge(&extraction, "テスト施策", Rel::BasedOn, plan),
                "{plan}"
            );
        }
    }

    #[test]
    fn an_activity_the_item_carries_out_is_implemented_not_a_funder() {
        let text = "テスト施策\n• 住民相談センター事業(#1234)の全国展開を推進する。\n• 地域連携推進交付金により支援。";
        let extraction = read_all(text);
        assert!(has_edge(
            &extraction,
            "テスト施策",
            Rel::Implements,
            "住民相談センター事業"
        ));
        assert!(has_edge(
            &extraction,
            "テスト施策",
            Rel::FundedBy,
            "地域連携推進交付金"
        ));
    }

    #[test]
    fn a_council_outcome_says_whether_the_item_rests_on_it() {
        let text = "推進会議の中間とりまとめを踏まえ、研究会の報告書を公表し、委員会で議論";
        let end_of = |name: &str| text.find(name).map(|at| at + name.len()).unwrap_or(0);
        assert_eq!(
            council_outcome_rel(text, end_of("推進会議")),
            Some(Rel::BasedOn)
        );
        assert_eq!(
            council_outcome_rel(text, end_of("研究会")),
            Some(Rel::Mentions)
        );
        assert_eq!(council_outcome_rel(text, end_of("委員会")), None);
    }

    #[test]
    fn a_body_the_item_draws_on_is_one_it_works_with() {
        let text =
            "テスト施策\n• 自治体が国立研究開発法人テスト研究機構の設備を活用し、実証を行う。";
        let extraction = read_all(text);
        assert!(has_edge(
            &extraction,
            "テスト施策",
            Rel::CollaboratesWith,
            "テスト研究機構"
        ));
    }

    #[test]
    fn a_council_listed_before_a_basis_is_one_too() {
        let text = "テスト施策\n• 不正利用を防ぐため、犯罪対策推進会議や地域安全の実現に向けた重点計画等の決定に基づき、確認を徹底。";
        let extraction = read_all(text);
        assert!(has_edge(
            &extraction,
            "テスト施策",
            Rel::BasedOn,
            "犯罪対策推進会議"
        ));
        assert!(has_edge(
            &extraction,
            "テスト施策",
            Rel::BasedOn,
            "地域安全の実現に向けた重点計画"
        ));
    }

    #[test]
    fn a_cue_after_a_list_of_plans_speaks_for_each() {
        let text =
            "テスト施策\n• 「地域交通計画2030」及び「港湾整備方針2031」で設定された目標への貢献。";
        let extraction = read_all(text);
        for plan in ["地域交通計画2030", "港湾整備方針2031"] {
            assert!(
                has_edge(&extraction, "テスト施策", Rel::Implements, plan),
                "{plan}: {:?}",
                extraction.edges
            );
        }
    }

    #[test]
    fn a_named_initiative_is_part_of_the_owner() {
        let text = "テスト施策\n• 官民が連携した啓発プロジェクト「みんなのネット安全」を始動。";
        let extraction = read_all(text);
        assert!(has_edge(
            &extraction,
            "みんなのネット安全",
            Rel::PartOf,
            "テスト施策"
        ));
    }

    #[test]
    fn partners_by_acronym_and_organisations_by_what_they_do() {
        let text = "テスト施策\n地方公共団体情報システム機構において運用し、OECD、UNESCO等との連携を図る。";
        let extraction = read_all(text);
        assert!(has_edge(
            &extraction,
            "テスト施策",
            Rel::Responsible,
            "地方公共団体情報システム機構"
        ));
        for partner in ["OECD", "UNESCO"] {
            assert!(
                has_edge(&extraction, "テスト施策", Rel::CollaboratesWith, partner),
                "{partner}"
            );
        }
    }

    #[test]
    fn a_plan_the_item_revises_or_draws_up_is_a_target() {
        let text = "テスト施策\n解決策等を整理し、AI事業者ガイドラインの所要の見直しを行うとともに、事業計画の策定を支援する。";
        let extraction = read_all(text);
        assert!(has_edge(
            &extraction,
            "テスト施策",
            Rel::Targets,
            "AI事業者ガイドライン"
        ));
        assert!(
            !extraction.nodes.iter().any(|n| n.name == "事業計画"),
            "a generic word is no plan"
        );
    }
}
