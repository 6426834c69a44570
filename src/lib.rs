//! Knowledge graph and Japanese full-text search over 総務省 policy documents.

pub mod analysis;
pub mod api;
pub mod ask;
pub mod browse;
pub mod budgets;
pub mod corpus;
pub mod documents;
pub mod engine;
pub mod eval;
pub mod export;
pub mod extract;
pub mod graph;
pub mod index;
pub mod ingest;
pub mod library;
pub mod mcp;
pub mod money;
pub mod normalize;
pub mod passages;
pub mod qlog;
pub mod search;
pub mod synthetic;
pub mod ui;
pub mod vocab;
