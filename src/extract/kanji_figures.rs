//! Documents that write their figures in kanji numerals set place by place, as formal notices
//! (告示, 町報, 公報) set for vertical type do: `五、九八七、〇〇〇` (5,987,000), `△二〇、〇〇〇`,
//! `八〇〇`, `一八・三` (18.3), `〇`.
//!
//! Such a document is read through a view whose lines write those figures in digits, char for
//! char (`五、九八七、〇〇〇` → `5,987,000`), so that every reader finds them as it finds any
//! figure; the quotes of what is found are then taken from the document's own lines at the
//! same places, so that each still stands in the lines it cites. Numbers with kanji of place
//! (`一億二千三百四十五万六千円`) and kanji years (`令和七年度`) are read by [`crate::money`] as
//! written and are left as they are; so is a kanji digit in a word (`第六号`, `一般会計`) or
//! alone (`一　町税`, a number of a list).

use crate::corpus::SeedDoc;
use crate::graph::model::{Extraction, Source};
use crate::graph::shared::SharedStr;
use crate::normalize::is_kanji;
use std::borrow::Cow;

/// Figures grouped by `、` a document needs to be read through the view.
const MIN_GROUPED_FIGURES: usize = 5;
/// Digits before a figure's first `、` or `・`.
const MAX_LEADING_DIGITS: usize = 3;

/// The kanji digits, zero to nine.
const KANJI_DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/// Units a figure may run into (`二、一〇五千円`).
const UNITS: [&str; 5] = ["円", "千円", "万円", "百万円", "億円"];

/// Whether a char may stand beside a figure that is a cell of its own: a space, a sign, a
/// bracket or a comma.
fn is_cell_edge(c: char) -> bool {
    c.is_whitespace() || "△▲（）()、，,。".contains(c)
}

/// A figure in kanji digits found in a line: its chars `start..end`, and whether it is
/// grouped by `、`.
struct Figure {
    start: usize,
    end: usize,
    grouped: bool,
}

fn digit(c: char) -> Option<u32> {
    KANJI_DIGITS
        .iter()
        .position(|d| *d == c)
        .map(|at| at as u32)
}

/// The figures in kanji digits of a line's chars.
fn figures(chars: &[char]) -> Vec<Figure> {
    let mut found = Vec::new();
    let mut at = 0;
    while at < chars.len() {
        let opens = digit(chars[at]).is_some()
            && at
                .checked_sub(1)
                .is_none_or(|before| !is_kanji(chars[before]) && digit(chars[before]).is_none());
        if !opens {
            at += 1;
            continue;
        }
        let run = |from: usize| {
            chars[from..]
                .iter()
                .take_while(|c| digit(**c).is_some())
                .count()
        };
        let leading = run(at);
        let mut end = at + leading;
        let mut grouped = false;
        while chars.get(end) == Some(&'、') && run(end + 1) == 3 {
            grouped = true;
            end += 4;
        }
        let decimal = chars.get(end) == Some(&'・') && run(end + 1) > 0;
        if decimal {
            end += 1 + run(end + 1);
        }
        let after = chars.get(end).copied();
        let unit_follows = UNITS.iter().any(|unit| {
            let unit: Vec<char> = unit.chars().collect();
            chars[end..].starts_with(&unit)
        });
        let ends = unit_follows || after.is_none_or(|c| !is_kanji(c) && digit(c).is_none());
        // A run without `、` or `・` is a figure only as a cell of its own (`　八〇〇　`).
        let cell = at
            .checked_sub(1)
            .is_none_or(|before| is_cell_edge(chars[before]))
            && (unit_follows || after.is_none_or(is_cell_edge));
        let figure = if grouped || decimal {
            leading <= MAX_LEADING_DIGITS && ends
        } else {
            (leading >= 2 || chars[at] == '〇') && cell
        };
        if figure {
            found.push(Figure {
                start: at,
                end,
                grouped,
            });
        }
        at = end.max(at + 1);
    }
    found
}

/// A line with its figures in kanji digits written in digits, char for char.
pub fn in_digits(line: &str) -> Cow<'_, str> {
    let mut chars: Vec<char> = line.chars().collect();
    let found = figures(&chars);
    if found.is_empty() {
        return Cow::Borrowed(line);
    }
    for figure in found {
        for c in &mut chars[figure.start..figure.end] {
            *c = match *c {
                '、' => ',',
                '・' => '.',
                kanji => digit(kanji)
                    .and_then(|d| char::from_digit(d, 10))
                    .unwrap_or(kanji),
            };
        }
    }
    Cow::Owned(chars.into_iter().collect())
}

/// The document with its figures in kanji digits written in digits, line for line and char
/// for char, when it writes figures so (a few grouped by `、` at least); `None` otherwise.
pub fn view(doc: &SeedDoc) -> Option<SeedDoc> {
    // (Only a line with a kanji digit after a `、` may hold one; most lines are passed over
    // without reading their chars one by one.)
    let grouped = doc
        .lines
        .iter()
        .filter(|line| {
            line.split('、')
                .skip(1)
                .any(|part| part.starts_with(KANJI_DIGITS))
        })
        .flat_map(|line| {
            let chars: Vec<char> = line.chars().collect();
            figures(&chars).into_iter().filter(|f| f.grouped)
        })
        .take(MIN_GROUPED_FIGURES)
        .count();
    if grouped < MIN_GROUPED_FIGURES {
        return None;
    }
    Some(SeedDoc {
        info: doc.info.clone(),
        lines: doc.lines.iter().map(|line| in_digits(line)).collect(),
    })
}

/// Gives every source of an extraction read through `view` the quote the document's own
/// lines hold at the same places.
pub fn restore_quotes(extraction: &mut Extraction, doc: &SeedDoc, view: &SeedDoc) {
    let restore = |source: &mut Source| {
        if let Some(quote) = quote_as_written(source, doc, view) {
            source.quote = quote;
        }
    };
    extraction
        .nodes
        .iter_mut()
        .flat_map(|n| n.sources.iter_mut())
        .chain(
            extraction
                .edges
                .iter_mut()
                .flat_map(|e| e.sources.iter_mut()),
        )
        .chain(extraction.unparsed.iter_mut())
        .for_each(restore);
}

/// The text of the document's cited lines at the place the quote stands in the view's
/// (joined by line breaks, or run together).
fn quote_as_written(source: &Source, doc: &SeedDoc, view: &SeedDoc) -> Option<SharedStr> {
    let quote = source.quote.as_str();
    let lines = |of: &SeedDoc| -> Vec<String> {
        (source.line_start..=source.line_end)
            .map(|n| of.line(n).to_string())
            .collect()
    };
    let (written, read) = (lines(doc), lines(view));
    [
        (written.join("\n"), read.join("\n")),
        (written.concat(), read.concat()),
    ]
    .into_iter()
    .find_map(|(written, read)| {
        let at = read.find(quote)?;
        let start = read[..at].chars().count();
        let length = quote.chars().count();
        Some(
            written
                .chars()
                .skip(start)
                .take(length)
                .collect::<String>()
                .into(),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::DocKind;
    use crate::extract::test_support::test_doc;

    #[test]
    fn figures_set_place_by_place_are_written_in_digits() {
        assert_eq!(
            in_digits("　地方交付税　　二、〇八一、四〇〇　　三五、〇〇〇　△二〇、〇〇〇"),
            "　地方交付税　　2,081,400　　35,000　△20,000"
        );
        assert_eq!(
            in_digits("　三　利子割交付金　　八〇〇　　六〇〇　　二〇〇　　〇・〇"),
            "　三　利子割交付金　　800　　600　　200　　0.0"
        );
        assert_eq!(
            in_digits("　十九　繰越金　一〇〇、〇〇〇　　〇　　一八・三"),
            "　十九　繰越金　100,000　　0　　18.3"
        );
        assert_eq!(
            in_digits("国庫支出金　二、一〇五千円、比べ四・三パーセントの増"),
            "国庫支出金　2,105千円、比べ4.3パーセントの増"
        );
    }

    #[test]
    fn kanji_digits_in_words_lists_and_numbers_with_places_stay() {
        for line in [
            "令和七年度東雲町一般会計補正予算（第六号）",
            "　一　町税",
            "一億二千三百四十五万六千円を追加し",
            "第一、二号",
            "七五三の祝い",
            "一、二、三",
        ] {
            assert_eq!(in_digits(line), line);
        }
    }

    #[test]
    fn quotes_are_taken_from_the_lines_as_written() {
        let text = (0..5)
            .map(|n| format!("款{n}　{}、〇〇〇", KANJI_DIGITS[n + 1]))
            .collect::<Vec<_>>()
            .join("\n");
        let doc = test_doc(DocKind::Other, "告示", &text);
        let view = view(&doc).expect("five grouped figures");
        assert_eq!(view.line(2), "款1　2,000");
        let mut extraction = Extraction::default();
        extraction.unparsed.push(Source {
            doc: "test.txt".into(),
            line_start: 2,
            line_end: 3,
            quote: "2,000\n款2".into(),
        });
        restore_quotes(&mut extraction, &doc, &view);
        assert_eq!(extraction.unparsed[0].quote.as_str(), "二、〇〇〇\n款2");
        let plain = test_doc(DocKind::Other, "告示", "款　二、〇〇〇");
        assert!(super::view(&plain).is_none());
    }
}
