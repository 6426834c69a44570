//! Relations read from text: programs, bodies, quoted names, laws, declarations, funds and
//! targets.

use super::*;
use crate::extract::indicators::FoundIndicator;
use crate::extract::mentions::council_outcome_rel;
use crate::extract::recognise::bodies::{
    find_abbreviated_bodies, find_acronym_partners, find_acting_organisations, find_bodies,
    is_council_name, unit_at_work,
};
use crate::extract::recognise::indicator_phrases::find_indicator_phrases;
use crate::extract::recognise::names::quoted_name_type;
use crate::extract::recognise::plans::{find_cued_plans, find_declarations, find_drafted_plans};
use crate::extract::recognise::programs::{
    ProgramMatch, find_abbreviated_activities, find_latin_programs, find_programs,
    find_programs_followed_by, find_revenue_sources,
};
use crate::extract::recognise::targets::target_statement;

impl Parser<'_> {
    pub(super) fn scan_relations(&mut self, subject: Subject, text: &str, line_source: &Source) {
        let text = nfkc(text);
        let quote_source = |quote: &str| Source {
            quote: clip(quote, MAX_QUOTE_CHARS).into(),
            ..line_source.clone()
        };
        let raw_quote = |needle: &str| {
            if line_source.quote.contains(needle) {
                needle.to_string()
            } else {
                line_source.quote.to_string()
            }
        };
        self.scan_bodies(subject, &text, &raw_quote, &quote_source);
        self.scan_quoted(subject, &text, &raw_quote, &quote_source);
        self.scan_laws_and_declarations(subject, &text, &raw_quote, &quote_source);
        self.scan_funds_and_targets(subject, &text, &raw_quote, &quote_source);
        self.scan_named_programs(subject, &text, &raw_quote, &quote_source);
    }

    pub(super) fn scan_named_programs(
        &mut self,
        subject: Subject,
        text: &str,
        raw_quote: &dyn Fn(&str) -> String,
        quote_source: &dyn Fn(&str) -> Source,
    ) {
        for activity in find_abbreviated_activities(text) {
            let (name, abbr) = (&activity.name.name, &activity.abbreviation.name);
            let generic = name.chars().count() <= 3;
            let (main, alias) = if generic {
                (abbr.as_str(), None)
            } else {
                (name.as_str(), Some(abbr.as_str()))
            };
            let source = quote_source(&raw_quote(main));
            let program = self.entity(NodeType::Program, main, source.clone());
            if let (Some(alias), Some(entity)) = (alias, self.entities.get_mut(program))
                && !entity.aliases.iter().any(|a| a == alias)
            {
                entity.aliases.push(alias.to_string());
            }
            self.link(subject, Rel::Mentions, program, source);
        }
        for program in find_latin_programs(text) {
            let source = quote_source(&raw_quote(&program.name));
            let program = self.entity(NodeType::Program, &program.name, source.clone());
            self.link(subject, Rel::Mentions, program, source);
        }
        for plan in find_drafted_plans(text) {
            let source = quote_source(&raw_quote(&plan.name));
            let strategy = self.entity(NodeType::Strategy, &plan.name, source.clone());
            self.link(subject, Rel::Targets, strategy, source);
        }
        let quoted: Vec<String> = QUOTED
            .captures_iter(text)
            .filter_map(|c| c.get(1).map(|m| m.as_str().to_string()))
            .collect();
        for plan in find_cued_plans(text) {
            if quoted.iter().any(|q| q.contains(plan.name.as_str())) {
                continue;
            }
            let source = quote_source(&raw_quote(&plan.name));
            let strategy = self.entity(NodeType::Strategy, &plan.name, source.clone());
            self.link(subject, Rel::BasedOn, strategy, source);
        }
        for body in find_bodies(text) {
            let Some(rel) =
                council_outcome_rel(text, body.end).filter(|_| is_council_name(&body.name))
            else {
                continue;
            };
            let source = quote_source(&raw_quote(&body.name));
            let agency = self.entity(NodeType::Agency, &body.name, source.clone());
            self.link(subject, rel, agency, source);
        }
    }

    pub(super) fn agency_for(&mut self, name: &str, source: Source) -> usize {
        let full = self.abbr.get(name).cloned();
        let (name, alias) = match full {
            Some(full) => (full, Some(name.to_string())),
            None => {
                let alias = self
                    .abbr
                    .iter()
                    .find(|(_, full)| full.as_str() == name)
                    .map(|(abbr, _)| abbr.clone());
                (name.to_string(), alias)
            }
        };
        let index = self.entity(NodeType::Agency, &name, source);
        if let (Some(alias), Some(entity)) = (alias, self.entities.get_mut(index))
            && !entity.aliases.contains(&alias)
        {
            entity.aliases.push(alias);
        }
        index
    }

    pub(super) fn scan_bodies(
        &mut self,
        subject: Subject,
        text: &str,
        raw_quote: &dyn Fn(&str) -> String,
        quote_source: &dyn Fn(&str) -> Source,
    ) {
        let mut mentions: Vec<(String, usize)> = Vec::new();
        for body in find_abbreviated_bodies(text) {
            mentions.push((body.name, body.end));
        }
        for organisation in find_acting_organisations(text) {
            if !mentions.iter().any(|(n, _)| *n == organisation.name) {
                mentions.push((organisation.name, organisation.end));
            }
        }
        let abbrs: Vec<String> = self.abbr.keys().cloned().collect();
        for abbr in abbrs {
            for (at, _) in text.match_indices(abbr.as_str()) {
                let end = at + abbr.len();
                let boundary_before = text[..at]
                    .chars()
                    .next_back()
                    .is_none_or(|c| !c.is_ascii_alphanumeric() && c != '(' && c != '（');
                let boundary_after = text[end..]
                    .chars()
                    .next()
                    .is_none_or(|c| !c.is_ascii_alphanumeric() && c != ')');
                if boundary_before && boundary_after {
                    mentions.push((abbr.clone(), end));
                }
            }
        }
        for partner in find_acronym_partners(text) {
            let source = quote_source(&raw_quote(&partner.name));
            let agency = self.agency_for(&partner.name, source.clone());
            self.link(subject, Rel::CollaboratesWith, agency, source);
        }
        let mut seen = HashSet::new();
        for (name, end) in mentions {
            let source = quote_source(&raw_quote(&name));
            let agency = self.agency_for(&name, source.clone());
            if !seen.insert(agency) {
                continue;
            }
            let after = text[end..].trim_start();
            if let Some(unit) = unit_at_work(after) {
                let unit_source = quote_source(&raw_quote(&unit.name));
                let unit = self.entity(NodeType::Agency, &unit.name, unit_source.clone());
                self.link(Subject::Entity(unit), Rel::PartOf, agency, unit_source);
                self.link(subject, Rel::Responsible, agency, source);
            } else if after.starts_with("に造成した基金") || after.starts_with("に設置した基金")
            {
                self.pending_fund_agency = Some(agency);
            } else if ["において", "による", "が", "を中核として", "は"]
                .iter()
                .any(|cue| after.starts_with(cue))
            {
                self.link(subject, Rel::Responsible, agency, source);
            } else if ["連携", "を通じ", "への拠出", "協力", "活用", "要請"]
                .iter()
                .any(|cue| text.contains(cue))
            {
                self.link(subject, Rel::CollaboratesWith, agency, source);
            } else {
                self.link(subject, Rel::Mentions, agency, source);
            }
        }
    }

    pub(super) fn scan_quoted(
        &mut self,
        subject: Subject,
        text: &str,
        raw_quote: &dyn Fn(&str) -> String,
        quote_source: &dyn Fn(&str) -> Source,
    ) {
        for caps in QUOTED.captures_iter(text) {
            let (Some(name), Some(whole)) = (caps.get(1), caps.get(0)) else {
                continue;
            };
            let name = name.as_str().trim();
            let Some(node_type) = quoted_name_type(name) else {
                continue;
            };
            let mut after = &text[whole.end()..];
            while let Some(next) = QUOTED.find(after).filter(|m| m.start() == 0) {
                after = &after[next.end()..];
            }
            let clause_end = after.find(['、', '。', '「']).unwrap_or(after.len());
            let clause = &after[..clause_end];
            let rel = if clause.contains("に基づ")
                || clause.contains("を踏まえ")
                || clause.starts_with("において")
                || clause.starts_with("等において")
            {
                Rel::BasedOn
            } else if ["の実現", "を推進", "を主導", "をはじめ"]
                .iter()
                .any(|cue| clause.trim_start_matches('等').starts_with(cue))
            {
                Rel::Implements
            } else if node_type == NodeType::Strategy {
                Rel::Targets
            } else {
                Rel::Mentions
            };
            let source = quote_source(&raw_quote(name));
            let object = self.entity(node_type, name, source.clone());
            self.link(subject, rel, object, source);
        }
    }

    pub(super) fn scan_laws_and_declarations(
        &mut self,
        subject: Subject,
        text: &str,
        raw_quote: &dyn Fn(&str) -> String,
        quote_source: &dyn Fn(&str) -> Source,
    ) {
        let quoted: Vec<String> = QUOTED
            .captures_iter(text)
            .filter_map(|c| c.get(1).map(|m| m.as_str().to_string()))
            .collect();
        for law in find_laws(text) {
            let name = law.name.as_str();
            if quoted.iter().any(|q| q.contains(name)) {
                continue;
            }
            let after = &text[law.end..];
            let rests_on = ["に基づ", "を踏まえ", "の規定に基づ", "の規定を踏まえ"]
                .iter()
                .any(|cue| after.starts_with(cue));
            let rel = if rests_on {
                Rel::BasedOn
            } else {
                Rel::Mentions
            };
            let source = quote_source(&raw_quote(name));
            let object = self.entity(NodeType::Policy, name, source.clone());
            self.link(subject, rel, object, source);
        }
        for found in find_declarations(text) {
            let name = found.name.trim();
            if quoted.iter().any(|q| q.contains(name)) {
                continue;
            }
            let after = &text[found.end..];
            let clause_end = after.find('。').unwrap_or(after.len());
            let clause = &after[..clause_end];
            let rel = if clause.contains("を踏まえ")
                || clause.contains("に基づ")
                || clause.contains("において")
            {
                Rel::BasedOn
            } else {
                Rel::Mentions
            };
            let source = quote_source(&raw_quote(name));
            let object = self.entity(NodeType::Strategy, name, source.clone());
            self.link(subject, rel, object, source);
        }
    }

    pub(super) fn scan_funds_and_targets(
        &mut self,
        subject: Subject,
        text: &str,
        raw_quote: &dyn Fn(&str) -> String,
        quote_source: &dyn Fn(&str) -> Source,
    ) {
        let grown = find_programs_followed_by(text, &["を拡充", "を活用", "を造成"])
            .into_iter()
            .filter(|m| m.node_type == NodeType::Fund);
        for fund in grown {
            let source = quote_source(&raw_quote(&fund.name));
            self.pending_fund = Some(self.entity(NodeType::Fund, &fund.name, source));
        }
        for revenue in find_revenue_sources(text) {
            let source = quote_source(&raw_quote(&revenue.name));
            let fund = self.entity(NodeType::Fund, &revenue.name, source.clone());
            self.link(subject, Rel::Mentions, fund, source);
        }
        for program in transfers(text) {
            let source = quote_source(&raw_quote(&program.name));
            let program = self.entity(NodeType::Program, &program.name, source.clone());
            self.link(subject, Rel::FundedBy, program, source);
        }
        if let Some(statement) = target_statement(text) {
            let source = quote_source(&raw_quote(&statement.name));
            let indicator = self.entity(NodeType::Indicator, &statement.name, source.clone());
            if let Some(entity) = self.entities.get_mut(indicator) {
                let found =
                    FoundIndicator::new(&statement.values, statement.due.as_deref(), &[], None);
                entity.props.extend(found.into_props());
            }
            self.link(subject, Rel::EvaluatedBy, indicator, source);
        }
        for phrase in find_indicator_phrases(text) {
            let source = quote_source(&raw_quote(&phrase.name));
            let indicator = self.entity(NodeType::Indicator, &phrase.name, source.clone());
            if let Some(entity) = self.entities.get_mut(indicator) {
                let found = FoundIndicator::new(&phrase.values, None, &[], None);
                entity.props.extend(found.into_props());
            }
            self.link(subject, Rel::EvaluatedBy, indicator, source);
        }
    }
}

/// Grants the text says fund the item: a 交付金 or 交付税 named with `…により` after it or
/// `交付する…` before it.
fn transfers(text: &str) -> Vec<ProgramMatch> {
    find_programs(text)
        .into_iter()
        .filter(|m| m.name.ends_with("交付金") || m.name.ends_with("交付税"))
        .filter(|m| text[m.end..].starts_with("により") || text[..m.start].ends_with("交付する"))
        .collect()
}
