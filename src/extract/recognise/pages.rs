//! Page furniture: the footer or head a PDF's text repeats on every page with the page's
//! number (`無断転載禁止 | R7-v3 | － | 2 | －`), which is no line of the document's text.

use std::collections::HashMap;

/// Longest line, in chars, read as a page's footer or head.
const MAX_FURNITURE_CHARS: usize = 120;

/// A line cut into its runs of digits (ASCII or full-width) and the text around them, each
/// run written as `#`.
struct Masked {
    mask: String,
    numbers: Vec<u64>,
    /// Whether each run stands apart: no letter or digit right before or after it.
    apart: Vec<bool>,
}

fn masked(line: &str) -> Masked {
    let mut mask = String::with_capacity(line.len());
    let (mut numbers, mut apart) = (Vec::new(), Vec::new());
    let chars: Vec<char> = line.chars().collect();
    let mut index = 0;
    while index < chars.len() {
        let Some(digit) = digit_value(chars[index]) else {
            mask.push(chars[index]);
            index += 1;
            continue;
        };
        let start = index;
        let mut value = u64::from(digit);
        index += 1;
        while let Some(next) = chars.get(index).copied().and_then(digit_value) {
            value = value.saturating_mul(10).saturating_add(u64::from(next));
            index += 1;
        }
        let free = |c: Option<&char>| c.is_none_or(|c| !c.is_alphanumeric());
        apart.push(
            free(start.checked_sub(1).and_then(|at| chars.get(at))) && free(chars.get(index)),
        );
        numbers.push(value);
        mask.push('#');
    }
    Masked {
        mask,
        numbers,
        apart,
    }
}

/// The value of a digit, ASCII or full-width (`７`).
fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(u32::from(c) - u32::from('0')),
        '０'..='９' => Some(u32::from(c) - u32::from('０')),
        _ => None,
    }
}

/// For each of `lines`, whether it is a page's footer or head: a line with words that
/// recurs through the document the same but for one number standing apart, which counts
/// up by one each time it recurs (the page's number). A year (`令和6年度`) or a count
/// (`第2回`) is written against its words, and a table's rows differ in more than one
/// number.
pub fn page_furniture<'l>(lines: impl Iterator<Item = &'l str>) -> Vec<bool> {
    let mut groups: HashMap<String, Vec<(usize, Masked)>> = HashMap::new();
    let mut count = 0;
    for (index, line) in lines.enumerate() {
        count = index + 1;
        let text = line.trim();
        let worded = text.chars().any(char::is_alphabetic);
        let numbered = text.chars().any(|c| digit_value(c).is_some());
        if !worded || text.chars().count() > MAX_FURNITURE_CHARS || !numbered {
            continue;
        }
        let line = masked(text);
        groups
            .entry(line.mask.clone())
            .or_default()
            .push((index, line));
    }
    let mut furniture = vec![false; count];
    for members in groups.values().filter(|members| members.len() >= 2) {
        let (_, first) = &members[0];
        let varying: Vec<usize> = (0..first.numbers.len())
            .filter(|at| {
                members
                    .iter()
                    .any(|(_, line)| line.numbers.get(*at) != first.numbers.get(*at))
            })
            .collect();
        let [at] = varying.as_slice() else {
            continue;
        };
        let counts_pages = members
            .windows(2)
            .all(|pair| pair[1].1.numbers[*at] == pair[0].1.numbers[*at] + 1)
            && members.iter().all(|(_, line)| line.apart[*at]);
        if counts_pages {
            for (index, _) in members {
                furniture[*index] = true;
            }
        }
    }
    // `作成日：2026年02月16日 09:42` under `… 頁： 2` on every page: a line written the same
    // each time it recurs, as far from a line counting the pages each time it stands near
    // one, is of the page's head or footer too.
    let counting = furniture.clone();
    let counts = |at: usize| counting.get(at).copied().unwrap_or(false);
    let offset_from_count = |index: usize| -> Option<isize> {
        (1..=PAGE_HEAD_REACH).find_map(|distance| {
            let signed = isize::try_from(distance).ok()?;
            if index.checked_sub(distance).is_some_and(counts) {
                Some(signed)
            } else if counts(index + distance) {
                Some(-signed)
            } else {
                None
            }
        })
    };
    for members in groups.values().filter(|members| members.len() >= 2) {
        let (_, first) = &members[0];
        let same = members
            .iter()
            .all(|(_, line)| line.numbers == first.numbers);
        // (A page whose head is worded otherwise, counting no page with the others, may
        // stand between: the copies beside counted pages must be two or more, at one place.)
        let offsets: Vec<isize> = members
            .iter()
            .filter_map(|(index, _)| offset_from_count(*index))
            .collect();
        let placed_alike = offsets.len() >= 2 && offsets.iter().all(|offset| *offset == offsets[0]);
        if same && placed_alike {
            for (index, _) in members {
                furniture[*index] = true;
            }
        }
    }
    furniture
}

/// Most lines between a line counting the pages and another line of the same head or footer.
const PAGE_HEAD_REACH: usize = 3;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_footer_with_the_pages_number_is_furniture() {
        let lines = [
            "令和７年度補正予算の概要",
            "一般会計\t９，８７６億円",
            "無断転載禁止\tR7hosei-v3\t－\t1\t－",
            "令和６年度\t1,200",
            "令和７年度\t1,300",
            "無断転載禁止\tR7hosei-v3\t－\t2\t－",
            "第1回\t検討会",
            "第2回\t検討会",
            "小計\t1,500",
            "小計\t1,600",
            "無断転載禁止\tR7hosei-v3\t－\t3\t－",
            "港湾局予算の概要　　－ ３ －",
            "港湾局予算の概要　　－ ４ －",
        ];
        let furniture = page_furniture(lines.into_iter());
        let found: Vec<&str> = lines
            .iter()
            .zip(&furniture)
            .filter(|(_, is)| **is)
            .map(|(line, _)| *line)
            .collect();
        assert_eq!(found.len(), 5, "{found:?}");
        assert!(
            found[..3]
                .iter()
                .all(|line| line.starts_with("無断転載禁止"))
        );
    }

    #[test]
    fn a_line_written_the_same_beside_each_page_count_is_furniture() {
        let lines = [
            "予算款項別前年度比較表　歳入　頁：　1",
            "作成日：2026年02月16日 09:42",
            "01  町税",
            "01  町民税  812,450,000",
            "予算款項別前年度比較表　歳入　頁：　2",
            "作成日：2026年02月16日 09:42",
            "02  地方譲与税",
            "01  町民税  812,450,000",
        ];
        let furniture = page_furniture(lines.into_iter());
        assert_eq!(
            furniture,
            [true, true, false, false, true, true, false, false]
        );
    }
}
