//! Recognisers shared by every layout reader: each finds one kind of thing in any text.
//!
//! - [`numbering`]: headings and numbered items (第1 / Ⅰ / １． / （１） / ① / ■ / ○ / `#`);
//! - [`amounts`]: money in context (unit lines, table headers of years and kinds, changes,
//!   amounts in running text with their year, kind and qualifiers);
//! - [`laws`], [`plans`], [`programs`]: laws, strategies and plans (with their decisions),
//!   programs and funds;
//! - [`targets`]: indicator lines with targets, baselines, actuals and achievement.

pub mod amounts;
pub mod laws;
pub mod numbering;
pub mod plans;
pub mod programs;
pub mod targets;
