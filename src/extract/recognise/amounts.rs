//! Money in context: the fiscal year and kind a piece of text speaks of, unit lines
//! （単位：百万円）, table headers whose columns are figures, changes (比較増減) or rates, and
//! amounts in running text with the year, kind and qualifiers written around them.

use crate::money::{
    AmountMatch, BudgetFlag, BudgetKind, FiscalYear, detect_qualifiers, find_amounts,
    find_fiscal_years, parse_number, to_oku,
};
use regex::Regex;
use rust_decimal::Decimal;
use std::collections::BTreeSet;
use std::sync::LazyLock;

/// The fiscal year and kind a piece of text names, either possibly unknown.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct YearKind {
    /// Fiscal year.
    pub year: Option<FiscalYear>,
    /// Budget kind.
    pub kind: Option<BudgetKind>,
}

impl YearKind {
    /// The last fiscal year and the kind the text names (plain 予算 is an initial budget).
    pub fn read(text: &str) -> YearKind {
        // `（繰越明許費を設定し、令和8年度に執行）`: the year the money is spent in, not the
        // budget's.
        let year = find_fiscal_years(text)
            .iter()
            .rfind(|m| {
                !EXECUTION_AFTER_YEAR
                    .iter()
                    .any(|w| text[m.end..].starts_with(w))
            })
            .map(|m| m.year);
        YearKind {
            year,
            kind: kind_named(text),
        }
    }

    /// Each fiscal year `text` names, with the kind named after it before the next year
    /// (`令和８年度当初予算・令和７年度３月補正予算` → 2026 initial, 2025 supplementary).
    pub fn each_named(text: &str) -> Vec<YearKind> {
        let years = find_fiscal_years(text);
        years
            .iter()
            .enumerate()
            .map(|(index, found)| {
                let end = years.get(index + 1).map_or(text.len(), |next| next.start);
                YearKind {
                    year: Some(found.year),
                    kind: text.get(found.end..end).and_then(kind_named),
                }
            })
            .collect()
    }

    /// Fills what is unknown here from `fallback`.
    pub fn or(self, fallback: YearKind) -> YearKind {
        YearKind {
            year: self.year.or(fallback.year),
            kind: self.kind.or(fallback.kind),
        }
    }

    /// Whether neither year nor kind is known.
    pub fn is_empty(&self) -> bool {
        self.year.is_none() && self.kind.is_none()
    }
}

/// Words after a year that make it the year a budget is carried over to and spent in.
const EXECUTION_AFTER_YEAR: [&str; 3] = ["に執行", "から執行", "へ繰越"];

/// Words of a figure's label that name its year's kind and nothing of its subject, longest
/// first.
static LABEL_WORDS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"[（(]?参考[）)]?|財政投融資|財投|要求・要望額|当初予算額|補正予算額|概算要求額|予算概算要求額|予算額|要求額|要望額|査定額|計画額|当初予算|補正予算|概算要求|予算案|当初|補正|予算|要求|要望",
    )
    .expect("label words pattern")
});

/// Fewest chars of a subject a figure's label names.
const MIN_LABEL_SUBJECT_CHARS: usize = 4;

/// The subject a figure's label names besides its year and kind
/// (`令和７年度農林水産関係当初予算額` → `農林水産関係`, `財政投融資　株式会社日本政策金融公庫`
/// → `株式会社日本政策金融公庫`): the one run of words left of at least four chars, `None`
/// when the label names only a year and a kind.
pub fn label_subject(label: &str) -> Option<String> {
    let mut text = label.to_string();
    for year in find_fiscal_years(label).iter().rev() {
        text.replace_range(year.start..year.end, " ");
    }
    let text = LABEL_WORDS.replace_all(&text, " ");
    let mut runs = text
        .split(char::is_whitespace)
        .map(|run| run.trim_matches(['の', '・', '、', '：', ':']))
        .filter(|run| !run.is_empty());
    let subject = runs.next()?;
    let one = runs.next().is_none();
    (one && subject.chars().count() >= MIN_LABEL_SUBJECT_CHARS).then(|| subject.to_string())
}

/// The budget kind a text names: 補正, 概算要求, 当初, 財政投融資, and plain 予算 as initial.
pub fn kind_named(text: &str) -> Option<BudgetKind> {
    BudgetKind::detect(text).or_else(|| text.contains("予算").then_some(BudgetKind::Initial))
}

static UNIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"単位\s*(?:[:：]|は)?\s*(兆円|億円|千万円|百万円|千円|万円|円)|[(\[]\s*(兆円|億円|千万円|百万円|千円|万円|円)\s*[)\]]\s*(?:\([A-Z]\)\s*)*$|(?:^|[^0-9,.])(兆円|億円|千万円|百万円|千円|万円|円)\s*単位")
        .expect("unit pattern")
});

/// The money units a unit line, header cell or unit row may name.
const MONEY_UNITS: [&str; 7] = ["兆円", "億円", "千万円", "百万円", "千円", "万円", "円"];

/// The unit a unit line or header cell declares: `（単位：百万円）`, `(千円)`, `単位:億円`,
/// `単位は百万円`, `予算額（千円）(A)`, `金額は百万円単位で表示` (not `1,000円単位`, a rounding).
pub fn unit_declared(text: &str) -> Option<&'static str> {
    let folded = crate::normalize::nfkc(text);
    let caps = UNIT.captures(&folded)?;
    let unit = caps
        .get(1)
        .or_else(|| caps.get(2))
        .or_else(|| caps.get(3))?
        .as_str();
    MONEY_UNITS.into_iter().find(|u| *u == unit)
}

/// The unit a line declares when the whole line is a unit declaration in parentheses:
/// `（単位：百万円）`, `(億円)`, `（単位：千円、％）` (the money unit first, then the units of
/// columns of no amount). A line saying more (a header, a sentence) gives `None`.
pub fn unit_line(text: &str) -> Option<&'static str> {
    let folded = crate::normalize::nfkc(text.trim());
    let inner = folded.strip_prefix('(')?.strip_suffix(')')?.trim();
    let units = inner
        .strip_prefix("単位")
        .map_or(inner, |rest| rest.trim_start_matches([':', ' ']));
    let mut parts = units.split(UNIT_LIST_BREAKS).map(str::trim);
    let unit = parts.next()?;
    let others_no_money = parts.all(|other| {
        !other.is_empty() && !other.contains('円') && other.chars().count() <= MAX_OTHER_UNIT_CHARS
    });
    unit_declared(&format!("({unit})")).filter(|u| *u == unit && *u != "円" && others_no_money)
}

/// What parts the units a unit line lists (`千円、％`).
const UNIT_LIST_BREAKS: [char; 3] = ['、', ',', '・'];

/// Longest unit of a column of no amount a unit line lists after its money unit (`％`,
/// `人`), in chars.
const MAX_OTHER_UNIT_CHARS: usize = 2;

/// The unit a row of units under a table header states (`　千円　千円　千円`, `(百万円)`
/// in each column): every cell the same money unit.
pub fn unit_row(cells: &[&str]) -> Option<&'static str> {
    if let [label, rest @ ..] = cells
        && rest.len() >= 2
        && unit_of_cell(label).is_none()
        && parse_number(label).is_none()
    {
        // `款 | 千円 | 千円 | 千円`: a label spanned down from the header, then the units.
        if let Some(unit) = unit_row(rest) {
            return Some(unit);
        }
    }
    let mut units = cells.iter().map(|cell| unit_of_cell(cell));
    let first = units.next().flatten()?;
    units.all(|unit| unit == Some(first)).then_some(first)
}

/// The money unit a cell holds and nothing else (`千円`, `(百万円)`).
pub fn unit_of_cell(cell: &str) -> Option<&'static str> {
    let folded = crate::normalize::nfkc(cell.trim());
    let bare = folded
        .trim_start_matches(['(', '['])
        .trim_end_matches([')', ']']);
    MONEY_UNITS.into_iter().find(|unit| *unit == bare)
}

/// What a table column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// The row's label (区分, 事項, 事業名 …).
    Label,
    /// Budget figures of a year and kind, in `unit` when the header states one.
    Figure(YearKind, Option<&'static str>),
    /// 比較増減 / 増減額 / 差引: the change of the row's current figure.
    Change(Option<&'static str>),
    /// 増減率 / 伸率 / %.
    Rate,
    /// Anything else (notes, 財源内訳 …).
    Other,
}

/// Words of a header cell that hold figures (国費: the state's share, which is the budget;
/// 事業費: a listed project's cost, which is its budget unless the table gives its 国費).
const FIGURE_WORDS: [&str; 11] = [
    "事業費",
    "予算",
    "要求",
    "補正",
    "当初",
    "決算",
    "本年度",
    "前年度",
    "金額",
    "額",
    "国費",
];

/// Header words of a column of 財政投融資 lending by its source (`財政融資`, `産業投資`).
const LENDING_WORDS: [&str; 2] = ["財政融資", "産業投資"];

/// Header words of a column of what was spent, granted, received or paid (決算額, 執行額,
/// 交付決定額, 収入済額, 支出済額), no budget.
const SPENT_WORDS: [&str; 5] = ["決算", "執行", "交付決定", "収入済", "支出済"];

/// A figure written with thousands separators inside a cell of words (`（前年度１８，０００）`):
/// a row's figure, never a header's.
static GROUPED_FIGURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[0-9０-９]{1,3}(?:[,，][0-9０-９]{3})+").expect("grouped figure pattern")
});

/// A column's mark (`(A)`, `(B)`), which other columns use to say how they are computed.
static COLUMN_MARK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\([A-Z]\)").expect("column mark pattern"));

/// The marks a header cell gives or cites (`知事査定額(C)` → C, `対前年度増減(C)-(A)` → C
/// and A), in order.
pub fn column_marks(cell: &str) -> Vec<char> {
    let folded = crate::normalize::nfkc(cell);
    COLUMN_MARK
        .find_iter(&folded)
        .filter_map(|mark| mark.as_str().chars().nth(1))
        .collect()
}

/// The money unit a cell of column marks states after them (`（A）百万円`, `(A)-(B)(千円)`),
/// when the cell holds the marks and the unit alone.
pub fn unit_after_marks(cell: &str) -> Option<&'static str> {
    let folded = crate::normalize::nfkc(cell.trim());
    let bare = folded.trim_end_matches(')');
    let unit = MONEY_UNITS.into_iter().find(|unit| bare.ends_with(unit))?;
    let marks = bare[..bare.len() - unit.len()].trim_end_matches('(');
    is_marks_cell(marks).then_some(unit)
}

/// Whether a cell holds column marks and the arithmetic between them alone (`(A)`,
/// `(A)－(B)`, `(C)/(A)`).
pub fn is_marks_cell(cell: &str) -> bool {
    let folded = crate::normalize::nfkc(cell);
    let arithmetic =
        |c: char| c.is_whitespace() || matches!(c, '-' | '−' | '－' | '/' | '÷' | '×' | '+');
    // `(A+B)`: the arithmetic inside one pair of brackets.
    let inside_brackets = folded
        .trim()
        .strip_prefix('(')
        .and_then(|rest| rest.strip_suffix(')'))
        .is_some_and(|inner| {
            inner.chars().any(|c| c.is_ascii_uppercase())
                && inner
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || arithmetic(c))
        });
    inside_brackets
        || (COLUMN_MARK.is_match(&folded)
            && COLUMN_MARK.replace_all(&folded, "").chars().all(arithmetic))
}

/// Whether a text opens with the word 財源 alone, saying where an item's money comes from
/// (`財源　国庫支出金　２１，６００千円…`, letter-spaced `財　源　県支出金 32,100／…`, or
/// `（財源）一般会計分は、…により措置。` opening a paragraph of the same).
pub fn opens_with_funding(text: &str) -> bool {
    text.trim_start()
        .trim_start_matches(['（', '(', '【', '[', '*'])
        .strip_prefix('財')
        .map(|rest| rest.trim_start_matches(char::is_whitespace))
        .and_then(|rest| rest.strip_prefix('源'))
        .is_some_and(|rest| {
            rest.starts_with(char::is_whitespace) || rest.starts_with(['）', ')', '】', ']'])
        })
}

/// Endings of the name of a source of funding listed under a `財源` line beyond those
/// [`names_revenue`] knows (`国庫支出金`, `基金繰入金`, `諸収入`).
const FUNDING_SOURCE_ENDINGS: [&str; 7] = [
    "支出金",
    "繰入金",
    "収入",
    "寄附金",
    "負担金",
    "使用料",
    "手数料",
];
/// Names of a source of funding as a whole (`国庫`, `その他`, a body's own `県費`).
const FUNDING_SOURCE_NAMES: [&str; 10] = [
    "国庫",
    "国費",
    "その他",
    "都費",
    "道費",
    "府費",
    "県費",
    "市費",
    "町費",
    "村費",
];

/// Whether a label, its letter spacing left out (`県　　債`, `そ の 他`), names a source of
/// funding as the lines under a `財源` line list them (`国　　庫`, `県　　債`, `一般財源`).
pub fn names_funding_source(label: &str) -> bool {
    let joined: String = label.chars().filter(|c| !c.is_whitespace()).collect();
    FUNDING_SOURCE_NAMES.contains(&joined.as_str())
        || FUNDING_SOURCE_ENDINGS
            .iter()
            .any(|ending| joined.ends_with(ending))
        // `県債`, `一般財源`: bonds and funds, which name revenue wherever they stand.
        || names_revenue(&joined)
}

/// Whether a label names the budget before or after a supplementary (`補正後予算額`,
/// `既定予算額`, `令和6年度最終`), not a budget of one kind.
pub fn names_around_supplementary(label: &str) -> bool {
    let folded = folded_header(label);
    // `令和6年度最終`, `最終予算額`: the year's budget after all its supplementaries (not
    // `最終補正`, the last supplementary itself, nor `最終処分` in a name).
    let final_budget = FINAL_BUDGET_WORDS.iter().any(|word| folded.contains(word))
        && !folded.contains(FINAL_SUPPLEMENTARY);
    final_budget
        || AROUND_SUPPLEMENTARY_WORDS
            .iter()
            .any(|word| folded.contains(word))
}

/// Words of a year's final budget, after all its supplementaries (`令和6年度最終`,
/// `最終予算額`).
const FINAL_BUDGET_WORDS: [&str; 2] = ["年度最終", "最終予算"];
/// The last supplementary of a year (`２月最終補正`), a supplementary of its own.
const FINAL_SUPPLEMENTARY: &str = "最終補正";

/// Whether a label names what was spent alone (`決算`, `決算額`, `執行額`): a row of such
/// figures holds no budget.
pub fn names_spent_alone(label: &str) -> bool {
    let folded = folded_header(label);
    let word = folded.strip_suffix('額').unwrap_or(&folded);
    SPENT_WORDS.contains(&word)
}

/// Words naming figures as projections of later years (中期財政見通し, 推計, 試算), no budget.
const PROJECTION_WORDS: [&str; 3] = ["見通し", "推計", "試算"];

/// The word of a header cell whose figures sum up to a year (`令和８年度まで`), no budget; a
/// cell saying what is done by a year (`令和８年度までに全１４校へ整備するための`) is a note,
/// no heading.
const UP_TO_WORD: &str = "まで";

/// Whether `text` names projections of later years (`中期財政見通し`, `人口推計`, `試算`).
pub fn names_projection(text: &str) -> bool {
    PROJECTION_WORDS.iter().any(|word| text.contains(word))
}

/// Words of a header cell whose figures span months across two budgets (`１４か月予算計`: a
/// supplementary and the next year's initial budget together), no budget of one kind.
const MONTHS_SPANNED: [&str; 3] = ["か月", "ヶ月", "カ月"];

/// Words of a header cell whose figures are the budget before or after a supplementary (現計:
/// the budget as it stands after them), not a budget of one kind.
const AROUND_SUPPLEMENTARY_WORDS: [&str; 5] = ["補正前", "補正後", "既定予算", "既決", "現計"];

/// Header words that tables letter-space across a wide gap (`比　　較`, `区　　分`): their
/// one-character halves are joined back before the columns are read.
const SPACED_HEADER_WORDS: [&str; 10] = [
    "比較", "区分", "事項", "金額", "科目", "摘要", "備考", "名称", "増減", "差引",
];

/// Words that only say what kind of figure follows (`要求額：`, `前年度予算額`, `国費`,
/// `対前年度増減`), so a label made of them names no item of its own.
const FIGURE_LABEL_WORDS: [&str; 23] = [
    "事項要求",
    "規模",
    "対前年度",
    "増減",
    "前年度",
    "本年度",
    "うち",
    "当初",
    "補正",
    "概算",
    "要求",
    "要望",
    "査定",
    "予算",
    "決算",
    "国費",
    "事業費",
    "総額",
    "合計",
    "金額",
    "案",
    "額",
    "計",
];

/// Whether a label is only budget wording (`要求額`, `令和７年度予算額`, `国費`): the
/// figures after it belong to the item it stands under.
pub fn is_figure_label(label: &str) -> bool {
    let folded = crate::normalize::nfkc(label);
    let mut rest: String = folded
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, ':' | '：' | '・' | '/' | '／'))
        .collect();
    let years = find_fiscal_years(&rest);
    for found in years.iter().rev() {
        if rest.is_char_boundary(found.start) && rest.is_char_boundary(found.end) {
            rest.replace_range(found.start..found.end, "");
        }
    }
    if rest.is_empty() {
        return false;
    }
    while !rest.is_empty() {
        match FIGURE_LABEL_WORDS.iter().find(|w| rest.starts_with(*w)) {
            Some(word) => rest.drain(..word.len()),
            None => return false,
        };
    }
    true
}

/// The word that marks a figure shown for reference (`（参考）`).
const REFERENCE: &str = "参考";

/// Words that open a note of a figure besides the one above (`このほか、…`, `別途、…`).
const BESIDES: [&str; 2] = ["このほか", "別途"];

/// Particles that close a note's label before its amount (`令和７年度補正予算で`).
const NOTE_LABEL_PARTICLES: [&str; 3] = ["において", "にて", "で"];

/// Which of a year's budgets a kind word is (`6月`, `第2号`, `第二次`), in text folded
/// to NFKC.
pub static SUPPLEMENTARY_ORDINAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\d{1,2}月|第[\d一二三四五六七八九十]{1,3}[号次回]")
        .expect("supplementary ordinal pattern")
});

/// Which of its year's supplementaries a header word names (`第１号(B)` → `第1号`, `９月補正`
/// → `9月`), if any.
pub fn supplementary_ordinal(word: &str) -> Option<String> {
    let folded = crate::normalize::nfkc(&super::names::without_spaces(word));
    SUPPLEMENTARY_ORDINAL
        .find(&folded)
        .map(|found| found.as_str().to_string())
}

/// The month a supplementary is passed in, before its word (`９月補正`).
static SUPPLEMENTARY_MONTH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[0-9０-９]{1,2}月補正").expect("supplementary month pattern"));

/// A supplementary of a fiscal year's closing months (`２月補正`, `３月最終補正`), passed
/// between January and March.
static CLOSING_MONTH_SUPPLEMENTARY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^0-9０-９])[1-3１-３]月(?:最終)?補正")
        .expect("closing month supplementary pattern")
});

/// Whether `text` names a supplementary of its fiscal year's closing months without naming
/// the year (`２月補正`, `２月補正予算（国の経済対策対応分）`, not `令和７年度２月補正`): beside
/// an initial budget it is the year before's, the budget the months close.
pub fn names_closing_month_supplementary(text: &str) -> bool {
    CLOSING_MONTH_SUPPLEMENTARY.is_match(text) && find_fiscal_years(text).is_empty()
}

/// The year and kind a label of budget wording names (`（令和６年度当初予算額`,
/// `【令和8年度要求額】`, `（前年度` with neither read), brackets around it ignored: `None`
/// for a label naming an item of its own, or naming neither a year nor a kind (`合計`).
pub fn figure_note_label(label: &str) -> Option<YearKind> {
    let label = label
        .trim_start_matches(['（', '(', '【', '[', '［', ' ', '\u{3000}'])
        .trim_end_matches([':', '：', ' ', '\u{3000}', '\t', '】', ']', '］']);
    // `（参考）令和７年度当初予算額`: a figure shown for reference is a figure all the same.
    let label = label.strip_prefix(REFERENCE).map_or(label, |rest| {
        rest.trim_start_matches(['）', ')', '】', ']', '］', ':', '：', ' ', '\u{3000}'])
    });
    // `このほか、令和７年度補正予算で`: a figure besides the one above, in the budget named.
    let label = BESIDES
        .iter()
        .find_map(|word| label.strip_prefix(word))
        .map_or(label, |rest| {
            rest.trim_start_matches(['、', '，', ' ', '\u{3000}'])
        });
    let label = NOTE_LABEL_PARTICLES
        .iter()
        .find_map(|particle| label.strip_suffix(particle))
        .unwrap_or(label);
    // `要　求　額`: a label's letters may be spaced out.
    let label = super::names::without_spaces(label);
    // `前年度９月補正`: the month names which supplementary, a figure's kind all the same;
    // `２月補正予算案　計` is the total of a table's rows, no note.
    let label = if label.ends_with('計') {
        std::borrow::Cow::Borrowed(label.as_str())
    } else {
        SUPPLEMENTARY_MONTH.replace_all(&label, "補正")
    };
    let label = label.as_ref();
    let named = YearKind::read(label);
    // `（前年度　７，１４８億円`, `本年度　４５，６７８千円`: a year named relative to the one
    // in force is a year too.
    let names_a_year = !named.is_empty() || relative_year(label) != 0 || label.contains("本年度");
    (names_a_year && is_figure_label(label)).then_some(named)
}

/// The words of a header row as ranges of its cells: a letter-spaced word split into
/// one-character cells (`比`, `較`) is one word of two cells, a name's heading (`事`, `業`,
/// `名`) one word of three or four.
pub fn spaced_word_ranges(cells: &[&str]) -> Vec<std::ops::Range<usize>> {
    let one_letter =
        |cell: &&str| cell.chars().count() == 1 && cell.chars().all(char::is_alphabetic);
    // A cell of one or two letters, maybe one space apart (`正 額`, `会 計`).
    let short_letters = |cell: &&str| {
        let letters = super::names::without_spaces(cell);
        (1..=2).contains(&letters.chars().count()) && letters.chars().all(char::is_alphabetic)
    };
    let mut ranges = Vec::with_capacity(cells.len());
    let mut index = 0;
    while index < cells.len() {
        let spaced = cells.get(index..index + 2).is_some_and(|pair| {
            pair.iter().all(one_letter) && SPACED_HEADER_WORDS.contains(&pair.concat().as_str())
        });
        // `補 | 正 額`: a figure's heading whose first letter a PDF's text set apart from
        // the rest; the letter names what the rest alone does not (`款 | 比較` are two).
        let split_figure_word = cells.get(index..index + 2).is_some_and(|pair| {
            let joined = super::names::without_spaces(&pair.concat());
            one_letter(&pair[0])
                && short_letters(&pair[1])
                && !is_column_word(pair[0])
                && is_column_word(&joined)
                && word_column(&joined) != word_column(&super::names::without_spaces(pair[1]))
        });
        // `事 | 業 | 名`, `事 業 | 名`: a name's heading (…名) spaced out over two to four
        // cells of one or two letters.
        let named = (2..=MAX_SPACED_NAME_CELLS).rev().find(|length| {
            cells.get(index..index + length).is_some_and(|run| {
                let letters: usize = run
                    .iter()
                    .map(|cell| super::names::without_spaces(cell).chars().count())
                    .sum();
                letters >= MIN_SPACED_NAME_LETTERS
                    && run.iter().all(short_letters)
                    && run.last().is_some_and(|last| *last == NAME_SUFFIX)
            })
        });
        let end = match named {
            Some(length) => index + length,
            None if spaced || split_figure_word => index + 2,
            None => index + 1,
        };
        ranges.push(index..end);
        index = end;
    }
    ranges
}

/// Fewest letters of a letter-spaced name heading (`事 業 | 名`).
const MIN_SPACED_NAME_LETTERS: usize = 3;

/// Most one-character cells a letter-spaced name heading (`事 | 業 | 名`) is split into.
const MAX_SPACED_NAME_CELLS: usize = 4;

/// The last character of a heading that names the row's item (事業名, 施策名).
const NAME_SUFFIX: &str = "名";

/// Joins letter-spaced header words split into one-character cells (`比`, `較` → `比較`).
pub fn join_spaced_words(cells: &[&str]) -> Vec<String> {
    spaced_word_ranges(cells)
        .into_iter()
        .map(|range| cells[range].concat())
        .collect()
}

/// Longest header cell, in chars: a longer cell is prose.
const MAX_HEADER_CELL_CHARS: usize = 24;

/// A unit in brackets within a header word (`（単位：百万円）`, `(千円)`).
static BRACKETED_UNIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[（(][^（）()]{1,12}[）)]").expect("bracketed unit pattern"));

/// A header word's length in chars, white space and a unit in brackets left out
/// (`2026年度財源内訳（単位：百万円）一般会計 繰入金`, a column's words over two rows).
fn header_word_length(word: &str) -> usize {
    let units: usize = BRACKETED_UNIT
        .find_iter(word)
        .filter(|bracketed| unit_line(bracketed.as_str()).is_some())
        .map(|bracketed| {
            bracketed
                .as_str()
                .chars()
                .filter(|c| !c.is_whitespace())
                .count()
        })
        .sum();
    word.chars()
        .filter(|c| !c.is_whitespace())
        .count()
        .saturating_sub(units)
}

/// Whether a header word names a column of figures, changes or rates (`令和７年度`,
/// `前年度予算額`, `増減額`, `増減率`), so that several such words one space apart in one
/// cell are several columns.
pub fn is_column_word(word: &str) -> bool {
    word.chars().count() <= MAX_HEADER_CELL_CHARS
        && !matches!(word_column(word), Column::Other | Column::Label)
}

/// What a header word alone names: figures, a change, a rate or something else.
pub fn word_column(word: &str) -> Column {
    column_of(1, word, YearKind::default())
}

/// Words a table's cell holds in place of an amount (`事項要求`: requested without an amount;
/// `皆増`, `皆減`: the whole figure is new or gone), never a column's heading.
const VALUE_WORDS: [&str; 3] = ["事項要求", "皆増", "皆減"];

/// Reads a header row into its columns, or `None` when the row is not a header of figures.
/// `context` supplies the year and kind of columns that name neither (本年度 is its year,
/// 前年度 the year before).
pub fn header_columns(cells: &[&str], context: YearKind) -> Option<Vec<Column>> {
    // A label cell may be a caption naming the figures' year and kind (`（参考）令和７年度
    // ６月補正予算で先行して実施した事業 | 金額(千円)`).
    let captioned = |c: &str| {
        let named = YearKind::read(c);
        named.year.is_some() && named.kind.is_some() && !c.contains(['、', '。'])
    };
    // `令和９年度<br>要求・要望額<br>（令和８年度予算額）`: the white space a cell's line
    // breaks leave makes it no longer.
    let too_long = cells.iter().enumerate().any(|(index, c)| {
        let length = header_word_length(c);
        (length > MAX_HEADER_CELL_CHARS && !(index == 0 && captioned(c))) || c.contains('。')
    });
    // `| 令和8年度要求額 | 事項要求 |`: a cell saying no amount is stated is a row's value.
    let stated_without_amount = cells.iter().any(|c| VALUE_WORDS.contains(&c.trim()));
    // `予算額・執行額 | （単位：百万円）`: a caption beside the table's unit line.
    let captioned_unit = matches!(cells, [_, unit] if unit_line(unit).is_some());
    if cells.len() < 2
        || too_long
        || stated_without_amount
        || captioned_unit
        || cells
            .iter()
            .any(|c| parse_number(c).is_some() || GROUPED_FIGURE.is_match(c))
    {
        return None;
    }
    if cells.iter().any(|c| !find_amounts(c).is_empty()) {
        return None;
    }
    let mut columns = columns_of(cells, context);
    let words = join_spaced_words(cells);
    let folded: Vec<String> = words
        .iter()
        .map(|word| super::names::without_spaces(word))
        .collect();
    if folded.iter().any(|word| word.contains(STATE_SHARE)) {
        // `国費 | 事業費` (`国　費`, `国 | 費` set a space apart): the project's whole cost
        // beside the state's share is no budget.
        for (column, word) in columns.iter_mut().zip(folded) {
            if word.contains(PROJECT_COST) && !word.contains(STATE_SHARE) {
                *column = Column::Other;
            }
        }
    }
    with_parts_totalled(&mut columns, &words);
    with_parts_after_total(&mut columns, &words);
    columns
        .iter()
        .any(|c| matches!(c, Column::Figure(..)))
        .then_some(columns)
}

/// A total column right after two columns or more of figures of one year and kind
/// (`要求額 | 要望額 | 計`) is their figure, and they are its parts, no budgets of their own.
fn with_parts_totalled(columns: &mut [Column], words: &[String]) {
    if words.len() != columns.len() {
        return;
    }
    for total in 2..columns.len() {
        // `合計<br>(B)`: a column's mark is none of its words.
        let word = COLUMN_MARK
            .replace_all(&crate::normalize::nfkc(&words[total]), "")
            .into_owned();
        let bare_total = matches!(super::names::without_spaces(&word).as_str(), "計" | "合計");
        if !bare_total || columns[total] != Column::Other {
            continue;
        }
        let Column::Figure(year_kind, unit) = columns[total - 1] else {
            continue;
        };
        let parts = (0..total)
            .rev()
            .take_while(|at| matches!(columns[*at], Column::Figure(named, _) if named == year_kind))
            .count();
        if parts >= 2 {
            for part in &mut columns[total - parts..total] {
                *part = Column::Other;
            }
            columns[total] = Column::Figure(year_kind, unit);
        }
    }
}

/// Columns right after a column of figures that names its year (`令和８年度計画額 | 財政融資
/// | 産業投資 | 政府保証 | 令和７年度計画額`), two or more that name no year and hold figures
/// of that year and kind or none, up to a column of another year, a change or the end: the
/// parts of that figure (its sources), no budgets of their own.
fn with_parts_after_total(columns: &mut [Column], words: &[String]) {
    if words.len() != columns.len() {
        return;
    }
    let names_year = |index: usize| YearKind::read(&words[index]).year.is_some();
    for total in 0..columns.len() {
        let Column::Figure(year_kind, _) = columns[total] else {
            continue;
        };
        if !names_year(total) {
            continue;
        }
        let run = columns[total + 1..]
            .iter()
            .enumerate()
            .take_while(|(offset, column)| {
                !names_year(total + 1 + offset)
                    && (**column == Column::Other
                        || matches!(column, Column::Figure(named, _) if *named == year_kind))
            })
            .count();
        let end = total + 1 + run;
        let ends_at_year_or_change =
            end == columns.len() || names_year(end) || matches!(columns[end], Column::Change(_));
        let parts = &mut columns[total + 1..end];
        let figures = parts
            .iter()
            .filter(|column| matches!(column, Column::Figure(..)))
            .count();
        if run >= 2 && figures >= 1 && ends_at_year_or_change {
            for part in parts {
                *part = Column::Other;
            }
        }
    }
}

/// Whether a row's label names a project's whole cost (`事 業 費`), which is no budget where
/// the row after it gives the state's share (see [`opens_with_state_share`]).
pub fn names_project_cost(label: &str) -> bool {
    super::names::without_spaces(label) == PROJECT_COST
}

/// Whether a row opens with the state's share of a project's cost (`国　　費　1,286,400 …`):
/// the share is the budget, the cost on the row above is not.
pub fn opens_with_state_share(line: &str) -> bool {
    super::names::without_spaces(line).starts_with(STATE_SHARE)
}

/// A header word for the state's share of a project's cost.
const STATE_SHARE: &str = "国費";
/// A header word for a project's cost.
const PROJECT_COST: &str = "事業費";

/// Reads a header row of a table that holds no budget figures (`起債の目的 | 限度額 | 利率 |
/// 償還の方法`): three or more short cells of words, none of them a number, and no column of
/// budget figures. `None` for any other row.
pub fn plain_header_columns(cells: &[&str], context: YearKind) -> Option<Vec<Column>> {
    let wordy = |cell: &&str| {
        let cell = cell.trim();
        !cell.is_empty()
            && cell.chars().count() <= MAX_HEADER_CELL_CHARS
            && !cell.chars().any(|c| c.is_numeric())
            && cell.chars().any(char::is_alphabetic)
    };
    if cells.len() < 3 || !cells.iter().all(wordy) {
        return None;
    }
    let columns = columns_of(cells, context);
    (!columns.iter().any(|c| matches!(c, Column::Figure(..)))).then_some(columns)
}

/// The column each header cell names, letter-spaced words joined first.
fn columns_of(cells: &[&str], context: YearKind) -> Vec<Column> {
    join_spaced_words(cells)
        .iter()
        .enumerate()
        .map(|(index, cell)| column_of(index, cell, context))
        .collect()
}

/// The word opening a part of the figure before it (`うち要望額`, `（うち重要政策推進枠
/// …）`).
const PART_WORD: &str = "うち";

/// Endings of a header that names a column of words about a row (`主な増減理由`, `事業の内容`).
const NOTE_COLUMN_ENDINGS: [&str; 7] = ["理由", "内容", "説明", "概要", "備考", "摘要", "要因"];

/// A header cell as its words are compared: NFKC-folded, without spaces.
fn folded_header(header: &str) -> String {
    super::names::without_spaces(&crate::normalize::nfkc(header))
}

/// Whether a header cell names a column of words about each row (`備考`, `主な増減理由`).
pub fn names_notes(header: &str) -> bool {
    let folded = folded_header(header);
    NOTE_COLUMN_ENDINGS
        .iter()
        .any(|ending| folded.ends_with(ending))
}

/// Endings of a header that names a column of words or numbers saying which one a row is
/// (`補正回`, `会計区分`), not of amounts.
const NAMING_COLUMN_ENDINGS: [&str; 4] = ["回", "回次", "番号", "区分"];

/// Headers of a column whose cells are each row's fiscal year (`年度 | … | 補正額` over
/// `2025 | … | 312860000`).
const YEAR_COLUMN_HEADERS: [&str; 3] = ["年度", "会計年度", "予算年度"];

/// Whether a header cell names a column of fiscal years (`年度`, `会計年度`), not a year's
/// figures (`本年度`, `令和７年度`).
pub fn names_years(header: &str) -> bool {
    let folded = folded_header(header);
    YEAR_COLUMN_HEADERS.contains(&folded.as_str())
}

/// Headers of an open-data table's column of values (`… | 項目 | 値 | 単位`): figures whose
/// rows say what each is (`当初予算額`, `歳出総額`, `財政力指数`).
const VALUE_HEADERS: [&str; 2] = ["値", "数値"];

/// Whether a header cell names a column of values whose rows say what each is (`値`).
pub fn names_values(header: &str) -> bool {
    VALUE_HEADERS.contains(&folded_header(header).as_str())
}

/// Whether a header cell names a column of each row's money unit (`単位`).
pub fn names_units(header: &str) -> bool {
    folded_header(header) == UNIT_COLUMN_HEADER
}

/// Header of a column whose cells are each row's unit (`単位` over `千円`, `百万円`, `円`).
const UNIT_COLUMN_HEADER: &str = "単位";

/// The fiscal year a cell of a column of years states: `2025`, `R7`, `令和7`, `令和７年度`.
pub fn year_cell(cell: &str) -> Option<FiscalYear> {
    let cell = cell.trim();
    let with_word = if cell.ends_with("年度") {
        cell.to_string()
    } else {
        format!("{cell}年度")
    };
    match find_fiscal_years(&with_word).as_slice() {
        [only] if only.start == 0 && only.end == with_word.len() => Some(only.year),
        _ => None,
    }
}

/// The column a header cell names at position `index` of its row (the first names the rows
/// unless it names figures); `context` as for [`header_columns`].
pub fn column_of(index: usize, cell: &str, context: YearKind) -> Column {
    // `増△減額`: the sign marks written into a header say nothing of the column.
    let folded: String = crate::normalize::nfkc(cell)
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '△' | '▲'))
        .collect();
    // Column marks and the arithmetic between them (`対前年度比(B)/(A)`, `比較(A)-(B)`)
    // name no figure of their own.
    let folded = COLUMN_MARK.replace_all(&folded, "");
    let folded = folded.trim_end_matches(['/', '-', '÷', '×', '+']);
    // `令和９年度要求・要望額（令和８年度予算額）`: the column's own figure comes first; the
    // other year's figure in parentheses stands in parentheses in its cells.
    let folded = match paired_figure_label(folded) {
        Some((own, _)) => own,
        None => folded,
    };
    let unit = unit_declared(folded);
    if folded.contains('率') || folded.contains('%') || folded.contains("伸び") {
        return Column::Rate;
    }
    if folded.ends_with('比') {
        // 対前年度比: a ratio of the two years, neither a change nor a rate of change.
        return Column::Other;
    }
    if index > 0 && NOTE_COLUMN_ENDINGS.iter().any(|w| folded.ends_with(w)) {
        // 主な増減理由, 事業の内容: words about the figures, none of them.
        return Column::Other;
    }
    if index > 0 && folded.starts_with(PART_WORD) {
        // `うち要望額`: a part of the figure before it, no budget of its own.
        return Column::Other;
    }
    if NAMING_COLUMN_ENDINGS.iter().any(|w| folded.ends_with(w)) || names_years(folded) {
        // 補正回, 予算区分, 年度: which supplementary, which kind or which year a row is of;
        // words or numbers that name, no amount.
        return if index == 0 {
            Column::Label
        } else {
            Column::Other
        };
    }
    // `査定額－要求額`: the difference of two figures.
    let names_figures =
        |part: &str| part.ends_with('額') || FIGURE_WORDS.iter().any(|word| part.contains(word));
    let difference = folded
        .split_once(['-', '−'])
        .is_some_and(|(left, right)| names_figures(left) && names_figures(right));
    if difference
        || ["増減", "比較", "差引", "差額", "対前年"]
            .iter()
            .any(|w| folded.contains(w))
    {
        return Column::Change(unit);
    }
    // A projection (令和９年度見通し) is no budget. The budget before or after a
    // supplementary (補正前の額, 既定予算額, 補正後計) is neither the
    // supplementary nor the initial budget; a limit, rate or balance (限度額, 残高) is no
    // budget.
    if names_around_supplementary(folded)
        || names_projection(folded)
        || folded.contains(UP_TO_WORD)
        || MONTHS_SPANNED.iter().any(|w| folded.contains(w))
        || names_a_limit(folded)
        // `令和8年度財源内訳国庫支出金`: where a figure's money comes from, under the year's
        // breakdown, is no budget of that year.
        || (index > 0 && names_funding_breakdown(folded))
    {
        return Column::Other;
    }
    let named = YearKind::read(folded);
    let offset = relative_year(folded);
    let relative_year = (offset != 0)
        .then(|| context.year.map(|y| shifted(y, offset)))
        .flatten();
    // `令和８年度当初予算案 前年度当初` (a header's two rows as one): the year before the one
    // the upper row names; `令和７年度（前年度）` names that year once more.
    let named = match (named.year, folded.rfind("前年度")) {
        (Some(year), Some(at))
            if offset < 0
                && !folded[..at].ends_with('(')
                && find_fiscal_years(folded)
                    .last()
                    .is_some_and(|found| found.end <= at) =>
        {
            YearKind {
                year: Some(shifted(year, offset)),
                ..named
            }
        }
        _ => named,
    };
    if VALUE_HEADERS.contains(&folded) {
        // Its rows name their year and kind.
        return Column::Figure(YearKind::default(), unit);
    }
    let lending = LENDING_WORDS.iter().any(|w| folded.contains(w));
    let is_figure =
        named.year.is_some() || lending || FIGURE_WORDS.iter().any(|w| folded.contains(w));
    if !is_figure {
        return if index == 0 {
            Column::Label
        } else {
            Column::Other
        };
    }
    let kind = if SPENT_WORDS.iter().any(|word| folded.contains(word)) {
        Some(BudgetKind::Other)
    } else if lending {
        Some(BudgetKind::FiscalInvestment)
    } else {
        named.kind
    };
    let year_kind = YearKind {
        year: named.year.or(relative_year),
        kind,
    }
    .or(context);
    Column::Figure(year_kind, unit)
}

/// A header cell naming its column's figure and, in parentheses or after a slash, another
/// year's figure its cells give the same way (`令和９年度要求額（令和８年度予算額）`,
/// `令和８年度要求額／令和７年度予算額`): the two labels, after NFKC folding. `None` for any
/// other cell (a unit or a mark in parentheses).
pub fn paired_figure_label(header: &str) -> Option<(&str, &str)> {
    let names_figure = |label: &str| {
        let named = YearKind::read(label);
        named.year.is_some() && FIGURE_WORDS.iter().any(|w| label.contains(w))
    };
    // `令和８年度要求額／令和７年度予算額`: the two parted by a slash.
    if let Some((own, other)) = header.split_once('/')
        && names_figure(own)
        && names_figure(other)
    {
        return Some((own, other));
    }
    let inner = header.trim_end().strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let (own, other) = (&inner[..open], &inner[open + 1..]);
    // `要求額（前年度予算額）`: the other figure's year named against the own one's, which
    // is the year in force.
    let names_year_before =
        |label: &str| relative_year(label) != 0 && FIGURE_WORDS.iter().any(|w| label.contains(w));
    let own_figure = || FIGURE_WORDS.iter().any(|w| own.contains(w));
    let paired = (names_figure(own) && names_figure(other))
        || (own_figure() && YearKind::read(own).year.is_none() && names_year_before(other));
    paired.then_some((own, other))
}

/// The year and kind of the other figure a header cell names in parentheses after its own
/// (`令和９年度要求額（令和８年度予算額）` → 令和８年度, initial; `要求額（前年度予算額）` → the
/// year before the one `context` holds); `None` when it names none.
pub fn paired_year_kind(header: &str, context: YearKind) -> Option<YearKind> {
    let folded = folded_header(header);
    let (own, other) = paired_figure_label(&folded)?;
    let named = YearKind::read(other);
    let offset = relative_year(other);
    let before_own = || {
        let own_year = YearKind::read(own).year.or(context.year)?;
        (offset != 0).then(|| shifted(own_year, offset))
    };
    Some(YearKind {
        year: named.year.or_else(before_own),
        ..named
    })
}

/// The part of a header cell naming its own figure: all of it, or the part before the
/// other figure it names in parentheses (`要求額（前年度予算額）` → `要求額`).
pub fn own_figure_label(header: &str) -> String {
    let folded = folded_header(header);
    match paired_figure_label(&folded) {
        Some((own, _)) => own.to_string(),
        None => folded,
    }
}

/// The year a text names relative to the one in force: -1 for 前年度, +1 for 翌年度/次年度
/// (a comparison such as 前年度比 or 前年度と同水準 names no year).
pub fn relative_year(text: &str) -> i16 {
    if text.contains("前年度") && !COMPARED_WITH_LAST_YEAR.is_match(text) {
        -1
    } else if text.contains("翌年度") || text.contains("次年度") {
        1
    } else {
        0
    }
}

/// A comparison with the year before, which names no figure of that year: a ratio
/// (`前年度比`, `前年度当初比`, `前年度当初予算比`) or the same level (`前年度と同水準`,
/// `前年度と同額`, `前年度同額`, `前年度並み`).
static COMPARED_WITH_LAST_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"前年度[\p{Han}]{0,4}比|前年度(?:と?同|並)")
        .expect("comparison with the year before")
});

/// `year` moved by `offset` years.
pub fn shifted(year: FiscalYear, offset: i16) -> FiscalYear {
    FiscalYear(year.0.saturating_add_signed(offset))
}

/// Brackets a layout sets apart from what they enclose (`〔  6,215,000〕` under `〔   令和７
/// 年度〕`).
const OPENING_BRACKETS: [&str; 4] = ["〔", "［", "（", "("];

/// `cells` of `line` (slices of it) with each cell that is an opening bracket alone joined to
/// the cell after it.
fn with_open_brackets_joined<'l>(line: &'l str, cells: Vec<&'l str>) -> Vec<&'l str> {
    let offset = |cell: &str| cell.as_ptr() as usize - line.as_ptr() as usize;
    let mut joined: Vec<&'l str> = Vec::with_capacity(cells.len());
    let mut pending: Option<&'l str> = None;
    for cell in cells {
        match pending.take() {
            Some(bracket) => {
                let (start, end) = (offset(bracket), offset(cell) + cell.len());
                joined.push(line.get(start..end).unwrap_or(cell));
            }
            None if OPENING_BRACKETS.contains(&cell) => pending = Some(cell),
            None => joined.push(cell),
        }
    }
    joined.extend(pending);
    joined
}

/// Splits a table row into cells: by tabs or `|` when the row has them, else by gaps of two
/// or more spaces, else a label followed by the numbers at its end (`△ 1,234` kept whole).
/// Returns trimmed cells.
pub fn cells(line: &str) -> Vec<&str> {
    let trimmed = line.trim();
    if trimmed.contains('\t') {
        // A layout may set some columns a tab apart and others one space apart
        // (`一般会計<TAB>6,543,000  6,210,000 333,000<TAB>5.4％`).
        return trimmed
            .split('\t')
            .map(str::trim)
            .filter(|c| !c.is_empty())
            .flat_map(label_then_figures)
            .flat_map(number_run)
            .collect();
    }
    if trimmed.starts_with(CELL_BARS) {
        let inner = trimmed.trim_matches(CELL_BARS);
        if !inner.contains(CELL_BARS) && !trimmed.ends_with(CELL_BARS) {
            // `│　要　求　額　　　126,480`: the side of a box drawn round a card, its line
            // cut as any other.
            return cells(inner);
        }
        // Markdown rows and tables drawn with box characters (`│議会費│９８，４１２│`); a
        // rule drawn beside a cell (`比　較　├───┬───┤`, under a heading spanning the cells
        // to its right) is none of its words.
        return inner
            .split(CELL_BARS)
            .map(|cell| {
                // `├ 被災者支援総合交付金`: a branch drawn before a name stays with it.
                let rule_at = cell.find(is_box_rule).filter(|at| {
                    cell[*at..]
                        .chars()
                        .all(|c| is_box_rule(c) || c.is_whitespace())
                });
                rule_at.map_or(cell, |at| &cell[..at]).trim()
            })
            .collect();
    }
    if trimmed.contains(CELL_BARS) {
        // `保険料  452,300   ┃　総務費  68,400`: a bar between two tables set side by side in a
        // row laid out with spaces parts them; each side's cells as any other, a side of
        // letters spaced apart (`歳　　入`) one word.
        return trimmed
            .split(CELL_BARS)
            .flat_map(|side| {
                let side_cells = cells(side);
                if side_cells.len() >= 2 && side_cells.iter().all(|c| c.chars().count() == 1) {
                    vec![side.trim()]
                } else {
                    side_cells
                }
            })
            .collect();
    }
    if let Some(leader) = LEADER_TO_FIGURE.captures(trimmed)
        && let (Some(label), Some(figure)) = (leader.get(1), leader.get(2))
    {
        // `・財政調整基金積立金……………3,000,000`: a dot leader parts a name from its figure.
        return vec![label.as_str().trim(), figure.as_str()];
    }
    let spaced: Vec<&str> = WIDE_GAP
        .split(trimmed)
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .collect();
    if spaced.len() >= 2 {
        return with_open_brackets_joined(trimmed, spaced)
            .into_iter()
            .flat_map(number_run)
            .collect();
    }
    trailing_numbers(trimmed)
}

/// A tab-separated cell holding a label and the figures after it, spaces apart (`地方消費税
/// 交付金  3,890,000  3,812,000`, as a PDF's text joins a narrow column to the next), as the
/// label and one cell per figure; any other cell as it is. Every figure after the label must
/// have a separator (`，`, `.`), so a label ending in a bare number (`第２期 3`) stays whole,
/// and one figure must stand a wide gap after the label: a note naming a part of a figure
/// one space before its amount (`○職員人件費 1,012,348`) is one cell.
fn label_then_figures(cell: &str) -> Vec<&str> {
    let parts = trailing_numbers(cell);
    let figures_only = parts.iter().skip(1).all(|part| {
        part.contains([',', '，', '.', '．'])
            && parse_number(part.trim_end_matches(['%', '％'])).is_some()
    });
    let offset = |part: &str| part.as_ptr() as usize - cell.as_ptr() as usize;
    let set_apart = |label: &str| {
        parts.len() >= 3
            || cell
                .get(offset(label) + label.len()..offset(parts[1]))
                .is_some_and(|gap| WIDE_GAP.is_match(gap))
    };
    match parts.first() {
        Some(label)
            if parts.len() >= 2
                && figures_only
                && parse_number(label).is_none()
                && label.chars().any(char::is_alphabetic)
                && set_apart(label) =>
        {
            parts
        }
        _ => vec![cell],
    }
}

/// Whether a character draws a box's rules or corners (`─`, `├`, `┬`), not a bar between
/// cells.
pub fn is_box_rule(c: char) -> bool {
    ('\u{2500}'..='\u{257F}').contains(&c) && !CELL_BARS.contains(&c)
}

/// The bars that part the cells of a row: Markdown's and those of tables drawn with box
/// characters.
pub const CELL_BARS: [char; 3] = ['|', '│', '┃'];

/// The cells of a tab-separated row with its empty cells kept in place (`事業A\t\t1,234`:
/// three cells), as tables laid out on a grid write them; `None` for a row without tabs.
pub fn tab_cells(line: &str) -> Option<Vec<&str>> {
    let line = line.trim_end_matches(['\r', '\n']);
    line.contains('\t')
        .then(|| line.split('\t').map(str::trim).collect())
}

/// A cell holding several numbers one space apart (`2,400,000　△54,322`), as one cell per
/// number (a lone △/▲ kept with the number after it); any other cell as it is.
fn number_run(cell: &str) -> Vec<&str> {
    let mut numbers: Vec<&str> = Vec::new();
    let mut sign_start: Option<usize> = None;
    let tokens = cell
        .split([' ', '\u{3000}'])
        .filter(|token| !token.is_empty())
        .map(|token| (token.as_ptr() as usize - cell.as_ptr() as usize, token));
    for (start, token) in tokens {
        if matches!(token, "△" | "▲") && sign_start.is_none() {
            sign_start = Some(start);
            continue;
        }
        let from = sign_start.take().unwrap_or(start);
        // `38,000※1`: a note's mark on the figure is no part of it.
        let token = without_note_mark(token);
        let whole = &cell[from..start + token.len()];
        if super::year_tables::is_dash(whole) {
            // `－ 企画課`: a column left empty, then a note one space after it.
            numbers.push(whole);
            continue;
        }
        // A rate closes a run of numbers too (`35,000 △23,000 △65.7％`), and amounts with
        // their units make one (`８９６億４，２００万円 ２１億３，５８０万円`).
        if parse_number(whole.trim_end_matches(['%', '％'])).is_none()
            && !is_whole_amount_text(whole)
        {
            // Figures one space before a note (`１，３５０．０ ２，７００ 補助率１／２`): the
            // figures and the note, each a cell; a bare number before words is a numbering.
            let figures = numbers
                .iter()
                .any(|n| n.contains([',', '，', '.', '．']) || super::year_tables::is_dash(n));
            if figures && sign_start.is_none() {
                // `8,640 １　社会福祉総務事務費`: the bare number is the note's numbering.
                let numbering = numbers
                    .last()
                    .filter(|n| n.chars().all(|c| c.is_numeric()))
                    .filter(|_| numbers.len() >= 2);
                let from = match numbering {
                    Some(n) => n.as_ptr() as usize - cell.as_ptr() as usize,
                    None => from,
                };
                numbers.truncate(numbers.len() - usize::from(numbering.is_some()));
                numbers.push(cell[from..].trim());
                return numbers;
            }
            return vec![cell];
        }
        numbers.push(whole);
    }
    if numbers.len() < 2 || sign_start.is_some() {
        return vec![cell];
    }
    numbers
}

/// Whether a text is one amount with its unit and nothing else (`２１億３，５８０万円`).
pub fn is_whole_amount_text(text: &str) -> bool {
    matches!(find_amounts(text).as_slice(), [amount] if amount.start == 0 && amount.end == text.len())
}

/// A figure with the mark of its note after it (`38,000※1`, `1,350＊2`).
static NOTE_MARKED_FIGURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^([△▲\-−]?[\d０-９][\d０-９,，.．]*)(?:※|＊|\*)[\d０-９]{0,2}$")
        .expect("note-marked figure pattern")
});

/// `token` without the mark of a note after its figure; any other token as it is.
fn without_note_mark(token: &str) -> &str {
    NOTE_MARKED_FIGURE
        .captures(token)
        .and_then(|caps| caps.get(1))
        .map_or(token, |figure| figure.as_str())
}

/// A name, a dot leader (two or more `…`/`‥`, or three or more dots) and the one figure
/// it leads to at the line's end.
static LEADER_TO_FIGURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(.*[^…‥・.．·･\s])\s*(?:[…‥]{2,}|[・.．·･]{3,})[…‥・.．·･]*\s*([△▲]?\s?[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?)$",
    )
    .expect("leader pattern")
});

static WIDE_GAP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[ \u{3000}]{2,}").expect("gap pattern"));

/// `label  1,234  △ 56` → `["label", "1,234", "△ 56"]`; a line without trailing numbers is one
/// cell.
fn trailing_numbers(line: &str) -> Vec<&str> {
    let mut cells: Vec<&str> = Vec::new();
    let mut end = line.len();
    loop {
        let head = line[..end].trim_end_matches([' ', '\u{3000}']);
        let start = head
            .rfind([' ', '\u{3000}'])
            .map(|i| i + head[i..].chars().next().map_or(1, char::len_utf8))
            .unwrap_or(0);
        let token = &head[start..];
        // A rate closes a row too (`△45,560 △3.0％`), and so does a figure with its change
        // in parentheses (`5,240（＋60）`).
        let number = token.trim_end_matches(['%', '％']);
        let number = figure_and_remark(number)
            .filter(|(_, remark)| signed_number(parenthesised(remark)).is_some())
            .map_or(number, |(figure, _)| figure);
        if number.is_empty() || parse_number(number).is_none() {
            break;
        }
        let before = head[..start].trim_end_matches([' ', '\u{3000}']);
        let (cell_start, rest) = match before.strip_suffix(['△', '▲']) {
            Some(rest) => (rest.len(), rest),
            None => (start, before),
        };
        cells.push(line[cell_start..head.len()].trim());
        end = rest.len();
        if end == 0 {
            break;
        }
    }
    let label = line[..end].trim();
    if !label.is_empty() {
        cells.push(label);
    }
    cells.reverse();
    cells
}

/// A figure cell's number and the remark in parentheses right after it (`5,240（＋60）` →
/// `5,240`, `（＋60）`); `None` for any other text.
pub fn figure_and_remark(cell: &str) -> Option<(&str, &str)> {
    let (number, remark) = cell.split_at(cell.find(['（', '('])?);
    (parse_number(number).is_some() && remark.trim_end().ends_with(['）', ')']))
        .then(|| (number.trim_end(), remark.trim_end()))
}

/// The text inside a parenthesis (`（＋60）` → `＋60`), trimmed.
pub fn parenthesised(text: &str) -> &str {
    text.trim_start_matches(['（', '('])
        .trim_end_matches(['）', ')'])
        .trim()
}

/// A number its sign marks as a change (`＋60`, `▲340`, `±0`), without a plus sign; `None`
/// for a number without a sign or any other text.
pub fn signed_number(text: &str) -> Option<&str> {
    (text.starts_with(['+', '＋', '▲', '△', '±']) && parse_number(text).is_some())
        .then(|| text.trim_start_matches(['+', '＋', '±']))
}

/// A table cell's amount in 億円: an amount with its own unit, or a bare number in `unit`.
pub fn cell_amount(cell: &str, unit: Option<&str>) -> Option<Decimal> {
    if let Some(found) = find_amounts(cell).first() {
        return Some(found.oku);
    }
    if is_code_number(cell) {
        return None;
    }
    let number = parse_number(cell)?;
    to_oku(number, unit?)
}

/// Whether a cell's number is a code, written with a leading zero (`0087`, a project's
/// number), no quantity.
fn is_code_number(cell: &str) -> bool {
    let folded = crate::normalize::nfkc(cell.trim());
    let mut digits = folded.chars();
    digits.next() == Some('0') && digits.next().is_some_and(|c| c.is_ascii_digit())
}

/// The amount of a cell in a column of changes (`2,800万円減`, `△280`, `1,500`): negative
/// when the cell says it is a decrease.
pub fn change_cell_amount(cell: &str, unit: Option<&str>) -> Option<Decimal> {
    let amount = cell_amount(cell, unit)?;
    let decrease = cell.trim().ends_with('減');
    Some(if decrease { -amount.abs() } else { amount })
}

/// An amount in running text with what its context says about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlineFigure {
    /// The amount and its byte span in the text.
    pub amount: AmountMatch,
    /// Year and kind written beside it (a parenthesis after it, or the clause before it).
    pub year_kind: YearKind,
    /// Years from the one in force when no year is written: -1 for 前年度 and for an
    /// amount in parentheses right after another (`1,234百万円（1,000百万円）`).
    pub year_offset: i16,
    /// The kind is not written but implied: an earlier year's figure beside a budget is its
    /// initial budget. Only meaningful where the context speaks of a budget.
    pub kind_implied: bool,
    /// A change (増減, 比較, 増額/減額, △/▲) rather than a budget.
    pub change: bool,
    /// A limit, ceiling or unit rate (起債の限度額, 補助上限, 単価), or the total a sentence
    /// gives after adding an amount (`…を追加し、歳入歳出予算の総額を…とする`), rather than a
    /// budget.
    pub limit: bool,
    /// The kind was read from a plain 予算 only (`歳入歳出予算の総額に…`), which says no more
    /// than that a budget is meant: a kind in force around it prevails.
    pub kind_plain: bool,
    /// A figure of a sentence that speaks of no budget (`旅行消費額は約8.1兆円と、…記録した。`):
    /// a statistic, not a budget.
    pub outside_budget_talk: bool,
    /// の内数.
    pub inclusive: bool,
    /// 新規, 事項要求, 再掲, 〔〕.
    pub flags: BTreeSet<BudgetFlag>,
}

/// Whether the words between an amount and the next one (`after`, up to it) are 増 or 減
/// alone, set apart from both (`４億９，０５０万円　減　８４０万円`): the word labels the next
/// amount, a change, and says nothing of this one.
fn labels_next_amount(after: &str, next_follows: bool) -> bool {
    next_follows
        && after
            .strip_prefix(['増', '減'])
            .is_some_and(|rest| rest.starts_with(char::is_whitespace) && rest.trim().is_empty())
}

/// Labels that, right before an amount, make it a change (`比較増減額 △53億円`).
const CHANGE_LABELS: [&str; 16] = [
    "比較",
    "対前年度増額",
    "対前年度減額",
    "比べ",
    "比較して",
    "比較し",
    "対前年度",
    "増減",
    "増減額",
    "比較増減",
    "比較増減額",
    "差額",
    "差引",
    "前年度比",
    "対前年度比",
    "対前年度増減",
];

/// Words in an amount's sentence, before it, that make it a limit, a balance or a
/// commitment over several years (継続費, 債務負担行為), not a budget.
const LIMIT_WORDS: [&str; 40] = [
    "貸付計画",
    "累計",
    "契約額",
    "契約ベース",
    "後年度負担",
    "財源は",
    "財源として",
    "財源：",
    "財源:",
    "事業規模",
    "事業費総額",
    "事業費ベース",
    "事業費は",
    "限度額",
    "上限",
    "限度",
    "補助率",
    "残高",
    "債務負担行為",
    "継続費",
    "財源内訳",
    "目標額",
    "見込",
    "総事業費",
    "全体事業費",
    "融資枠",
    "貸付枠",
    "貸付規模",
    "融資規模",
    "発行総額",
    "決算額",
    "財政支出",
    "返納",
    "最高額",
    "か月予算",
    "ヶ月予算",
    "カ月予算",
    "被害額",
    "取崩",
    "取り崩",
];

/// Whether a label names something other than a budget: a limit, rate, balance or
/// commitment (`財政調整基金の残高見込み`, `起債の限度額`), a target or estimate
/// (`寄附目標額`), a funding breakdown (`財源内訳`), a running total (`補正予算額の累計`), a multi-year total or a project's whole
/// cost (`総事業費`, `事業規模`, `…を含めた事業費は`), a lending volume (`貸付規模`), an issue
/// (`発行総額`), what was spent (`決算額`), an economic package's spending (`財政支出`), what
/// goes back to the treasury (`国庫返納`) or contracts paid in later years (`契約額`,
/// `新規後年度負担額`), a lender's plan of loans (`貸付計画`), a monthly rate (`月額`), the
/// most a body may borrow for a while (`一時借入金の最高額`) or a sum of two budgets over
/// more than a year's months (`１４か月予算`), a disaster's damage (`被害額`), or what a
/// fund gives up to the budget (`取崩し額`, revenue of the account it goes to).
pub fn names_a_limit(label: &str) -> bool {
    LIMIT_WORDS.iter().any(|w| label.contains(w)) || names_a_rate(label)
}

/// Whether the words right after an amount make it a limit or a carry-over by the noun they
/// give it (`２１億５，０００万円の繰越明許費を設定`, `１５億円の事業規模`), not a budget.
fn names_a_limit_after(after: &str) -> bool {
    let Some(rest) = after.strip_prefix('の') else {
        return false;
    };
    let noun_end = rest
        .find(['を', 'が', 'は', 'で', 'と', '、', '。', '（', '('])
        .unwrap_or(rest.len());
    let noun = &rest[..noun_end];
    names_a_limit(noun) || CARRY_OVER_WORDS.iter().any(|w| noun.contains(w))
}

/// Words for an amount carried over into the next year (`繰越明許費`, `事故繰越`): spending
/// allowed later, no budget of its own.
const CARRY_OVER_WORDS: [&str; 2] = ["繰越明許", "事故繰越"];

/// The word for a budget's revenue (`一般会計の主な歳入`, `歳入合計`).
const REVENUE_WORD: &str = "歳入";
/// The word for a budget's spending; with it, revenue is named beside spending
/// (`歳入歳出予算の総額`), not alone.
const EXPENDITURE_WORD: &str = "歳出";
/// The word for a source of funding (`補正予算の財源`, `一般財源`).
const FUNDING_SOURCE_WORD: &str = "財源";
/// Words that name a breakdown of funding sources wherever they stand in a name
/// (`要求額の財源内訳`, `財源構成`).
const FUNDING_BREAKDOWN_WORDS: [&str; 4] = ["財源内訳", "財源の内訳", "財源構成", "原資別"];

/// Whether a heading, caption or row label names where a budget's money comes from, not what
/// it is spent on: revenue alone (`２　一般会計の主な歳入`, `歳入合計`, a cell `歳入`) or
/// sources of funding (`補正予算の財源（一般会計）`, `財源内訳`, `一般財源`). The amounts
/// under it are no budgets of the items they name (`市税`, `国庫支出金`, `県債`). A name of
/// spending (`歳出`, `歳入歳出予算`) or of securing funds for a measure (`地方の一般財源総額の
/// 確保`) is none.
pub fn names_revenue(text: &str) -> bool {
    if text.chars().count() > MAX_REVENUE_NAME_CHARS || text.contains(SENTENCE_MARKS) {
        return false;
    }
    let folded = folded_header(text);
    if folded.contains(EXPENDITURE_WORD) {
        return false;
    }
    // `補正予算の財源（一般会計）`: the name before what its parenthesis adds.
    let name = folded
        .strip_suffix(')')
        .and_then(|inner| inner.rfind('('))
        .map_or(folded.as_str(), |at| &folded[..at]);
    // `合計（歳入）` names revenue in its parenthesis; `主要事業（財源内訳）` names a table
    // of projects with their sources beside.
    folded.contains(REVENUE_WORD)
        || INCOME_BANDS.contains(&without_brackets(name))
        || name.ends_with(FUNDING_SOURCE_WORD)
        || names_funding_breakdown(name)
        || names_bonds(name)
}

/// The word for a public body's bonds (`県債`, `臨時財政対策債`), which raise revenue.
const BOND_WORD: &str = "債";
/// What a body's bonds issued in a year are called (`県債発行額`).
const BOND_ISSUE: &str = "債発行";

/// Whether a row label names bonds or their issue (`うち臨時財政対策債`, `県債発行額`):
/// revenue, no budget of spending.
fn names_bonds(name: &str) -> bool {
    name.trim_start_matches("うち").ends_with(BOND_WORD) || name.contains(BOND_ISSUE)
}

/// Whether a text names a breakdown of funding sources (`要求額の財源内訳`, `財源構成`), which
/// also heads the columns of a table of projects that give their sources beside their cost.
pub fn names_funding_breakdown(text: &str) -> bool {
    let folded = folded_header(text);
    FUNDING_BREAKDOWN_WORDS
        .iter()
        .any(|word| folded.contains(word))
}

/// An agency's or an account's band of income (`収入`, `【収入の部】`) and its total: the
/// rows under it are where its money comes from.
const INCOME_BANDS: [&str; 4] = ["収入", "収入の部", "収入計", "収入合計"];
/// An agency's or an account's band of spending (`支出`, `【支出の部】`) and its total.
const OUTGOING_BANDS: [&str; 4] = ["支出", "支出の部", "支出計", "支出合計"];

/// A folded text without the brackets around it (`【収入】` → `収入`).
fn without_brackets(folded: &str) -> &str {
    folded
        .trim_start_matches(['【', '[', '(', '〔', '<', '〈', '《', '■', '□', '◆', '●'])
        .trim_end_matches(['】', ']', ')', '〕', '>', '〉', '》'])
}

/// Whether a short line names spending alone (`２　一般会計の歳出`, `【歳出】`, `歳出合計`,
/// an agency's band `支出`).
pub fn names_spending(text: &str) -> bool {
    let folded = folded_header(text);
    text.chars().count() <= MAX_REVENUE_NAME_CHARS
        && (folded.contains(EXPENDITURE_WORD)
            || OUTGOING_BANDS.contains(&without_brackets(&folded)))
        && !folded.contains(REVENUE_WORD)
}

/// Particles and stops of a sentence (`寄附額は歳入で２億円を見込んで`), which no name of
/// revenue holds.
const SENTENCE_MARKS: [char; 4] = ['は', 'を', '。', '、'];

/// Most chars of a name, heading or caption of revenue; a longer text is a sentence.
const MAX_REVENUE_NAME_CHARS: usize = 40;

/// Words that make the amount right after them a rate per head, unit or month (`１人当たり
/// ５万円`, `補助単価`, `月額`), not a budget.
const RATE_WORDS: [&str; 4] = ["単価", "当たり", "あたり", "月額"];

/// Whether a text names a rate per head, unit or month.
pub fn names_a_rate(text: &str) -> bool {
    RATE_WORDS.iter().any(|w| text.contains(w))
}

/// Words naming who one grant goes to, which make an amount labelled by them alone a rate
/// for each (`移住支援金（単身60万円、世帯100万円）`), not a budget.
const RECIPIENT_WORDS: [&str; 9] = [
    "単身", "世帯", "1世帯", "夫婦", "個人", "法人", "1人", "1件", "1戸",
];

/// Whether the words right before an amount, since a bracket, a comma or a space, are a
/// recipient alone (`（単身`, `、世帯`).
fn labels_a_recipient(clause: &str) -> bool {
    let folded = crate::normalize::nfkc_cow(clause);
    let label = folded
        .trim_end()
        .rsplit(['(', '、', ',', ' ', '\u{3000}'])
        .next()
        .unwrap_or_default();
    RECIPIENT_WORDS.contains(&label)
}

/// Words that make the amount right after them a figure of how a budget is carried out, not
/// a budget: what was spent (`令和６年度執行実績　４１２億円`), received or paid so far
/// (`収入済額`, `支出済額`), carried over from the year before (`前年度繰越額`), or the
/// budget in force with all of those (`予算現額`: initial, supplementary and carried over
/// together, of no one kind).
const EXECUTION_AMOUNT_WORDS: [&str; 6] = [
    "執行額",
    "執行実績",
    "収入済額",
    "支出済額",
    "繰越額",
    "予算現額",
];

/// The word of settled accounts (`令和７年度決算`): what was spent, which no budget figure is.
pub const SETTLED_WORD: &str = "決算";

/// Whether the words before an amount (`（参考）令和７年度決算 歳出総額`) say it was spent: they
/// name settled accounts, and no budget after them (`…決算を踏まえ、令和８年度予算は`).
fn names_settled_amount(clause: &str) -> bool {
    clause.rfind(SETTLED_WORD).is_some_and(|at| {
        let after = &clause[at + SETTLED_WORD.len()..];
        !after.contains("予算") && BudgetKind::detect(after).is_none()
    })
}

/// The text after a parenthesis that opens it (`（4.5％）の増` → `の増`); the text as it
/// is when it opens none or the parenthesis is not closed.
fn skip_parenthesis(text: &str) -> &str {
    let Some(inside) = text.strip_prefix(['（', '(']) else {
        return text;
    };
    match inside.find(['）', ')']) {
        Some(end) => &inside[end + inside[end..].chars().next().map_or(1, char::len_utf8)..],
        None => text,
    }
}

/// An era's letter and year written right before an amount, alone (`R8　2,486百万円`,
/// `（Ｒ７　５４０百万円`): the year that figure is of.
static ERA_LABEL_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[\s（(、，:：/／])([RH]\d{1,2})\s*$").expect("era label pattern")
});

/// The fiscal year an era label alone right before an amount names (`R7`, `Ｒ７`, `H30`).
fn era_label_before(before: &str) -> Option<FiscalYear> {
    if !before.trim_end().ends_with(|c: char| c.is_numeric()) {
        return None;
    }
    let folded = crate::normalize::nfkc_cow(before);
    let caps = ERA_LABEL_BEFORE.captures(&folded)?;
    FiscalYear::parse_label(caps.get(1)?.as_str())
}

/// Amounts in running text, each with the year and kind written beside it.
pub fn inline_figures(text: &str) -> Vec<InlineFigure> {
    let amounts = find_amounts(text);
    let mut figures = Vec::new();
    for (index, amount) in amounts.iter().enumerate() {
        let previous_end = index
            .checked_sub(1)
            .and_then(|i| amounts.get(i))
            .map_or(0, |a| a.end);
        let next_start = amounts.get(index + 1).map_or(text.len(), |a| a.start);
        let before = clause_before(&text[previous_end..amount.start]);
        let after = &text[amount.end..next_start];
        let parenthesis = parenthesis_after(&text[amount.end..]);
        let sentence_start = text[..amount.start]
            .rfind('。')
            .map_or(0, |i| i + '。'.len_utf8());
        // `令和７年度予算では、同事業に２０７億円を計上し`: what the clause leaves unsaid, the
        // sentence said before it (since the previous amount).
        let sentence = &text[sentence_start.max(previous_end)..amount.start];
        let mut written = YearKind::read(parenthesis)
            .or(YearKind::read(before))
            .or(YearKind {
                year: era_label_before(before),
                kind: None,
            });
        // A figure of the year before (`要求額 … / 前年度 1,200百万円`) keeps to its own
        // clause: the sentence's kind is the other figure's.
        if relative_year(&format!("{parenthesis}{before}")) == 0 {
            written = written.or(YearKind::read(sentence));
            // `令和６年度補正予算において、…関係予算として2,110億円`: a plain 予算 beside
            // the amount gives way to the kind the sentence names.
            if BudgetKind::detect(parenthesis)
                .or(BudgetKind::detect(before))
                .is_none()
                && let Some(kind) = BudgetKind::detect(sentence)
            {
                written.kind = Some(kind);
            }
        }
        let kind_plain = written.kind.is_some()
            && BudgetKind::detect(parenthesis)
                .or(BudgetKind::detect(before))
                .or(BudgetKind::detect(sentence))
                .is_none();
        // `96,500百万円（うち重要政策推進枠 18,000百万円）（82,400百万円）`: the part the
        // first parenthesis gives is no figure the second compares with.
        let after_part = index >= 2
            && matches!(text[previous_end..amount.start].trim(), "）（" | ")(")
            && text[amounts[index - 2].end..amounts[index - 1].start]
                .trim_start()
                .strip_prefix(['（', '('])
                .is_some_and(|inside| inside.trim_start().starts_with(PART_WORD));
        let comparison = index > 0
            && (matches!(text[previous_end..amount.start].trim(), "（" | "(") || after_part)
            && written.is_empty();
        let year_offset = if comparison {
            -1
        } else {
            relative_year(&format!("{parenthesis}{before}"))
        };
        let kind_implied = year_offset < 0 && written.kind.is_none();
        let year_kind = if kind_implied {
            YearKind {
                kind: Some(BudgetKind::Initial),
                ..written
            }
        } else {
            written
        };
        // `…１億２，３４０万円（4.5％）の増`: a parenthesis may stand before the word.
        let after_start = skip_parenthesis(after.trim_start()).trim_start();
        let label =
            before.trim_end_matches([' ', '\u{3000}', '\t', ':', '：', '】', '+', '＋', '±']);
        // `障害者自立支援給付費の増（４５，２００千円）`: the amount of an increase or decrease.
        let written_before = text[previous_end..amount.start].trim_end();
        let opened = written_before.trim_end_matches(['（', '(']);
        // `（+784百万円）`, `（±0億円）`: a signed amount is a change.
        let signed = written_before.ends_with(['+', '＋', '±']);
        let change_in_parenthesis = opened.len() < written_before.len()
            && ["増", "減", "増額", "減額"]
                .iter()
                .any(|w| opened.ends_with(w));
        // `１２億３，４００万円、２．６％の増となる`, `316.6百万円・2.6%増`: a rate between an
        // amount and its 増.
        // (`（前年度　７，１４８億円、１．２％増）`: a rate after a comma compares the figure
        // before the parenthesis, not this one.)
        let after_rate = after_start
            .strip_prefix(['、', '，', '・'])
            .filter(|rest| rest.starts_with(|c: char| c.is_numeric()))
            .map(|rest| {
                rest.trim_start_matches(|c: char| {
                    c.is_numeric() || matches!(c, '.' | '．' | '%' | '％')
                })
            })
            .filter(|rest| {
                let bare = after_start.starts_with('・') && rest.starts_with(['増', '減']);
                bare || rest.starts_with("の増") || rest.starts_with("の減")
            });
        // `一般会計　補正額　▲５，０００千円`: a negative amount its label calls a
        // supplementary is that supplementary, no change.
        let labelled_supplementary = BudgetKind::detect(label) == Some(BudgetKind::Supplementary);
        // `（前年度　４億９，０５０万円　減　８４０万円）`: 増 or 減 alone labels a change.
        let lone_change_word = label
            .strip_suffix(['増', '減'])
            .is_some_and(|rest| rest.is_empty() || rest.ends_with(char::is_whitespace));
        // `要求から27,300千円を減額`, `前年度から５億円を増額`: what a figure moved by from
        // another is a change.
        let moved_from = written_before
            .trim_end_matches(['、', '，'])
            .ends_with("から")
            && ["を減", "を増"].iter().any(|w| after_start.starts_with(w));
        let change = (amount.oku.is_sign_negative() && !labelled_supplementary)
            || moved_from
            || signed
            || lone_change_word
            || after_rate.is_some()
            || change_in_parenthesis
            // `比較増△減額`: the sign marks written into a label say nothing of it.
            || CHANGE_LABELS
                .iter()
                .any(|w| label.replace(['△', '▲'], "").ends_with(w))
            // `前年度を1,150億円下回る2兆9,850億円`: what it falls short by is a change too.
            || ["の増", "の減", "増", "減", "下回", "上回"]
                .iter()
                .any(|w| after_start.starts_with(w))
                // `… 2,100百万円　増減　245百万円`: 増減 labels the next amount, and so does
                // 増 or 減 alone (`４億９，０５０万円　減　８４０万円`).
                && !after_start.starts_with("増減")
                && !labels_next_amount(after_start, next_start < text.len());
        let (inclusive, flags) = detect_qualifiers(&format!("{before}{}", qualifier_text(after)));
        let between = &text[previous_end..amount.start];
        let total_after_change = index > 0
            && between.contains("総額")
            && ["追加", "減額", "増額"].iter().any(|w| between.contains(w));
        // `歳入歳出予算の総額を歳入歳出それぞれ５５，０７７，６３２千円とする。`: the total
        // a supplementary leaves, not its amount.
        let total_set = text[sentence_start..amount.start].contains("総額を")
            && after.trim_start().starts_with("とする");
        // `（補正後の予算額　535,988,521千円）`: the budget a supplementary leaves.
        // `既定の歳入歳出予算の総額　２，８４６，１５０千円`: the total before a supplementary
        // (not `…の総額に歳入歳出それぞれ…を追加し`, its increase).
        let total_before = before.contains("既定") && label.ends_with("総額");
        // `…と合わせた補正後の予算額は、９，５０３億円`: the words since the figure before.
        let around_supplementary = total_before
            || AROUND_SUPPLEMENTARY_WORDS
                .iter()
                .any(|w| between.contains(w));
        // `子育て世帯に最大 1,500千円を補助`, `改修補助（上限100万円）`: what one may get at
        // most is a cap.
        let cap_word = text[previous_end..amount.start].trim_end_matches([' ', '\u{3000}']);
        let cap = ["最大", "上限"].iter().any(|word| cap_word.ends_with(word));
        // `財源　国庫支出金　２１，６００千円　村債　８，１００千円` under an item: where its
        // money comes from.
        let funding_line = opens_with_funding(text);
        // `国費 3,105億円（事業費 4,212億円）`, or a line opening with `（事業費 １兆４，２６０
        // 億円）` under the figure it stands beside: a project's whole cost set beside the
        // state's share of it is no budget (`子育て支援事業（事業費 12,345千円）` is one, and so
        // is a part, `（うち災害復旧等事業費 １，９８０億円）`).
        let cost_beside_share = between.trim_start().starts_with(['（', '('])
            && label.trim_start_matches(['（', '(']).trim() == PROJECT_COST;
        let limit = total_after_change
            || total_set
            || names_a_limit_after(after_start)
            || cost_beside_share
            || funding_line
            || around_supplementary
            || cap
            || {
                let said_before = without_figure_notes(&text[sentence_start..amount.start]);
                LIMIT_WORDS.iter().any(|w| said_before.contains(w))
            }
            // A rate or what was spent is the amount right after its words (`児童１人当たり
            // ５万円を支給する…給付金として１，４８０億円`: the budget after the rate is none).
            || {
                let own_clause =
                    without_figure_notes(&text[sentence_start.max(previous_end)..amount.start]);
                names_a_rate(&own_clause)
                    || labels_a_recipient(&own_clause)
                    || EXECUTION_AMOUNT_WORDS.iter().any(|w| own_clause.contains(w))
                    || names_settled_amount(&own_clause)
            };
        let sentence_end = text[amount.end..]
            .find('。')
            .map_or(text.len(), |i| amount.end + i + '。'.len_utf8());
        let whole_sentence = &text[sentence_start..sentence_end];
        let outside_budget_talk = whole_sentence.ends_with('。')
            && !speaks_of_budget(whole_sentence)
            && !allots_alone(
                &text[sentence_start..amount.start],
                &text[amount.end..sentence_end],
            );
        // `418億円（前年度比22億円減）`, `前年度を1,150億円下回る`: a change stated as a
        // decrease is negative.
        let decrease = change
            && (["減", "の減", "を減", "下回"]
                .iter()
                .any(|w| after_start.starts_with(w))
                || after_rate.is_some_and(|rest| rest.starts_with("の減"))
                || lone_change_word && label.ends_with('減'));
        let amount = AmountMatch {
            oku: if decrease {
                -amount.oku.abs()
            } else {
                amount.oku
            },
            ..amount.clone()
        };
        figures.push(InlineFigure {
            amount,
            year_kind,
            year_offset,
            kind_implied,
            change,
            limit,
            kind_plain,
            outside_budget_talk,
            inclusive,
            flags,
        });
    }
    // `3億8,500万円 → 4億3,200万円`: the figure an arrow leads from is the year before the
    // one it leads to, its initial budget.
    for index in 1..figures.len() {
        let between = text[figures[index - 1].amount.end..figures[index].amount.start].trim();
        let from = &mut figures[index - 1];
        if is_arrow(between) && from.year_kind.year.is_none() && from.year_offset == 0 {
            from.year_offset = -1;
            from.kind_implied = from.year_kind.kind.is_none();
            if from.kind_implied {
                from.year_kind.kind = Some(BudgetKind::Initial);
            }
        }
    }
    figures
}

/// Whether the words between two figures are only an arrow from one to the next
/// (`前年度 → 本年度`).
pub fn is_arrow(between: &str) -> bool {
    matches!(between.trim(), "→" | "⇒" | "➡" | "▶")
}

/// Whether a sentence is only a purpose and the amount given to it (`藻場の保全に 720百万円
/// （新規）。`, `…対策として３億円。`), as a budget's list of items words each: `before` and
/// `after` are the sentence's text on either side of the amount. A statistic has a subject
/// (`…は`, `…が`) or goes on after its amount (`…に達した`).
fn allots_alone(before: &str, after: &str) -> bool {
    let before = before.trim_end();
    let after = after.trim_end_matches('。').trim();
    let note_only = after.is_empty()
        || (after.starts_with(['（', '('])
            && after.ends_with(['）', ')'])
            && find_amounts(after).is_empty());
    amount_link(before).is_some() && !before.contains(['は', 'が', '、', '。']) && note_only
}

/// Words that link a purpose to the amount given to it (`藻場の保全に 720百万円`, `…対策として
/// 1,860百万円`), longest first.
const AMOUNT_LINKS: [&str; 2] = ["として", "に"];

/// The word a text ends with that links it, a purpose, to the amount after it; `None` when
/// it ends in no such word.
pub fn amount_link(text: &str) -> Option<&'static str> {
    AMOUNT_LINKS
        .iter()
        .copied()
        .find(|link| text.ends_with(link))
}

/// What links a name to the amount right after it in a sentence, longest first: `…機構に対し、
/// ８９８億円`, `「…補助」として７６億円`, `…事業に２０７億円`, `…交付金（8,290億円の内数）`,
/// `…特別会計において3億1,000万円を要求`, `…事業には2,315億円`.
const SUBJECT_LINKS: [&str; 13] = [
    "において、",
    "において",
    "に対して、",
    "に対し、",
    "に対して",
    "に対し",
    "として、",
    "として，",
    "として",
    "には",
    "に",
    "（",
    "(",
];

/// Phrases that say an amount is what a purpose costs (`防災気象情報の高度化に必要な経費
/// として、４４２億円`): the words before them name the figure, whatever they are.
const PURPOSE_PHRASES: [&str; 6] = [
    "に必要な経費",
    "に要する経費",
    "に必要な費用",
    "に要する費用",
    "ための経費",
    "ための費用",
];

/// The word for an account's whole amount (`一般会計で総額…`).
const TOTAL_WORD: &str = "総額";

/// The ending of an account's name (`一般会計`, `東日本大震災復興特別会計`).
const ACCOUNT_ENDING: &str = "会計";

/// Endings of a clause that names what is done, not a name (`…を支援するための経費として`,
/// `…浚渫を実施することに要する経費として`): the amount is the open item's.
const DOING_ENDINGS: [&str; 4] = ["する", "こと", "ため", "行う"];

/// Phrases after which a sentence's subject starts (`令和７年度予算では日本版MaaS推進事業に`,
/// `このほか東日本大震災復興特別会計において`, `これに…特別会計の…を加えると`, a date's
/// `７月３１日付けで一般会計補正予算（第２号）`).
const SUBJECT_OPENERS: [&str; 12] = [
    "付けで",
    "付で",
    "このほか",
    "これに",
    "においても",
    "において",
    "では",
    "には",
    "として、",
    "うち",
    "及び",
    "並びに",
];

/// The name a sentence gives the amount that follows it, with its byte offset in the text
/// before the amount.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Subject<'t> {
    /// Byte offset of the name in the text before the amount.
    pub at: usize,
    /// The name as written.
    pub name: &'t str,
    /// The amount follows the name in a parenthesis under a figure label
    /// (`防災ＤＸ・防災科学技術の推進（令和７年度予算額　２，３４５百万円）`) or a phrase of
    /// purpose (`…の高度化に必要な経費として`): whatever the name, the figure is its.
    pub labelled: bool,
}

/// The name a sentence gives the amount that follows `before` (the sentence up to the
/// amount): the words right before `に`, `に対し`, `として`, an opening parenthesis (with a
/// figure label in it or not), a space or the amount itself, back to the clause's start
/// (`、`, `を`, `「`, `では` …), without quotes. `None` when the words are no name (too
/// short or long, a time, a clause).
pub fn prose_subject(before: &str) -> Option<Subject<'_>> {
    let trimmed = before.trim_end_matches([' ', '\u{3000}']);
    // `一般会計補正予算（第2号）23,870千円`: the bill's number is no part of the name.
    let trimmed = BILL_NUMBER_AT_END
        .find(trimmed)
        .map_or(trimmed, |number| &trimmed[..number.start()]);
    // `地域交通・物流関係予算の令和９年度概算要求額は、`: the topic whose figure a label names;
    // `外務省所管一般会計の令和７年度当初予算額７，４２１億円`: so too right before the amount,
    // when the label names its year.
    let topic = trimmed
        .trim_end_matches(['、', '，'])
        .strip_suffix('は')
        .and_then(|topic| {
            let at = topic.rfind('の')?;
            is_figure_label(&topic[at + 'の'.len_utf8()..]).then(|| &topic[..at])
        })
        .or_else(|| {
            let at = trimmed.rfind('の')?;
            let label = &trimmed[at + 'の'.len_utf8()..];
            let topic = &trimmed[..at];
            // `重要政策推進枠の要望額684億円`: a label naming no year before the amount names
            // its topic's figure too, when the topic is no time (`前年度の予算額`).
            let clause = topic.rsplit(['、', '，']).next().unwrap_or(topic);
            let timeless = YearKind::read(clause).is_empty() && relative_year(clause) == 0;
            (is_figure_label(label) && (YearKind::read(label).year.is_some() || timeless))
                .then_some(topic)
        });
    let trimmed = topic.unwrap_or(trimmed);
    let spaced = without_trailing_figure_label(trimmed);
    let labelled = topic.is_some()
        || (spaced.len() < trimmed.len() && trimmed[spaced.len()..].starts_with(['（', '(']));
    let text = spaced.trim_end_matches('約');
    // `…設備整備費補助金 3,210百万円`: a space links a name to its amount too; with no link,
    // the words right before the amount (`一般会計3,312億円`).
    let linked = SUBJECT_LINKS
        .iter()
        .find_map(|link| text.strip_suffix(link))
        .unwrap_or(text);
    // `…補正予算（第2号）は、一般会計で8,643億円` (or `…一般会計で総額2,148億円`): an
    // account the amount is given in; `これに…特別会計の616億円を加えると`: an account's
    // amount.
    let linked = match linked
        .strip_suffix(TOTAL_WORD)
        .unwrap_or(linked)
        .strip_suffix(['で', 'の'])
    {
        Some(account) if account.ends_with(ACCOUNT_ENDING) => account,
        _ => linked,
    };
    // `…事業として令和８年度当初予算に`: the label between the link and the amount says
    // only which figure it is.
    let linked = match linked.rfind("として") {
        Some(at) if is_figure_label(&linked[at + "として".len()..]) => &linked[..at],
        _ => linked,
    };
    let purpose = PURPOSE_PHRASES
        .iter()
        .find_map(|phrase| linked.strip_suffix(phrase));
    let linked = purpose.unwrap_or(linked);
    let labelled = labelled || purpose.is_some();
    // `**こども医療費助成事業**に`: Markdown's bold marks, like quotes, set the name apart.
    let linked = linked.trim_end().trim_end_matches(['」', '』', '*']);
    // `特別会計（5会計）の合計は`: a note in parentheses after the name is no part of it.
    let linked = match linked.strip_suffix(['）', ')']) {
        Some(inner) => inner
            .rfind(['（', '('])
            .map(|open| &linked[..open])
            .filter(|name| !name.is_empty())
            .unwrap_or(linked),
        None => linked,
    };
    // `観光地域づくり法人（DMO）の機能強化`: a parenthesis closed inside the name, words of
    // the name after it, is part of it; the break is looked for before it.
    let mut searched = linked;
    while let Some(close) = searched.rfind(['）', ')'])
        && let after = searched[close..].trim_start_matches(['）', ')'])
        && !after.is_empty()
        && !after.contains(SUBJECT_BREAKS)
        && !after.contains('は')
        && let Some(open) = searched[..close].rfind(['（', '('])
        && !searched[open..close].contains(['、', '。'])
    {
        searched = &linked[..open];
    }
    let after_break = searched.rfind(SUBJECT_BREAKS).map_or(0, |at| {
        let after = at + linked[at..].chars().next().map_or(1, char::len_utf8);
        // `「交通空白」解消緊急対策事業`: a quote closed inside the name is part of it.
        let quoted_word = linked[at..].starts_with(['「', '『'])
            && linked[after..].contains(['」', '』'])
            && !linked[after..].ends_with(['」', '』']);
        if quoted_word { at } else { after }
    });
    // `避難所となる  小中学校体育館空調整備事業  に`: the name a line's bold marks (read as
    // two spaces each) set apart.
    let set_apart = linked
        .trim_end()
        .rfind(BOLD_GAP)
        .map(|at| at + BOLD_GAP.len());
    let start = SUBJECT_OPENERS
        .iter()
        .filter_map(|opener| linked.rfind(opener).map(|at| at + opener.len()))
        .chain([after_break])
        .chain(set_apart)
        .max()
        .unwrap_or(0);
    let name = linked[start..].trim_end();
    let at = start + (name.len() - name.trim_start_matches([' ', '\u{3000}', '*']).len());
    let name = name.trim_start_matches([' ', '\u{3000}', '*']);
    let chars = name.chars().count();
    let names_no_thing = TIME_ENDINGS.iter().any(|ending| name.ends_with(ending))
        || DOING_ENDINGS.iter().any(|ending| name.ends_with(ending));
    let stray_quote = name.contains(['」', '』']) && !name.starts_with(['「', '『']);
    // `…拡大するため、補正額として9,680千円`: budget wording alone names no item.
    ((2..=MAX_SUBJECT_CHARS).contains(&chars)
        && !names_no_thing
        && !is_figure_label(name)
        && !name.contains('は')
        && !stray_quote)
        .then_some(Subject { at, name, labelled })
}

/// Characters a sentence's subject starts after: a clause's or sentence's end, a quote's
/// opening, a parenthesis's close, an object's or subject's particle.
const SUBJECT_BREAKS: [char; 9] = ['、', '。', '，', '「', '『', '）', ')', 'を', 'が'];

/// The gap a Markdown bold mark (`**`) leaves in a line read without it.
const BOLD_GAP: &str = "  ";

/// A supplementary's or bill's number in parentheses at the end of a name (`（第2号）`,
/// `（第１次）`).
static BILL_NUMBER_AT_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[（(]第[0-9０-９一二三四五六七八九十]+[号次][）)]$").expect("bill number")
});

/// Endings of a time, which no amount is given to (`2023年度に約7,400億円`, `今回の補正額は`).
const TIME_ENDINGS: [&str; 9] = [
    "年度", "年", "月", "日", "末", "時点", "今回", "前回", "今般",
];

/// Text without the parentheses that hold figures of their own (`新庁舎整備事業（継続費設定：
/// 総額 8,400百万円）`): what they say is said of their figures, not of the text after them.
fn without_figure_notes(text: &str) -> String {
    let mut kept = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find(['（', '(']) {
        let inner_start = open + rest[open..].chars().next().map_or(1, char::len_utf8);
        let Some(close) = rest[inner_start..].find(['）', ')']) else {
            break;
        };
        let inner = &rest[inner_start..inner_start + close];
        let after = inner_start
            + close
            + rest[inner_start + close..]
                .chars()
                .next()
                .map_or(1, char::len_utf8);
        kept.push_str(&rest[..open]);
        if find_amounts(inner).is_empty() {
            kept.push_str(&rest[open..after]);
        }
        rest = &rest[after..];
    }
    kept.push_str(rest);
    kept
}

/// Words that open the figure wording after a name (`当初予算額`, `補正予算`, `前年度`; a
/// plain 予算 may be the name's own word, `防災関係予算`).
const KIND_WORDS: [&str; 9] = [
    "当初",
    "補正",
    "概算",
    "要求",
    "予算額",
    "決算",
    "前年度",
    "本年度",
    "対前年度",
];

/// A sentence's subject without the year and figure wording around its name
/// (`令和７年度一般会計当初予算額` → `一般会計`): the name with its byte offset in `subject`.
pub fn bare_subject(subject: &str) -> (usize, &str) {
    let years = find_fiscal_years(subject);
    let start = years
        .first()
        .filter(|year| year.start == 0)
        .map_or(0, |year| year.end.min(subject.len()));
    let start = if subject.is_char_boundary(start) {
        start
    } else {
        0
    };
    let name = subject[start..].trim_start_matches(['の', ' ', '\u{3000}']);
    let offset = subject.len() - name.len();
    let cut = name.char_indices().skip(1).map(|(at, _)| at).find(|at| {
        let rest = &name[*at..];
        KIND_WORDS.iter().any(|word| rest.starts_with(word)) && is_figure_label(rest)
    });
    match cut {
        Some(at) => (offset, name[..at].trim_end_matches('の')),
        None => (offset, name),
    }
}

/// The text before a figure label that opens an amount (`…特別会計　要求額`,
/// `…補助金（令和７年度予算額`, `、令和６年度補正予算額`), without the label and what parts it
/// from the name; the text as it is when it ends in no such label.
fn without_trailing_figure_label(text: &str) -> &str {
    const LABEL_BREAKS: [char; 5] = [' ', '\u{3000}', '（', '(', '、'];
    let Some(at) = text.rfind(LABEL_BREAKS) else {
        return text;
    };
    let label = text[at..].trim_start_matches(LABEL_BREAKS);
    if !label.is_empty() && is_figure_label(label) {
        text[..at].trim_end_matches([' ', '\u{3000}'])
    } else {
        text
    }
}

/// Longest name a sentence gives an amount, in chars.
const MAX_SUBJECT_CHARS: usize = 60;

/// Words by which a sentence speaks of budgets, besides the kinds of budget themselves.
const BUDGET_TALK: [&str; 13] = [
    "計上",
    "措置",
    "総額",
    "会計",
    "歳出",
    "歳入",
    "事業",
    "経費",
    "交付金",
    "補助",
    "基金",
    "負担金",
    "委託費",
];

/// Whether a sentence speaks of budgets: it names a kind of budget (予算, 補正, 要求 …) or
/// budget wording (計上, 措置, 歳出, 事業 …).
pub fn speaks_of_budget(sentence: &str) -> bool {
    kind_named(sentence).is_some() || BUDGET_TALK.iter().any(|word| sentence.contains(word))
}

/// The clause an amount closes: text after the last sentence or list break before it.
fn clause_before(text: &str) -> &str {
    // `前年度当初（５７億２，７００万円）`: the amount alone in parentheses after its label
    // of budget wording (after a name, `地方交付税交付金の増額（…）`, the name's figure).
    if let Some(label) = text.trim_end().strip_suffix(['（', '('])
        && let label = clause_before(label)
        && is_figure_label(label)
    {
        return label;
    }
    // `要求額：事項要求（前年度予算額：500百万円`: a parenthesis opens a clause of its own.
    let start = text
        .rfind(['。', '、', '，', ';', '；', '）', ')', '（', '(', '/', '／'])
        .map(|i| i + text[i..].chars().next().map_or(1, char::len_utf8))
        .unwrap_or(0);
    &text[start..]
}

/// The note in parentheses right after an amount, without its brackets, or "". A
/// parenthesis holding an amount of its own is a comparison figure, not a note.
fn parenthesis_after(after: &str) -> &str {
    let trimmed = after.trim_start();
    let Some(inner) = trimmed.strip_prefix(['（', '(', '[', '［', '〔']) else {
        return "";
    };
    let close = inner.find(['）', ')', ']', '］', '〕']);
    let note = &inner[..close.unwrap_or(inner.len())];
    // `（対前年度` at a line's end, `比115.5％）` on the next: the note may go on to a ratio.
    if close.is_none() && note.trim_end().ends_with("前年度") {
        return "";
    }
    // `（前年度　―　）`: the other year's figure, stated as none, is no note on this one.
    let states_none = note
        .split_whitespace()
        .next_back()
        .is_some_and(super::year_tables::is_dash);
    // `（前年度当初比　１０３．１％）`: a ratio to another year's budget, or the difference
    // from it, says nothing of this figure's year or kind.
    let states_a_ratio = RATIO_NOTE.is_match(note);
    // `（前年度　３，４８０）`: another year's figure written without its unit (this one's) is
    // no note on this one either.
    let states_another = note
        .split_whitespace()
        .next_back()
        .is_some_and(|last| parse_number(last).is_some());
    // `45億円［補正］60億円`: a tag in brackets right before the next figure labels that one.
    let labels_next = close.is_some_and(|at| {
        inner[at..]
            .chars()
            .skip(1)
            .find(|c| !c.is_whitespace())
            .is_some_and(|c| c.is_numeric() || matches!(c, '△' | '▲'))
    });
    if find_amounts(note).is_empty()
        && !states_none
        && !states_a_ratio
        && !states_another
        && !labels_next
    {
        note
    } else {
        ""
    }
}

/// A note comparing with another year: a word ending with 比, or 前年度, before a percentage
/// (`前年度当初比　１０３．１％`, `対前年度 +3.2％`), or 比 before a signed difference
/// (`令和７年度当初予算比 +3兆…`).
static RATIO_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:比|前年度)\s*[+＋△▲-]?[0-9０-９.．]+\s*[%％]|比\s*[+＋△▲-]")
        .expect("ratio note")
});

/// The text after an amount that qualifies it: up to the next list break.
fn qualifier_text(after: &str) -> &str {
    let end = after.find(['、', '。', '，']).unwrap_or(after.len());
    &after[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_year_a_budget_is_carried_over_to_is_not_its_year() {
        let read = YearKind::read(
            "令和7年度3月補正 体育館空調整備事業 98,000千円（繰越明許費を設定し、令和8年度に執行）",
        );
        assert_eq!(read.year.map(|y| y.gregorian()), Some(2025));
        assert_eq!(read.kind, Some(BudgetKind::Supplementary));
        let next = YearKind::read("令和8年度当初予算 体育館空調整備事業 98,000千円");
        assert_eq!(next.year.map(|y| y.gregorian()), Some(2026));
    }

    fn year_kind(label: &str, kind: BudgetKind) -> YearKind {
        YearKind {
            year: FiscalYear::parse_label(label),
            kind: Some(kind),
        }
    }

    #[test]
    fn revenue_and_funding_sources_are_told_from_spending() {
        for revenue in [
            "２　一般会計の主な歳入（単位：千円）",
            "歳入合計",
            "歳 入",
            "第５　補正予算の財源（一般会計）",
            "2月補正予算(一般会計)の財源内訳",
            "一般財源",
            "その他（歳入）",
            "県債発行額",
            "うち臨時財政対策債",
        ] {
            assert!(names_revenue(revenue), "{revenue}");
        }
        for spending in [
            "歳入歳出予算の総額",
            "３　一般会計の歳出",
            "地方の一般財源総額の確保",
            "財源確保のための取組",
            "国庫支出金",
            "４　主要事業（財源内訳）",
            "寄附額は歳入で",
        ] {
            assert!(!names_revenue(spending), "{spending}");
        }
    }

    #[test]
    fn another_year_s_figure_in_parentheses_gives_this_one_no_year() {
        let figures = inline_figures("予算額　５，１２０百万円（前年度　３，４８０）");
        assert_eq!(figures.len(), 1);
        assert_eq!(
            figures[0].year_offset, 0,
            "the parenthesis is the year before's figure"
        );
        assert_eq!(figures[0].year_kind.year, None);
    }

    #[test]
    fn an_amount_in_parentheses_after_an_increase_is_a_change() {
        let figures = inline_figures("・民生費　障害者自立支援給付費の増（４５，２００千円）");
        assert!(figures[0].change);
        let figures = inline_figures("・地域交通事業（４５，２００千円）");
        assert!(!figures[0].change);
    }

    #[test]
    fn a_sentence_names_the_subject_of_its_amount() {
        fn subject(sentence: &str) -> Option<&str> {
            let at = find_amounts(sentence)[0].start;
            prose_subject(&sentence[..at]).map(|subject| subject.name)
        }
        assert_eq!(
            subject("令和７年度予算では、同事業に２０７億円を計上し"),
            Some("同事業")
        );
        assert_eq!(
            subject("令和７年度予算では日本版MaaS推進・支援事業に7.8億円を計上し"),
            Some("日本版MaaS推進・支援事業")
        );
        assert_eq!(
            subject(
                "財政投融資計画においては、独立行政法人鉄道建設・運輸施設整備支援機構に対し、８９８億円を計上した"
            ),
            Some("独立行政法人鉄道建設・運輸施設整備支援機構")
        );
        assert_eq!(
            subject("予算では、「離島航路運営費等補助」として７６億円を計上し"),
            Some("離島航路運営費等補助")
        );
        assert_eq!(
            subject("社会資本整備総合交付金（8,290億円の内数）により支援"),
            Some("社会資本整備総合交付金")
        );
        assert_eq!(
            subject("令和６年度補正予算において、緊急消防援助隊設備整備費補助金 3,210百万円"),
            Some("緊急消防援助隊設備整備費補助金")
        );
        assert_eq!(
            subject("※このほか、東日本大震災復興特別会計　要求額 356百万円"),
            Some("東日本大震災復興特別会計")
        );
        let topic = "地域交通・物流関係予算の令和９年度概算要求額は、６９８．８億円";
        let at = find_amounts(topic)[0].start;
        let named = prose_subject(&topic[..at]).expect("topic");
        assert_eq!(
            (named.name, named.labelled),
            ("地域交通・物流関係予算", true)
        );
        let purpose = "を進めるため、防災気象情報の高度化に必要な経費として、４４２億円を計上";
        let at = find_amounts(purpose)[0].start;
        let named = prose_subject(&purpose[..at]).expect("purpose");
        assert_eq!((named.name, named.labelled), ("防災気象情報の高度化", true));
        assert_eq!(
            subject(
                "※ このほか、令和６年度補正予算において、海洋観測船の代替建造等に 45.8億円 を措置済み"
            ),
            Some("海洋観測船の代替建造等")
        );
        assert_eq!(
            subject("緊急修繕に要する経費として、一般会計補正予算（第3号）41,200千円を専決処分"),
            Some("一般会計補正予算")
        );
        assert_eq!(
            subject("負担軽減を図るため、**第３子保育料無償化事業**に2億1,000万円を計上"),
            Some("第３子保育料無償化事業")
        );
        assert_eq!(
            subject("一般会計の予算規模は612億3千万円で"),
            Some("一般会計")
        );
        assert_eq!(
            subject("関係の補正予算（第2号）は、一般会計で8,643億円です"),
            Some("一般会計")
        );
        // A clause of what is done names nothing: the amount is the open item's.
        assert_eq!(
            subject("光熱費の一部を支援するための経費として６１２，０００千円を計上する"),
            None
        );
        assert_eq!(
            subject("ことに要する経費として９８０，０００千円を計上する"),
            None
        );
        assert_eq!(
            subject("また、国民健康保険事業など特別会計（5会計）の合計は284億1,500万円で"),
            Some("国民健康保険事業など特別会計")
        );
        assert_eq!(subject("運送収入は、2023年度に約7,400億円と"), None);
        assert_eq!(subject("事業費は１２億円"), None);
        assert_eq!(
            subject("として、消防防災施設整備費補助金（令和７年度予算額１３．７億円"),
            Some("消防防災施設整備費補助金")
        );
        assert_eq!(
            subject("）及び緊急消防援助隊設備整備費補助金（令和７年度予算額４９．９億円"),
            Some("緊急消防援助隊設備整備費補助金")
        );
        assert_eq!(subject("、令和６年度補正予算額５０億円"), None);
        assert_eq!(
            subject("令和７年度一般会計当初予算額　78,450,000千円").map(|s| bare_subject(s).1),
            Some("一般会計")
        );
        assert_eq!(
            subject("令和８年度予算（案）は、一般会計3,312億円"),
            Some("一般会計")
        );
    }

    #[test]
    fn a_unit_after_column_marks_is_the_column_s_unit() {
        assert_eq!(unit_after_marks("（A）百万円"), Some("百万円"));
        assert_eq!(unit_after_marks("（A）－（B）百万円"), Some("百万円"));
        assert_eq!(unit_after_marks("(B)(千円)"), Some("千円"));
        assert_eq!(unit_after_marks("予算額百万円"), None);
        assert_eq!(unit_after_marks("百万円"), None);
        assert_eq!(unit_after_marks("（A）"), None);
    }

    #[test]
    fn units_are_read_from_unit_lines_and_headers() {
        assert_eq!(unit_declared("（単位：百万円）"), Some("百万円"));
        assert_eq!(unit_declared("(千円)"), Some("千円"));
        assert_eq!(unit_declared("歳出予算額　単位:千円"), Some("千円"));
        assert_eq!(unit_declared("（億円）"), Some("億円"));
        assert_eq!(unit_declared("予算額（案）は１億円"), None);
        assert_eq!(
            unit_declared("本資料の金額は、特に記載のない限り百万円単位です。"),
            Some("百万円")
        );
        assert_eq!(unit_declared("千円単位で四捨五入"), Some("千円"));
        assert_eq!(unit_declared("1,000円単位で切り捨て"), None);
        assert_eq!(unit_line("（単位：百万円）"), Some("百万円"));
        assert_eq!(unit_line(" (億円) "), Some("億円"));
        // The money unit first, then the units of columns of no amount.
        assert_eq!(unit_line("（億円、％）"), Some("億円"));
        assert_eq!(unit_line("（単位：千円・人）"), Some("千円"));
        assert_eq!(unit_line("（千円、百万円）"), None);
        assert_eq!(unit_line("予算額（億円）"), None);
    }

    #[test]
    fn a_column_of_lending_by_its_source_is_fiscal_investment() {
        let context = YearKind {
            year: Some(FiscalYear::reiwa(7)),
            kind: Some(BudgetKind::Supplementary),
        };
        let lending = Column::Figure(
            YearKind {
                year: Some(FiscalYear::reiwa(7)),
                kind: Some(BudgetKind::FiscalInvestment),
            },
            None,
        );
        assert_eq!(column_of(1, "財政融資", context), lending);
        assert_eq!(column_of(2, "産業投資", context), lending);
        assert_eq!(column_of(3, "摘要", context), Column::Other);
    }

    #[test]
    fn a_ratio_column_is_neither_a_change_nor_a_rate() {
        let context = year_kind("R8", BudgetKind::Request);
        let columns = header_columns(
            &["区分", "要求額", "前年度予算額", "対前年度比", "比較増減"],
            context,
        )
        .expect("header");
        assert_eq!(columns[3], Column::Other);
        assert!(matches!(columns[4], Column::Change(None)));
    }

    #[test]
    fn a_row_of_units_states_the_table_unit() {
        assert_eq!(unit_row(&["千円", "千円", "（千円）"]), Some("千円"));
        assert_eq!(unit_row(&["百万円"]), Some("百万円"));
        assert_eq!(unit_row(&["千円", "％"]), None);
        assert_eq!(unit_row(&["議会費", "千円"]), None);
        assert_eq!(unit_row(&["款", "千円", "千円", "千円"]), Some("千円"));
        assert_eq!(unit_row(&[]), None);
    }

    #[test]
    fn figure_labels_are_budget_wording_only() {
        for label in [
            "要求額",
            "令和７年度予算額",
            "前年度予算額",
            "国費",
            "うち国費",
            "概算要求額",
        ] {
            assert!(is_figure_label(label), "{label}");
        }
        for label in ["", "流域治水対策の推進", "予算の概要について", "令和７年度"]
        {
            assert!(!is_figure_label(label), "{label}");
        }
    }

    #[test]
    fn letter_spaced_headers_and_single_spaced_numbers_are_split_right() {
        let header = cells("款　　　　本年度予算額　　前年度予算額　　比　　較");
        let context = year_kind("R7", BudgetKind::Initial);
        let columns = header_columns(&header, context).expect("header");
        assert_eq!(columns.len(), 4);
        assert!(matches!(columns[3], Column::Change(None)));
        assert!(
            matches!(columns[2], Column::Figure(YearKind { year: Some(y), .. }, None) if y.label() == "R6")
        );
        let row =
            cells("３　地方交付税　　２，３４５，６７８　　２，４００，０００　△５４，３２２");
        assert_eq!(
            row,
            [
                "３　地方交付税",
                "２，３４５，６７８",
                "２，４００，０００",
                "△５４，３２２"
            ]
        );
        assert_eq!(cells("町債　　4,310 △ 790"), ["町債", "4,310", "△ 790"]);
        assert_eq!(cells("区　　分　　国　費"), ["区", "分", "国　費"]);
        assert_eq!(cells("講習会　　2 会場"), ["講習会", "2 会場"]);
        assert_eq!(
            cells("1 報酬    8,640 １　社会福祉総務事務費"),
            ["1 報酬", "8,640", "１　社会福祉総務事務費"],
            "a bare number before the words of a note after a figure is the note's numbering"
        );
        assert_eq!(
            cells("│款　│本年度│比　較　├──┬──┤"),
            ["款", "本年度", "比　較"],
            "a rule drawn beside a cell"
        );
        assert_eq!(
            cells("│　├ 被災者支援交付金│ 128.45│"),
            ["├ 被災者支援交付金", "128.45"],
            "a branch drawn before a name"
        );
        assert_eq!(
            join_spaced_words(&["施", "策", "名", "概要"]),
            ["施策名", "概要"]
        );
        assert_eq!(
            join_spaced_words(&["款", "項", "目", "説明"]),
            ["款", "項", "目", "説明"],
            "levels each have a column"
        );
    }

    #[test]
    fn the_difference_of_two_figures_is_a_change() {
        let context = year_kind("R9", BudgetKind::Request);
        assert_eq!(
            column_of(1, "査定額－要求額", context),
            Column::Change(None)
        );
        assert!(matches!(
            column_of(1, "要求額", context),
            Column::Figure(..)
        ));
    }

    #[test]
    fn a_row_stating_no_amount_is_no_header() {
        let context = year_kind("R8", BudgetKind::Request);
        assert!(header_columns(&["令和8年度要求額", "事項要求"], context).is_none());
        assert!(header_columns(&["区分", "令和8年度要求額"], context).is_some());
        assert_eq!(
            column_of(5, "主な増減理由", context),
            Column::Other,
            "a reasons column holds words"
        );
    }

    #[test]
    fn headers_name_years_kinds_changes_and_rates() {
        let context = year_kind("R6", BudgetKind::Initial);
        let columns = header_columns(
            &["区分", "本年度予算額", "前年度予算額", "比較", "伸率"],
            context,
        )
        .expect("a header");
        assert_eq!(columns[0], Column::Label);
        assert_eq!(
            columns[1],
            Column::Figure(year_kind("R6", BudgetKind::Initial), None)
        );
        assert_eq!(
            columns[2],
            Column::Figure(year_kind("R5", BudgetKind::Initial), None)
        );
        assert_eq!(columns[3], Column::Change(None));
        assert_eq!(columns[4], Column::Rate);
        let request = header_columns(
            &["事項", "令和8年度要求額（百万円）", "令和7年度補正予算額"],
            YearKind::default(),
        )
        .expect("a header");
        assert_eq!(
            request[1],
            Column::Figure(year_kind("R8", BudgetKind::Request), Some("百万円"))
        );
        assert_eq!(
            request[2],
            Column::Figure(year_kind("R7", BudgetKind::Supplementary), None)
        );
        assert_eq!(header_columns(&["人件費", "1,200", "1,100"], context), None);
    }

    #[test]
    fn rows_split_into_label_and_numbers() {
        assert_eq!(
            cells("総務管理費　1,234,567　1,200,000　△ 34,567"),
            ["総務管理費", "1,234,567", "1,200,000", "△ 34,567"]
        );
        assert_eq!(cells("| 事業 | 100 | 90 |"), ["事業", "100", "90"]);
        assert_eq!(
            cells("甲経費\t7,000\t▲ 1,000"),
            ["甲経費", "7,000", "▲ 1,000"]
        );
        assert_eq!(cells("地域の活性化"), ["地域の活性化"]);
        assert_eq!(cell_amount("１，２００", Some("百万円")), "12".parse().ok());
    }

    #[test]
    fn a_tab_cell_of_a_label_and_its_figures_is_split() {
        // A PDF's text joins a narrow label column to the figures after it with spaces.
        assert_eq!(
            cells("2 港湾使用料  7,654,321  7,012,000\t642,321\t5 清掃費\t901,234"),
            [
                "2 港湾使用料",
                "7,654,321",
                "7,012,000",
                "642,321",
                "5 清掃費",
                "901,234"
            ]
        );
        assert_eq!(
            cells("9 消防費\t1,200\t歳 出 合 計 88,120,400 86,000,100 △2,120,300"),
            [
                "9 消防費",
                "1,200",
                "歳 出 合 計",
                "88,120,400",
                "86,000,100",
                "△2,120,300"
            ]
        );
        // A label ending in a bare number stays whole, and so does a note naming a part of a
        // figure one space before its amount.
        assert_eq!(cells("第２期 3\t4,500"), ["第２期 3", "4,500"]);
        assert_eq!(
            cells("衛生費\t2,400\t○予防接種事業 1,230"),
            ["衛生費", "2,400", "○予防接種事業 1,230"]
        );
        assert_eq!(cell_amount("5,000千円", None), "0.05".parse().ok());
        assert_eq!(cell_amount("5,000", None), None);
    }

    #[test]
    fn a_year_before_the_one_an_upper_header_row_names_and_month_spans() {
        let context = YearKind::default();
        let year_of = |cell: &str| match column_of(1, cell, context) {
            Column::Figure(year_kind, _) => year_kind.year,
            _ => None,
        };
        assert_eq!(
            year_of("令和８年度当初予算案前年度当初"),
            Some(FiscalYear::reiwa(7))
        );
        assert_eq!(year_of("令和７年度（前年度）"), Some(FiscalYear::reiwa(7)));
        assert_eq!(column_of(1, "１４か月予算計", context), Column::Other);
        assert_eq!(column_of(1, "補正回", context), Column::Other);
        assert!(names_years("会計 年度") && !names_years("本年度"));
        assert_eq!(year_cell("2025"), Some(FiscalYear(2025)));
        assert_eq!(year_cell("令和７"), Some(FiscalYear::reiwa(7)));
        assert_eq!(year_cell("第5号"), None);
    }

    #[test]
    fn columns_around_a_supplementary_and_of_limits_hold_no_budget() {
        let context = YearKind::default();
        let columns = header_columns(&["区分", "補正前の額", "補正額", "補正後の額"], context)
            .expect("a header of figures");
        assert!(matches!(
            columns.as_slice(),
            [
                Column::Label,
                Column::Other,
                Column::Figure(..),
                Column::Other
            ]
        ));
        let columns = header_columns(&["区分", "令和8年度当初予算", "令和9年度見通し"], context)
            .expect("a header of figures");
        assert!(matches!(
            columns.as_slice(),
            [Column::Label, Column::Figure(..), Column::Other]
        ));
        let columns = header_columns(&["款", "既定予算額", "補正額", "計"], context)
            .expect("a header of figures");
        assert!(matches!(
            columns[..3],
            [Column::Label, Column::Other, Column::Figure(..)]
        ));
        let header = ["起債の目的", "限度額", "起債の方法", "利率"];
        assert!(header_columns(&header, context).is_none());
        let plain = plain_header_columns(&header, context).expect("a header of words");
        assert!(!plain.iter().any(|c| matches!(c, Column::Figure(..))));
        assert!(plain_header_columns(&["事業A", "1,000", "新規"], context).is_none());
    }

    #[test]
    fn labels_naming_a_balance_or_a_limit() {
        assert!(names_a_limit(
            "（参考）財政調整基金の残高見込み（令和７年度末）"
        ));
        assert!(!names_a_limit("財政調整基金積立金"));
        assert!(names_a_limit("令和７年度に国庫返納を予定している額は計"));
    }

    #[test]
    fn a_comparison_with_the_year_before_names_no_year_or_kind() {
        assert_eq!(relative_year("前年度当初比"), 0);
        assert_eq!(relative_year("前年度当初予算額"), -1);
        assert_eq!(relative_year("前年度と同水準"), 0);
        assert_eq!(relative_year("前年度並み"), 0);
        let figures = inline_figures(
            "令和９年度当初予算の要求状況　一般会計要求総額　６，８４２億円（前年度当初比　１０３．１％）",
        );
        assert_eq!(figures.len(), 1);
        assert_eq!(figures[0].year_kind.year, Some(FiscalYear::reiwa(9)));
        assert_eq!(figures[0].year_kind.kind, Some(BudgetKind::Request));
    }

    #[test]
    fn limits_and_rates_are_not_budgets() {
        let kept = inline_figures("新庁舎整備事業（継続費設定：総額 8,400百万円）　2,150百万円");
        assert!(kept[0].limit && !kept[1].limit);
        let limit = inline_figures("市債の借入限度額は、1,500,000千円とする。");
        assert!(limit[0].limit);
        let cap = inline_figures("補助上限 1件あたり300万円");
        assert!(cap.iter().all(|f| f.limit));
        let budget = inline_figures("施設整備事業 850,000千円（新規）。限度額は別に定める。");
        assert!(!budget[0].limit);
        for text in [
            "（国庫債務負担行為を含め総額　４，０００億円）",
            "継続費設定：総額 8,400百万円",
            "１世帯あたり３万円を給付",
            "住宅を取得した子育て世帯に最大 1,500千円を補助します",
            "災害復旧工事について、２１億５，０００万円の繰越明許費を設定いたしました。",
            "追加分を合わせて１５億円の事業規模としたものでございます。",
        ] {
            assert!(inline_figures(text).iter().all(|f| f.limit), "{text}");
        }
        let budget = inline_figures("空調設備の整備に６億８，５００万円の予算を計上いたしました。");
        assert!(!budget[0].limit);
    }

    #[test]
    fn what_a_figure_moved_by_from_another_is_a_change() {
        let cut = inline_figures("工事工程の精査により、要求から27,300千円を減額。");
        assert!(cut[0].change && cut[0].amount.oku.is_sign_negative());
        let added = inline_figures(
            "浄化センターの復旧経費として４億１，２００万円を増額するものであります。",
        );
        assert!(!added[0].change);
    }

    #[test]
    fn a_date_and_a_time_word_open_no_subject() {
        let dated = prose_subject("経費について、７月３１日付けで一般会計補正予算（第２号）")
            .expect("the account after the date");
        assert_eq!(dated.name, "一般会計補正予算");
        assert_eq!(
            prose_subject("まず、財源についてであります。今回の補正額は"),
            None
        );
        assert_eq!(
            prose_subject("システムの対象手続を拡大するため、補正額として"),
            None
        );
    }

    #[test]
    fn a_supplementary_in_the_statutory_wording_adds_an_amount_and_states_a_total() {
        let figures = inline_figures(
            "既定の歳入歳出予算の総額に歳入歳出それぞれ４５，６７８千円を追加し、歳入歳出予算の総額を歳入歳出それぞれ３，０４５，６７８千円とする。",
        );
        assert!(figures[0].kind_plain && !figures[0].limit);
        assert!(figures[1].limit);
        assert!(!inline_figures("令和７年度補正予算 1,234億円")[0].kind_plain);
    }

    #[test]
    fn a_change_may_name_its_rate_before_saying_so() {
        let figures = inline_figures(
            "総額は２８億７，６５０万円で、前年度に比べ１億２，３４０万円（4.5％）の増",
        );
        assert!(!figures[0].change);
        assert!(figures[1].change);
    }

    #[test]
    fn units_stand_before_column_marks_and_in_prose() {
        assert_eq!(unit_declared("2025年度当初予算額（千円）(A)"), Some("千円"));
        assert_eq!(
            unit_declared("金額の単位は百万円（表中）。"),
            Some("百万円")
        );
        let columns = header_columns(
            &[
                "区分",
                "令和７年度(A)",
                "令和８年度(B)",
                "増減(B)-(A)",
                "対前年度比(B)/(A)",
            ],
            YearKind::default(),
        )
        .expect("a header");
        assert!(matches!(
            columns.as_slice(),
            [
                Column::Label,
                Column::Figure(..),
                Column::Figure(..),
                Column::Change(_),
                Column::Other
            ]
        ));
        assert!(
            header_columns(
                &["R7年度から", "R9年度までの継続費により整備する。"],
                YearKind::default()
            )
            .is_none()
        );
    }

    #[test]
    fn inline_amounts_take_year_and_kind_from_beside_them() {
        let figures = inline_figures(
            "研究開発：15.0億円（令和7年度補正）、10.0億円（令和8年度当初予算案）、前年度比 △2.0億円",
        );
        assert_eq!(figures.len(), 3);
        assert_eq!(
            figures[0].year_kind,
            year_kind("R7", BudgetKind::Supplementary)
        );
        assert_eq!(figures[1].year_kind, year_kind("R8", BudgetKind::Initial));
        assert!(!figures[0].change && !figures[1].change && figures[2].change);
        let listed = inline_figures("（６年度補正 1.5億円 ７年度 2.5億円）");
        assert_eq!(
            listed[0].year_kind,
            year_kind("R6", BudgetKind::Supplementary)
        );
        assert_eq!(listed[1].year_kind.year, FiscalYear::parse_label("R7"));
        let inclusive = inline_figures("運営費交付金 300億円の内数");
        assert!(inclusive[0].inclusive);
        let changed =
            inline_figures("要求額 1,234百万円（対前年度 +234百万円）（前年度：1,000百万円）");
        assert!(!changed[0].change && changed[1].change && !changed[2].change);
        assert_eq!(changed[2].year_offset, -1);
        assert_eq!(changed[2].year_kind.kind, Some(BudgetKind::Initial));
        let compared = inline_figures("要求額 1,234百万円（1,000百万円）、前年度予算額 900百万円");
        assert_eq!(
            compared.iter().map(|f| f.year_offset).collect::<Vec<_>>(),
            [0, -1, -1]
        );
        assert_eq!(compared[0].year_kind.kind, Some(BudgetKind::Request));
        assert_eq!(compared[1].year_kind.kind, Some(BudgetKind::Initial));
        assert_eq!(compared[2].year_kind.kind, Some(BudgetKind::Initial));
        let after_part =
            inline_figures("要求額 96,500百万円（うち重点枠 18,000百万円）（82,400百万円）");
        assert_eq!(
            after_part.iter().map(|f| f.year_offset).collect::<Vec<_>>(),
            [0, 0, -1]
        );
        assert_eq!(after_part[2].year_kind.kind, Some(BudgetKind::Initial));
    }

    #[test]
    fn each_year_a_title_names_has_the_kind_named_after_it() {
        let named = YearKind::each_named("令和８年度当初予算・令和７年度３月補正予算の概要");
        assert_eq!(
            named,
            [
                year_kind("R8", BudgetKind::Initial),
                year_kind("R7", BudgetKind::Supplementary)
            ]
        );
        assert_eq!(YearKind::each_named("予算の概要"), []);
    }

    #[test]
    fn a_label_names_a_subject_only_beside_its_year_and_kind_words() {
        assert_eq!(
            label_subject("（参考）令和７年度農林水産関係当初予算額").as_deref(),
            Some("農林水産関係")
        );
        assert_eq!(
            label_subject("財政投融資　株式会社日本政策金融公庫").as_deref(),
            Some("株式会社日本政策金融公庫")
        );
        assert_eq!(label_subject("令和８年度予算概算要求額"), None);
        assert_eq!(label_subject("（令和６年度当初予算額"), None);
        assert_eq!(label_subject("うち令和７年度補正予算額"), None);
    }
}
