//! Exact money and fiscal-year parsing for Japanese budget text.
//!
//! Amounts are `rust_decimal::Decimal` in 億円 (10^8 yen) with the yen value derived exactly;
//! nothing here ever touches a float.

use regex::Regex;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use std::collections::BTreeSet;
use std::sync::LazyLock;

/// Yen in one 億円.
const YEN_PER_OKU: i64 = 100_000_000;

/// The kind of a budget figure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BudgetKind {
    /// 当初予算 (incl. 予算案 and 予算額 of a draft budget).
    Initial,
    /// 補正予算 (any 第N次).
    Supplementary,
    /// 概算要求 / 要求額.
    Request,
    /// 財政投融資.
    FiscalInvestment,
    /// Anything else, e.g. a year-on-year difference.
    Other,
}

impl BudgetKind {
    /// The snake_case name used in JSON and ids.
    pub fn as_str(self) -> &'static str {
        match self {
            BudgetKind::Initial => "initial",
            BudgetKind::Supplementary => "supplementary",
            BudgetKind::Request => "request",
            BudgetKind::FiscalInvestment => "fiscal_investment",
            BudgetKind::Other => "other",
        }
    }

    /// Parses the snake_case name.
    pub fn parse(name: &str) -> Option<BudgetKind> {
        [
            BudgetKind::Initial,
            BudgetKind::Supplementary,
            BudgetKind::Request,
            BudgetKind::FiscalInvestment,
            BudgetKind::Other,
        ]
        .into_iter()
        .find(|k| k.as_str() == name)
    }

    /// Reads the kind a piece of text names (補正, 当初, 概算要求, 財政投融資 …), if any. A
    /// 査定額 (the amount the budget office settles a request at) is the initial budget.
    pub fn detect(text: &str) -> Option<BudgetKind> {
        // The 財政投融資特別会計 is an account with a budget of its own, not the lending.
        let text = crate::normalize::nfkc(text).replace(LENDING_ACCOUNT, "");
        if text.contains("財政投融資") || text.contains("財投") {
            Some(BudgetKind::FiscalInvestment)
        } else if text.contains("補正") {
            Some(BudgetKind::Supplementary)
        } else if text.contains("要求") || text.contains("要望") {
            Some(BudgetKind::Request)
        } else if text.contains("当初")
            || text.contains("査定額")
            || text.contains("予算案")
            || text.contains("(案)")
            || text.contains("予算額")
        {
            Some(BudgetKind::Initial)
        } else {
            None
        }
    }
}

/// The special account that funds the 財政投融資 lending.
const LENDING_ACCOUNT: &str = "財政投融資特別会計";

/// Qualifiers that change what an amount means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BudgetFlag {
    /// 新規: a new item.
    New,
    /// 事項要求: requested without an amount.
    ItemRequest,
    /// 再掲/後掲: listed again elsewhere; never counted twice.
    Relisted,
    /// Written in 〔〕: shown for reference, counted elsewhere.
    Bracketed,
    /// 歳入 or 財源: an estimate of revenue or a source of funding (`市税`, `国庫支出金`,
    /// `県債`), where the money comes from, not what it is spent on; never added to spending.
    Revenue,
}

impl BudgetFlag {
    /// The snake_case name used in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            BudgetFlag::New => "new",
            BudgetFlag::ItemRequest => "item_request",
            BudgetFlag::Relisted => "relisted",
            BudgetFlag::Bracketed => "bracketed",
            BudgetFlag::Revenue => "revenue",
        }
    }
}

/// A Japanese fiscal year, stored as its Gregorian starting year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct FiscalYear(pub u16);

impl FiscalYear {
    /// 令和 N 年度.
    pub fn reiwa(n: u16) -> FiscalYear {
        FiscalYear(2018 + n)
    }

    /// The Gregorian year the fiscal year starts in (令和6年度 → 2024).
    pub fn gregorian(self) -> u16 {
        self.0
    }

    /// The short era label: `R6` for 令和6年度, `H30` for 平成30年度.
    pub fn label(self) -> String {
        if self.0 >= 2019 {
            format!("R{}", self.0 - 2018)
        } else {
            format!("H{}", self.0.saturating_sub(1988))
        }
    }

    /// Parses `R6`, `r6`, `H30` or `2024`.
    pub fn parse_label(text: &str) -> Option<FiscalYear> {
        let text = text.trim();
        let (era, digits) = text.split_at(text.find(|c: char| c.is_ascii_digit())?);
        let number: u16 = digits.parse().ok()?;
        match era {
            "R" | "r" if (1..=99).contains(&number) => Some(FiscalYear::reiwa(number)),
            "H" | "h" if (1..=31).contains(&number) => Some(FiscalYear(1988 + number)),
            "" if (1989..=2200).contains(&number) => Some(FiscalYear(number)),
            _ => None,
        }
    }
}

/// A fiscal year mention found in text, with its byte span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FiscalYearMatch {
    /// The fiscal year.
    pub year: FiscalYear,
    /// Byte offset of the mention in the searched text.
    pub start: usize,
    /// Byte offset just past the mention.
    pub end: usize,
}

static FISCAL_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(concat!(
        r"(令和|平成|R|H)?\s*(元|\d{1,4}|[一二三四五六七八九十]{1,3})\s*(?:[（(]\s*\d{4}\s*[）)]|[）)])?\s*年度",
        r"|(R|H)(\d{1,2})(?:予算|補正|当初)",
        r"|(令和|平成)?\s*(元|\d{1,4})\s*年\s*(\d{1,2})\s*月\s*(?:臨時)?補正"
    ))
    .expect("fiscal year pattern")
});

/// Last month of a fiscal year: a supplementary passed from January to March
/// (`令和8年2月補正`) belongs to the fiscal year begun the calendar year before.
const LAST_MONTH_OF_FISCAL_YEAR: u16 = 3;

/// An era year a file name gives as a word of its own (`nishimine_r8_yosan.csv`,
/// `R08-hosei.pdf`, `h30_kessan.txt`), the last when it gives several (a name's year
/// comes after any number it is filed under): the fiscal year, or `None` when it names none.
pub fn file_name_year(name: &str) -> Option<FiscalYear> {
    let caps = FILE_NAME_YEAR.captures_iter(name).last()?;
    let number: u16 = caps.get(2)?.as_str().parse().ok().filter(|n| *n > 0)?;
    let era = match caps.get(1)?.as_str() {
        "h" | "H" => "H",
        _ => "R",
    };
    era_year(Some(era), number)
}

/// `r8`, `R08`, `h30` between separators (`_`, `-`, `.`, space) or at an end.
static FILE_NAME_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[_\-. ])([rRhH])0?(\d{1,2})(?:[_\-. ]|$)").expect("file name year")
});

/// Finds fiscal years: `令和6年度`, `令和 7 年度`, `6年度` (令和 assumed below 50),
/// `平成30年度`, `2024年度`, `R6年度`, `令和七年度`. Full-width digits are accepted.
pub fn find_fiscal_years(text: &str) -> Vec<FiscalYearMatch> {
    let folded = FoldedText::new(text);
    FISCAL_YEAR
        .captures_iter(&folded.text)
        .filter_map(|caps| {
            // `2025年9月補正予算`: a supplementary named by the month it was passed in.
            if let (Some(digits), Some(month_match)) = (caps.get(6), caps.get(7)) {
                let year = era_year(
                    caps.get(5).map(|m| m.as_str()),
                    era_number(digits.as_str())?,
                )?;
                let month: u16 = month_match
                    .as_str()
                    .parse()
                    .ok()
                    .filter(|m| (1..=12).contains(m))?;
                let year = if month <= LAST_MONTH_OF_FISCAL_YEAR {
                    FiscalYear(year.0.checked_sub(1)?)
                } else {
                    year
                };
                let start = caps.get(5).unwrap_or(digits).start();
                return Some(FiscalYearMatch {
                    year,
                    start: folded.original_offset(start),
                    end: folded.original_offset(month_match.end()),
                });
            }
            let (era, digits, whole) = match (caps.get(2), caps.get(3), caps.get(4)) {
                (Some(digits), _, _) => (caps.get(1), digits, caps.get(0)?),
                (None, Some(era), Some(digits)) => (Some(era), digits, digits),
                _ => return None,
            };
            // `令和七年度` in a formal notice; kanji without an era (`過去三年度`) count years.
            let kanji = !digits
                .as_str()
                .starts_with(|c: char| c.is_ascii_digit() || c == '元');
            if kanji && era.is_none() {
                return None;
            }
            let whole_start = caps.get(0)?.start();
            let year = era_year(era.map(|m| m.as_str()), era_number(digits.as_str())?)?;
            Some(FiscalYearMatch {
                year,
                start: folded.original_offset(whole_start),
                end: folded.original_offset(whole.end()),
            })
        })
        .collect()
}

/// The number of a year as written after an era: digits, or 元 for the first year.
fn era_number(digits: &str) -> Option<u16> {
    match digits {
        "元" => Some(1),
        digits => digits
            .parse()
            .ok()
            .or_else(|| kanji_number(digits)?.to_u16()),
    }
}

/// The year `number` of `era` (平成/H, 令和/R); with no era, a Gregorian year from 1989 or a
/// 令和 year below 50.
fn era_year(era: Option<&str>, number: u16) -> Option<FiscalYear> {
    match era {
        Some("平成") | Some("H") => Some(FiscalYear(1988 + number)),
        Some(_) => Some(FiscalYear::reiwa(number)),
        None if number >= 1989 => Some(FiscalYear(number)),
        None if number < 50 => Some(FiscalYear::reiwa(number)),
        None => None,
    }
}

/// A short year label: `R5`, `R 6`, `H30` (not part of a longer number or a decimal).
static YEAR_LABEL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(R|H)\s*(\d{1,2})(?:[^\d.]|$)").expect("year label pattern"));

/// Finds short year labels (`R5` → 令和5年度, `H30` → 平成30年度), as tables and slides write
/// them.
pub fn find_year_labels(text: &str) -> Vec<FiscalYearMatch> {
    YEAR_LABEL
        .captures_iter(text)
        .filter_map(|caps| {
            let (era, digits) = (caps.get(1)?, caps.get(2)?);
            let year = FiscalYear::parse_label(&format!("{}{}", era.as_str(), digits.as_str()))?;
            Some(FiscalYearMatch {
                year,
                start: era.start(),
                end: digits.end(),
            })
        })
        .collect()
}

/// A year named with its era, as a fiscal or a calendar year (`令和5年`, `令和元年度`).
static ERA_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(令和|平成)\s*(\d{1,2}|元)\s*年").expect("era year pattern"));

/// Finds years named with their era, fiscal or calendar (`令和5年`, `平成30年度`).
pub fn find_era_years(text: &str) -> Vec<FiscalYearMatch> {
    ERA_YEAR
        .captures_iter(text)
        .filter_map(|caps| {
            let (whole, era, digits) = (caps.get(0)?, caps.get(1)?, caps.get(2)?);
            let number = era_number(digits.as_str()).filter(|n| *n > 0)?;
            let year = era_year(Some(era.as_str()), number)?;
            Some(FiscalYearMatch {
                year,
                start: whole.start(),
                end: whole.end(),
            })
        })
        .collect()
}

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:(令和|平成)\s*(元|\d{1,2})|(\d{4}))\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*日)?",
    )
    .expect("date pattern")
});

/// A calendar date (day optional) found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMatch {
    /// Gregorian year.
    pub year: u16,
    /// Month 1..=12.
    pub month: u8,
    /// Day of month, when written.
    pub day: Option<u8>,
    /// Byte offset of the date in the searched text.
    pub start: usize,
    /// Byte offset just past the date.
    pub end: usize,
}

impl DateMatch {
    /// ISO form: `2025-06-13`, or `2025-06` without a day.
    pub fn iso(&self) -> String {
        match self.day {
            Some(day) => format!("{:04}-{:02}-{:02}", self.year, self.month, day),
            None => format!("{:04}-{:02}", self.year, self.month),
        }
    }
}

/// Finds dates: `令和7年6月13日`, `令和８年１月`, `2024 年 6 月 18 日`, with their byte spans.
pub fn find_dates(text: &str) -> impl Iterator<Item = DateMatch> + '_ {
    // Every date has its month.
    if !text.contains('月') {
        return Vec::new().into_iter();
    }
    let folded = FoldedText::new(text);
    let found: Vec<DateMatch> = DATE
        .captures_iter(&folded.text)
        .filter_map(|caps| {
            let year = match (caps.get(1), caps.get(2), caps.get(3)) {
                (Some(era), Some(number), _) => {
                    let n: u16 = if number.as_str() == "元" {
                        1
                    } else {
                        number.as_str().parse().ok()?
                    };
                    if era.as_str() == "令和" {
                        2018 + n
                    } else {
                        1988 + n
                    }
                }
                (_, _, Some(gregorian)) => gregorian.as_str().parse().ok()?,
                _ => return None,
            };
            let month: u8 = caps.get(4)?.as_str().parse().ok()?;
            let day: Option<u8> = caps.get(5).and_then(|d| d.as_str().parse().ok());
            let valid = (1..=12).contains(&month) && day.is_none_or(|d| (1..=31).contains(&d));
            let whole = caps.get(0)?;
            valid.then_some(DateMatch {
                year,
                month,
                day,
                start: folded.original_offset(whole.start()),
                end: folded.original_offset(whole.end()),
            })
        })
        .collect();
    found.into_iter()
}

/// An amount of money found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AmountMatch {
    /// The amount in 億円, negative for ▲.
    pub oku: Decimal,
    /// Byte offset of the amount (sign included) in the searched text.
    pub start: usize,
    /// Byte offset just past the unit.
    pub end: usize,
}

impl AmountMatch {
    /// The amount's own text.
    pub fn text<'a>(&self, haystack: &'a str) -> &'a str {
        &haystack[self.start..self.end]
    }
}

const NUMBER: &str = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?";

static AMOUNT_WITH_CHO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<sign>[▲△]\s*)?(?P<cho>{NUMBER})\s*兆\s*(?:(?P<oku>{NUMBER})\s*億)?\s*(?:(?P<man>{NUMBER})\s*(?P<thousand>千)?\s*万)?\s*(?:(?P<sen>\d)\s*千)?\s*円"
    ))
    .expect("cho pattern")
});

static AMOUNT_OKU_MAN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<sign>[▲△]\s*)?(?P<oku>{NUMBER})\s*億\s*(?P<man>{NUMBER})\s*(?P<thousand>千)?\s*万\s*(?:(?P<sen>\d)\s*千)?\s*円"
    ))
    .expect("oku-man pattern")
});

/// `９，７４６万５千円`: ten thousands and a digit of thousands.
static AMOUNT_MAN_SEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<sign>[▲△]\s*)?(?P<man>{NUMBER})\s*万\s*(?P<sen>\d)\s*千\s*円"
    ))
    .expect("man-sen pattern")
});

/// `value` negated when the amount `caps` matched carries a sign of its own (`△`, `▲`).
fn signed(caps: &regex::Captures<'_>, value: Decimal) -> Decimal {
    if caps.name("sign").is_some() {
        -value
    } else {
        value
    }
}

/// The 億 a digit of thousands after the 万 of an amount adds (`…万５千円`), zero without.
fn thousands_after_man(caps: &regex::Captures<'_>) -> Decimal {
    caps.name("sen")
        .and_then(|m| parse_number(m.as_str()))
        .map_or(Decimal::ZERO, |sen| sen / Decimal::from(100_000))
}

static AMOUNT_WITH_UNIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<sign>[▲△]\s*)?(?P<num>{NUMBER})\s*(?P<unit>億円|百万円|千万円|千円|万円|円)"
    ))
    .expect("unit pattern")
});

/// An amount in kanji numerals, as formal notices write them (`金一億二千三百四十五万六千円`,
/// `△金六百五十一万円`): after 金, or with a digit and a 万, 億 or 兆 in it (`県内一円` and
/// `（百万円）` are no amounts).
static KANJI_AMOUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<sign>[▲△]\s*)?(?P<kin>金)?(?P<num>[〇一二三四五六七八九十百千万億兆]+)円")
        .expect("kanji amount pattern")
});

/// The kanji digits, zero to nine.
const KANJI_DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/// Whether the byte range `range` overlaps an amount already `found`.
fn overlaps_found(found: &[(usize, usize, Decimal)], range: std::ops::Range<usize>) -> bool {
    found
        .iter()
        .any(|(start, end, _)| range.start < *end && *start < range.end)
}

/// Whether the char before byte `at` of `text` is part of a number (`300百万円`, `1.5円`).
fn follows_digit(text: &str, at: usize) -> bool {
    text[..at]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_ascii_digit() || c == '.' || c == ',')
}

/// The value of a number in kanji numerals (`一億二千三百四十五万六千` → 123,456,000); digits
/// one after another (`二〇二五`) read place by place.
fn kanji_number(text: &str) -> Option<Decimal> {
    let (mut total, mut section) = (Decimal::ZERO, Decimal::ZERO);
    let mut digits: Option<Decimal> = None;
    for c in text.chars() {
        let digit = KANJI_DIGITS.iter().position(|d| *d == c);
        let small = match c {
            '十' => Some(10),
            '百' => Some(100),
            '千' => Some(1_000),
            _ => None,
        };
        let large = match c {
            '万' => Some(10_000_i64),
            '億' => Some(100_000_000),
            '兆' => Some(1_000_000_000_000),
            _ => None,
        };
        if let Some(digit) = digit {
            let digit = Decimal::from(digit as u32);
            digits = Some(digits.map_or(digit, |before| before * Decimal::TEN + digit));
        } else if let Some(small) = small {
            section += digits.take().unwrap_or(Decimal::ONE) * Decimal::from(small);
        } else if let Some(large) = large {
            section += digits.take().unwrap_or_default();
            if section.is_zero() {
                return None;
            }
            total += section * Decimal::from(large);
            section = Decimal::ZERO;
        }
    }
    Some(total + section + digits.unwrap_or_default())
}

/// Finds every amount with its unit in a line: `18兆2,107億円`, `1,500.0億円`, `▲53億円`,
/// `300百万円`, `5,000千円`, `金一億二千三百四十五万六千円`, full-width digits included. Byte
/// offsets refer to `text`.
pub fn find_amounts(text: &str) -> Vec<AmountMatch> {
    // Every amount ends with 円.
    if !text.contains('円') {
        return Vec::new();
    }
    let folded = FoldedText::new(text);
    let mut found: Vec<(usize, usize, Decimal)> = Vec::new();
    for caps in AMOUNT_WITH_CHO.captures_iter(&folded.text) {
        let (Some(whole), Some(cho)) = (caps.get(0), caps.name("cho")) else {
            continue;
        };
        let Some(cho) = parse_number(cho.as_str()) else {
            continue;
        };
        let oku = caps
            .name("oku")
            .and_then(|m| parse_number(m.as_str()))
            .unwrap_or_default();
        // `1兆2,705億9,100万円`: the 万 after the 億.
        let man = caps
            .name("man")
            .and_then(|m| parse_number(m.as_str()))
            .unwrap_or_default();
        let man = match caps.name("thousand") {
            Some(_) => man * Decimal::from(1_000),
            None => man,
        };
        let value = signed(
            &caps,
            cho * Decimal::from(10_000)
                + oku
                + man / Decimal::from(10_000)
                + thousands_after_man(&caps),
        );
        found.push((whole.start(), whole.end(), value));
    }
    for caps in AMOUNT_OKU_MAN.captures_iter(&folded.text) {
        let Some(whole) = caps.get(0) else { continue };
        if overlaps_found(&found, whole.range()) {
            continue;
        }
        let oku = caps.name("oku").and_then(|m| parse_number(m.as_str()));
        let man = caps.name("man").and_then(|m| parse_number(m.as_str()));
        let (Some(oku), Some(man)) = (oku, man) else {
            continue;
        };
        // `２，１５６億４千万円`: 4 千万 is 4,000 万.
        let man = match caps.name("thousand") {
            Some(_) => man * Decimal::from(1_000),
            None => man,
        };
        let value = signed(
            &caps,
            oku + man / Decimal::from(10_000) + thousands_after_man(&caps),
        );
        found.push((whole.start(), whole.end(), value));
    }
    for caps in AMOUNT_MAN_SEN.captures_iter(&folded.text) {
        let Some(whole) = caps.get(0) else { continue };
        if overlaps_found(&found, whole.range()) || follows_digit(&folded.text, whole.start()) {
            continue;
        }
        let Some(man) = caps.name("man").and_then(|m| parse_number(m.as_str())) else {
            continue;
        };
        let value = signed(
            &caps,
            man / Decimal::from(10_000) + thousands_after_man(&caps),
        );
        found.push((whole.start(), whole.end(), value));
    }
    for caps in AMOUNT_WITH_UNIT.captures_iter(&folded.text) {
        let Some(whole) = caps.get(0) else { continue };
        if overlaps_found(&found, whole.range()) {
            continue;
        }
        if follows_digit(&folded.text, whole.start()) {
            continue;
        }
        let (Some(num), Some(unit)) = (caps.name("num"), caps.name("unit")) else {
            continue;
        };
        let Some(number) = parse_number(num.as_str()) else {
            continue;
        };
        let Some(value) = to_oku(number, unit.as_str()) else {
            continue;
        };
        found.push((whole.start(), whole.end(), signed(&caps, value)));
    }
    // Kanji numerals are rare: most texts have neither a kanji digit nor a 金 to look at.
    let kanji_amounts = (folded.text.contains(KANJI_DIGITS) || folded.text.contains('金'))
        .then(|| KANJI_AMOUNT.captures_iter(&folded.text));
    for caps in kanji_amounts.into_iter().flatten() {
        let (Some(whole), Some(num)) = (caps.get(0), caps.name("num")) else {
            continue;
        };
        // `300百万円`: a unit after digits, read above.
        if overlaps_found(&found, whole.range()) || follows_digit(&folded.text, whole.start()) {
            continue;
        }
        // `（百万円）`, `千円`: a unit alone, no amount.
        let numeral = num.as_str();
        let has_digit = numeral.contains(KANJI_DIGITS);
        let stated =
            caps.name("kin").is_some() || (has_digit && numeral.contains(['万', '億', '兆']));
        let Some(yen) = kanji_number(numeral).filter(|_| stated) else {
            continue;
        };
        let value = signed(&caps, yen / Decimal::from(100_000_000));
        found.push((whole.start(), whole.end(), value));
    }
    found.sort_by_key(|(start, _, _)| *start);
    found
        .into_iter()
        .map(|(start, end, oku)| AmountMatch {
            oku,
            start: folded.original_offset(start),
            end: folded.original_offset(end),
        })
        .collect()
}

/// Parses a bare number as written in a table cell: `182,107`, `▲ 390`, `+15,119`, `±0`,
/// `1.5`, `３．７`.
pub fn parse_number(text: &str) -> Option<Decimal> {
    let folded = FoldedText::new(text.trim()).text;
    // `+15,119`: a change may carry its plus sign.
    let (negative, digits) = match folded.strip_prefix(['▲', '△', '-', '−']) {
        Some(rest) => (true, rest.trim_start()),
        None => (
            false,
            folded.strip_prefix(['+', '＋', '±']).unwrap_or(&folded),
        ),
    };
    if digits.is_empty()
        || !digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
        || !digits.starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    let value: Decimal = digits.replace(',', "").parse().ok()?;
    Some(if negative { -value } else { value })
}

/// Converts a number in `unit` to 億円 exactly.
pub fn to_oku(number: Decimal, unit: &str) -> Option<Decimal> {
    let divisor: i64 = match unit {
        "兆円" => return Some(number * Decimal::from(10_000)),
        "億円" | "億" => 1,
        "千万円" => 10,
        "百万円" => 100,
        "万円" => 10_000,
        "千円" => 100_000,
        "円" => YEN_PER_OKU,
        _ => return None,
    };
    number.checked_div(Decimal::from(divisor))
}

/// Converts 億円 to yen exactly.
pub fn oku_to_yen(oku: Decimal) -> Decimal {
    (oku * Decimal::from(YEN_PER_OKU)).normalize()
}

/// One budget figure with everything that qualifies it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetFigure {
    /// Amount in 億円; `None` for 事項要求.
    pub amount_oku: Option<Decimal>,
    /// Fiscal year.
    pub fiscal_year: FiscalYear,
    /// Kind of budget.
    pub kind: BudgetKind,
    /// の内数: the amount is a larger total that includes this item.
    pub inclusive: bool,
    /// Other qualifiers.
    pub flags: BTreeSet<BudgetFlag>,
    /// Which of its year's supplementaries the figure is (`第1号`, `第二次`, `9月`), where a
    /// table gives two or more of them apart.
    pub bill: Option<String>,
}

impl BudgetFigure {
    /// A plain figure without qualifiers.
    pub fn new(amount_oku: Option<Decimal>, fiscal_year: FiscalYear, kind: BudgetKind) -> Self {
        BudgetFigure {
            amount_oku,
            fiscal_year,
            kind,
            inclusive: false,
            flags: BTreeSet::new(),
            bill: None,
        }
    }

    /// Whether the figure counts toward a total (not の内数, not relisted, bracketed or revenue).
    pub fn counts_toward_totals(&self) -> bool {
        !self.inclusive
            && !self.flags.contains(&BudgetFlag::Relisted)
            && !self.flags.contains(&BudgetFlag::Bracketed)
            && !self.flags.contains(&BudgetFlag::Revenue)
    }

    /// The budget node properties: `amount_oku_yen`, `amount_yen`, `fy`, `fiscal_year`,
    /// `kind`, `inclusive`, `flags`.
    pub fn to_props(&self) -> Map<String, Value> {
        let mut props = Map::new();
        let amount = |value: Option<String>| value.map(Value::String).unwrap_or(Value::Null);
        props.insert(
            "amount_oku_yen".into(),
            amount(self.amount_oku.map(|a| a.to_string())),
        );
        props.insert(
            "amount_yen".into(),
            amount(self.amount_oku.map(|a| oku_to_yen(a).to_string())),
        );
        props.insert("fy".into(), Value::String(self.fiscal_year.label()));
        props.insert(
            "fiscal_year".into(),
            Value::from(self.fiscal_year.gregorian()),
        );
        props.insert("kind".into(), Value::String(self.kind.as_str().into()));
        props.insert("inclusive".into(), Value::Bool(self.inclusive));
        props.insert(
            "flags".into(),
            Value::Array(
                self.flags
                    .iter()
                    .map(|f| Value::String(f.as_str().into()))
                    .collect(),
            ),
        );
        if let Some(bill) = &self.bill {
            props.insert("bill".into(), Value::String(bill.clone()));
        }
        props
    }

    /// The stable id key of this figure for an item: `{item}:{fy}:{kind}:{amount|item_request}`,
    /// the kind followed by the supplementary's number where it has one (`supplementary第1号`).
    pub fn id_key(&self, item_name: &str) -> String {
        let amount = self
            .amount_oku
            .map(|a| a.normalize().to_string())
            .unwrap_or_else(|| "item_request".into());
        format!(
            "{}:{}:{}{}:{}",
            item_name,
            self.fiscal_year.label(),
            self.kind.as_str(),
            self.bill.as_deref().unwrap_or_default(),
            amount
        )
    }
}

/// Reads the qualifiers written around an amount: の内数, 新規, 事項要求, 再掲/後掲, 〔〕.
pub fn detect_qualifiers(context: &str) -> (bool, BTreeSet<BudgetFlag>) {
    let context = crate::normalize::nfkc(context);
    let inclusive = context.contains("の内数") || context.contains("内数");
    let mut flags = BTreeSet::new();
    if context.contains("新規") {
        flags.insert(BudgetFlag::New);
    }
    if context.contains("事項要求") {
        flags.insert(BudgetFlag::ItemRequest);
    }
    if context.contains("再掲") || context.contains("後掲") {
        flags.insert(BudgetFlag::Relisted);
    }
    if context.contains('〔') {
        flags.insert(BudgetFlag::Bracketed);
    }
    (inclusive, flags)
}

/// A flag written as a mark of its own beside an item: `（新規）`, `(再掲)`, `（後掲）`,
/// `【再掲】`, `【一部再掲】`, `〔再掲〕`.
static FLAG_MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"[（(]\s*(?:新規|再掲|後掲)\s*[）)]|【\s*(?:一部)?再掲\s*】|[〔［]\s*(?:一部)?再掲\s*[〕］]",
    )
    .expect("flag mark pattern")
});

/// The flags marked in `text` (`（新規）` → new; `【再掲】`, `(後掲)` → relisted).
pub fn flag_marks(text: &str) -> BTreeSet<BudgetFlag> {
    FLAG_MARK
        .find_iter(text)
        .map(|mark| {
            if mark.as_str().contains("新規") {
                BudgetFlag::New
            } else {
                BudgetFlag::Relisted
            }
        })
        .collect()
}

/// `text` with its flag marks taken out.
pub fn without_flag_marks(text: &str) -> std::borrow::Cow<'_, str> {
    FLAG_MARK.replace_all(text, "")
}

/// Whether `text` holds flag marks and nothing else but spaces.
pub fn is_only_flag_marks(text: &str) -> bool {
    FLAG_MARK.is_match(text) && without_flag_marks(text).trim().is_empty()
}

/// Whether `text` opens with a fiscal year (`令和6年度…`, `R6年度`, `2024年度`), spaces aside.
pub fn opens_with_fiscal_year(text: &str) -> bool {
    find_fiscal_years(text)
        .first()
        .is_some_and(|year| text[..year.start].trim().is_empty())
}

/// Text with full-width digits and separators folded to ASCII, one char for one char, so
/// offsets can be mapped back to the original.
struct FoldedText {
    text: String,
    /// For each byte of `text` that starts a char, the byte offset of that char in the original.
    offsets: Vec<(usize, usize)>,
    original_len: usize,
}

impl FoldedText {
    fn new(original: &str) -> FoldedText {
        let mut text = String::with_capacity(original.len());
        let mut offsets = Vec::with_capacity(original.len());
        for (original_offset, ch) in original.char_indices() {
            offsets.push((text.len(), original_offset));
            text.push(fold_char(ch));
        }
        FoldedText {
            text,
            offsets,
            original_len: original.len(),
        }
    }

    fn original_offset(&self, folded_offset: usize) -> usize {
        match self
            .offsets
            .binary_search_by_key(&folded_offset, |(folded, _)| *folded)
        {
            Ok(index) => self.offsets[index].1,
            Err(_) => self.original_len,
        }
    }
}

/// Folds full-width digits, comma, period and spaces to ASCII.
fn fold_char(ch: char) -> char {
    match ch {
        '０'..='９' => char::from_u32(ch as u32 - '０' as u32 + '0' as u32).unwrap_or(ch),
        '，' => ',',
        '．' => '.',
        '\u{3000}' => ' ',
        other => other,
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_digit_of_thousands_after_the_man_of_an_amount_counts() {
        let text = "補正予算額　２２億５，４２１万５千円、９，７４６万５千円、１兆２億３万４千円";
        let found = find_amounts(text);
        let values: Vec<String> = found
            .iter()
            .map(|a| a.oku.normalize().to_string())
            .collect();
        assert_eq!(values, ["22.54215", "0.97465", "10002.00034"]);
        assert_eq!(found[1].text(text), "９，７４６万５千円");
        // `５千円` alone is read as before.
        assert_eq!(
            find_amounts("上限５千円")[0].oku.normalize().to_string(),
            "0.00005"
        );
    }

    #[test]
    fn amounts_in_kanji_numerals_after_kin_or_with_a_large_unit() {
        let found =
            find_amounts("歳出合計　金一億二千三百四十五万六千円、公債費　△金六百五十一万円");
        let values: Vec<String> = found
            .iter()
            .map(|a| a.oku.normalize().to_string())
            .collect();
        assert_eq!(values, ["1.23456", "-0.0651"]);
        assert_eq!(
            find_amounts("金千五百六十万四千円")[0]
                .oku
                .normalize()
                .to_string(),
            "0.15604"
        );
        // `県内一円`: throughout the prefecture, no amount.
        assert!(find_amounts("県内一円で実施する").is_empty());
        assert_eq!(kanji_number("二〇二五"), Some(Decimal::from(2025)));
        assert_eq!(
            find_amounts("金百万円")[0].oku.normalize().to_string(),
            "0.01"
        );
        let years: Vec<FiscalYear> = find_fiscal_years("令和七年度一般会計、過去三年度")
            .iter()
            .map(|y| y.year)
            .collect();
        assert_eq!(years, [FiscalYear::reiwa(7)]);
    }

    use super::*;

    #[test]
    fn a_file_name_gives_its_era_year_as_a_word_of_its_own() {
        assert_eq!(
            file_name_year("nishimine_r8_yosan.csv"),
            Some(FiscalYear(2026))
        );
        assert_eq!(file_name_year("R08-hosei.pdf"), Some(FiscalYear(2026)));
        assert_eq!(file_name_year("h30_kessan.txt"), Some(FiscalYear(2018)));
        // The last of several: a name's year comes after the number it is filed under.
        assert_eq!(file_name_year("r36_city_r8.csv"), Some(FiscalYear(2026)));
        assert_eq!(file_name_year("form2_sheet.csv"), None);
        assert_eq!(file_name_year("report.pdf"), None);
    }
    use proptest::prelude::*;

    fn oku(text: &str) -> Vec<String> {
        find_amounts(text)
            .into_iter()
            .map(|m| m.oku.to_string())
            .collect()
    }

    #[test]
    fn reads_units_commas_and_signs() {
        assert_eq!(oku("令和6年度予算額（案）\t18兆2,107億円"), ["182107"]);
        assert_eq!(oku("比較増減額\t▲53億円"), ["-53"]);
        assert_eq!(oku("１，５００．０億円"), ["1500.0"]);
        assert_eq!(oku("300百万円と5,000千円"), ["3", "0.05"]);
        assert_eq!(oku("1兆円"), ["10000"]);
        assert_eq!(oku("総計は1兆2,705億9,100万円"), ["12705.91"]);
        assert_eq!(oku("849億2,200万円"), ["849.22"]);
        assert_eq!(
            oku("２，１５６億４千万円と１２億５千万円"),
            ["2156.40", "12.50"]
        );
        assert_eq!(oku("（６年度補正 1.5億円 ７年度 2.5億円）"), ["1.5", "2.5"]);
    }

    #[test]
    fn table_cells_parse_with_either_sign() {
        let parsed = |cell: &str| parse_number(cell).map(|n| n.to_string());
        assert_eq!(parsed("+15,119").as_deref(), Some("15119"));
        assert_eq!(parsed("＋540").as_deref(), Some("540"));
        assert_eq!(parsed("▲ 390").as_deref(), Some("-390"));
        assert_eq!(parsed("+2.2%"), None);
    }

    #[test]
    fn yen_is_exact() {
        let amount: Decimal = "1.5".parse().unwrap_or_default();
        assert_eq!(oku_to_yen(amount).to_string(), "150000000");
    }

    #[test]
    fn reads_fiscal_years_in_both_calendars() {
        let years: Vec<String> =
            find_fiscal_years("令和 7 年度補正、６年度、平成30年度、2024年度、R５予算、R4補正")
                .into_iter()
                .map(|m| m.year.label())
                .collect();
        assert_eq!(years, ["R7", "R6", "H30", "R6", "R5", "R4"]);
        let years: Vec<String> = find_fiscal_years(
            "2025年9月補正予算、令和８年２月補正、令和7年12月臨時補正、2025年9月",
        )
        .into_iter()
        .map(|m| m.year.label())
        .collect();
        assert_eq!(years, ["R7", "R7", "R7"]);
        // `令和8（2026）年度`: the western year in brackets between the era's and 年度.
        let years: Vec<String> = find_fiscal_years("令和8（2026）年度 当初予算、2026（令和8）年度")
            .into_iter()
            .map(|m| m.year.label())
            .collect();
        assert_eq!(years, ["R8", "R8"]);
        assert_eq!(
            FiscalYear::parse_label("R8").map(|y| y.gregorian()),
            Some(2026)
        );
    }

    #[test]
    fn reads_dates_in_both_calendars() {
        let dates: Vec<String> =
            find_dates("(令和7年6月13日閣議決定)、令和８年１月、2024 年 6 月 18 日")
                .map(|d| d.iso())
                .collect();
        assert_eq!(dates, ["2025-06-13", "2026-01", "2024-06-18"]);
    }

    #[test]
    fn kinds_and_qualifiers() {
        assert_eq!(
            BudgetKind::detect("令和7年度補正"),
            Some(BudgetKind::Supplementary)
        );
        assert_eq!(
            BudgetKind::detect("令和8年度当初予算案"),
            Some(BudgetKind::Initial)
        );
        assert_eq!(BudgetKind::detect("概算要求額"), Some(BudgetKind::Request));
        assert_eq!(BudgetKind::detect("知事査定額"), Some(BudgetKind::Initial));
        assert_eq!(BudgetKind::detect("財政投融資特別会計"), None);
        assert_eq!(
            BudgetKind::detect("令和８年度財政投融資計画"),
            Some(BudgetKind::FiscalInvestment)
        );
        let (inclusive, flags) = detect_qualifiers("NICT運営費交付金の内数（新規）【再掲】");
        assert!(inclusive);
        assert!(flags.contains(&BudgetFlag::New) && flags.contains(&BudgetFlag::Relisted));
    }

    proptest! {
        #[test]
        fn never_panics_and_offsets_are_char_boundaries(text in "\\PC{0,40}") {
            for found in find_amounts(&text) {
                prop_assert!(text.is_char_boundary(found.start));
                prop_assert!(text.is_char_boundary(found.end));
            }
            for found in find_fiscal_years(&text) {
                prop_assert!(text.is_char_boundary(found.start));
            }
        }

        #[test]
        fn written_amounts_read_back(whole in 0u32..1_000_000, tenth in 0u32..10) {
            let text = format!("{whole}.{tenth}億円");
            let expected: Decimal = format!("{whole}.{tenth}").parse().unwrap_or_default();
            prop_assert_eq!(find_amounts(&text)[0].oku, expected);
        }
    }

    #[test]
    fn flag_marks_are_read_and_taken_out() {
        assert_eq!(
            flag_marks("防災対策（新規）【一部再掲】"),
            BTreeSet::from([BudgetFlag::New, BudgetFlag::Relisted])
        );
        assert_eq!(
            flag_marks("（後掲）"),
            BTreeSet::from([BudgetFlag::Relisted])
        );
        assert!(flag_marks("新規事業の創出").is_empty());
        assert_eq!(without_flag_marks("防災対策 〔再掲〕"), "防災対策 ");
        assert!(is_only_flag_marks(" (再掲) "));
        assert!(!is_only_flag_marks("(再掲) 防災"));
        assert!(!is_only_flag_marks("  "));
    }

    #[test]
    fn year_labels_era_years_and_lines_opening_with_a_year() {
        let labels: Vec<FiscalYear> = find_year_labels("R5予算 R 6 H30 R7.5 R123")
            .into_iter()
            .map(|m| m.year)
            .collect();
        assert_eq!(
            labels,
            [FiscalYear::reiwa(5), FiscalYear::reiwa(6), FiscalYear(2018)]
        );
        let years: Vec<FiscalYear> = find_era_years("令和元年から平成30年度、令和 5 年まで")
            .into_iter()
            .map(|m| m.year)
            .collect();
        assert_eq!(
            years,
            [FiscalYear(2019), FiscalYear(2018), FiscalYear(2023)]
        );
        assert!(opens_with_fiscal_year(" 令和6年度補正予算"));
        assert!(opens_with_fiscal_year("2025年度"));
        assert!(!opens_with_fiscal_year("うち令和6年度"));
    }
}
