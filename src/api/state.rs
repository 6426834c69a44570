//! Shared server state: the engine being served, swapped atomically after a rebuild, and the
//! question log.

use crate::ask::conversation::Conversations;
use crate::documents::intake::{Incoming, IntakeOptions};
use crate::documents::{self, DocumentError, DocumentSummary};
use crate::engine::{Engine, EngineConfig};
use crate::library::LibraryEntry;
use crate::qlog::{QuestionLog, QuestionRecord};
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::sync::{Arc, RwLock};
use tokio::sync::Mutex;

/// State shared by every handler.
#[derive(Clone)]
pub struct AppState {
    engine: Arc<RwLock<Arc<Engine>>>,
    rebuild_lock: Arc<Mutex<()>>,
    config: Arc<EngineConfig>,
    question_log: QuestionLog,
    admin_token: Option<Arc<str>>,
    intake: Arc<IntakeOptions>,
    conversations: Arc<Conversations>,
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
            question_log: QuestionLog::disabled(),
            conversations: Arc::new(Conversations::default()),
            admin_token: None,
            intake: Arc::new(IntakeOptions::default()),
        }
    }

    /// This state accepting writes from requests bearing `token` (an empty token leaves
    /// writes disabled).
    pub fn with_admin_token(mut self, token: Option<String>) -> AppState {
        self.admin_token = token.filter(|t| !t.is_empty()).map(Arc::from);
        self
    }

    /// This state with these limits for added documents.
    pub fn with_intake_options(mut self, options: IntakeOptions) -> AppState {
        self.intake = Arc::new(options);
        self
    }

    /// The admin token, when writes are enabled.
    pub fn admin_token(&self) -> Option<&str> {
        self.admin_token.as_deref()
    }

    /// Limits for added documents.
    pub fn intake_options(&self) -> &IntakeOptions {
        &self.intake
    }

    /// The engine configuration (where seeds, library and index live).
    pub fn config(&self) -> &EngineConfig {
        &self.config
    }

    fn swap(&self, engine: Arc<Engine>) {
        match self.engine.write() {
            Ok(mut guard) => *guard = engine,
            Err(poisoned) => *poisoned.into_inner() = engine,
        }
    }

    /// Adds a document (one change at a time; reads continue) and serves the new state.
    pub async fn add_document(&self, incoming: Incoming) -> Result<DocumentSummary, DocumentError> {
        let _only_one = self.rebuild_lock.lock().await;
        let config = self.config.clone();
        let current = self.engine();
        let options = self.intake.clone();
        let (engine, summary) = tokio::task::spawn_blocking(move || {
            documents::add_document(&config, &current, incoming, &options)
        })
        .await
        .map_err(|e| DocumentError::Interrupted(e.to_string()))??;
        self.swap(Arc::new(engine));
        Ok(summary)
    }

    /// Removes a library document and serves the new state.
    pub async fn remove_document(&self, id: String) -> Result<LibraryEntry, DocumentError> {
        let _only_one = self.rebuild_lock.lock().await;
        let config = self.config.clone();
        let current = self.engine();
        let (engine, removed) =
            tokio::task::spawn_blocking(move || documents::remove_document(&config, &current, &id))
                .await
                .map_err(|e| DocumentError::Interrupted(e.to_string()))??;
        self.swap(Arc::new(engine));
        Ok(removed)
    }

    /// Serves the build another process published (`seisaku add`, `seisaku remove`) or
    /// rebuilds when the library changed without one; does nothing while a change is under
    /// way here or in another process. Returns whether the engine was replaced.
    pub async fn reload_if_changed(&self) -> bool {
        let Ok(_only_one) = self.rebuild_lock.try_lock() else {
            return false;
        };
        let config = self.config.clone();
        let current = self.engine();
        let reloaded = tokio::task::spawn_blocking(move || -> Option<Engine> {
            let library = config.library();
            let published = config.store().current().ok().flatten();
            let same_build = published
                .as_ref()
                .is_some_and(|(dir, _)| *dir == current.build_dir);
            let library_hash = library
                .entries()
                .ok()
                .map(|entries| crate::library::Library::content_hash(&entries));
            let served_hash = crate::library::Library::content_hash(
                &current
                    .corpus
                    .library
                    .values()
                    .map(|d| d.entry.clone())
                    .collect::<Vec<_>>(),
            );
            if same_build && library_hash.as_deref().is_none_or(|h| h == served_hash) {
                return None;
            }
            // Wait for nobody: a change in progress elsewhere is picked up on a later tick.
            let _lock = library.try_lock().ok().flatten()?;
            match Engine::open_or_build(&config, &indicatif::ProgressBar::hidden()) {
                Ok(engine) => Some(engine),
                Err(error) => {
                    tracing::warn!(%error, "could not load the changed library");
                    None
                }
            }
        })
        .await
        .ok()
        .flatten();
        match reloaded {
            Some(engine) => {
                tracing::info!(build = %engine.build_dir.display(), "serving a changed library");
                self.swap(Arc::new(engine));
                true
            }
            None => false,
        }
    }

    /// Checks every `interval` whether another process changed the library (see
    /// [`AppState::reload_if_changed`]).
    pub fn watch_library(&self, interval: std::time::Duration) -> tokio::task::JoinHandle<()> {
        let state = self.clone();
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(interval).await;
                state.reload_if_changed().await;
            }
        })
    }

    /// This state keeping conversations in `conversations` (the default keeps them with
    /// the default limits).
    pub fn with_conversations(mut self, conversations: Conversations) -> AppState {
        self.conversations = Arc::new(conversations);
        self
    }

    /// The conversations of `/ask` and the MCP `ask` tool.
    pub fn conversations(&self) -> Arc<Conversations> {
        self.conversations.clone()
    }

    /// This state recording questions to `log` (the default records nothing).
    pub fn with_question_log(mut self, log: QuestionLog) -> AppState {
        self.question_log = log;
        self
    }

    /// The question log.
    pub fn question_log(&self) -> &QuestionLog {
        &self.question_log
    }

    /// Records one answered (or refused) question. Never waits and never fails; see
    /// [`QuestionLog::record`].
    pub fn log_question(&self, record: QuestionRecord) {
        self.question_log.record(record);
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
        self.swap(built.clone());
        Ok(built)
    }
}

/// The peer address of a request, when the server was started with
/// `into_make_service_with_connect_info::<SocketAddr>()`; never rejects.
#[derive(Debug, Clone, Copy, Default)]
pub struct ClientAddr(pub Option<SocketAddr>);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddr {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<ClientAddr, Infallible> {
        Ok(ClientAddr(
            parts
                .extensions
                .get::<ConnectInfo<SocketAddr>>()
                .map(|info| info.0),
        ))
    }
}
