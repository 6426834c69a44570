//! Text helpers of the line pass: clipping, cells, and the amounts at the end of a heading or
//! in a cost line.

use super::*;

/// At most `max` chars of `text`, cut on a char boundary.
pub(super) fn clip(text: &str, max: usize) -> &str {
    match text.char_indices().nth(max) {
        Some((index, _)) => &text[..index],
        None => text,
    }
}

/// A quote of at most [`MAX_QUOTE_CHARS`] chars from `raw` that contains `needle` if possible.
pub(super) fn window<'t>(raw: &'t str, needle: &str) -> &'t str {
    if raw.chars().count() <= MAX_QUOTE_CHARS {
        return raw;
    }
    let Some(at) = (!needle.is_empty()).then(|| raw.find(needle)).flatten() else {
        return clip(raw, MAX_QUOTE_CHARS);
    };
    let before: Vec<usize> = raw[..at].char_indices().map(|(i, _)| i).collect();
    let keep_before = MAX_QUOTE_CHARS.saturating_sub(needle.chars().count() + 20);
    let start = before
        .len()
        .checked_sub(keep_before)
        .and_then(|i| before.get(i).copied())
        .unwrap_or(0);
    clip(&raw[start..], MAX_QUOTE_CHARS)
}

/// Name normalised for comparing and keying: NFKC without white space.
pub(super) fn norm(name: &str) -> String {
    id_key(name)
}

/// Trims white space and bold markers.
pub(super) fn trim_marks(text: &str) -> &str {
    text.trim_matches(|c: char| c.is_whitespace() || c == '*')
}

/// Whether a piece is only table rule characters.
pub(super) fn is_rule(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| matches!(c, '-' | '|' | ':' | ' ' | '\t' | '—'))
        && text.contains('-')
}

/// Splits a line where a numbering marker follows bold markers (`…**(a) …`).
pub(super) fn split_pieces(line: &str) -> Vec<&str> {
    let mut cuts = vec![0usize];
    for (at, _) in line.match_indices("**") {
        let last = cuts.last().copied().unwrap_or(0);
        if at <= last || trim_marks(&line[last..at]).is_empty() {
            continue;
        }
        if MARKER_AHEAD.is_match(&line[at..]) {
            cuts.push(at);
        }
    }
    cuts.push(line.len());
    cuts.windows(2)
        .map(|w| trim_marks(&line[w[0]..w[1]]))
        .filter(|p| !p.is_empty())
        .collect()
}

/// Table cells of a summary row (tab- or `|`-separated), trimmed and non-empty.
pub(super) fn cells(clean: &str) -> Vec<&str> {
    clean
        .split(['\t', '|'])
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect()
}

pub(super) fn bracket_flags(open: bool, close: bool, text: &str) -> (bool, bool) {
    let tortoise = text.contains('〔') || text.contains('〕');
    (open || close, tortoise)
}

/// Reads an amount tail (`X (Y)`, `[X (Y)]`, `X 億円`, `〔X億円の内数〕`) at the end of `text`.
/// Returns the text before the tail and the figures.
pub(super) fn parse_tail(text: &str, ctx: &YearCtx) -> Option<(String, Vec<FigSpec>)> {
    if let Some(caps) = PAIR_TAIL.captures(text) {
        let all = caps.name("all")?;
        if preceded_by_number(text, all.start()) {
            return None;
        }
        let a = caps.name("a")?;
        let (bracketed, _) = bracket_flags(
            caps.name("open").is_some(),
            caps.name("close").is_some(),
            all.as_str(),
        );
        let mut figs = Vec::new();
        let mut first = BudgetFigure::new(parse_number(a.as_str()), ctx.draft, ctx.kind);
        first.inclusive = caps.name("ai").is_some();
        if bracketed {
            first.flags.insert(BudgetFlag::Bracketed);
        }
        if caps.name("new").is_some() {
            first.flags.insert(BudgetFlag::New);
        }
        figs.push(FigSpec {
            figure: first,
            needle: a.as_str().to_string(),
        });
        if let Some(b) = caps.name("b") {
            let mut second =
                BudgetFigure::new(parse_number(b.as_str()), ctx.previous, BudgetKind::Initial);
            second.inclusive = caps.name("bi").is_some();
            if bracketed {
                second.flags.insert(BudgetFlag::Bracketed);
            }
            figs.push(FigSpec {
                figure: second,
                needle: all.as_str().trim().to_string(),
            });
        }
        return Some((text[..all.start()].trim().to_string(), figs));
    }
    let caps = UNIT_TAIL.captures(text)?;
    let all = caps.name("all")?;
    if preceded_by_number(text, all.start()) {
        return None;
    }
    let a = caps.name("a")?;
    let (bracketed, _) = bracket_flags(
        caps.name("open").is_some(),
        caps.name("close").is_some(),
        all.as_str(),
    );
    let mut figure = BudgetFigure::new(parse_number(a.as_str()), ctx.draft, ctx.kind);
    figure.inclusive = caps.name("ai").is_some();
    if bracketed {
        figure.flags.insert(BudgetFlag::Bracketed);
    }
    Some((
        text[..all.start()].trim().to_string(),
        vec![FigSpec {
            figure,
            needle: a.as_str().to_string(),
        }],
    ))
}

pub(super) fn preceded_by_number(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit() || c == '.' || c == ',')
}

/// A cost line as parsed: the item name, its figures, and whether its amount follows later.
#[derive(Debug, Clone, Default)]
pub(super) struct CostParse {
    pub(super) name: String,
    pub(super) figs: Vec<FigSpec>,
    pub(super) pending: bool,
}

/// Reads `name X億円の内数（後掲） [令和5年度補正予算 Y億円]`, `name：令和5年度補正予算 X億円`,
/// `name：` (amount below) and `令和5年度補正予算 X億円` (amount of a name above).
pub(super) fn parse_cost(text: &str, ctx: &YearCtx) -> CostParse {
    let text = text.trim();
    let amounts = find_amounts(text);
    let Some(first) = amounts.first() else {
        let name = text.trim_end_matches(['：', ':']).trim().to_string();
        return CostParse {
            name,
            figs: Vec::new(),
            pending: true,
        };
    };
    let mut name_end = first.start;
    for stop in ['：', ':', '[', '［'] {
        if let Some(at) = text[..first.start].find(stop) {
            name_end = name_end.min(at);
        }
    }
    let mut name = text[..name_end].trim().to_string();
    let mut previous_end = name_end;
    if opens_with_fiscal_year(&nfkc(&name)) {
        name.clear();
        previous_end = 0;
    }
    let mut figs = Vec::new();
    for (index, found) in amounts.iter().enumerate() {
        let before = &text[previous_end.min(found.start)..found.start];
        let next_start = amounts
            .get(index + 1)
            .map(|m| m.start)
            .unwrap_or(text.len());
        let mut after = &text[found.end..next_start.max(found.end)];
        if let Some(at) = after.find(['[', '［']) {
            after = &after[..at];
        }
        let comparison = index > 0 && before.trim().ends_with(['(', '（']);
        let (fy, kind) = if comparison {
            (ctx.previous, BudgetKind::Initial)
        } else {
            let fy = find_fiscal_years(before)
                .last()
                .map(|m| m.year)
                .unwrap_or(ctx.draft);
            let kind = BudgetKind::detect(before).unwrap_or(if fy == ctx.draft {
                ctx.kind
            } else {
                BudgetKind::Initial
            });
            (fy, kind)
        };
        let (inclusive, flags) = detect_qualifiers(after);
        let mut figure = BudgetFigure::new(Some(found.oku), fy, kind);
        figure.inclusive = inclusive;
        figure.flags = flags
            .into_iter()
            .filter(|f| *f != BudgetFlag::Bracketed)
            .collect();
        figs.push(FigSpec {
            figure,
            needle: found.text(text).to_string(),
        });
        previous_end = found.end;
    }
    CostParse {
        name,
        figs,
        pending: false,
    }
}
