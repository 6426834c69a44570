//! Knowledge graph and Japanese full-text search over 総務省 policy documents.

pub mod corpus;
pub mod graph;
pub mod money;
pub mod normalize;
