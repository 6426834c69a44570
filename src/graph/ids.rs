//! The graph's nodes found by id: a hash table of node positions whose keys are the nodes'
//! own ids, so the ids are not held twice and the table is made in one pass.

use super::model::NodeDraft;
use foldhash::fast::FixedState;
use hashbrown::HashTable;
use hashbrown::hash_table::Entry;
use std::hash::BuildHasher;

/// Positions of nodes by id; of equal ids, the last node's.
#[derive(Debug, Clone, Default)]
pub(super) struct IdTable {
    positions: HashTable<u32>,
    hasher: FixedState,
}

impl IdTable {
    /// The table of `nodes` (fewer than `u32::MAX`).
    pub(super) fn new(nodes: &[NodeDraft]) -> IdTable {
        let hasher = FixedState::default();
        let id = |position: &u32| nodes[*position as usize].id.as_str();
        let mut positions = HashTable::with_capacity(nodes.len());
        for (position, node) in (0u32..).zip(nodes) {
            let hash = hasher.hash_one(node.id.as_str());
            match positions.entry(
                hash,
                |known| id(known) == node.id,
                |known| hasher.hash_one(id(known)),
            ) {
                Entry::Occupied(mut known) => *known.get_mut() = position,
                Entry::Vacant(vacant) => {
                    vacant.insert(position);
                }
            }
        }
        IdTable { positions, hasher }
    }

    /// The position in `nodes` (the nodes the table was made of) of the node with this id.
    pub(super) fn find(&self, nodes: &[NodeDraft], wanted: &str) -> Option<usize> {
        let hash = self.hasher.hash_one(wanted);
        self.positions
            .find(hash, |position| {
                nodes
                    .get(*position as usize)
                    .is_some_and(|node| node.id == wanted)
            })
            .map(|position| *position as usize)
    }
}
