//! What a change of the library finishes after its build is published and the change has
//! answered: the build's graph file, then the segment merges its index commit started. The
//! library stays locked until both are done, so no other change (in this process or another)
//! starts from a build whose files are still being written, and an engine opening the build
//! meanwhile waits for its graph file ([`crate::engine::Engine::open_or_build`]). Readers of
//! the index are safe during merges (see [`crate::index::incremental`]).
//!
//! A change that starts while the one before is still finishing says so
//! ([`Finishing::supersede`]): the graph file of a build about to be replaced is then given
//! up (an engine that opens that build without it makes the graph again from the saved
//! assembly), so documents added one after another do not each wait for a whole graph file.

use crate::graph::KnowledgeGraph;
use crate::index::incremental::PendingMerges;
use crate::library::LibraryLock;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;
use std::time::Instant;

/// The part of a change left to do once its build is published.
pub struct Unfinished {
    /// The graph the build serves, still to be written.
    pub graph: Arc<KnowledgeGraph>,
    /// Where it is written (the build's graph file).
    pub graph_path: PathBuf,
    /// The segment merges the index commit started.
    pub merges: PendingMerges,
}

impl Unfinished {
    /// Writes the graph file unless `superseded` says a later change is waiting, waits for
    /// the merges, then releases `lock`.
    fn finish(self, lock: LibraryLock, superseded: &AtomicBool) {
        let started = Instant::now();
        let waited_for = || superseded.load(Ordering::Relaxed);
        match self.graph.save_unless(&self.graph_path, &waited_for) {
            Ok(true) => tracing::debug!(ms = started.elapsed().as_millis() as u64, "graph saved"),
            Ok(false) => tracing::debug!(
                ms = started.elapsed().as_millis() as u64,
                "graph file given up for the change after"
            ),
            Err(error) => {
                tracing::error!(%error, "the build's graph file was not written; it will be built again when opened");
            }
        }
        match self.merges.finish() {
            Ok(()) => tracing::debug!(ms = started.elapsed().as_millis() as u64, "segments merged"),
            Err(error) => {
                tracing::warn!(%error, "segment merges failed; the build stays as committed");
            }
        }
        drop(lock);
    }
}

/// The thread finishing a change, if any; joined when dropped, so a process does not end
/// before its last build is complete.
#[derive(Debug, Default)]
pub struct Finishing {
    thread: Option<JoinHandle<()>>,
    /// Set when a later change waits for this one.
    superseded: Arc<AtomicBool>,
}

impl Finishing {
    /// Finishes `work` on a thread of its own (here, when no thread can be started), then
    /// releases `lock`.
    pub fn start(work: Unfinished, lock: LibraryLock) -> Finishing {
        let slot = Arc::new(Mutex::new(Some((work, lock))));
        let take = |slot: &Mutex<Option<(Unfinished, LibraryLock)>>| {
            slot.lock().unwrap_or_else(PoisonError::into_inner).take()
        };
        let superseded = Arc::new(AtomicBool::new(false));
        let for_thread = (Arc::clone(&slot), Arc::clone(&superseded));
        let spawned = std::thread::Builder::new()
            .name("finish-change".to_string())
            .spawn(move || {
                let (slot, superseded) = for_thread;
                if let Some((work, lock)) = take(&slot) {
                    work.finish(lock, &superseded);
                }
            });
        match spawned {
            Ok(thread) => Finishing {
                thread: Some(thread),
                superseded,
            },
            Err(error) => {
                tracing::warn!(%error, "no thread to finish the change; finishing it now");
                if let Some((work, lock)) = take(&slot) {
                    work.finish(lock, &superseded);
                }
                Finishing::default()
            }
        }
    }

    /// Says that a later change is waiting to start from this one's build: its graph file,
    /// if not yet written, is given up.
    pub fn supersede(&self) {
        self.superseded.store(true, Ordering::Relaxed);
    }

    /// Waits until the change is finished and the library released.
    pub fn wait(&mut self) {
        if let Some(thread) = self.thread.take()
            && thread.join().is_err()
        {
            tracing::warn!("the thread finishing a change panicked");
        }
    }
}

impl Drop for Finishing {
    fn drop(&mut self) {
        self.wait();
    }
}
