//! 【…】 brackets of a row: top-level segments and the amounts they hold.

use super::*;

/// Splits a bracket's content on top-level `、`, returning byte ranges.
pub(super) fn top_level_segments(content: &str) -> Vec<(usize, usize)> {
    let mut segments = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    for (index, ch) in content.char_indices() {
        match ch {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = depth.saturating_sub(1),
            '、' | ',' if depth == 0 && ch == '、' => {
                segments.push((start, index));
                start = index + ch.len_utf8();
            }
            _ => {}
        }
    }
    segments.push((start, content.len()));
    segments
}

/// Byte offset of the first top-level `：` (or `:`) in `text`.
pub(super) fn top_level_colon(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (index, ch) in text.char_indices() {
        match ch {
            '（' | '(' => depth += 1,
            '）' | ')' => depth = depth.saturating_sub(1),
            '：' | ':' if depth == 0 => return Some(index),
            _ => {}
        }
    }
    None
}

/// Byte offset of the last parenthesis in `text` that is still open at its end.
pub(super) fn unmatched_open(text: &str) -> Option<usize> {
    let mut stack = Vec::new();
    for (index, ch) in text.char_indices() {
        match ch {
            '（' | '(' => stack.push(index),
            '）' | ')' => {
                stack.pop();
            }
            _ => {}
        }
    }
    stack.pop()
}

/// Reads one 【…】 group: programs (`name：`), amounts, their fiscal years and kinds.
/// Returns the hits and the spans (line offsets) of amounts that could not be read.
pub(super) fn parse_bracket(
    content: &str,
    offset: usize,
) -> (Vec<BracketHit>, Vec<(usize, usize)>) {
    let mut hits: Vec<BracketHit> = Vec::new();
    let mut unread = Vec::new();
    let mut item: Option<(String, usize)> = None;
    let new_flag = detect_qualifiers(content).1.contains(&BudgetFlag::New);
    for (seg_start, seg_end) in top_level_segments(content) {
        let segment = &content[seg_start..seg_end];
        let colon = top_level_colon(segment);
        let amounts: Vec<AmountMatch> = find_amounts(segment)
            .into_iter()
            .filter(|a| colon.is_none_or(|c| a.start > c))
            .collect();
        let Some(first) = amounts.first() else {
            continue;
        };
        let mut parent: Option<String> = None;
        if let Some(colon) = colon {
            let name = segment[..colon].trim();
            let lead = segment[..colon].len() - segment[..colon].trim_start().len();
            item = Some((name.to_string(), offset + seg_start + lead));
        } else if item.is_none() || segment[..first.start].trim().chars().count() > 12 {
            let before = &segment[..first.start];
            let (name, parent_name) = match unmatched_open(before) {
                Some(open) => {
                    let inner = &before[open..];
                    let inner = inner.trim_start_matches(['（', '(']).trim();
                    (&before[..open], Some(inner.to_string()))
                }
                None => (before, None),
            };
            let name = name.trim().trim_end_matches(['：', ':']);
            if name.is_empty() {
                for a in &amounts {
                    unread.push((offset + seg_start + a.start, offset + seg_start + a.end));
                }
                continue;
            }
            let lead = segment.len() - segment.trim_start().len();
            item = Some((name.to_string(), offset + seg_start + lead));
            parent = parent_name.filter(|p| !p.is_empty());
        }
        let Some((item_name, item_start)) = item.clone() else {
            continue;
        };
        for (index, amount) in amounts.iter().enumerate() {
            let next = amounts
                .get(index + 1)
                .map(|a| a.start)
                .unwrap_or(segment.len());
            let after = &segment[amount.end..next];
            let previous = hits
                .last()
                .filter(|h| h.item == item_name)
                .map(|h| (h.figure.fiscal_year, h.figure.kind));
            let rest = &content[seg_start + amount.end..];
            let Some((fiscal_year, kind, group_end)) =
                year_and_kind(segment, amount, after, previous, rest)
            else {
                unread.push((
                    offset + seg_start + amount.start,
                    offset + seg_start + amount.end,
                ));
                continue;
            };
            let enclosing = unmatched_open(&segment[..amount.start])
                .map(|o| &segment[o..amount.start])
                .unwrap_or("");
            let deferred = fold_variants(enclosing).contains("国庫債務負担行為");
            let kind = if deferred { BudgetKind::Other } else { kind };
            let mut figure = BudgetFigure::new(Some(amount.oku), fiscal_year, kind);
            figure.inclusive = is_inclusive(after);
            if new_flag {
                figure.flags.insert(BudgetFlag::New);
            }
            let mut extra = Map::new();
            if let Some(parent) = &parent {
                let parent_name = clean_name(parent);
                if !parent_name.is_empty() {
                    extra.insert("parent".into(), Value::String(parent_name));
                }
            }
            if deferred {
                extra.insert("basis".into(), Value::String("国庫債務負担行為".into()));
            }
            if kind == BudgetKind::FiscalInvestment
                && let Some(plan) = financing_plan(segment.get(amount.end..group_end).unwrap_or(""))
            {
                extra.insert("financing".into(), Value::String(plan));
            }
            let label_from = if index == 0 {
                colon.map(|c| c + '：'.len_utf8()).unwrap_or(0)
            } else {
                amounts[index - 1].end
            };
            let label = clean_name(segment.get(label_from..amount.start).unwrap_or(""));
            let label = label.trim_end_matches(['：', ':']).trim();
            if label.ends_with("総額") {
                extra.insert("total".into(), Value::Bool(true));
            } else if !label.is_empty()
                && label.chars().count() <= 12
                && !label.contains("年度")
                && !label.contains(['（', '(', '）', ')'])
            {
                extra.insert("component".into(), Value::String(label.to_string()));
            }
            hits.push(BracketHit {
                item: item_name.clone(),
                item_start,
                amount_end: offset + seg_start + amount.end,
                quote_end: offset + seg_start + group_end,
                figure,
                extra,
            });
        }
    }
    (hits, unread)
}
