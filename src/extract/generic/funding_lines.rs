//! Sources of funding listed one a line under the line that opens them (`財源　国　　庫
//! ３５７，５００千円` over `県　　債　１，６０９，０００千円` over `一般財源　１７８，５００千円`):
//! where an item's money comes from, no budget of the sources they name.

use super::Reader;
use crate::extract::recognise::amounts::{names_funding_source, opens_with_funding};
use crate::extract::recognise::names::strip_markup;
use crate::normalize::is_digit;

/// The most sources one funding list holds on lines of their own.
const MAX_FUNDING_SOURCES: usize = 8;

/// Marks that stand for no amount in a funding list (`県　　債　　　−`).
const NO_AMOUNT_MARKS: [char; 6] = ['−', '－', '-', '―', 'ー', '‐'];

impl Reader<'_> {
    /// Whether line `number` names a source of funding and goes on with a list of them that
    /// a line above opened with `財源`, each line between naming a source too.
    pub(super) fn continues_funding_list(&self, number: usize) -> bool {
        let mut at = number;
        for _ in 0..MAX_FUNDING_SOURCES {
            if !names_a_source_alone(&strip_markup(self.line(at))) {
                return false;
            }
            let Some(above) = self.nonempty_line_above(at) else {
                return false;
            };
            let text = strip_markup(self.line(above));
            if opens_with_funding(&text) {
                return true;
            }
            at = above;
        }
        false
    }
}

/// Whether a line opens with the name of a source of funding before its amount or a mark
/// of none (`県　　債　　　1,609,000千円`, `そ の 他　　　−`).
fn names_a_source_alone(line: &str) -> bool {
    let text = line.trim();
    let end = text
        .find(|c: char| is_digit(c) || NO_AMOUNT_MARKS.contains(&c))
        .unwrap_or(text.len());
    let label = text[..end].trim();
    end < text.len() && !label.is_empty() && names_funding_source(label)
}

#[cfg(test)]
mod tests {
    use super::names_a_source_alone;

    #[test]
    fn a_source_before_its_amount_or_a_mark_of_none() {
        for line in [
            "　県　　債　　　1,609,000千円",
            "そ の 他　　　−",
            "一般財源 178,500千円",
            "市　　費　　　12,000千円",
        ] {
            assert!(names_a_source_alone(line), "{line}");
        }
        for line in [
            "事業内容",
            "予算額　2,145,000千円",
            "一般財源",
            "・県立高校の空調 12校",
        ] {
            assert!(!names_a_source_alone(line), "{line}");
        }
    }
}
