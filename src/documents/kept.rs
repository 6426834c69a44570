//! The graph assembly of the build served, kept in memory once a change of the library made
//! it, so that the next change merges into it instead of reading the saved assembly again;
//! and how many of its documents the assembly file of that build holds.

use crate::graph::assembly::GraphAssembly;
use std::sync::Mutex;

/// An engine's graph assembly, when a change of the library made the engine.
#[derive(Debug, Default)]
pub struct KeptAssembly {
    slot: Mutex<Option<Kept>>,
}

/// The assembly of every document of the engine's corpus, and the number of its first
/// documents the assembly file in the engine's build directory holds.
#[derive(Debug)]
pub struct Kept {
    /// The assembly.
    pub assembly: GraphAssembly,
    /// Documents the saved file holds (the others are merged from their cached drafts).
    pub saved_docs: usize,
}

impl KeptAssembly {
    /// Keeps `assembly`, of which the saved file holds the first `saved_docs` documents.
    pub fn new(assembly: GraphAssembly, saved_docs: usize) -> KeptAssembly {
        KeptAssembly {
            slot: Mutex::new(Some(Kept {
                assembly,
                saved_docs,
            })),
        }
    }

    /// Takes the assembly out (the next engine keeps its own): a change that fails leaves
    /// none here, and the next change reads the saved one.
    pub fn take(&self) -> Option<Kept> {
        match self.slot.lock() {
            Ok(mut slot) => slot.take(),
            Err(poisoned) => poisoned.into_inner().take(),
        }
    }
}
