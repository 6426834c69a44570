//! The deck's layout: header runs and the heading context of each line.

use super::*;

/// Everything the passes computed about the document's layout.
pub(super) struct Layout<'a> {
    pub(super) kinds: &'a [LineKind],
    pub(super) contexts: &'a [Context],
    pub(super) segments: &'a [usize],
    pub(super) blocks: &'a [BudgetBlock],
    pub(super) titles: &'a [Title],
    pub(super) names: &'a HeadingNames,
}

impl Layout<'_> {
    /// The last heading line of the header run that starts at `start`.
    pub(super) fn header_run_end(&self, start: usize) -> usize {
        let mut end = start;
        let mut index = start + 1;
        let mut blanks = 0;
        while index < self.kinds.len() {
            match &self.kinds[index] {
                LineKind::Blank => {
                    blanks += 1;
                    if blanks >= 2 {
                        break;
                    }
                }
                LineKind::Page | LineKind::Continuation => {}
                kind if kind.is_heading() => {
                    end = index;
                    blanks = 0;
                }
                _ => break,
            }
            index += 1;
        }
        end
    }

    /// Whether a header run can adopt a body printed before it: it names a policy or a
    /// sub-item and has no slide title of its own right after it.
    pub(super) fn header_adopts_body(&self, start: usize, end: usize) -> bool {
        let names_policy_or_sub = (start..=end)
            .any(|i| matches!(self.kinds[i], LineKind::Policy(..) | LineKind::SubItems(_)));
        let next = (end + 1..self.kinds.len()).find(|&i| {
            !matches!(
                self.kinds[i],
                LineKind::Blank | LineKind::Page | LineKind::Continuation
            )
        });
        let own_title = next.is_some_and(|n| self.titles.iter().any(|t| t.line == n));
        names_policy_or_sub && !own_title
    }

    /// The heading context of content at `line`: its own slide block's header, also when
    /// the body was printed before the header.
    pub(super) fn context_for(&self, line: usize) -> (Context, Option<(usize, usize)>) {
        let segment = self.segments.get(line).copied().unwrap_or(0);
        let same_segment = |i: &usize| self.segments.get(*i) == Some(&segment);
        let next_header = (line + 1..self.kinds.len())
            .take_while(same_segment)
            .find(|&i| self.kinds[i].is_heading());
        let previous_header = (0..line)
            .rev()
            .take_while(same_segment)
            .find(|&i| self.kinds[i].is_heading());
        let budget_between = previous_header.is_some_and(|h| {
            self.blocks
                .iter()
                .any(|b| b.end_line > h && b.end_line < line && !b.items.is_empty())
        });
        let running = (self.contexts.get(line).copied().unwrap_or_default(), None);
        match next_header {
            Some(header) if previous_header.is_none() || budget_between => {
                let end = self.header_run_end(header);
                if self.header_adopts_body(header, end) {
                    (self.contexts[end], Some((header, end)))
                } else {
                    running
                }
            }
            _ => running,
        }
    }
}

/// A resolved slide title: its node and heading context.
#[derive(Debug, Clone)]
pub(super) struct PlacedTitle {
    pub(super) line: usize,
    pub(super) id: String,
    pub(super) name: String,
    pub(super) context: Context,
    /// The header run (first, last heading line) it was attached to when printed before it.
    pub(super) header_run: Option<(usize, usize)>,
}

pub(super) struct Builder<'a> {
    pub(super) file: String,
    pub(super) lines: &'a [Line<'a>],
    /// The nodes and edges read so far, merged by id.
    pub(super) c: Collector<'a>,
    /// Abbreviations and short names of bodies → agency id.
    pub(super) abbreviations: BTreeMap<String, String>,
    /// The publishing ministry.
    pub(super) root: Option<String>,
}
