//! Indicator nodes from what the recognisers found: one property layout for every reader
//! (`target`, `target_year`, `target_due`, `baseline`, `baseline_year`, `actuals` and `planned` by year,
//! `achievement`, `unit`), with `evaluated_by` and `targets` edges from the subject.

use super::collect::Collector;
use super::recognise::targets::IndicatorValues;
use crate::graph::model::{NodeType, Rel, Source};
use serde_json::{Map, Value};

/// An indicator's properties, ready to attach to its node.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FoundIndicator {
    props: Map<String, Value>,
    has_target: bool,
}

fn by_year(pairs: &[(u16, String)]) -> Value {
    Value::Object(
        pairs
            .iter()
            .map(|(year, value)| (year.to_string(), Value::String(value.clone())))
            .collect(),
    )
}

impl FoundIndicator {
    /// Properties from `values`, the due year as written, planned figures by year and a unit.
    pub fn new(
        values: &IndicatorValues,
        due: Option<&str>,
        planned: &[(u16, String)],
        unit: Option<&str>,
    ) -> FoundIndicator {
        let mut props = Map::new();
        let mut put = |key: &str, value: Value| {
            props.insert(key.to_string(), value);
        };
        if let Some(target) = &values.target {
            put("target", target.clone().into());
        }
        if let Some(year) = values.target_year {
            put("target_year", u64::from(year).into());
        }
        if let Some(due) = due.filter(|d| !d.is_empty()) {
            put("target_due", due.into());
        }
        if let Some(baseline) = &values.baseline {
            put("baseline", baseline.clone().into());
        }
        if let Some(year) = values.baseline_year {
            put("baseline_year", u64::from(year).into());
        }
        if !values.actuals.is_empty() {
            put("actuals", by_year(&values.actuals));
        }
        if !planned.is_empty() {
            put("planned", by_year(planned));
        }
        if let Some(achievement) = &values.achievement {
            put("achievement", achievement.clone().into());
        }
        if let Some(unit) = unit {
            put("unit", unit.into());
        }
        FoundIndicator {
            props,
            has_target: values.target.is_some(),
        }
    }
}

impl FoundIndicator {
    /// The properties, for a reader that builds its indicator node itself.
    pub fn into_props(self) -> Map<String, Value> {
        self.props
    }
}

/// Adds the indicator `name` with its properties, evaluating `subject` (and targeted by it
/// when a target is stated); returns the indicator's id.
pub fn add_indicator(
    out: &mut Collector<'_>,
    subject: Option<&str>,
    name: &str,
    indicator: FoundIndicator,
    source: Source,
) -> String {
    let id = out.node(NodeType::Indicator, name, source.clone());
    for (key, value) in indicator.props {
        out.prop(&id, &key, value);
    }
    if let Some(subject) = subject {
        out.edge(subject, Rel::EvaluatedBy, &id, source.clone());
        if indicator.has_target {
            out.edge(subject, Rel::Targets, &id, source);
        }
    }
    id
}
