//! What a 【予算】 block's text holds: amounts, fiscal years, の内数 and flags, in order.

use super::*;

/// Which year and kind an amount belongs to, as read from its position in the block.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Slot {
    /// The amount requested (before any year bracket).
    Main,
    /// A comparison amount after a `N年度` / `N年度補正` token (Reiwa year number).
    Year {
        year: u16,
        era_heisei: bool,
        supplementary: bool,
    },
    /// A `うち…` portion of the amount before it.
    Within { label: String, base: Box<Slot> },
}

/// One amount as read, before the request year is known.
#[derive(Debug, Clone)]
pub(super) struct RawFigure {
    pub(super) slot: Slot,
    pub(super) amount: Option<rust_decimal::Decimal>,
    pub(super) inclusive: bool,
    pub(super) item_request: bool,
    /// `産業投資` / `政府保証`.
    pub(super) component: Option<String>,
    /// Line index of the amount.
    pub(super) line: usize,
}

/// One item of a `【予算】` block: a name and its figures.
#[derive(Debug, Clone, Default)]
pub(super) struct BudgetItem {
    pub(super) name: String,
    pub(super) first_line: usize,
    pub(super) last_line: usize,
    pub(super) figures: Vec<RawFigure>,
    pub(super) new: bool,
    pub(super) relisted: bool,
    pub(super) notes: Vec<(usize, String)>,
    /// Open brackets not yet closed.
    pub(super) open: i32,
}

impl BudgetItem {
    pub(super) fn has_year_figures(&self) -> bool {
        self.figures
            .iter()
            .any(|f| matches!(f.slot, Slot::Year { .. }))
    }
}

/// A `【予算】` block.
#[derive(Debug, Clone)]
pub(super) struct BudgetBlock {
    pub(super) marker_line: usize,
    pub(super) end_line: usize,
    /// The marker is glued to a preceding text box (budget printed before its title).
    pub(super) indented: bool,
    pub(super) kind_hint: Option<BudgetKind>,
    pub(super) items: Vec<BudgetItem>,
}

#[derive(Debug, Clone)]
pub(super) enum Event {
    Amount {
        start: usize,
        end: usize,
        value: Option<rust_decimal::Decimal>,
        inclusive: bool,
        component: Option<String>,
    },
    ItemRequest {
        start: usize,
    },
    Year {
        start: usize,
        year: u16,
        era_heisei: bool,
        supplementary: bool,
    },
    Within {
        start: usize,
        label: String,
    },
}

impl Event {
    pub(super) fn start(&self) -> usize {
        match self {
            Event::Amount { start, .. }
            | Event::ItemRequest { start }
            | Event::Year { start, .. }
            | Event::Within { start, .. } => *start,
        }
    }
}

pub(super) static MARKER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"【\s*予\s*算([^】]{0,20})】").expect("marker pattern"));
pub(super) static AMOUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?P<label>産業投資|政府保証)?\s*(?P<num>[0-9０-９][0-9０-９,，]*(?:[.．][ 　]?[0-9０-９]+)?)\s*(?P<unit>兆円|億円|百万円)(?P<incl>\s*の(?:内数|一部))?",
    )
    .expect("amount pattern")
});
pub(super) static WITHIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"うち(?P<label>[^0-9０-９（）()、。]{0,20}?)\s*[:：]?\s*(?:産業投資|政府保証)?[0-9０-９]",
    )
    .expect("within pattern")
});

/// Reads the amounts, year tokens, 事項要求 and うち portions of one line, in order.
pub(super) fn scan_events(text: &str) -> Vec<Event> {
    let mut events = Vec::new();
    for caps in AMOUNT.captures_iter(text) {
        let (Some(whole), Some(num), Some(unit)) =
            (caps.get(0), caps.name("num"), caps.name("unit"))
        else {
            continue;
        };
        if text[..num.start()]
            .chars()
            .next_back()
            .is_some_and(|c| c.is_ascii_digit() || c == '.' || c == ',')
        {
            continue;
        }
        let digits: String = fold_digits(num.as_str())
            .chars()
            .filter(|c| !c.is_whitespace())
            .collect();
        let value = parse_number(&digits).and_then(|n| to_oku(n, unit.as_str()));
        let start = caps.name("label").map_or(num.start(), |m| m.start());
        events.push(Event::Amount {
            start,
            end: whole.end(),
            value,
            inclusive: caps.name("incl").is_some(),
            component: caps.name("label").map(|m| m.as_str().to_string()),
        });
    }
    for found in text.match_indices("事項要求") {
        events.push(Event::ItemRequest { start: found.0 });
    }
    for found in find_fiscal_years(text) {
        let written = &text[found.start..found.end];
        // A year of four digits (`2025年度`) is a calendar label here, not a budget column.
        if written.chars().filter(|c| c.is_numeric()).count() > 2 {
            continue;
        }
        let heisei = found.year < FiscalYear::reiwa(1);
        let year = if heisei {
            found.year.gregorian() - 1988
        } else {
            found.year.gregorian() - 2018
        };
        events.push(Event::Year {
            start: found.start,
            year,
            era_heisei: heisei,
            supplementary: text[found.end..].trim_start().starts_with("補正"),
        });
    }
    for caps in WITHIN.captures_iter(text) {
        let (Some(whole), Some(label)) = (caps.get(0), caps.name("label")) else {
            continue;
        };
        events.push(Event::Within {
            start: whole.start(),
            label: label.as_str().trim().to_string(),
        });
    }
    events.sort_by_key(Event::start);
    // An amount inside a year token's span (never) or a year inside an amount: drop years
    // that start inside an amount.
    let amount_spans: Vec<(usize, usize)> = events
        .iter()
        .filter_map(|e| match e {
            Event::Amount { start, end, .. } => Some((*start, *end)),
            _ => None,
        })
        .collect();
    events.retain(|e| match e {
        Event::Year { start, .. } => !amount_spans.iter().any(|(s, x)| s <= start && start < x),
        _ => true,
    });
    events
}

/// Whether the first amount of a line reads as a budget figure: what follows it is a
/// bracket, a flag, `＋事項要求`, a note or another figure, never running text.
pub(super) fn main_amount_is_plausible(text: &str, events: &[Event]) -> bool {
    let Some(Event::Amount { end, .. }) = events.first() else {
        return true;
    };
    let rest = text[*end..].trim_start();
    rest.is_empty()
        || rest.starts_with(['（', '(', '【', '＋', '+', '※', '〔', '［'])
        || rest.starts_with("産業投資")
        || rest.starts_with("政府保証")
        || rest.starts_with("事項要求")
}

/// Where the name part of a line ends: before the first figure or the bracket that opens it.
pub(super) fn name_end(text: &str, events: &[Event]) -> usize {
    let Some(first) = events.first() else {
        return text.len();
    };
    let start = first.start();
    match first {
        Event::Year { .. } | Event::Within { .. } => {
            let before = text[..start].trim_end();
            before
                .strip_suffix(['（', '('])
                .map_or(start, |stripped| stripped.len())
        }
        _ => start,
    }
}

/// The item name part of a line: figures, flags and stray brackets removed.
pub(super) fn clean_name_part(text: &str) -> String {
    let without_flags = without_flag_marks(text);
    let trimmed = without_flags
        .trim()
        .trim_end_matches(['＋', '+', '（', '('])
        .trim();
    collapse_spaces(trimmed)
}

pub(super) fn paren_balance(text: &str) -> i32 {
    text.chars().fold(0, |acc, c| match c {
        '（' | '(' => acc + 1,
        '）' | ')' => acc - 1,
        _ => acc,
    })
}

/// A line that can be part of an item name printed over several lines.
pub(super) fn name_like(text: &str) -> bool {
    !text.is_empty()
        && text.chars().count() <= 70
        && !is_bullet(text)
        && !text.contains('。')
        && !text.contains('※')
        && !text.starts_with([
            '【', '＜', '<', '■', '○', '〇', '◎', '①', '②', '③', '④', '⑤', '-', '－', '⇒', '→',
        ])
}

pub(super) fn is_note(text: &str) -> bool {
    text.starts_with('※')
        || (text.starts_with(['（', '(']) && text.contains('※') && scan_events(text).is_empty())
}

pub(super) fn is_flag_only(text: &str) -> bool {
    is_only_flag_marks(text)
}

/// Whether a line carries figures that can start or close an item.
pub(super) fn carries_figures(text: &str) -> bool {
    let events = scan_events(text);
    if events.is_empty() {
        return false;
    }
    match events.first() {
        Some(Event::Amount { .. }) => main_amount_is_plausible(text, &events),
        Some(Event::ItemRequest { .. }) => true,
        Some(Event::Year { .. }) | Some(Event::Within { .. }) => {
            events.iter().any(|e| matches!(e, Event::Amount { .. }))
        }
        None => false,
    }
}

/// Whether name lines starting at `from` lead to a figure line within a few lines.
pub(super) fn figures_ahead(lines: &[Line<'_>], kinds: &[LineKind], from: usize) -> bool {
    let mut seen = 0;
    for index in from..lines.len() {
        match &kinds[index] {
            LineKind::Blank | LineKind::Page => continue,
            LineKind::Other => {}
            _ => return false,
        }
        let text = lines[index].text.as_str();
        if MARKER.is_match(text) {
            return false;
        }
        if carries_figures(text) {
            return true;
        }
        if !name_like(text) {
            return false;
        }
        seen += 1;
        if seen >= 4 {
            return false;
        }
    }
    false
}
