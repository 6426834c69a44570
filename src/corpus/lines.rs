//! A document's lines packed in one buffer: the text with `\n` between lines (line
//! terminators and trailing `\r` removed) and where each line ends, so that a corpus of
//! millions of lines costs its text and one offset per line, not one allocation per line.
//! Both buffers are shared, so a copy of a document (the next build's corpus taking the
//! documents that did not change) costs nothing.

use std::fmt;
use std::ops::{Index, Range};
use std::sync::Arc;

/// The lines of one document, packed.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Lines {
    /// Every line, joined by `\n`.
    text: Arc<str>,
    /// The byte offset in `text` where each line ends (exclusive).
    ends: Arc<[usize]>,
}

impl Lines {
    /// Splits `text` at `\n`, dropping a `\r` before it, as [`str::split`] would: a text
    /// ending in `\n` has an empty last line, and an empty text has one empty line.
    pub fn from_text(text: &str) -> Lines {
        text.split('\n')
            .map(|line| line.trim_end_matches('\r'))
            .collect()
    }

    /// Number of lines.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether there are no lines.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// Line `index` (0-based).
    pub fn get(&self, index: usize) -> Option<&str> {
        let end = *self.ends.get(index)?;
        Some(&self.text[self.start(index)..end])
    }

    /// Lines `first..=last` (0-based) joined by `\n`, borrowed from the buffer; `None` when
    /// the range is empty or past the end.
    pub fn joined(&self, first: usize, last: usize) -> Option<&str> {
        if first > last {
            return None;
        }
        let end = *self.ends.get(last)?;
        Some(&self.text[self.start(first)..end])
    }

    /// Every line, joined by `\n`.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The lines in order.
    pub fn iter(&self) -> Iter<'_> {
        Iter {
            lines: self,
            range: 0..self.len(),
        }
    }

    fn start(&self, index: usize) -> usize {
        match index.checked_sub(1) {
            Some(previous) => self.ends[previous] + 1,
            None => 0,
        }
    }
}

impl Index<usize> for Lines {
    type Output = str;

    /// Line `index` (0-based); panics when out of range, as a slice does.
    fn index(&self, index: usize) -> &str {
        let end = self.ends[index];
        &self.text[self.start(index)..end]
    }
}

impl<S: AsRef<str>> FromIterator<S> for Lines {
    fn from_iter<I: IntoIterator<Item = S>>(lines: I) -> Lines {
        let mut text = String::new();
        let mut ends = Vec::new();
        for line in lines {
            if !ends.is_empty() {
                text.push('\n');
            }
            text.push_str(line.as_ref());
            ends.push(text.len());
        }
        Lines {
            text: text.into(),
            ends: ends.into(),
        }
    }
}

impl From<Vec<String>> for Lines {
    fn from(lines: Vec<String>) -> Lines {
        lines.into_iter().collect()
    }
}

impl<'a> IntoIterator for &'a Lines {
    type Item = &'a str;
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

/// The lines of a [`Lines`] in order, borrowed.
#[derive(Debug, Clone)]
pub struct Iter<'a> {
    lines: &'a Lines,
    range: Range<usize>,
}

impl<'a> Iterator for Iter<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        self.range.next().map(|index| &self.lines[index])
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.range.size_hint()
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        self.range.next_back().map(|index| &self.lines[index])
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl fmt::Debug for Lines {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_as_the_text_reads() {
        let lines = Lines::from_text("一行目\r\n\n三行目\n");
        assert_eq!(lines.len(), 4);
        assert_eq!(
            lines.iter().collect::<Vec<_>>(),
            ["一行目", "", "三行目", ""]
        );
        assert_eq!(&lines[2], "三行目");
        assert_eq!(lines.get(4), None);
        assert_eq!(Lines::from_text("").iter().collect::<Vec<_>>(), [""]);
    }

    #[test]
    fn joins_ranges_from_the_buffer() {
        let lines: Lines = ["a", "bc", "", "d"].into_iter().collect();
        assert_eq!(lines.joined(0, 1), Some("a\nbc"));
        assert_eq!(lines.joined(1, 3), Some("bc\n\nd"));
        assert_eq!(lines.joined(3, 3), Some("d"));
        assert_eq!(lines.joined(2, 1), None);
        assert_eq!(lines.joined(3, 4), None);
        assert_eq!(lines.text(), "a\nbc\n\nd");
    }

    #[test]
    fn keeps_empty_and_matches_owned_lines() {
        let owned = vec!["x".to_string(), String::new(), "ｙ".to_string()];
        let lines = Lines::from(owned.clone());
        assert_eq!(lines.iter().rev().collect::<Vec<_>>(), ["ｙ", "", "x"]);
        assert_eq!(lines.iter().len(), owned.len());
        assert!(Lines::default().is_empty());
        assert_eq!(Lines::default().iter().count(), 0);
        assert_eq!(format!("{lines:?}"), format!("{owned:?}"));
    }
}
