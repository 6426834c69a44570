//! Drafts merged by key as they come, in order of first appearance: nodes by id (sources and
//! aliases united, the first draft's properties kept and missing ones filled in; a budget
//! stays `relisted`/`bracketed`/`revenue` only if every sighting is, and is `new`/`item_request` if any
//! is), edges by (from, rel, to). A merger can also be extended on a copy of its drafts,
//! looking keys up in its own table, so more drafts are merged without copying that table.

use super::model::{EdgeDraft, NodeDraft, Rel, Source};
use foldhash::HashMap;
use serde_json::Value;
use std::collections::BTreeSet;
use std::hash::Hash;

/// Most sources kept per node or edge.
const MAX_SOURCES: usize = 12;

/// A draft that merges with another of the same key.
pub(super) trait Mergeable {
    /// What makes two drafts one.
    type Key: Hash + Eq;
    /// This draft's key.
    fn key(&self) -> Self::Key;
    /// Takes in a later draft of the same key.
    fn merge(&mut self, later: Self);
}

impl Mergeable for NodeDraft {
    type Key = String;

    fn key(&self) -> String {
        self.id.clone()
    }

    fn merge(&mut self, node: NodeDraft) {
        merge_flags(&mut self.props, &node.props);
        for (key, value) in node.props {
            self.props.entry(key).or_insert(value);
        }
        for alias in node.aliases.into_iter().chain(std::iter::once(node.name)) {
            if alias != self.name && !alias.is_empty() && !self.aliases.contains(&alias) {
                self.aliases.push(alias);
            }
        }
        merge_sources(&mut self.sources, node.sources);
    }
}

impl Mergeable for EdgeDraft {
    type Key = (String, Rel, String);

    fn key(&self) -> (String, Rel, String) {
        (self.from.to_string(), self.rel, self.to.to_string())
    }

    fn merge(&mut self, edge: EdgeDraft) {
        for (k, v) in edge.props {
            self.props.entry(k).or_insert(v);
        }
        merge_sources(&mut self.sources, edge.sources);
    }
}

/// Where drafts are merged: a [`Merger`] or an [`Extended`] copy of one.
pub(super) trait Merging<T> {
    /// Merges one more draft.
    fn push(&mut self, item: T);
    /// The merged drafts, in order of first appearance.
    fn into_items(self) -> Vec<T>;
}

/// Drafts merged by key, in order of first appearance.
#[derive(Debug, Clone)]
pub(super) struct Merger<T: Mergeable> {
    items: Vec<T>,
    by_key: HashMap<T::Key, usize>,
}

/// Node drafts merged by id.
pub(super) type NodeMerger = Merger<NodeDraft>;
/// Edge drafts merged by (from, rel, to).
pub(super) type EdgeMerger = Merger<EdgeDraft>;

impl<T: Mergeable> Default for Merger<T> {
    fn default() -> Merger<T> {
        Merger {
            items: Vec::new(),
            by_key: HashMap::default(),
        }
    }
}

impl<T: Mergeable> Merger<T> {
    /// The merger holding `items` (keys unique), as [`Merger::into_items`] gave them.
    pub(super) fn from_items(items: Vec<T>) -> Merger<T> {
        let by_key = items
            .iter()
            .enumerate()
            .map(|(position, item)| (item.key(), position))
            .collect();
        Merger { items, by_key }
    }

    /// The merged drafts.
    pub(super) fn items(&self) -> &[T] {
        &self.items
    }
}

impl<T: Mergeable> Merging<T> for Merger<T> {
    fn push(&mut self, item: T) {
        let key = item.key();
        let position = self.by_key.get(&key).copied();
        merge_or_append(&mut self.items, &mut self.by_key, position, key, item);
    }

    fn into_items(self) -> Vec<T> {
        self.items
    }
}

impl<T: Mergeable + Clone> Merger<T> {
    /// A copy of the merged drafts to merge more into, this merger left as it is.
    pub(super) fn extended(&self) -> Extended<'_, T> {
        self.extended_from(self.items.clone())
    }

    /// [`Merger::extended`] from `copy`, a copy made earlier of this merger's first drafts;
    /// the drafts this merger merged since must then be pushed again, in their order.
    pub(super) fn extended_from(&self, copy: Vec<T>) -> Extended<'_, T> {
        Extended {
            base: &self.by_key,
            items: copy,
            added: HashMap::default(),
        }
    }
}

/// A copy of a merger's drafts with more merged in: keys are looked up in the merger's table
/// (for drafts the copy holds yet: a copy made earlier takes the drafts merged since again in
/// their order, so each lands where it did in the merger), then in the table of those added
/// since.
#[derive(Debug)]
pub(super) struct Extended<'a, T: Mergeable> {
    base: &'a HashMap<T::Key, usize>,
    items: Vec<T>,
    added: HashMap<T::Key, usize>,
}

impl<T: Mergeable> Merging<T> for Extended<'_, T> {
    fn push(&mut self, item: T) {
        let key = item.key();
        let position = self
            .base
            .get(&key)
            .filter(|&&position| position < self.items.len())
            .or_else(|| self.added.get(&key))
            .copied();
        merge_or_append(&mut self.items, &mut self.added, position, key, item);
    }

    fn into_items(self) -> Vec<T> {
        self.items
    }
}

/// Merges `item` into the draft at `position`, or, when its key has none, appends it and
/// records its position under `key` in `positions`.
fn merge_or_append<T: Mergeable>(
    items: &mut Vec<T>,
    positions: &mut HashMap<T::Key, usize>,
    position: Option<usize>,
    key: T::Key,
    item: T,
) {
    match position {
        Some(position) => items[position].merge(item),
        None => {
            positions.insert(key, items.len());
            items.push(item);
        }
    }
}

fn merge_sources(into: &mut Vec<Source>, from: Vec<Source>) {
    for source in from {
        if into.len() < MAX_SOURCES && !into.contains(&source) {
            into.push(source);
        }
    }
}

fn merge_flags(
    existing: &mut serde_json::Map<String, Value>,
    incoming: &serde_json::Map<String, Value>,
) {
    let flags_of = |props: &serde_json::Map<String, Value>| -> Option<BTreeSet<String>> {
        props.get("flags").and_then(Value::as_array).map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_string)
                .collect()
        })
    };
    let (Some(mine), Some(theirs)) = (flags_of(existing), flags_of(incoming)) else {
        return;
    };
    let either = ["new", "item_request"];
    let both = ["relisted", "bracketed", "revenue"];
    let merged: BTreeSet<String> = mine
        .iter()
        .chain(theirs.iter())
        .filter(|f| {
            let f = f.as_str();
            (either.contains(&f))
                || (both.contains(&f) && mine.contains(f) && theirs.contains(f))
                || (!either.contains(&f) && !both.contains(&f))
        })
        .cloned()
        .collect();
    existing.insert(
        "flags".into(),
        Value::Array(merged.into_iter().map(Value::String).collect()),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::model::{NodeType, cited_draft as node};

    /// Each draft's id and cited lines.
    fn lines(nodes: &[NodeDraft]) -> Vec<(String, Vec<u32>)> {
        nodes
            .iter()
            .map(|n| {
                (
                    n.id.clone(),
                    n.sources.iter().map(|s| s.line_start).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn a_copy_made_earlier_takes_the_later_drafts_again_and_more() {
        let mut merger = NodeMerger::default();
        for (name, line) in [("a", 1), ("b", 2)] {
            merger.push(node(NodeType::Measure, name, line));
        }
        let copy = merger.items().to_vec();
        let since = [("c", 3), ("a", 4), ("d", 5), ("c", 6)];
        for (name, line) in since {
            merger.push(node(NodeType::Measure, name, line));
        }
        let mut extended = merger.extended_from(copy);
        for (name, line) in since {
            extended.push(node(NodeType::Measure, name, line));
        }
        for (name, line) in [("d", 7), ("e", 8), ("e", 9)] {
            extended.push(node(NodeType::Measure, name, line));
        }
        assert_eq!(
            lines(&extended.into_items()),
            [
                ("measure:a".to_string(), vec![1, 4]),
                ("measure:b".to_string(), vec![2]),
                ("measure:c".to_string(), vec![3, 6]),
                ("measure:d".to_string(), vec![5, 7]),
                ("measure:e".to_string(), vec![8, 9]),
            ]
        );
    }

    #[test]
    fn an_extended_copy_merges_as_a_copy_of_the_merger_would() {
        let mut merger = NodeMerger::default();
        for (name, line) in [("a", 1), ("b", 2), ("a", 3)] {
            merger.push(node(NodeType::Measure, name, line));
        }
        let later = [("b", 4), ("c", 5), ("c", 6), ("a", 7)];
        let mut copy = merger.clone();
        let mut extended = merger.extended();
        for (name, line) in later {
            copy.push(node(NodeType::Measure, name, line));
            extended.push(node(NodeType::Measure, name, line));
        }
        let extended = extended.into_items();
        assert_eq!(lines(&extended), lines(&copy.into_items()));
        assert_eq!(
            lines(&extended),
            [
                ("measure:a".to_string(), vec![1, 3, 7]),
                ("measure:b".to_string(), vec![2, 4]),
                ("measure:c".to_string(), vec![5, 6]),
            ]
        );
        assert_eq!(
            lines(merger.items()).len(),
            2,
            "the merger is left as it was"
        );
    }
}
