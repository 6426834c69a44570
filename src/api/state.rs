//! Shared server state: the engine being served, swapped atomically after a rebuild.

use crate::engine::{Engine, EngineConfig};
use std::sync::{Arc, RwLock};
use tokio::sync::Mutex;

/// State shared by every handler.
#[derive(Clone)]
pub struct AppState {
    engine: Arc<RwLock<Arc<Engine>>>,
    rebuild_lock: Arc<Mutex<()>>,
    config: Arc<EngineConfig>,
}

impl AppState {
    /// State serving `engine`, rebuilt from `config` on request.
    pub fn new(engine: Engine, config: EngineConfig) -> AppState {
        AppState::shared(Arc::new(engine), config)
    }

    /// State serving an engine that is shared with other owners.
    pub fn shared(engine: Arc<Engine>, config: EngineConfig) -> AppState {
        AppState {
            engine: Arc::new(RwLock::new(engine)),
            rebuild_lock: Arc::new(Mutex::new(())),
            config: Arc::new(config),
        }
    }

    /// The engine currently served; requests keep the one they started with.
    pub fn engine(&self) -> Arc<Engine> {
        match self.engine.read() {
            Ok(guard) => guard.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// Rebuilds the index from the seeds in the background and swaps it in when complete.
    /// Requests are answered by the previous engine meanwhile. One rebuild at a time.
    pub async fn rebuild(&self) -> Result<Arc<Engine>, String> {
        let _only_one = self.rebuild_lock.lock().await;
        let config = self.config.clone();
        let built = tokio::task::spawn_blocking(move || {
            Engine::build(&config, &indicatif::ProgressBar::hidden())
        })
        .await
        .map_err(|e| e.to_string())?
        .map_err(|e| e.to_string())?;
        let built = Arc::new(built);
        match self.engine.write() {
            Ok(mut guard) => *guard = built.clone(),
            Err(poisoned) => *poisoned.into_inner() = built.clone(),
        }
        Ok(built)
    }
}
