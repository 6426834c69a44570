//! Legends of figures in brackets: a note saying what a figure in parentheses or square
//! brackets after an amount stands for (`（　）内は令和7年度当初予算額、【　】内は対前年度増減額
//! を示します`, `（ ）書きは前年度予算額`), and the split of a cell written that way
//! (`４，２１８（３，９８７）【２３１】`) into its figure and the bracketed figures after it.

use crate::normalize::nfkc;
use regex::Regex;
use std::sync::LazyLock;

/// The kinds of bracket a legend tells apart, by the opening mark after NFKC.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bracket {
    /// `（ ）`, `( )`.
    Round,
    /// `【 】`, `[ ]`, `［ ］`.
    Square,
    /// `〔 〕`.
    Tortoise,
    /// `＜ ＞`, `< >`, `〈 〉`.
    Angle,
}

impl Bracket {
    /// The bracket a char opens, if it opens one.
    pub fn opened_by(open: char) -> Option<Bracket> {
        match open {
            '(' | '（' => Some(Bracket::Round),
            '【' | '[' | '［' => Some(Bracket::Square),
            '〔' => Some(Bracket::Tortoise),
            '<' | '＜' | '〈' => Some(Bracket::Angle),
            _ => None,
        }
    }

    /// The char that closes this bracket when `open` opened it.
    fn closing(open: char) -> Option<char> {
        Some(match open {
            '(' => ')',
            '（' => '）',
            '【' => '】',
            '[' => ']',
            '［' => '］',
            '〔' => '〕',
            '<' => '>',
            '＜' => '＞',
            '〈' => '〉',
            _ => return None,
        })
    }
}

/// One entry of a legend: an empty pair of brackets, then what a figure in them stands for
/// (`（　）内は令和7年度当初予算額`), up to a comma, a full stop or the verb that closes it.
static LEGEND_ENTRY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"([(【\[〔<〈])\s*[)】\]〕>〉]\s*(?:内|書き|書)?(?:の(?:数値|数字|金額|計数))?は、?\s*([^、。,;]+?)\s*(?:を(?:示|表|記載|表示)|です|である|。|、|,|$)",
    )
    .expect("legend entry pattern")
});

/// The entries of a legend a line states, each bracket with the words saying what its
/// figures are (`令和7年度当初予算額`, `対前年度増減額`); empty for a line that is no legend.
pub fn read_legend(line: &str) -> Vec<(Bracket, String)> {
    let folded = nfkc(line);
    LEGEND_ENTRY
        .captures_iter(&folded)
        .filter_map(|caps| {
            let open = caps.get(1)?.as_str().chars().next()?;
            let words = without_unopened_close(caps.get(2)?.as_str().trim());
            let names_figure = words.ends_with(['額', '費', '計', '算']) || words.contains("増減");
            names_figure.then(|| (Bracket::opened_by(open), words.to_string()))
        })
        .filter_map(|(bracket, words)| Some((bracket?, words)))
        .collect()
}

/// One entry of a legend of tags: a short word in brackets, then what a figure after that
/// tag stands for (`［補正］は令和7年度補正予算額`).
static TAG_LEGEND_ENTRY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"([【\[〔<〈][^)】\]〕>〉\s]{1,8}[)】\]〕>〉])\s*(?:の(?:数値|数字|金額|計数))?は、?\s*([^、。,;]+?)\s*(?:を(?:示|表|記載|表示)|です|である|。|、|,|$)",
    )
    .expect("tag legend entry pattern")
});

/// The entries of a legend of tags a line states, each tag as written after NFKC with the
/// words saying what the figure after it is (`［補正］は令和7年度補正予算額` → `[補正]`,
/// `令和7年度補正予算額`); only words naming a figure of a year count.
pub fn read_tag_legend(line: &str) -> Vec<(String, String)> {
    let folded = nfkc(line);
    TAG_LEGEND_ENTRY
        .captures_iter(&folded)
        .filter_map(|caps| {
            let tag = caps.get(1)?.as_str();
            let words = without_unopened_close(caps.get(2)?.as_str().trim());
            let names_figure = words.ends_with(['額', '費', '計', '算']);
            let names_year = !crate::money::find_fiscal_years(words).is_empty();
            (names_figure && names_year).then(|| (tag.to_string(), words.to_string()))
        })
        .collect()
}

/// A legend's words without the closing parenthesis of a note they end
/// (`（単位：億円、（　）内は令和７年度予算額）` → `令和7年度予算額`).
fn without_unopened_close(words: &str) -> &str {
    let opened = words.matches('(').count();
    let closed = words.matches(')').count();
    if closed > opened {
        words.strip_suffix(')').unwrap_or(words).trim_end()
    } else {
        words
    }
}

/// A cell's figure and the bracketed pieces after it (`４，２１８（３，９８７）【２３１】` →
/// `４，２１８`, [(Round, `３，９８７`), (Square, `２３１`)]): `None` unless the cell opens
/// with a figure and holds only bracketed pieces after it.
pub fn figure_and_brackets(cell: &str) -> Option<(&str, Vec<(Bracket, &str)>)> {
    figure_brackets_and_rest(cell)
        .filter(|(_, _, rest)| rest.is_empty())
        .map(|(figure, pieces, _)| (figure, pieces))
}

/// The bracketed pieces after a cell's figure, each with its bracket.
pub type Pieces<'c> = Vec<(Bracket, &'c str)>;

/// A cell's figure, the bracketed pieces after it and what follows them
/// (`３２６（３４１）　前年度比` → `３２６`, [(Round, `３４１`)], `前年度比`): `None` unless
/// the cell opens with a figure followed by at least one bracketed piece.
pub fn figure_brackets_and_rest(cell: &str) -> Option<(&str, Pieces<'_>, &str)> {
    let cell = cell.trim();
    let first = cell.find(|c: char| Bracket::opened_by(c).is_some())?;
    let (figure, mut rest) = cell.split_at(first);
    let figure = figure.trim_end();
    crate::money::parse_number(figure)?;
    let mut pieces = Vec::new();
    while let Some(open) = rest.chars().next() {
        let Some(bracket) = Bracket::opened_by(open) else {
            break;
        };
        let close = Bracket::closing(open)?;
        let inner_start = open.len_utf8();
        let end = rest[inner_start..].find(close)? + inner_start;
        pieces.push((bracket, rest[inner_start..end].trim()));
        rest = rest[end + close.len_utf8()..].trim_start();
    }
    (!pieces.is_empty()).then_some((figure, pieces, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_legend_of_tags_names_the_year_of_the_figure_after_each() {
        assert_eq!(
            read_tag_legend("（　）内は令和7年度当初予算額。［補正］は令和7年度補正予算額。"),
            [("[補正]".to_string(), "令和7年度補正予算額".to_string())]
        );
        // A tag that says what kind of project it marks names no figure.
        assert!(
            read_tag_legend("【新規】令和8年度新規事業　【拡充】対前年度で拡充を図る事業")
                .is_empty()
        );
        assert!(read_tag_legend("［補正］は補正予算額").is_empty());
    }

    #[test]
    fn a_legend_names_what_each_bracket_holds() {
        assert_eq!(
            read_legend("（　）内は令和7年度当初予算額、【　】内は対前年度増減額を示します。"),
            [
                (Bracket::Round, "令和7年度当初予算額".to_string()),
                (Bracket::Square, "対前年度増減額".to_string())
            ]
        );
        assert_eq!(
            read_legend("（単位：億円、（　）内は令和７年度予算額）"),
            [(Bracket::Round, "令和7年度予算額".to_string())]
        );
        assert_eq!(
            read_legend("※ （ ）書きは前年度予算額"),
            [(Bracket::Round, "前年度予算額".to_string())]
        );
        assert_eq!(
            read_legend("〔　〕内の数値は要求額です"),
            [(Bracket::Tortoise, "要求額".to_string())]
        );
        // Brackets with words in them, or words that name no figure, are no legend.
        assert!(read_legend("（新規）は今年度から始める事業").is_empty());
        assert!(read_legend("（　）内は担当課を示す").is_empty());
        assert!(read_legend("こども医療費助成事業　４，２１８（３，９８７）").is_empty());
    }

    #[test]
    fn a_cell_splits_into_its_figure_and_the_bracketed_pieces_after_it() {
        assert_eq!(
            figure_and_brackets("４，２１８（３，９８７）【２３１】"),
            Some((
                "４，２１８",
                vec![(Bracket::Round, "３，９８７"), (Bracket::Square, "２３１")]
            ))
        );
        assert_eq!(
            figure_and_brackets("38,640（41,205）【△2,565】"),
            Some((
                "38,640",
                vec![(Bracket::Round, "41,205"), (Bracket::Square, "△2,565")]
            ))
        );
        assert_eq!(
            figure_and_brackets("286（新規）"),
            Some(("286", vec![(Bracket::Round, "新規")]))
        );
        assert_eq!(figure_and_brackets("4,218"), None);
        assert_eq!(figure_and_brackets("事業費（千円）"), None);
        assert_eq!(figure_and_brackets("16,311（増減率 2.2％）以上"), None);
    }
}
