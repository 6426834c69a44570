//! Indicators a white paper states in its sentences: the indicator is the sentence's subject
//! (`森林経営計画が作成された森林の割合は、…`) or a name in quotes the paragraph goes on about
//! (`「…の割合」を用いており、…`), its values stand beside their years
//! (`令和６年度に４２．３％となり`, `令和５年度の４０．８％から`), and the sentence names a
//! target (`令和１０年度の目標５０％`, `目標（令和１０年度に４５万ha）`, `目標の１，２００人
//! （令和８年度）`) or a baseline (`基準値の８３０人（令和４年度）`).

use super::targets::{IndicatorValues, STATED_VALUE as VALUE, YEAR, year_in};
use crate::normalize::nfkc;
use regex::{Captures, Regex};
use std::sync::LazyLock;

/// Words an indicator's name ends with: a count, rate, share or amount.
const MEASURE_ENDINGS: [&str; 12] = [
    "数",
    "度",
    "率",
    "割合",
    "額",
    "面積",
    "給与",
    "量",
    "時間",
    "高",
    "シェア",
    "件数",
];

/// Words opening a sentence before its subject.
const CONNECTIVES: [&str; 6] = [
    "一方、",
    "また、",
    "さらに、",
    "なお、",
    "このうち、",
    "他方、",
];

/// Words after a sentence's topic before its `は` (`…の割合については`).
const TOPIC_WORDS: &str = "について";

/// The most chars an indicator's name has.
const MAX_NAME_CHARS: usize = 40;

static TARGET_AFTER_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<year>{YEAR})の目標(?:値)?(?:である)?[（(]?(?P<value>{VALUE})"
    ))
    .expect("target after year")
});

static TARGET_YEAR_INSIDE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"目標(?:値)?[（(](?P<year>{YEAR})(?:まで)?(?:に|で|[:：])?\s*(?P<value>{VALUE})[）)]"
    ))
    .expect("target with its year inside")
});

static TARGET_YEAR_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"目標(?:値)?(?:である|の|とする)?(?P<value>{VALUE})[（(](?:(?P<year>{YEAR})|毎年度)[）)]"
    ))
    .expect("target with its year after")
});

/// `（目標：令和８年度４７団体）`, `目標は令和８年度に５０％`.
static TARGET_LABELLED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"目標(?:値)?(?:は|[:：])\s*(?P<year>{YEAR})(?:まで)?(?:に|で)?\s*(?P<value>{VALUE})"
    ))
    .expect("labelled target in prose")
});

/// `毎年度95.0%以上を維持することを目標`: a target every year, due in none.
static TARGET_EVERY_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"毎年度(?P<value>{VALUE})を(?:維持|確保|達成)することを目標"
    ))
    .expect("target every year")
});

/// `令和８年度に１，６００件とすることを目標`, `…とする目標`, `…とすることを目指す`.
static TARGET_TO_MAKE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<year>{YEAR})(?:まで)?に(?P<value>{VALUE})(?:と|に)(?:すること?を目標|する目標|することを目指)"
    ))
    .expect("target to make")
});

static BASELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"基準値(?:の|は|[:：])?\s*(?:(?P<value>{VALUE})[（(](?P<year>{YEAR})[）)]|[（(](?P<year2>{YEAR})[）)]の(?P<value2>{VALUE})|[（(]?(?P<year3>{YEAR})\s*[:：]?\s*(?P<value3>{VALUE}))|(?P<year4>{YEAR})の(?P<value4>{VALUE})[（(]基準値[）)]|基準年度[（(](?P<year5>{YEAR})[）)]の(?P<value5>{VALUE})|基準年度(?:である|の)\s*(?P<year6>{YEAR})[（(](?P<value6>{VALUE})[）)]"
    ))
    .expect("baseline in prose")
});

/// `計画策定時の令和4年度 58.2%`, `計画策定時（令和4年度 73.1%）`, `計画策定時（平成30年度）の
/// 952g`: the value when the plan was made.
static BASELINE_AT_PLANNING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"策定時(?:の|[（(])\s*(?P<year>{YEAR})\s*(?P<value>{VALUE})|策定時[（(](?P<year2>{YEAR})[）)]の(?P<value2>{VALUE})"
    ))
    .expect("baseline when the plan was made")
});

/// `…を目標としている（令和4年度 76.3%）`: a year and value in brackets right after a target
/// stated as the aim, where the figures started from.
static BASELINE_AFTER_TARGET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"目標(?:と|を)?(?:して|掲げて|設定して)?(?:いる|いた|おり|する)?[。、]?\s*[（(](?P<year>{YEAR})\s*(?P<value>{VALUE})[）)]"
    ))
    .expect("baseline after the target")
});

/// `令和６年度に４２．３％`, `令和６年度の意識調査で３４．５％`, `（令和４年度２９．８％）`,
/// `（令和３年度：1,279万t）`, `１８．４時間（令和６年度）`, `令和５年度末（1,986MW）`, a list
/// of them (`（令和5年度51.2%、令和4年度49.7%）`).
static ACTUAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<year>{YEAR})(?:時点)?(?:の[^、。，（）()0-9０-９]{{1,10}}?)?(?:に|には|は|の|で)(?:は)?(?P<value>{VALUE})|[（(](?P<year2>{YEAR})末?\s*[:：]?\s*(?P<value2>{VALUE})[）)]|(?P<value3>{VALUE})[（(](?P<year3>{YEAR})[）)]|[（(、。](?P<year4>{YEAR})\s*(?P<value4>{VALUE})|(?P<year5>{YEAR})末?[（(](?P<value5>{VALUE})[）)]"
    ))
    .expect("actual in prose")
});

/// `（前年度６１．０％）`, `前年度（２１．２時間）`: the year before the one stated first.
static PREVIOUS_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"前年度(?:の|は)?\s*[（(]?(?P<value>{VALUE})"))
        .expect("previous year in prose")
});

/// A sentence opening with a year (`令和6年度の実績は…`, `令和4年度3件、…`).
static OPENS_WITH_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^{YEAR}")).expect("opens with a year"));

/// `令和６年度の講座受講者の理解度`: the year the subject is stated for.
static SUBJECT_YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^(?P<year>{YEAR})の")).expect("subject year"));

/// Words judging progress, the most specific first.
const PROGRESS_WORDS: [(&str, &str); 8] = [
    ("未達成", "未達成"),
    ("概ね順調", "概ね順調"),
    ("おおむね順調", "おおむね順調"),
    ("やや遅れ", "やや遅れ"),
    ("遅れ", "遅れ"),
    ("順調", "順調"),
    ("達成した", "達成"),
    ("を達成", "達成"),
];

/// An indicator stated in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProseIndicator {
    /// The sentence's subject as written.
    pub name: String,
    /// Its target, baseline and actuals.
    pub values: IndicatorValues,
}

/// The subject of a sentence when it names a count, rate or amount (`…の割合は、`), with the
/// year it opens with (`令和６年度の講座受講者の理解度は`), without a quoted note after it.
struct Subject<'s> {
    name: &'s str,
    year: Option<u16>,
}

/// Whether a name holds a figure (`８０％`, `令和６年`), not only a number in a name
/// (`消費者ホットライン１８８`).
fn holds_figure(name: &str) -> bool {
    let chars: Vec<char> = name.chars().collect();
    chars
        .windows(2)
        .any(|pair| pair[0].is_numeric() && "年月日％%件人円億万千".contains(pair[1]))
}

fn subject(sentence: &str) -> Option<Subject<'_>> {
    let mut text = sentence.trim_start();
    for connective in CONNECTIVES {
        text = text.strip_prefix(connective).unwrap_or(text);
    }
    let mut name = &text[..text.find('は')?];
    // `…の割合については、`: the topic's words are no part of its name.
    name = name.strip_suffix(TOPIC_WORDS).unwrap_or(name);
    let mut year = None;
    if let Some(caps) = SUBJECT_YEAR.captures(name)
        && let Some(whole) = caps.get(0)
    {
        year = caps.name("year").and_then(|m| year_in(m.as_str()));
        name = &name[whole.end()..];
    }
    // `理解度（「内容が理解できた」と回答した割合）`: a note on how it is measured.
    if name.ends_with(['）', ')'])
        && let Some(open) = name.find(['（', '('])
        && name[open..].contains('「')
    {
        name = &name[..open];
    }
    is_measure_name(name, false).then_some(Subject {
        name: name.trim(),
        year,
    })
}

/// Whether words name a count, rate or amount (`…の割合`, `…の策定件数（累計）`), not a
/// clause, nor a figure unless `quoted` (a name in quotes is one whatever it holds).
fn is_measure_name(name: &str, quoted: bool) -> bool {
    let count = name.chars().count();
    (3..=MAX_NAME_CHARS).contains(&count)
        && !name.contains(['、', '。', '「', '」'])
        && (quoted || !holds_figure(name))
        && MEASURE_ENDINGS
            .iter()
            .any(|end| without_trailing_note(name).ends_with(end))
}

/// A name without the parenthesis that ends it (`…の策定件数（累計）` → `…の策定件数`).
fn without_trailing_note(name: &str) -> &str {
    name.strip_suffix(['）', ')'])
        .and_then(|inner| inner.rfind(['（', '(']).map(|open| &name[..open]))
        .unwrap_or(name)
}

fn named<'t>(caps: &Captures<'t>, names: &[&str]) -> Option<&'t str> {
    names
        .iter()
        .find_map(|name| caps.name(name))
        .map(|m| m.as_str())
}

/// The value right after the subject, for the year the subject opens with (`…の理解度
/// （…）は９２．４％で`).
static VALUE_AFTER_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:[（(][^）)]*[）)])?は、?\s*(?P<value>{VALUE})"
    ))
    .expect("value after the subject")
});

/// Reads one sentence: an indicator when its subject names a measure and it states a target
/// or a baseline.
pub fn prose_indicator(sentence: &str) -> Option<ProseIndicator> {
    if !sentence.contains("目標") && !sentence.contains("基準") {
        return None;
    }
    let found = subject(sentence)?;
    let name = found.name;
    let body = &sentence[sentence.find(name)? + name.len()..];
    Some(ProseIndicator {
        name: name.to_string(),
        values: body_values(body, found.year)?,
    })
}

/// The values the words after an indicator's name state: its target, baseline, actuals by
/// year and the progress judged; `None` without a target or a baseline. `subject_year` is
/// the year the name was stated for (`令和６年度の…理解度は９２．４％`).
fn body_values(body: &str, subject_year: Option<u16>) -> Option<IndicatorValues> {
    let mut values = IndicatorValues::default();
    let mut taken: Vec<(usize, usize)> = Vec::new();
    let target = [
        &TARGET_AFTER_YEAR,
        &TARGET_YEAR_INSIDE,
        &TARGET_YEAR_AFTER,
        &TARGET_LABELLED,
        &TARGET_TO_MAKE,
        &TARGET_EVERY_YEAR,
    ]
    .into_iter()
    .find_map(|pattern| pattern.captures(body));
    if let Some(caps) = target {
        values.target = caps.name("value").map(|m| m.as_str().to_string());
        values.target_year = caps.name("year").and_then(|m| year_in(m.as_str()));
        taken.extend(caps.get(0).map(|m| (m.start(), m.end())));
    }
    let baseline = BASELINE
        .captures(body)
        .or_else(|| BASELINE_AT_PLANNING.captures(body))
        .or_else(|| BASELINE_AFTER_TARGET.captures(body));
    if let Some(caps) = baseline {
        let values_at = ["value", "value2", "value3", "value4", "value5", "value6"];
        let years_at = ["year", "year2", "year3", "year4", "year5", "year6"];
        values.baseline = named(&caps, &values_at).map(str::to_string);
        values.baseline_year = named(&caps, &years_at).and_then(year_in);
        taken.extend(caps.get(0).map(|m| (m.start(), m.end())));
    }
    if values.target.is_none() && values.baseline.is_none() {
        return None;
    }
    for caps in ACTUAL.captures_iter(body) {
        let Some(whole) = caps.get(0) else {
            continue;
        };
        let inside_taken = taken
            .iter()
            .any(|(start, end)| whole.start() < *end && *start < whole.end());
        // `令和１０年度の目標…`: the year a target is due, no actual.
        let before_target = body[whole.start()..].contains("目標")
            && body[whole.end()..].trim_start().starts_with("目標");
        if inside_taken || before_target {
            continue;
        }
        let year = named(&caps, &["year", "year2", "year3", "year4", "year5"]).and_then(year_in);
        if let (Some(year), Some(value)) = (
            year,
            named(&caps, &["value", "value2", "value3", "value4", "value5"]),
        ) && !values.actuals.iter().any(|(y, _)| *y == year)
        {
            values.actuals.push((year, value.to_string()));
        }
    }
    if values.actuals.is_empty()
        && let Some(year) = subject_year
        && let Some(value) = VALUE_AFTER_SUBJECT
            .captures(body)
            .and_then(|caps| caps.name("value"))
    {
        values.actuals.push((year, value.as_str().to_string()));
    }
    // `（前年度６１．０％）`: the year before the first one the sentence reports.
    if let Some((first, _)) = values.actuals.first().cloned()
        && let Some(value) = PREVIOUS_YEAR
            .captures(body)
            .and_then(|caps| caps.name("value"))
        && !values.actuals.iter().any(|(y, _)| *y + 1 == first)
    {
        values.actuals.push((first - 1, value.as_str().to_string()));
    }
    values.actuals.sort_by_key(|(year, _)| *year);
    let folded = nfkc(body);
    values.achievement = PROGRESS_WORDS
        .iter()
        .find(|(word, _)| folded.contains(word))
        .map(|(_, achievement)| (*achievement).to_string());
    Some(values)
}

/// Indicators a paragraph names in quotes (`「授業の内容がよく分かると回答した児童生徒の割合」
/// を用いており、令和9年度までに85%とすることを目標としている（令和4年度 76.3%）。令和5年度
/// …では78.9%となり、…進捗は「順調」と評価している。`): each quoted name of a count, rate or
/// amount, with the values stated after it up to the next such name.
fn quoted_indicators(line: &str) -> Vec<ProseIndicator> {
    let mut names: Vec<(usize, usize, &str)> = Vec::new();
    let mut from = 0;
    while let Some(open) = line[from..].find('「').map(|at| from + at) {
        let inner = open + '「'.len_utf8();
        let Some(close) = line[inner..].find('」').map(|at| inner + at) else {
            break;
        };
        let name = &line[inner..close];
        // A quoted name may hold figures of its own (`1日1時間以上`, `（小学校6年生）`).
        if is_measure_name(name, true) {
            names.push((open, close + '」'.len_utf8(), name));
        }
        from = close + '」'.len_utf8();
    }
    names
        .iter()
        .enumerate()
        .filter_map(|(index, (_, end, name))| {
            let scope_end = names.get(index + 1).map_or(line.len(), |next| next.0);
            let values = body_values(&line[*end..scope_end], None)?;
            Some(ProseIndicator {
                name: (*name).to_string(),
                values,
            })
        })
        .collect()
}

/// Every indicator the sentences of a line state; a sentence about a measure may leave its
/// target to the next one (`…１，４８０件となった。計画では令和８年度に１，６００件とすることを
/// 目標としており、…`).
pub fn prose_indicators(line: &str) -> Vec<ProseIndicator> {
    let sentences: Vec<&str> = line.split_inclusive('。').collect();
    let mut found = quoted_indicators(line);
    let mut at = 0;
    while let Some(sentence) = sentences.get(at) {
        let alone = prose_indicator(sentence);
        let with_next = sentences
            .get(at + 1)
            .filter(|next| {
                // `…を目標としている。` before `令和6年度の実績は52.8%…。`: a sentence
                // opening with a year, with no subject of its own, reports on the one before.
                let reports_on = |one: &ProseIndicator| {
                    one.values.actuals.is_empty() && OPENS_WITH_YEAR.is_match(next.trim_start())
                };
                alone
                    .as_ref()
                    .is_none_or(|one| one.values.target.is_none() || reports_on(one))
                    && subject(sentence).is_some()
                    && subject(next).is_none()
            })
            .and_then(|next| prose_indicator(&format!("{sentence}{next}")))
            .filter(|joined| alone.is_none() || joined.values.target.is_some());
        match (with_next, alone) {
            (Some(joined), _) => {
                found.push(joined);
                at += 2;
            }
            (None, Some(one)) => {
                found.push(one);
                at += 1;
            }
            (None, None) => at += 1,
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_quotes_each_with_the_values_stated_after_it() {
        let found = prose_indicators(
            "授業改善の指標として「授業の内容がよく分かると回答した児童生徒の割合」を用いており、令和9年度までに85%とすることを目標としている（令和4年度 76.3%）。令和5年度の県学習状況調査では78.9%となり、本指標の進捗は「順調」と評価している。一方、「家庭学習を1日1時間以上行う中学生の割合」は、令和9年度に70%とする目標に対し、令和5年度は61.0%にとどまった（計画策定時の令和4年度 58.2%）。",
        );
        let [understood, homework] = &found[..] else {
            panic!("two indicators: {found:?}");
        };
        assert_eq!(
            understood.name,
            "授業の内容がよく分かると回答した児童生徒の割合"
        );
        assert_eq!(understood.values.target.as_deref(), Some("85%"));
        assert_eq!(understood.values.target_year, Some(2027));
        assert_eq!(understood.values.baseline.as_deref(), Some("76.3%"));
        assert_eq!(understood.values.baseline_year, Some(2022));
        assert_eq!(understood.values.actuals, [(2023, "78.9%".to_string())]);
        assert_eq!(understood.values.achievement.as_deref(), Some("順調"));
        assert_eq!(homework.name, "家庭学習を1日1時間以上行う中学生の割合");
        assert_eq!(homework.values.target.as_deref(), Some("70%"));
        assert_eq!(homework.values.baseline.as_deref(), Some("58.2%"));
        assert_eq!(homework.values.baseline_year, Some(2022));
        assert_eq!(homework.values.actuals, [(2023, "61.0%".to_string())]);
        assert_eq!(homework.values.achievement, None);
    }

    #[test]
    fn a_topic_s_target_and_the_next_sentence_s_actuals() {
        let found = prose_indicators(
            "新体力テストにおける体力合計点が全国平均以上の児童生徒の割合については、令和9年度までに60.0%とすることを目標としている。令和6年度の実績は52.8%（令和5年度51.2%、令和4年度49.7%）で、基準値（令和元年度55.1%）を下回っていることから、評価は「遅れ」とした。",
        );
        assert_eq!(found.len(), 1);
        let found = &found[0];
        assert_eq!(
            found.name,
            "新体力テストにおける体力合計点が全国平均以上の児童生徒の割合"
        );
        assert_eq!(found.values.target.as_deref(), Some("60.0%"));
        assert_eq!(found.values.target_year, Some(2027));
        assert_eq!(found.values.baseline.as_deref(), Some("55.1%"));
        assert_eq!(found.values.baseline_year, Some(2019));
        assert_eq!(
            found.values.actuals,
            [
                (2022, "49.7%".to_string()),
                (2023, "51.2%".to_string()),
                (2024, "52.8%".to_string())
            ]
        );
        assert_eq!(found.values.achievement.as_deref(), Some("遅れ"));
        let every_year = prose_indicator(
            "また、朝食を毎日食べている児童生徒の割合については、毎年度95.0%以上を維持することを目標としているが、令和6年度は92.6%にとどまった。",
        )
        .expect("an indicator");
        assert_eq!(every_year.values.target.as_deref(), Some("95.0%以上"));
        assert_eq!(every_year.values.target_year, None);
        let counted = prose_indicator(
            "町指定文化財の保存活用計画の策定件数（累計）は、令和3年度の2件から令和9年度までに8件とすることを目標としている。",
        )
        .expect("an indicator");
        assert_eq!(counted.name, "町指定文化財の保存活用計画の策定件数（累計）");
    }

    #[test]
    fn a_rate_with_its_years_and_target() {
        let found = prose_indicator(
            "森林経営計画が作成された森林の割合は、令和５年度の４０．８％から上昇し、令和６年度に４２．３％となり、令和１０年度の目標５０％に向けて着実に進捗している。",
        )
        .expect("an indicator");
        assert_eq!(found.name, "森林経営計画が作成された森林の割合");
        assert_eq!(found.values.target.as_deref(), Some("５０％"));
        assert_eq!(found.values.target_year, Some(2028));
        assert_eq!(
            found.values.actuals,
            [
                (2023, "４０．８％".to_string()),
                (2024, "４２．３％".to_string())
            ]
        );
    }

    #[test]
    fn targets_and_baselines_in_parentheses() {
        let inside = prose_indicator(
            "一方、間伐実施面積は令和６年度に３６万haとなったが、基本計画で掲げる目標（令和１０年度に４５万ha）を下回っている。",
        )
        .expect("an indicator");
        assert_eq!(inside.name, "間伐実施面積");
        assert_eq!(inside.values.target.as_deref(), Some("４５万ha"));
        assert_eq!(inside.values.target_year, Some(2028));
        assert_eq!(inside.values.actuals, [(2024, "３６万ha".to_string())]);
        let baseline = prose_indicator(
            "林業への新規就業者数は、基準値の８３０人（令和４年度）から令和５年度には８７５人、令和６年度には９１２人と増加したが、目標の１，２００人（令和８年度）にはなお開きがある。",
        )
        .expect("an indicator");
        assert_eq!(baseline.values.baseline.as_deref(), Some("８３０人"));
        assert_eq!(baseline.values.baseline_year, Some(2022));
        assert_eq!(baseline.values.target.as_deref(), Some("１，２００人"));
        assert_eq!(baseline.values.target_year, Some(2026));
        assert_eq!(baseline.values.actuals.len(), 2);
        let spaced = prose_indicator(
            "林業の労働災害による死亡者数は、令和６年度は２９人であり、基準値（令和３年度 ３８人）からは減少したものの、目標である２０人（令和９年度）の達成には取組が必要である。",
        )
        .expect("an indicator");
        assert_eq!(spaced.values.baseline.as_deref(), Some("３８人"));
        assert_eq!(spaced.values.baseline_year, Some(2021));
        assert_eq!(spaced.values.target_year, Some(2027));
        assert_eq!(spaced.values.actuals, [(2024, "２９人".to_string())]);
    }

    #[test]
    fn a_target_in_the_next_sentence_and_the_year_before() {
        let found = prose_indicators(
            "　注意喚起の公表件数は、基準年度（令和２年度）の１，２００件に対し、令和６年度は１，４８０件（令和５年度１，３６０件）となった。計画では令和８年度に１，６００件とすることを目標としており、進捗は概ね順調である。",
        );
        let values = &found[0].values;
        assert_eq!(values.baseline.as_deref(), Some("１，２００件"));
        assert_eq!(values.baseline_year, Some(2020));
        assert_eq!(values.target.as_deref(), Some("１，６００件"));
        assert_eq!(values.target_year, Some(2026));
        assert_eq!(values.actuals.len(), 2);
        assert_eq!(values.achievement.as_deref(), Some("概ね順調"));
        let previous = prose_indicator(
            "職員一人当たりの月平均超過勤務時間は１８．４時間（令和６年度）で、前年度（２１．２時間）から減少したが、目標の１５時間（令和７年度）には至っていない。",
        )
        .expect("an indicator");
        assert_eq!(
            previous.values.actuals,
            [
                (2023, "２１．２時間".to_string()),
                (2024, "１８．４時間".to_string())
            ]
        );
        assert_eq!(previous.values.achievement, None);
    }

    #[test]
    fn a_subject_opened_by_its_year_or_holding_a_number() {
        let yearly = prose_indicator(
            "令和６年度の講座受講者の理解度（「内容が理解できた」と回答した割合）は９２．４％で、目標の９０％（毎年度）を上回り、目標を達成した。",
        )
        .expect("an indicator");
        assert_eq!(yearly.name, "講座受講者の理解度");
        assert_eq!(yearly.values.target.as_deref(), Some("９０％"));
        assert_eq!(yearly.values.target_year, None);
        assert_eq!(yearly.values.actuals, [(2024, "９２．４％".to_string())]);
        assert_eq!(yearly.values.achievement.as_deref(), Some("達成"));
        let numbered = prose_indicator(
            "消費者ホットライン１８８の認知度は、令和６年度の意識調査で３４．５％（令和４年度２９．８％）となったが、目標（令和８年度５０％）に対しては遅れがみられる。",
        )
        .expect("an indicator");
        assert_eq!(numbered.values.actuals.len(), 2);
        assert_eq!(numbered.values.target_year, Some(2026));
        assert_eq!(numbered.values.achievement.as_deref(), Some("遅れ"));
    }

    #[test]
    fn sentences_without_a_measured_subject_or_target_are_none() {
        assert!(prose_indicator("森林の整備は令和６年度に進んだ。").is_none());
        assert!(prose_indicator("林野庁は、令和７年度の目標を定めた。").is_none());
        assert!(prose_indicator("木材の輸出額は令和６年度に６１０億円となった。").is_none());
    }

    #[test]
    fn years_with_their_values_after_a_colon_or_in_brackets_after_the_year() {
        let found = prose_indicators(
            "県内の温室効果ガス排出量は、最新の算定値である令和４年度に1,234万t-CO2となり、前年度（令和３年度：1,279万t-CO2）から3.5％減少しました。基準年度である平成25年度（1,682万t-CO2）と比べ順調に減少しており、目標（令和12年度に890万t-CO2）に向けて概ね順調に推移しています。",
        );
        let [emissions] = &found[..] else {
            panic!("one indicator: {found:?}");
        };
        assert_eq!(emissions.values.baseline.as_deref(), Some("1,682万t-CO2"));
        assert_eq!(emissions.values.baseline_year, Some(2013));
        assert_eq!(
            emissions.values.actuals,
            [
                (2021, "1,279万t-CO2".to_string()),
                (2022, "1,234万t-CO2".to_string())
            ]
        );
        let found = prose_indicators(
            "再生可能エネルギー導入容量（累計）は、令和６年度末で2,145MWとなりました。令和５年度末（1,986MW）から159MW増加し、基準値（令和２年度：1,120MW）からの増加分は目標（令和12年度：3,000MW）に向けて順調です。",
        );
        let [capacity] = &found[..] else {
            panic!("one indicator: {found:?}");
        };
        assert_eq!(capacity.values.baseline.as_deref(), Some("1,120MW"));
        assert_eq!(capacity.values.baseline_year, Some(2020));
        assert!(
            capacity
                .values
                .actuals
                .contains(&(2023, "1,986MW".to_string())),
            "{:?}",
            capacity.values.actuals
        );
        let found = prose_indicators(
            "家庭系ごみの排出量は、令和６年度に871gとなり、計画策定時（平成30年度）の952gから着実に減少しており、目標（令和12年度に850g以下）の達成に向けて概ね順調です。",
        );
        let [waste] = &found[..] else {
            panic!("one indicator: {found:?}");
        };
        assert_eq!(waste.values.baseline.as_deref(), Some("952g"));
        assert_eq!(waste.values.baseline_year, Some(2018));
    }
}
