//! Segment merges that go on after a change of the library is published. The library stays
//! locked until they end, so no other change (in this process or another) starts from a
//! build whose files are still moving; readers are safe meanwhile (see
//! [`crate::index::incremental`]).

use crate::index::incremental::PendingMerges;
use crate::library::LibraryLock;
use std::thread::JoinHandle;
use std::time::Instant;

/// The background thread finishing a build's segment merges, if any; joined when dropped,
/// so a process does not end in the middle of a merge.
#[derive(Debug, Default)]
pub struct BackgroundMerges {
    thread: Option<JoinHandle<()>>,
}

impl BackgroundMerges {
    /// Finishes `merges` on a thread of its own, then releases `lock`.
    pub fn start(merges: PendingMerges, lock: LibraryLock) -> BackgroundMerges {
        let spawned = std::thread::Builder::new()
            .name("segment-merges".to_string())
            .spawn(move || {
                let started = Instant::now();
                match merges.finish() {
                    Ok(()) => tracing::debug!(
                        ms = started.elapsed().as_millis() as u64,
                        "segments merged"
                    ),
                    Err(error) => {
                        tracing::warn!(%error, "segment merges failed; the build stays as committed");
                    }
                }
                drop(lock);
            });
        match spawned {
            Ok(thread) => BackgroundMerges {
                thread: Some(thread),
            },
            Err(error) => {
                // The closure, and with it the writer and the lock, is dropped here: merges
                // not yet done are left (the build stays as committed), then the lock goes.
                tracing::warn!(%error, "no thread for segment merges");
                BackgroundMerges::default()
            }
        }
    }

    /// Waits until the merges have ended and the library is released.
    pub fn wait(&mut self) {
        if let Some(thread) = self.thread.take()
            && thread.join().is_err()
        {
            tracing::warn!("the segment merge thread panicked");
        }
    }
}

impl Drop for BackgroundMerges {
    fn drop(&mut self) {
        self.wait();
    }
}
