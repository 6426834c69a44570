//! "Next year's edition": the seeds rewritten as a later edition would differ — fiscal years
//! shifted, numbering typography changed, item wording changed with synonyms — and scored
//! against the dev gold set rewritten the same way. Recall on each variant must stay within
//! two points of the original: the parsers read structure, not this year's text.

mod common;

use regex::{Captures, Regex};
use seisaku::corpus::{Corpus, SeedDoc};
use seisaku::eval::facts::{FactScores, GoldKind, GoldSet, score};
use seisaku::graph::build::build_graph;
use seisaku::vocab::Vocabulary;

/// Largest drop in recall a variant may show, in points.
const MAX_DROP: f64 = 0.02;

fn digits(text: &str) -> u32 {
    let ascii: String = text
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            other => other,
        })
        .collect();
    if ascii == "元" {
        1
    } else {
        ascii.parse().unwrap_or(0)
    }
}

/// Every fiscal year and era date one year later: 令和6年度 → 令和7年度, R6 → R7,
/// ６年度 → 7年度, 2024年度 → 2025年度, 令和7年6月 → 令和8年6月.
fn shift_years(text: &str) -> String {
    static YEARS: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
        Regex::new(r"(令和|平成)(\s*)(\d{1,2}|元)(\s*年)|\b(R|H)(\d{1,2})\b|(\d{1,4})(\s*年度)")
            .expect("year pattern")
    });
    YEARS
        .replace_all(text, |caps: &Captures<'_>| {
            if let (Some(era), Some(space), Some(number), Some(year)) =
                (caps.get(1), caps.get(2), caps.get(3), caps.get(4))
            {
                let next = digits(number.as_str()) + 1;
                return format!("{}{}{next}{}", era.as_str(), space.as_str(), year.as_str());
            }
            if let (Some(era), Some(number)) = (caps.get(5), caps.get(6)) {
                return format!("{}{}", era.as_str(), digits(number.as_str()) + 1);
            }
            match (caps.get(7), caps.get(8)) {
                (Some(number), Some(suffix)) => {
                    let value = digits(number.as_str());
                    let shifted = if !(50..1989).contains(&value) {
                        value + 1
                    } else {
                        value
                    };
                    format!("{shifted}{}", suffix.as_str())
                }
                _ => caps[0].to_string(),
            }
        })
        .into_owned()
}

/// Numbering written in the other width: `１．` ↔ `1.`, `（１）` ↔ `(1)`.
fn swap_numbering_width(text: &str) -> String {
    static NUMBERING: std::sync::LazyLock<Regex> = std::sync::LazyLock::new(|| {
        Regex::new(r"(?m)^(\s*)([（(]?[0-9０-９]{1,2}[)）.．])(\D|$)").expect("numbering pattern")
    });
    let swap = |text: &str| -> String {
        text.chars()
            .map(|c| match c {
                '0'..='9' => char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c),
                '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
                '(' => '（',
                '（' => '(',
                ')' => '）',
                '）' => ')',
                '.' => '．',
                '．' => '.',
                other => other,
            })
            .collect()
    };
    NUMBERING
        .replace_all(text, |caps: &Captures<'_>| {
            format!("{}{}{}", &caps[1], swap(&caps[2]), &caps[3])
        })
        .into_owned()
}

/// Item wording changed with synonyms a later edition might use.
fn reword(text: &str) -> String {
    text.replace("推進", "促進").replace("強化", "拡充")
}

/// The seeds and the gold set both rewritten by `rewrite`.
fn variant(corpus: &Corpus, gold: &GoldSet, rewrite: fn(&str) -> String) -> (Corpus, GoldSet) {
    let docs = corpus
        .docs
        .iter()
        .map(|doc| SeedDoc {
            info: doc.info.clone(),
            lines: doc.lines.iter().map(rewrite).collect(),
        })
        .collect();
    let mut facts = gold.facts.clone();
    for fact in &mut facts {
        fact.quote = rewrite(&fact.quote);
        match &mut fact.kind {
            GoldKind::Budget(budget) => {
                budget.measure = rewrite(&budget.measure);
                budget.fy = rewrite(&budget.fy);
            }
            GoldKind::Entity(entity) => {
                entity.name = rewrite(&entity.name);
                if let Some(aliases) = &mut entity.aliases {
                    for alias in aliases {
                        *alias = rewrite(alias);
                    }
                }
            }
            GoldKind::Relation(relation) => {
                relation.subject = rewrite(&relation.subject);
                relation.object = rewrite(&relation.object);
            }
        }
    }
    let rewritten = Corpus {
        docs,
        content_hash: String::new(),
        library: Default::default(),
        seeds: Default::default(),
    };
    (rewritten, GoldSet::from_facts(facts))
}

fn scores(corpus: &Corpus, vocab: &Vocabulary, gold: &GoldSet) -> FactScores {
    let (graph, _) = build_graph(corpus, vocab);
    score(gold, graph.nodes(), graph.edges())
}

fn assert_close(label: &str, original: &FactScores, changed: &FactScores) {
    let pairs = [
        ("budget", original.budget.recall(), changed.budget.recall()),
        (
            "entity",
            original.entity_total().recall(),
            changed.entity_total().recall(),
        ),
        (
            "relation",
            original.relation_total().recall(),
            changed.relation_total().recall(),
        ),
    ];
    for (measure, before, after) in pairs {
        println!("{label}: {measure} recall {before:.3} → {after:.3}");
        assert!(
            before - after <= MAX_DROP,
            "{label}: {measure} recall fell from {before:.3} to {after:.3}\n{}",
            changed.misses_report(20)
        );
    }
}

fn load() -> (Corpus, Vocabulary, GoldSet) {
    let root = common::root();
    let corpus = Corpus::load(&root.join("seeds")).expect("seeds");
    let vocab = Vocabulary::load(&root.join("seeds/vocabulary.toml")).expect("vocabulary");
    let gold = GoldSet::load_dir(&root.join("tests/fixtures/gold")).expect("gold");
    (corpus, vocab, gold)
}

#[test]
fn rewrites_change_what_they_should() {
    assert_eq!(
        shift_years(
            "令和6年度予算額（案）、R6 (R5)、（６年度補正 1.5億円）、2024年度、令和元年5月"
        ),
        "令和7年度予算額（案）、R7 (R6)、（7年度補正 1.5億円）、2025年度、令和2年5月"
    );
    assert_eq!(
        swap_numbering_width("１．地域\n（２） 基盤\n3. 人材\n54.9億円"),
        "1.地域\n(2) 基盤\n３． 人材\n54.9億円"
    );
    assert_eq!(reword("地域の推進と強化"), "地域の促進と拡充");
}

#[test]
fn next_years_edition_with_shifted_fiscal_years() {
    let (corpus, vocab, gold) = load();
    let original = scores(&corpus, &vocab, &gold);
    let (shifted, shifted_gold) = variant(&corpus, &gold, shift_years);
    assert_close("years", &original, &scores(&shifted, &vocab, &shifted_gold));
}

#[test]
fn next_years_edition_with_other_numbering_typography() {
    let (corpus, vocab, gold) = load();
    let original = scores(&corpus, &vocab, &gold);
    let (swapped, swapped_gold) = variant(&corpus, &gold, swap_numbering_width);
    assert_close(
        "numbering",
        &original,
        &scores(&swapped, &vocab, &swapped_gold),
    );
}

#[test]
fn next_years_edition_with_reworded_items() {
    let (corpus, vocab, gold) = load();
    let original = scores(&corpus, &vocab, &gold);
    let (reworded, reworded_gold) = variant(&corpus, &gold, reword);
    assert_close(
        "wording",
        &original,
        &scores(&reworded, &vocab, &reworded_gold),
    );
}
