//! Measuring the system against the gold set: search relevance and extraction quality.

pub mod ask;
pub mod facts;
pub mod queries;
pub mod report;
