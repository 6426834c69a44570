//! The knowledge graph: model, building and querying.

pub mod model;
