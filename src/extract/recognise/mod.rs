//! Recognisers shared by every layout reader: each finds one kind of thing in any text.
//!
//! - [`numbering`]: headings and numbered items (第1 / Ⅰ / １． / （１） / ① / ■ / ○ / `#`);
//! - [`amounts`]: money in context (unit lines, table headers of years and kinds, changes,
//!   amounts in running text with their year, kind and qualifiers);
//! - [`bodies`]: agencies, councils and public bodies, and their chains;
//! - [`contacts`]: lines giving whom to contact, and the words a phone number follows;
//! - [`decisions`]: dates and the decision notes after a plan's name (閣議決定 …);
//! - [`legends`]: notes saying what figures in brackets stand for (`（　）内は前年度予算額`);
//! - [`laws`], [`plans`], [`programs`]: laws, strategies and plans (with their decisions),
//!   programs and funds;
//! - [`names`]: names as written, cleaned for display and compared loosely;
//! - [`pages`]: page furniture, the footer a PDF's text repeats with each page's number;
//! - [`readings`]: header words a system prints as their half-width katakana readings;
//! - [`indicator_columns`]: indicator tables whose header names their columns (指標 | 基準値 |
//!   目標値 | 実績値 | 達成状況);
//! - [`indicator_long`]: indicator tables in long form (one row per indicator, kind of value
//!   and year: `施策名 | KPI名 | 区分 | 年度 | 値`);
//! - [`indicator_across`]: indicator tables set across (a column per indicator, a row per
//!   kind of figure: 指標名 / 基準値 / 目標値 / 令和4年度実績 / 達成状況);
//! - [`indicator_blocks`]: indicators as blocks of labels each over its value (a definition
//!   list's 評価指標 / 目標値 / 基準値 / 実績値 / 自己評価);
//! - [`indicator_phrases`]: indicators named in passing (a chart's `…数の推移`, a count as
//!   of a date, a rate to raise);
//! - [`indicator_prose`]: indicators a sentence states as its subject, with values by year
//!   and a target or baseline;
//! - [`targets`]: indicator lines with targets, baselines, actuals and achievement;
//! - [`year_tables`]: indicator tables of years with actual, target and achievement rows.

pub mod amounts;
pub mod bodies;
pub mod contacts;
pub mod decisions;
pub mod indicator_across;
pub mod indicator_blocks;
pub mod indicator_columns;
pub mod indicator_long;
pub mod indicator_notes;
pub mod indicator_phrases;
pub mod indicator_prose;
pub mod indicator_stacked;
pub mod laws;
pub mod legends;
pub mod names;
pub mod numbering;
pub mod pages;
pub mod plans;
pub mod programs;
pub mod readings;
pub mod targets;
pub mod year_tables;
