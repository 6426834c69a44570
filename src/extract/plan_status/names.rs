//! Names: what a quoted name is, named strategies, and one spelling per program.

use super::*;

/// `…、モビリティ・ロードマップ等の政府戦略` → the named strategies, with byte spans.
pub(super) fn named_government_strategies(text: &str) -> Vec<(String, usize, usize)> {
    let mut found = Vec::new();
    for (index, _) in text.match_indices("等の政府戦略") {
        let before = &text[..index];
        let start = before
            .rfind(['、', '。', '「', '」', '>', ' '])
            .map(|i| i + before[i..].chars().next().map(char::len_utf8).unwrap_or(1))
            .unwrap_or(0);
        let name = clean_name(&before[start..]);
        if name.chars().count() >= 3 {
            found.push((name, start, index));
        }
    }
    found
}

/// Canonical spelling for each program: spellings that differ only in spacing/punctuation or
/// in one character are one program, written the way it is most often written.
pub(super) fn canonical_names<'n>(names: impl Iterator<Item = &'n str>) -> HashMap<String, String> {
    let mut counts: Vec<(String, String, usize)> = Vec::new();
    for name in names {
        let key = loose_key(name);
        match counts.iter_mut().find(|(k, _, _)| *k == key) {
            Some(entry) => entry.2 += 1,
            None => counts.push((key, name.to_string(), 1)),
        }
    }
    let mut group: Vec<usize> = (0..counts.len()).collect();
    for a in 0..counts.len() {
        for b in (a + 1)..counts.len() {
            if one_char_apart(&counts[a].0, &counts[b].0) {
                let (ga, gb) = (group[a], group[b]);
                for g in group.iter_mut() {
                    if *g == gb {
                        *g = ga;
                    }
                }
            }
        }
    }
    let mut result = HashMap::new();
    for (index, (key, _, _)) in counts.iter().enumerate() {
        let best = (0..counts.len())
            .filter(|&j| group[j] == group[index])
            .max_by_key(|&j| (counts[j].2, usize::MAX - j))
            .unwrap_or(index);
        result.insert(key.clone(), counts[best].1.clone());
    }
    result
}

pub(super) fn one_char_apart(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    a.len() == b.len() && a.len() >= 8 && a.iter().zip(&b).filter(|(x, y)| x != y).count() == 1
}

/// A table program already carrying the same amount, year and kind as a summary item.
pub(super) fn match_existing(
    emitted: &[(String, BudgetFigure)],
    item: &str,
    figure: &BudgetFigure,
) -> Option<String> {
    let mut candidates: Vec<&String> = emitted
        .iter()
        .filter(|(_, f)| {
            f.amount_oku == figure.amount_oku
                && f.fiscal_year == figure.fiscal_year
                && f.kind == figure.kind
        })
        .map(|(name, _)| name)
        .collect();
    candidates.sort();
    candidates.dedup();
    let best = candidates
        .iter()
        .map(|name| (bigram_overlap(name, item), *name))
        .max_by(|a, b| a.0.total_cmp(&b.0))?;
    (candidates.len() == 1 || best.0 >= 0.3).then(|| best.1.clone())
}
