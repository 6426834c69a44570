//! Shared server state: the engine being served, swapped atomically after a rebuild, and the
//! question log.

use crate::ask::conversation::Conversations;
use crate::engine::{Engine, EngineConfig};
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
        }
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
        match self.engine.write() {
            Ok(mut guard) => *guard = built.clone(),
            Err(poisoned) => *poisoned.into_inner() = built.clone(),
        }
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
