//! Indicators and targets: `KPI：…` / `【測定指標】…` lines, and the target, target year,
//! baseline, yearly actuals and achievement written with them.

use super::year_tables::is_dash;
use crate::money::find_fiscal_years;
use regex::Regex;
use std::sync::LazyLock;

/// An indicator line: the indicator's name and what the line states about it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IndicatorLine {
    /// The indicator as written.
    pub name: String,
    /// Byte offset of the name in the line.
    pub start: usize,
    /// What the line states about its values.
    pub values: IndicatorValues,
}

/// Target, baseline, actuals and achievement of an indicator, each as written.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct IndicatorValues {
    /// 目標 / 目標値.
    pub target: Option<String>,
    /// The fiscal or calendar year the target is due (Gregorian).
    pub target_year: Option<u16>,
    /// 基準値 / 現状.
    pub baseline: Option<String>,
    /// The fiscal or calendar year of the baseline (Gregorian).
    pub baseline_year: Option<u16>,
    /// 実績 by year (Gregorian year, value).
    pub actuals: Vec<(u16, String)>,
    /// 達成 / 未達成 / 進捗 as stated.
    pub achievement: Option<String>,
}

static INDICATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[\s\u{3000}\-・*]*(?:[【\[［]?\s*(?:KPI|ＫＰＩ|測定指標|成果指標|評価指標|活動指標|数値目標)\s*(?:[0-9０-９]+(?:[-－‐.．][0-9０-９]+)*|[①-⑳])?\s*[】\]］]?|[【\[［]\s*指標名?\s*[0-9０-９]*\s*[】\]］]|指標\s*[0-9０-９]+(?:[-－‐.．][0-9０-９]+)*[\s\u{3000}])\s*[:：]?\s*(\S.*)$",
    )
    .expect("indicator pattern")
});

static TARGET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"目標(?:値)?\s*[:：]?\s*([^（）()、。／/]+)(?:[（(]([^（）()]*(?:年|[RH][0-9０-９])[^（）()]*)[）)])?")
        .expect("target pattern")
});

/// A target's year on a label of its own (`目標年度：令和９年度`).
static TARGET_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"目標年度\s*[:：]\s*({YEAR})")).expect("target year pattern")
});

static DUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(令和|平成)\s*(元|[0-9０-９]{1,2})|([0-9０-９]{4}))\s*年(?:度)?(?:末|中)?(?:まで|頃|において)に?\s*([^（）()、。]*)")
        .expect("due pattern")
});

static BASELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:(?:基準値|策定時の?値?|現状値?|現在値?)\s*[:：]?|基準\s*[:：])\s*([^（）()、。／/]+)(?:[（(]([^（）()]*(?:年|[RH][0-9０-９])[^（）()]*)[）)])?",
    )
    .expect("baseline pattern")
});

/// Values labelled as now, latest or the year before's, each with its year after it
/// (`現状: 81.2%（令和6年度）`, `前年度: 70.6%（令和5年度）`, `直近値：4.2%（令和5年度）、4.5%（令和6年度）`):
/// the label and its values with their years, one after another.
static LABELLED_ACTUAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(現状値?|現在値|直近値|直近実績|前年度(?:実績|値)?)\s*[:：]\s*((?:[^（）()、。／/\s\u{3000}]+\s*[（(][^（）()]*[）)]\s*、?\s*)+)",
    )
        .expect("labelled actual pattern")
});

/// A value with its year in a parenthesis after it (`4.2%（令和5年度）`).
static VALUE_THEN_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"([^（）()、。／/\s\u{3000}]+)\s*[（(]([^（）()]*(?:年|[RH][0-9０-９])[^（）()]*)[）)]",
    )
    .expect("value then year pattern")
});

/// `実績：令和６年度 １１，４８０件、令和７年度 １２，６３０件`: a list of actuals by year.
static ACTUAL_LIST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"実[\s\u{3000}]*績(?:値)?(?:\s*[:：]\s*|[\s\u{3000}]+)(.+)")
        .expect("actual list pattern")
});

/// One year's actual in such a list.
/// The values a list gives each after its year (`2022年度 18.0%／2023年度 21.7%`, `R5 累計47件、
/// R6 累計63件`), in order.
pub fn year_values(list: &str) -> Vec<(u16, String)> {
    YEAR_VALUE
        .captures_iter(list)
        .filter_map(|caps| {
            let year = caps.get(1).and_then(|m| year_in(m.as_str()))?;
            Some((year, caps.get(2)?.as_str().to_string()))
        })
        .collect()
}

static YEAR_VALUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"((?:{YEAR})|[RH][0-9０-９]{{1,2}}(?:年度)?)\s*[:：]?\s*({STATED_VALUE})"
    ))
    .expect("year value pattern")
});

/// An achievement as stated after its label (`達成状況：概ね達成`, `評価：B`).
static ACHIEVEMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:達成状況|達成度|進捗(?:状況)?|評[\s\u{3000}]*価)(?:\s*[:：]\s*|[\s\u{3000}]+)([^\s\u{3000}、。（）()]+)",
    )
    .expect("achievement pattern")
});

/// Words that open a value after an indicator's name (`…の割合　目標：８５％`).
const VALUE_WORDS: [&str; 7] = ["目標", "基準", "策定時", "実績", "直近", "現状", "達成"];

/// Whether a line goes on with the values of the indicator above it (`実績：令和６年度 …`,
/// `達成状況：達成`).
pub fn continues_indicator(line: &str) -> bool {
    CONTINUATION.is_match(line)
}

/// Whether a line is a bare label of actuals (`実績値：`), the years' values on the lines
/// under it.
pub fn opens_year_list(line: &str) -> bool {
    ACTUALS_LABEL.find(line).is_some_and(|label| {
        let rest = line[label.end()..].trim();
        rest.is_empty() || is_year_value_line(rest)
    })
}

/// A label of actuals opening a line (`実績値：`, `実　績：`).
static ACTUALS_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[\s\u{3000}]*(?:[・\-*•]\s*)?実[\s\u{3000}]*績値?[\s\u{3000}]*(?:[:：][\s\u{3000}]*|$)",
    )
    .expect("actuals label pattern")
});

/// Whether a line is one year's value and nothing else but a note in brackets after it
/// (`令和4年度 10,215人`, `R5　52.7%`, `令和6年　4,402千人泊（速報値）`).
pub fn is_year_value_line(line: &str) -> bool {
    let text = line.trim();
    let text = match text.strip_suffix(['）', ')']) {
        Some(noted) => noted
            .rfind(['（', '('])
            .map_or(text, |open| noted[..open].trim_end()),
        None => text,
    };
    let opens_with_year = text.starts_with(['令', '平', 'R', 'H', 'Ｒ', 'Ｈ'])
        || text.starts_with(|c: char| c.is_ascii_digit() || ('０'..='９').contains(&c));
    opens_with_year
        && YEAR_VALUE
            .find(text)
            .is_some_and(|found| found.start() == 0 && found.end() == text.len())
}

/// Whether a line labels an indicator's target or baseline with a colon (`基準値：１，２００施設
/// （令和５年度）`, `目標値：５０％`): under a numbered item, it makes the item an indicator.
pub fn labels_target_or_baseline(line: &str) -> bool {
    TARGET_OR_BASELINE_LABEL.is_match(line)
}

static TARGET_OR_BASELINE_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s\u{3000}]*(?:[・\-*•]\s*)?(?:目標値?|基準値?|現状値)\s*[:：]")
        .expect("target or baseline label pattern")
});

/// A line of an indicator's values under its name: a label, then a colon or a gap
/// (`基準値　　０地域（令和３年度）`, `年度ごとの実績値　令和４年度　４６地域`, `令和5年度実績:
/// 52.7%`).
static CONTINUATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s\u{3000}]*(?:[・\-*•○◯]\s*|[（(【［\[])?(?:年度ごとの|参考)?(?:目標値?|目標年度|基準値?|策定時の?値?|実[\s\u{3000}]*績値?|(?:(?:令和|平成)\s*(?:元|[0-9０-９]{1,2})|[0-9０-９]{4})\s*年度?\s*実績値?|直近(?:実績|値)|現状値?|前年度(?:実績|値)?|達成状況|達成度|進捗(?:状況)?|評[\s\u{3000}]*価)(?:\s*[:：]\s*|\s*[】\]］]\s*|[\s\u{3000}]+)\S")
        .expect("continuation pattern")
});

/// A line naming an indicator, then after a gap its labelled values (`・新規就農者数　目標値：
/// 年間8人（令和7年度）　実績値：…`).
static NAMED_VALUES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s\u{3000}]*(?:[・\-*•]\s*)?(\S[^。：:]{1,60}?[\s\u{3000}]+(?:目標値?|基準値|現状値?)(?:\s*[:：]|[\s\u{3000}]+[0-9０-９約]).*)$")
        .expect("named values pattern")
});

/// A captured value cut where a gap ends it, and whether it was whole (no gap cut it).
fn value_before_gap(captured: Option<regex::Match<'_>>) -> (Option<String>, bool) {
    match captured {
        Some(found) => {
            let value = cut_at_gap(found.as_str());
            let whole = value.len() == found.as_str().trim().len();
            (Some(value), whole)
        }
        None => (None, true),
    }
}

/// A value as captured, cut where a gap (a full-width space or two spaces) ends it.
fn cut_at_gap(value: &str) -> String {
    let end = [value.find('\u{3000}'), value.find("  ")]
        .into_iter()
        .flatten()
        .min()
        .unwrap_or(value.len());
    value[..end].trim().to_string()
}

/// A year written as a fiscal or calendar year (`令和５年度`, `2024年度`, `令和５年`, `R5`),
/// Gregorian.
pub fn year_in(text: &str) -> Option<u16> {
    // `R元`: the era's first year.
    static SHORT_ERA: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[^A-Za-z])([RH])\s*(\d{1,2}|元)(?:$|[^\d])").expect("era")
    });
    let folded = crate::normalize::nfkc(text)
        .replace("年度", "年")
        .replace('年', "年度");
    find_fiscal_years(&folded)
        .first()
        .map(|m| m.year.gregorian())
        .or_else(|| {
            let caps = SHORT_ERA.captures(&folded)?;
            let first = if caps.get(1)?.as_str() == "R" {
                2018
            } else {
                1988
            };
            let number = caps.get(2)?.as_str();
            let n = if number == "元" {
                1
            } else {
                number.parse::<u16>().ok()?
            };
            Some(first + n)
        })
}

static ACTUAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"((?:令和|平成)\s*(?:元|[0-9０-９]{1,2})|[0-9０-９]{4})\s*年度?\s*(?:実績|実績値)\s*[:：]?\s*([^（）()、。\s]+)")
        .expect("actual pattern")
});

/// Words naming indicators as a kind (a section that lists them).
const INDICATOR_WORDS: [&str; 4] = ["指標", "KPI", "数値目標", "目標値"];

/// The most chars a section heading that only names indicators has (`指標の状況`,
/// `重要業績評価指標（KPI）一覧`).
const MAX_INDICATOR_SECTION_CHARS: usize = 16;

/// Words that, beside 目標, make a heading name the values of targets (`年次目標と実績`,
/// `目標の達成状況`).
const TARGET_VALUE_WORDS: [&str; 3] = ["実績", "達成", "進捗"];

/// Whether a heading only names a section of indicators or of their targets' values, not an
/// item they measure.
pub fn is_indicator_section(name: &str) -> bool {
    let text = crate::normalize::nfkc(name);
    let names_target_values =
        text.contains("目標") && TARGET_VALUE_WORDS.iter().any(|word| text.contains(word));
    text.chars().filter(|c| !c.is_whitespace()).count() <= MAX_INDICATOR_SECTION_CHARS
        && (INDICATOR_WORDS.iter().any(|word| text.contains(word)) || names_target_values)
}

/// Words after an indicator word that make a heading of a list, not an indicator's name
/// (`## 成果指標一覧`).
const LIST_WORDS: [&str; 3] = ["一覧", "一覧表", "総括表"];

/// Reads an indicator line (`KPI：標準化対象のデータ数`, `【測定指標】登録隊数（目標：6,600隊）`).
pub fn indicator_line(line: &str) -> Option<IndicatorLine> {
    // A table's row (`成果指標<TAB>受診率<TAB>％<TAB>38.5`) is its table's to read.
    if line.contains(['\t', '|', '｜']) {
        return None;
    }
    let caps = INDICATOR
        .captures(line)
        .or_else(|| NAMED_VALUES.captures(line))?;
    let rest = caps.get(1)?;
    // `KPI進捗管理表`, `成果指標一覧`: the label's word runs on into a word of its own, no name.
    if line[..rest.start()].ends_with(['I', 'Ｉ', '標']) {
        return None;
    }
    let gap_before_value = rest
        .as_str()
        .char_indices()
        .filter(|(_, c)| c.is_whitespace())
        .map(|(at, c)| (at, at + c.len_utf8()))
        .find(|(_, after)| {
            // (`　（現状値：…）`: values in a parenthesis after the gap.)
            let next = rest.as_str()[*after..]
                .trim_start()
                .trim_start_matches(['（', '(', '【', '［', '[']);
            VALUE_WORDS.iter().any(|word| next.starts_with(word))
        })
        .map(|(at, _)| at);
    // A parenthesis opening the values (`（現状値：…）`, `（令和５年度）`, `（85%）`) ends the
    // name; one within it (`診療情報提供書（紹介状）の電子的送付率`) does not, when values
    // follow after a gap.
    // (`高齢者（65歳以上）のインターネット利用率　目標：…`: a parenthesis the name goes on after
    // is the name's.)
    let within_name = |inside: &str| {
        gap_before_value.is_some()
            && inside
                .find(['）', ')'])
                .map(|close| inside[close..].chars().nth(1))
                .is_some_and(|after| after.is_some_and(|c| !c.is_whitespace()))
    };
    // (`…（再掲を除く）のうち、「順調」が…`: a sentence goes on, no name.)
    let name_goes_on = |inside: &str| {
        inside.find(['）', ')']).is_some_and(|close| {
            let after = &inside[close..];
            after
                .chars()
                .nth(1)
                .is_some_and(|next| !next.is_whitespace() && !"、。：:（(".contains(next))
                && !after.contains(['、', '。'])
        })
    };
    let values_parenthesis = rest
        .as_str()
        .match_indices(['（', '('])
        .map(|(at, open)| (at, rest.as_str()[at + open.len()..].trim_start()))
        .find(|(_, inside)| {
            let valued = VALUE_WORDS.iter().any(|word| inside.starts_with(word))
                || (inside.starts_with(|c: char| c.is_numeric()) && !within_name(inside))
                || year_in(inside).is_some_and(|_| inside.starts_with(['令', '平', 'R', 'H']));
            // (`市町村がん検診（大腸がん）の受診率` alone on its line: a parenthesis of words
            // the name goes on after is the name's.)
            valued || (gap_before_value.is_none() && !name_goes_on(inside))
        })
        .map(|(at, _)| at);
    let name_end = rest
        .as_str()
        .find(['：', ':'])
        .into_iter()
        .chain(values_parenthesis)
        .chain(gap_before_value)
        .min()
        .unwrap_or(rest.as_str().len());
    let name = rest.as_str()[..name_end].trim();
    // `（１）有収率　　現状 89.2%（R5）`: the number of a list of indicators is no part of
    // the name.
    let name = super::numbering::without_numbering(name).trim();
    // `【測定指標の選定理由…】`: the word is the start of a phrase, no label; `成果指標：10指標`
    // counts indicators.
    let counts_indicators = name.starts_with(|c: char| c.is_numeric())
        && name.trim_start_matches(|c: char| c.is_numeric()) == "指標";
    // `【成果指標（KPI）】` heading a list: the label's own note, no name.
    let only_note = name.starts_with(['（', '('])
        && name
            .find(['）', ')'])
            .is_some_and(|close| name[close..].chars().skip(1).all(|c| "】］] ".contains(c)));
    // `【KPI ○-○-○】指標名` (a form's blank): a name opening with a closing bracket; `KPI
    // 3-2-1　令和5年　4,190千人泊`: a year's value, no name.
    if name.chars().count() < 2
        || name.starts_with(['】', '］', ']', '）', ')'])
        || is_year_value_line(name)
        || only_note
        || name.starts_with(['の', 'を', 'に', 'は', 'が'])
        || counts_indicators
        || LIST_WORDS.contains(&name)
        || name.ends_with('。')
    {
        return None;
    }
    Some(IndicatorLine {
        name: name.to_string(),
        start: rest.start(),
        values: indicator_values(&rest.as_str()[name_end..]),
    })
}

/// A value's label in brackets (`【目標】`, `［基準値］`).
static BRACKETED_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"[【\[［]\s*(目標値?|基準値?|現状値?|策定時の?値?|実績値?|達成度|達成状況|進捗状況?|評価)\s*[】\]］]\s*")
        .expect("bracketed label pattern")
});

/// A target's or baseline's year written between its label and its value (`目標：令和7年度
/// 40.0%`).
static YEAR_BEFORE_VALUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(目標値?|基準値?|現状値?|策定時の?値?)\s*[:：]\s*({YEAR})[\s\u{{3000}}]*[:：]?\s*({STATED_VALUE})"
    ))
    .expect("year before value pattern")
});

/// The values' text with their labels written as the patterns read them: a label in
/// brackets as a label and a colon (`【目標】令和7年度　40.0%` → `目標：令和7年度　40.0%`), and a
/// year between a target's or baseline's label and its value after the value (→ `目標：40.0%
/// （令和7年度）`). The values keep their words as written.
fn plainly_labelled(text: &str) -> String {
    let colons = BRACKETED_LABEL.replace_all(text, "${1}：");
    YEAR_BEFORE_VALUE
        .replace_all(&colons, "${1}：${3}（${2}）")
        .into_owned()
}

/// Reads the values written about an indicator.
pub fn indicator_values(text: &str) -> IndicatorValues {
    let plain = plainly_labelled(text);
    let text = plain.as_str();
    let mut values = IndicatorValues::default();
    // (`目標年度：令和９年度` names the target's year, not its value.)
    let target = TARGET
        .captures_iter(text)
        .find(|caps| caps.get(1).is_some_and(|m| !m.as_str().starts_with("年度")));
    if let Some(caps) = target {
        let (value, whole) = value_before_gap(caps.get(1));
        values.target = value;
        // (`目標：毎年度５０件以下　基準：５８件（平成30年度）`: a year after the gap is the
        // next value's.)
        values.target_year = caps
            .get(2)
            .filter(|_| whole)
            .and_then(|m| year_in(m.as_str()));
    }
    if let Some(year) = TARGET_YEAR
        .captures(text)
        .and_then(|caps| caps.get(1))
        .and_then(|m| year_in(m.as_str()))
    {
        values.target_year = values.target_year.or(Some(year));
    }
    if let Some(caps) = DUE.captures(text) {
        let due = find_fiscal_years(caps.get(0).map_or("", |m| m.as_str()))
            .first()
            .map(|m| m.year.gregorian())
            .or_else(|| {
                caps.get(3)
                    .and_then(|m| crate::normalize::nfkc(m.as_str()).parse().ok())
            });
        values.target_year = values.target_year.or(due);
        if values.target.is_none() {
            values.target = caps
                .get(4)
                .map(|m| m.as_str().trim().to_string())
                .filter(|t| !t.is_empty());
        }
    }
    if let Some(caps) = BASELINE.captures(text) {
        let (value, whole) = value_before_gap(caps.get(1));
        values.baseline = value.filter(|b| !b.is_empty() && !is_dash(b));
        values.baseline_year = caps
            .get(2)
            .filter(|_| whole)
            .and_then(|m| year_in(m.as_str()));
    }
    // `基準: 58.4%（令和4年度）` beside `現状: 81.2%（令和6年度）` and `前年度: 70.6%（令和5年度）`:
    // with a baseline labelled apart, the value now and the year before's are actuals.
    let baseline_apart = BASELINE
        .captures(text)
        .is_some_and(|caps| caps[0].starts_with("基準"));
    for caps in LABELLED_ACTUAL.captures_iter(text) {
        // (`現状` alone is the baseline.)
        if caps[1].starts_with("現") && !baseline_apart {
            continue;
        }
        for pair in VALUE_THEN_YEAR.captures_iter(&caps[2]) {
            if let Some(year) = year_in(&pair[2])
                && !is_dash(&pair[1])
            {
                values.actuals.push((year, pair[1].to_string()));
            }
        }
    }
    for caps in ACTUAL.captures_iter(text) {
        let year = caps.get(1).map_or("", |m| m.as_str());
        let year = find_fiscal_years(&format!("{year}年度"))
            .first()
            .map(|m| m.year.gregorian());
        if let (Some(year), Some(value)) = (year, caps.get(2)) {
            values.actuals.push((year, value.as_str().to_string()));
        }
    }
    if let Some(list) = ACTUAL_LIST.captures(text).and_then(|caps| caps.get(1)) {
        for (year, value) in year_values(list.as_str()) {
            if !values.actuals.iter().any(|(y, _)| *y == year) {
                values.actuals.push((year, value));
            }
        }
    }
    values.achievement = ACHIEVEMENT
        .captures(text)
        .and_then(|caps| caps.get(1))
        .map(|m| m.as_str().to_string())
        .or_else(|| {
            ["未達成", "概ね達成", "達成", "進捗"]
                .into_iter()
                .find(|w| text.contains(w))
                .map(str::to_string)
        });
    values
}

/// A value as a sentence or list states it: a number and up to four chars of its unit
/// (`４２．３％`, `３６万ha`, `１，２００人`, `累計17件`, `累計25か所`), particles and delimiters
/// ending it; a unit may end in Latin letters and digits (`千t-CO2`, `kWh`).
pub(super) const STATED_VALUE: &str = r"(?:累計|年間|延べ)?約?[0-9０-９][0-9０-９,，.．]*(?:[かヶヵカ](?:所|国|月))?(?:[^\s\u{3000}、，,／/。（）()「」0-9０-９をにはがとでのからまへ]{0,4}?[A-Za-z][A-Za-z0-9\-]*|[^\s\u{3000}、，,／/。（）()「」0-9０-９をにはがとでのからまへ]{0,4})";

/// A fiscal year its era's letter and number give (`R9`, `H30`, `R元`), or a day of it
/// (`R6.4.1`).
const SHORT_YEAR: &str = r"[RH](?:元|[0-9０-９]{1,2})(?:年度)?(?:\.[0-9]{1,2}){0,2}";

/// A year a target is due or a figure was measured: `2023年度末`, `令和８年度`, `2030年頃`,
/// a crop year (`令和3年産`).
pub(super) const YEAR: &str =
    r"(?:(?:令和|平成)\s*(?:元|[0-9０-９]{1,2})|[0-9０-９]{4})\s*年度?(?:末|中|頃|代|産)?";
/// A counted or measured value: `10,000人`, `約1万人`, `98％`, `0.6万人`, `０人`.
const VALUE: &str = r"約?[0-9０-９][0-9０-９,，.．]*\s*(?:万|千|億)?(?:世帯|団体|市区町村|市町村|自治体|地域|事業者|企業|機関|拠点|か所|カ所|箇所|か国|カ国|時間|人|件|局|社|校|隊|倍|回|[%％]|GHz幅|MHz幅)?";

/// Chars after a number that make it part of a date (`令和7年8月1日`), not a value.
const DATE_UNITS: [char; 3] = ['月', '日', '年'];

/// `名称：2021年度末0.6万人→2023年度末０人`, `名称※１：2023年度末98％（2021年度末実績：43.7％）`.
static LABELLED_TARGET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^[\s＊*・]*(?P<name>[^\s：:、。（）()→⇒]{{2,40}}?)(?:※[0-9０-９]+)?[：:]\s*(?:(?P<from_year>{YEAR})(?:実績)?\s*(?P<from>{VALUE})\s*[→⇒]\s*)?(?P<due>{YEAR})(?:まで)?に?\s*(?P<to>{VALUE})(?:\s*[（(](?P<actual_year>{YEAR})実績[：:]?\s*(?P<actual>{VALUE})[）)])?"
    ))
    .expect("labelled target pattern")
});

/// `名称：41.8%（令和5年度）→ 60%（令和11年度）`, `名称　現状値 38.6%（令和5年度）　→　目標値
/// 60.0%（令和11年度）`: the value now with its year (`―` for an indicator new to the plan),
/// an arrow and the target (a figure, maybe with a bound, or a word: `増加`) with the year
/// it is due.
static ARROW_TARGET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^[\s＊*・\-]*(?P<name>[^\s：:、。→⇒]{{2,60}}?)(?:[：:]\s*|\s+(?:現状値?|基準値?|策定時の?値?)[：:]?\s*)(?P<from>約?[0-9０-９][^\s（(→⇒]{{0,12}}|[―－])\s*(?:[（(](?P<from_year>{YEAR}|{SHORT_YEAR})(?:末|時点)?[）)])?\s*[→⇒]\s*(?:目標値?[：:]?\s*)?(?P<to>約?[0-9０-９][^\s（(→⇒]{{0,12}}|[^\s0-9０-９（(→⇒]{{1,6}})\s*[（(](?P<due>{YEAR}|{SHORT_YEAR})(?:末|まで)?[）)]"
    ))
    .expect("arrow target pattern")
});

/// `令和８年度までに隊員数を10,000人とする`, `団体数を、2024年度までに1,000団体`,
/// `…の訪問率を毎年度１００％とする` (a target of every year, due in none).
static SENTENCE_TARGET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:(?P<due>{YEAR})までに、?(?P<name>[^、。をがは「」]{{3,40}}?)を{QUALIFIER}(?P<to>{VALUE})(?:と|に)(?:する|します|すること|増加|拡大)|(?P<name2>[^、。をがは「」]{{3,40}}?)を、?(?P<due2>{YEAR})までに{QUALIFIER}(?P<to2>{STATED_VALUE}|{VALUE})|(?P<name3>[^、。をがは「」]{{3,40}}?)を、?(?P<from_year>{YEAR})の(?P<from>[△▲]?{VALUE})から、?(?P<due3>{YEAR})(?:まで)?に{QUALIFIER}(?P<to3>{VALUE})|(?P<name4>[^、。をがは「」]{{3,40}}?)を、?(?P<to4>毎年度{STATED_VALUE})(?:と|に)(?:する|します))"
    ))
    .expect("sentence target pattern")
});

/// A label in brackets before a statement's words (`（目標）`, `【数値目標】`): no part of the
/// indicator's name.
static LEADING_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s\u{3000}]*[（(【〔［\[][^）)】〕］\]0-9０-９]{1,6}[）)】〕］\]]\s*")
        .expect("leading label pattern")
});

/// What a line stating the value now gives after its label (`（現状）令和６年度　７人`,
/// `現状値：４１．２％（令和４年度）`): the value and its year.
static STATED_NOW_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s\u{3000}]*[（(【〔]?(?:現状値?|現在値|基準値)[）)】〕]?\s*[:：]?\s*(\S.*)$")
        .expect("stated now line pattern")
});

/// The value a line states as now, with its year (`（現状）令和６年度　７人`), read from the
/// line after a target statement.
pub fn stated_now_line(line: &str) -> Option<(String, Option<u16>)> {
    let rest = STATED_NOW_LINE.captures(line)?.get(1)?.as_str();
    let (value, year) = value_with_year(rest);
    let value = cut_at_gap(&value);
    // `約４５件`, `累計２１２人`: a value, its qualifier before its number.
    let number = value.trim_start_matches("約").trim_start_matches("累計");
    number
        .starts_with(|c: char| c.is_numeric())
        .then_some((value, year))
}

/// A word qualifying a value, kept out of it (`年間１，５００人`).
const QUALIFIER: &str = r"(?:年間|累計|延べ|毎年度)?";

/// The value stated as of a year (or a day) in parentheses after a target (`（令和５年度：１２．６
/// 万件）`, `（令和5年度 年間213件）`, `（令和6年4月1日 14人）`).
static STATED_NOW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"[（(](?P<year>{YEAR}(?:[0-9０-９]{{1,2}}月(?:[0-9０-９]{{1,2}}日)?)?)(?:\s*[:：]\s*|[\s\u{{3000}}]+){QUALIFIER}(?P<value>[△▲]?(?:{STATED_VALUE}|{VALUE}))[）)]"
    ))
    .expect("stated now pattern")
});

/// A value and the year written before or after it (`令和５年度 ６３％`, `７２．４％（令和５年度）`).
fn value_with_year(text: &str) -> (String, Option<u16>) {
    if let Some(caps) = YEAR_VALUE.captures(text)
        && caps
            .get(0)
            .is_some_and(|m| text[..m.start()].trim().is_empty())
    {
        let year = caps.get(1).and_then(|m| year_in(m.as_str()));
        let value = caps.get(2).map_or("", |m| m.as_str()).to_string();
        return (value, year);
    }
    (cut_at_gap(text), None)
}

/// The baseline stated after a target (`（現状値：７２．４％（令和５年度））`,
/// `（令和５年度：１２．６万件）`), with its year.
fn baseline_after(text: &str) -> Option<(String, Option<u16>)> {
    if let Some(caps) = BASELINE.captures(text) {
        let (value, year) = value_with_year(caps.get(1)?.as_str());
        let year = year.or_else(|| caps.get(2).and_then(|m| year_in(m.as_str())));
        return Some((value, year));
    }
    let caps = STATED_NOW.captures(text)?;
    Some((
        caps.name("value")?.as_str().to_string(),
        caps.name("year").and_then(|m| year_in(m.as_str())),
    ))
}

static TARGET_MARK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"【目標[：:]\s*([^】]+)】").expect("target mark"));

/// The target in a `【目標：…】` mark.
pub fn target_mark(line: &str) -> Option<&str> {
    TARGET_MARK
        .captures(line)
        .and_then(|caps| caps.get(1))
        .map(|m| m.as_str().trim())
}

/// A target stated in running text: the indicator it is about and its values.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct TargetStatement {
    /// The indicator as written.
    pub name: String,
    /// The values stated: target, due year, baseline or actual.
    pub values: IndicatorValues,
    /// The due year as written (`2023年度末`); `None` for a target of every year.
    pub due: Option<String>,
}

/// A target statement after a label (`（目標）地域ささえあい会議を設置した地区の数を令和１０年度
/// までに２２地区とする。`): the whole clause before the target is the indicator's name, whatever
/// objects it holds.
static LABELLED_STATEMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?P<name>[^、。]{{3,60}}?)を、?(?:(?P<due>{YEAR})までに、?)?(?P<to>(?:年間|累計|延べ|毎年度)?{STATED_VALUE})(?:[（(][^）)]*[）)])?(?:(?:と|に)(?:する|します)|\s*$)"
    ))
    .expect("labelled statement pattern")
});

/// Reads a target stated in `text` (a line, or a line joined with the next).
pub fn target_statement(text: &str) -> Option<TargetStatement> {
    // Both forms state the year the target is due (`令和９年度`, `R9`).
    if !text.contains('年') && year_in(text).is_none() {
        return None;
    }
    if let Some(label) = LEADING_LABEL.find(text)
        && label.as_str().contains("目標")
        && let Some(caps) = LABELLED_STATEMENT.captures(&text[label.end()..])
        && let (Some(name), Some(to)) = (caps.name("name"), caps.name("to"))
    {
        let due = caps.name("due").map(|m| m.as_str().trim().to_string());
        return Some(TargetStatement {
            name: name.as_str().trim().to_string(),
            values: IndicatorValues {
                target: Some(to.as_str().to_string()),
                target_year: due.as_deref().and_then(year_in),
                ..IndicatorValues::default()
            },
            due,
        });
    }
    if let Some(caps) = ARROW_TARGET.captures(text) {
        let get = |name: &str| caps.name(name).map(|m| m.as_str().trim().to_string());
        let due = get("due")?;
        return Some(TargetStatement {
            name: get("name")?,
            values: IndicatorValues {
                target: get("to"),
                target_year: year_in(&due),
                // `―`: no value now, an indicator new to the plan.
                baseline: get("from").filter(|from| !is_dash(from)),
                baseline_year: get("from_year")
                    .filter(|_| get("from").is_some_and(|from| !is_dash(&from)))
                    .as_deref()
                    .and_then(year_in),
                ..IndicatorValues::default()
            },
            due: Some(due),
        });
    }
    if let Some(caps) = LABELLED_TARGET.captures(text)
        && !caps
            .name("to")
            .is_some_and(|to| text[to.end()..].starts_with(DATE_UNITS))
    {
        let get = |name: &str| caps.name(name).map(|m| m.as_str().trim().to_string());
        let name = get("name")?;
        let due = get("due")?;
        let mut values = IndicatorValues {
            target: get("to"),
            target_year: year_in(&due),
            ..IndicatorValues::default()
        };
        values.baseline = get("from").map(|from| match get("from_year") {
            Some(year) => format!("{from}（{year}）"),
            None => from,
        });
        for (year, value) in [("from_year", "from"), ("actual_year", "actual")] {
            if let (Some(year), Some(value)) = (get(year).and_then(|y| year_in(&y)), get(value)) {
                values.actuals.push((year, value));
            }
        }
        return Some(TargetStatement {
            name,
            values,
            due: Some(due),
        });
    }
    let caps = SENTENCE_TARGET.captures(text)?;
    let get = |names: &[&str]| {
        names
            .iter()
            .find_map(|name| caps.name(name))
            .map(|m| m.as_str().trim().to_string())
    };
    let name = get(&["name", "name2", "name3", "name4"])?;
    let name = LEADING_LABEL
        .find(&name)
        .map_or(name.as_str(), |label| &name[label.end()..])
        .to_string();
    let due = get(&["due", "due2", "due3"]);
    let rest = caps.get(0).map_or("", |m| &text[m.end()..]);
    let stated_from = caps.name("from").map(|m| {
        let year = caps.name("from_year").and_then(|y| year_in(y.as_str()));
        (m.as_str().trim().to_string(), year)
    });
    let (baseline, baseline_year) = stated_from
        .or_else(|| baseline_after(rest))
        .map_or((None, None), |(value, year)| (Some(value), year));
    Some(TargetStatement {
        values: IndicatorValues {
            target: get(&["to", "to2", "to3", "to4"]),
            target_year: due.as_deref().and_then(year_in),
            baseline,
            baseline_year,
            actuals: actuals_after(rest),
            ..IndicatorValues::default()
        },
        name,
        due,
    })
}

/// A year's value stated in a sentence after a target's (`なお、令和6年度の実績は年間287件となって
/// いる。`, `令和6年度は8,120人が参加した。`, `令和6年度末時点の作成率は51.8%である。`).
static STATED_ACTUAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<year>{YEAR})(?:時点)?(?:の[^、。はがを（）()]{{0,12}})?は、?{QUALIFIER}(?P<value>{STATED_VALUE})(?:と|で|が|に|。|$)"
    ))
    .expect("stated actual pattern")
});

/// The values of years the sentences after a target's state, in order.
fn actuals_after(rest: &str) -> Vec<(u16, String)> {
    STATED_ACTUAL
        .captures_iter(rest)
        .filter_map(|caps| {
            let year = year_in(caps.name("year")?.as_str())?;
            Some((year, caps.name("value")?.as_str().to_string()))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_target_sentence_with_the_value_now_after_its_year_in_parentheses() {
        let read = |text: &str| {
            let values = target_statement(text).expect("statement").values;
            (
                values.target,
                values.target_year,
                values.baseline,
                values.baseline_year,
            )
        };
        assert_eq!(
            read(
                "・ 産後ケア事業の利用件数を令和12年度までに年間480件にする（令和5年度 年間213件）。"
            ),
            (
                Some("480件".into()),
                Some(2030),
                Some("213件".into()),
                Some(2023)
            )
        );
        let actuals = |text: &str| target_statement(text).expect("statement").values.actuals;
        assert_eq!(
            actuals(
                "・ 健康ポイント事業の参加者数を令和12年度までに12,000人にする（令和5年度 6,845人）。令和6年度は8,120人が参加した。"
            ),
            [(2024, "8,120人".to_string())]
        );
        assert_eq!(
            actuals(
                "・ 利用件数を令和12年度までに年間480件にする（令和5年度 年間213件）。なお、令和6年度の実績は年間287件となっている。"
            ),
            [(2024, "287件".to_string())]
        );
        assert_eq!(
            read("・ 保育所等の待機児童数を令和12年度までに0人とする（令和6年4月1日 14人）。"),
            (
                Some("0人".into()),
                Some(2030),
                Some("14人".into()),
                Some(2024)
            )
        );
    }

    #[test]
    fn a_numbered_indicator_with_values_after_their_words_and_a_line_of_earlier_actuals() {
        let line = "　（２）鉛製給水管残存件数　　　　　現状 1,842件（R5）　目標 600件（R11）";
        let found = indicator_line(line).expect("indicator");
        assert_eq!(found.name, "鉛製給水管残存件数");
        assert_eq!(found.values.baseline.as_deref(), Some("1,842件"));
        assert_eq!(found.values.baseline_year, Some(2023));
        assert_eq!(found.values.target.as_deref(), Some("600件"));
        assert_eq!(found.values.target_year, Some(2029));
        let next = "　　　　　参考実績：R3 2,310件　R4 2,075件";
        assert!(continues_indicator(next));
        assert_eq!(
            indicator_values(next).actuals,
            [(2021, "2,310件".to_string()), (2022, "2,075件".to_string())]
        );
        // A word of a value is no label without its value after it.
        assert!(indicator_line("　現状と課題　について").is_none());
    }

    #[test]
    fn labels_in_brackets_with_the_year_before_the_value() {
        let line = "【指標名】市町村がん検診（大腸がん）の受診率";
        let found = indicator_line(line).expect("indicator");
        assert_eq!(found.name, "市町村がん検診（大腸がん）の受診率");
        for next in [
            "　【基準値】令和3年度　31.2%",
            "　【実績】令和4年度　32.5%／令和5年度　34.1%",
        ] {
            assert!(continues_indicator(next), "{next}");
        }
        let values = indicator_values(
            "【基準値】令和3年度　31.2%　【目標】令和7年度　40.0%　\
             【実績】令和4年度　32.5%／令和5年度　34.1%　【達成度】B",
        );
        assert_eq!(values.baseline.as_deref(), Some("31.2%"));
        assert_eq!(values.baseline_year, Some(2021));
        assert_eq!(values.target.as_deref(), Some("40.0%"));
        assert_eq!(values.target_year, Some(2025));
        assert_eq!(
            values.actuals,
            [(2022, "32.5%".to_string()), (2023, "34.1%".to_string())]
        );
        assert_eq!(values.achievement.as_deref(), Some("B"));
        assert_eq!(indicator_line("【成果指標（KPI）】"), None);
        // A title whose label word runs on into a word of its own names no indicator.
        assert_eq!(indicator_line("KPI進捗管理表（第2期総合戦略）"), None);
        assert_eq!(indicator_line("成果指標一覧（令和６年度）"), None);
        // A tag in brackets that is no label stays as it is.
        assert_eq!(
            indicator_values("【新規】目標：80%").target.as_deref(),
            Some("80%")
        );
    }

    #[test]
    fn values_labelled_as_now_and_the_year_before_are_actuals_beside_a_baseline() {
        let values = indicator_values(
            "目標: 100%（令和9年度）　基準: 58.4%（令和4年度）　現状: 81.2%（令和6年度） 前年度: 70.6%（令和5年度） 目標値: 90%（令和7年度）",
        );
        assert_eq!(values.baseline.as_deref(), Some("58.4%"));
        assert_eq!(
            values.actuals,
            [(2024, "81.2%".to_string()), (2023, "70.6%".to_string())]
        );
        // Without a baseline of its own, the value now is the baseline.
        let alone = indicator_values("目標値：60%（令和7年度）　現状値：41.2%（令和5年度）");
        assert_eq!(alone.baseline.as_deref(), Some("41.2%"));
        assert!(alone.actuals.is_empty());
        let latest = indicator_values("直近値：1,716人（令和5年度）、1,690人（令和6年度）");
        assert_eq!(
            latest.actuals,
            [(2023, "1,716人".to_string()), (2024, "1,690人".to_string())]
        );
        assert!(continues_indicator("- 目標: 100%（令和9年度）"));
        assert!(continues_indicator("○   策定時の値：3.8%（令和2年度）"));
        // A year's actual labelled by its year.
        assert!(continues_indicator("令和5年度実績: 52.7%"));
        assert!(continues_indicator("2024年度実績　71.3%"));
        assert!(!continues_indicator("令和5年度は計画どおり進んだ。"));
    }

    #[test]
    fn nested_bullets_go_on_with_values_and_short_years() {
        assert!(continues_indicator("  - 基準値：12件（R2）"));
        assert!(continues_indicator("  - 進捗：順調"));
        let values =
            indicator_values("目標値：累計80件（R7）　実績：R5 累計47件、R6 累計63件　進捗：順調");
        assert_eq!(values.target_year, Some(2025));
        assert_eq!(
            values.actuals,
            [
                (2023, "累計47件".to_string()),
                (2024, "累計63件".to_string())
            ]
        );
        assert_eq!(values.achievement.as_deref(), Some("順調"));
    }

    #[test]
    fn values_labelled_on_lines_of_their_own_and_in_a_parenthesis_after_a_kpi() {
        assert!(labels_target_or_baseline(
            "      基準値：１，２００施設（令和５年度）"
        ));
        assert!(!labels_target_or_baseline("      設定根拠：全国の約半数"));
        assert!(opens_year_list("実績値："));
        assert!(opens_year_list("・実績"));
        assert!(opens_year_list("実績値：令和4年度 10,215人"));
        assert!(opens_year_list("　実　績：令和4年　3,105千人泊"));
        assert!(!opens_year_list(
            "実績値：令和4年度 10,215人、令和5年度 10,874人"
        ));
        assert!(is_year_value_line("令和6年　4,402千人泊（速報値）"));
        assert!(is_year_value_line("令和4年度 10,215人"));
        assert!(is_year_value_line("令和3年産 11,049円"));
        assert!(is_year_value_line("R5　52.7%"));
        assert!(!is_year_value_line(
            "令和4年度 10,215人、令和5年度 10,874人"
        ));
        assert!(!is_year_value_line("令和4年度に策定"));
        assert!(continues_indicator("      目標年度：令和９年度"));
        assert!(continues_indicator(
            "      直近実績：令和６年度 ２，３４０施設"
        ));
        assert!(continues_indicator(
            "　　（現状値：６８．４％（令和４年度）／目標値：８５％）"
        ));
        let values = indicator_values(
            "基準値：１２．８％（平成３０年度）　目標値：５０％　目標年度：2028年度　\
             直近実績：令和６年度 ２，３４０施設（９月末時点）",
        );
        assert_eq!(values.target.as_deref(), Some("５０％"));
        assert_eq!(values.target_year, Some(2028));
        assert_eq!(values.baseline_year, Some(2018));
        assert_eq!(values.actuals, [(2024, "２，３４０施設".to_string())]);
        let slashed = indicator_values("（現状値：－／目標値：５分以内（令和７年度））");
        assert_eq!(slashed.baseline, None);
        assert_eq!(slashed.target.as_deref(), Some("５分以内"));
        let line = indicator_line(
            "KPI①：防災アプリの登録者数（全県）　（現状値：42,600人（2022年度）／目標値：累計150,000人（2027年度））",
        )
        .expect("a KPI");
        assert_eq!(line.name, "防災アプリの登録者数（全県）");
        assert_eq!(line.values.baseline.as_deref(), Some("42,600人"));
        assert_eq!(line.values.target_year, Some(2027));
    }

    #[test]
    fn a_bare_base_label_and_a_year_past_the_gap_belong_to_the_next_value() {
        assert!(labels_target_or_baseline(
            "　目標：46％削減（2030年度）　基準：13.2％削減（2019年度）"
        ));
        assert!(continues_indicator("　評価：やや遅れ"));
        // A label whose letters a space sets apart.
        assert!(continues_indicator("　　評　価　：概ね順調"));
        assert_eq!(
            indicator_values("　　評　価　：概ね順調")
                .achievement
                .as_deref(),
            Some("概ね順調")
        );
        let values = indicator_values(
            "目標：毎年度５０件以下　基準：５８件（平成30年度）　実績：令和5年度 累計25か所",
        );
        assert_eq!(values.target.as_deref(), Some("毎年度５０件以下"));
        assert_eq!(values.target_year, None);
        assert_eq!(values.baseline.as_deref(), Some("５８件"));
        assert_eq!(values.baseline_year, Some(2018));
        assert_eq!(values.actuals, [(2023, "累計25か所".to_string())]);
        // `基準` inside a name labels nothing.
        let named = indicator_values("二酸化窒素の環境基準達成率　目標：毎年度100％");
        assert_eq!(named.baseline, None);
    }

    #[test]
    fn a_labelled_target_sentence_names_its_whole_clause() {
        let found = target_statement(
            "（目標）地域ささえあい会議を設置した地区の数を令和１０年度までに２２地区（全地区）",
        )
        .expect("a target");
        assert_eq!(found.name, "地域ささえあい会議を設置した地区の数");
        assert_eq!(found.values.target.as_deref(), Some("２２地区"));
        assert_eq!(found.values.target_year, Some(2028));
        let every_year = target_statement("（目標）訪問率を毎年度１００％とする。令和７年度")
            .expect("a target of every year");
        assert_eq!(every_year.values.target.as_deref(), Some("毎年度１００％"));
        assert_eq!(
            (every_year.due, every_year.values.target_year),
            (None, None)
        );
        assert_eq!(
            stated_now_line("　（現状）令和６年度　７人"),
            Some(("７人".to_string(), Some(2024)))
        );
        assert_eq!(
            stated_now_line("（参考）合計特殊出生率　令和５年　１．２１"),
            None
        );
    }

    #[test]
    fn a_unit_may_end_in_latin_letters_and_digits() {
        assert_eq!(
            year_values("令和3年度：10,350千t-CO2／令和4年度：10,120千t-CO2"),
            [
                (2021, "10,350千t-CO2".to_string()),
                (2022, "10,120千t-CO2".to_string())
            ]
        );
        assert_eq!(
            year_values("2022年度 18.0%／2023年度 21.7%"),
            [(2022, "18.0%".to_string()), (2023, "21.7%".to_string())]
        );
    }

    #[test]
    fn reads_kpi_lines() {
        let line = indicator_line("KPI：標準化対象のデータ数").expect("an indicator");
        assert_eq!(line.name, "標準化対象のデータ数");
        assert_eq!(line.values, IndicatorValues::default());
        let full = indicator_line(
            "【測定指標】登録隊数（目標：6,600隊、2028年度末までに、基準値：6,000隊、2022年度実績 6,441隊、達成）",
        )
        .expect("an indicator");
        assert_eq!(full.name, "登録隊数");
        assert_eq!(full.values.target.as_deref(), Some("6,600隊"));
        assert_eq!(full.values.target_year, Some(2028));
        assert_eq!(full.values.baseline.as_deref(), Some("6,000隊"));
        assert_eq!(full.values.actuals, [(2022, "6,441隊".to_string())]);
        assert_eq!(full.values.achievement.as_deref(), Some("達成"));
        assert!(indicator_line("指標の考え方について").is_none());
        assert!(indicator_line("【測定指標の選定理由及び目標値の設定の根拠】").is_none());
        assert!(indicator_line("- 成果指標：10指標（再掲を除く）").is_none());
        assert!(indicator_line("## 成果指標一覧").is_none());
        assert!(indicator_line("測定指標4指標のうち4指標が目標値を達成した。").is_none());
    }

    #[test]
    fn reads_targets_stated_in_text() {
        let arrow = target_statement("＊未整備の集落数：2022年度末1.2万か所→2027年度末０か所")
            .expect("a target");
        assert_eq!(arrow.name, "未整備の集落数");
        assert_eq!(arrow.values.target.as_deref(), Some("０か所"));
        assert_eq!(arrow.values.target_year, Some(2027));
        assert_eq!(arrow.values.actuals, [(2022, "1.2万か所".to_string())]);
        let now_to_target =
            target_statement("- 新規人工透析導入患者数：9人（令和4年度）→ 6人（令和11年度）")
                .expect("a target");
        assert_eq!(now_to_target.name, "新規人工透析導入患者数");
        assert_eq!(now_to_target.values.baseline.as_deref(), Some("9人"));
        assert_eq!(now_to_target.values.baseline_year, Some(2022));
        assert_eq!(now_to_target.values.target.as_deref(), Some("6人"));
        assert_eq!(now_to_target.values.target_year, Some(2029));
        let due = target_statement("＊基地局整備率※２：2026年度末95％（2023年度末実績：80.5％）")
            .expect("a target");
        assert_eq!(due.name, "基地局整備率");
        assert_eq!(due.values.target.as_deref(), Some("95％"));
        assert_eq!(due.values.actuals, [(2023, "80.5％".to_string())]);
        let sentence =
            target_statement("国としては、令和９年度までに移住相談の件数を5,000件とする目標を掲げ")
                .expect("a target");
        assert_eq!(sentence.name, "移住相談の件数");
        assert_eq!(sentence.values.target.as_deref(), Some("5,000件"));
        assert_eq!(sentence.values.target_year, Some(2027));
        let inverted =
            target_statement("連携に取り組む市町村を、2028年度までに500団体").expect("a target");
        assert_eq!(inverted.name, "連携に取り組む市町村");
        assert_eq!(inverted.due.as_deref(), Some("2028年度"));
        assert!(target_statement("令和５年度までに制度を見直す").is_none());
        assert!(target_statement("2030年度までに実現を目指す").is_none());
    }
}
