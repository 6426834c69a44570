//! Policies and the agencies in charge of them: the four-line header of each policy, and
//! the bureau and divisions named in it.

use super::*;

/// The ministry that publishes the evaluation: the first 省/庁 of the manifest's publisher,
/// else the first one the document names, cited where the document first names it.
pub(super) fn root_agency(text: &DocText, out: &mut Collector<'_>) -> Option<String> {
    let ministry = |t: &str| {
        find_bodies(t)
            .into_iter()
            .map(|b| b.name)
            .find(|n| n.ends_with('省') || n.ends_with('庁'))
    };
    let name = ministry(&text.doc.info.publisher)
        .or_else(|| (0..text.len()).find_map(|i| ministry(text.cleaned(i))))?;
    let line = (0..text.len()).find(|i| text.raw(*i).contains(name.as_str()))?;
    Some(out.node(NodeType::Agency, &name, text.source(line, &name)))
}

/// One policy's span of lines (0-based, `end` exclusive).
pub(super) struct PolicySection {
    pub(super) header: usize,
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) number: String,
    pub(super) name: String,
}

pub(super) static POLICY_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^政策名\s*政策\s*([0-9０-９]+)\s*[：:]\s*(.+)$").expect("policy header")
});

pub(super) fn find_policies(text: &DocText) -> Vec<PolicySection> {
    let mut headers: Vec<(usize, String, String)> = Vec::new();
    for i in 0..text.len() {
        if let Some(caps) = POLICY_HEADER.captures(text.cleaned(i)) {
            let number = caps.get(1).map(|m| nfkc(m.as_str())).unwrap_or_default();
            let name = caps.get(2).map(|m| m.as_str().trim()).unwrap_or("");
            headers.push((i, number, name.to_string()));
        }
    }
    let mut sections = Vec::new();
    for (k, (header, number, name)) in headers.iter().enumerate() {
        // The section opens at the title lines just above the header.
        let start = text
            .before(*header, 3)
            .into_iter()
            .filter(|i| text.cleaned(*i).contains("評価書") || text.cleaned(*i).contains("年度"))
            .min()
            .unwrap_or(*header);
        let end = headers
            .get(k + 1)
            .map(|(next, _, _)| {
                text.before(*next, 3)
                    .into_iter()
                    .filter(|i| {
                        text.cleaned(*i).contains("評価書") || text.cleaned(*i).contains("年度")
                    })
                    .min()
                    .unwrap_or(*next)
            })
            .unwrap_or(text.len());
        sections.push(PolicySection {
            header: *header,
            start,
            end,
            number: number.clone(),
            name: name.clone(),
        });
    }
    sections
}

/// Value of a `label value` header line within the few lines after the policy name.
pub(super) fn header_value(
    text: &DocText,
    section: &PolicySection,
    label: &str,
) -> Option<(usize, String)> {
    (section.header..section.end.min(section.header + 16)).find_map(|i| {
        text.cleaned(i)
            .strip_prefix(label)
            .map(|rest| (i, rest.trim().to_string()))
    })
}

pub(super) fn add_policy(
    text: &DocText,
    out: &mut Collector<'_>,
    section: &PolicySection,
) -> String {
    let raw = text.raw(section.header);
    let quote = raw.trim();
    let id = out.node(
        NodeType::Policy,
        &section.name,
        text.source(section.header, quote),
    );
    out.alias(&id, &format!("政策{}", section.number));
    out.alias(&id, &format!("政策{}：{}", section.number, section.name));
    out.prop(&id, "number", section.number.clone());
    if let Some((_, date)) = header_value(text, section, "政策評価実施時期") {
        out.prop(&id, "evaluation_date", date);
    }
    if let Some((_, owner)) = header_value(text, section, "作成責任者名") {
        out.prop(&id, "owner", owner);
    }
    id
}

pub(super) static BUREAU_PREFIX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<kyoku>[^\s、]+?局)\s*(?P<mid>[^\s、]+?(?:グループ|部))?\s*(?P<unit>.*)$")
        .expect("bureau prefix")
});
pub(super) static UNNAMED_UNITS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:他\s*\d*\s*課?室?|等)$").expect("unnamed units"));

/// Parses `担当部局・課室名` into 局 / グループ・部 / 課 / 室 nodes with part_of and responsible edges.
pub(super) fn read_agencies(
    text: &DocText,
    out: &mut Collector<'_>,
    section: &PolicySection,
    policy: &str,
    root: Option<&str>,
) {
    let Some((first, _)) = header_value(text, section, "担当部局・課室名") else {
        return;
    };
    let mut last = first;
    let mut joined = text
        .cleaned(first)
        .trim_start_matches("担当部局・課室名")
        .trim()
        .to_string();
    for i in text.after(first, 3) {
        let line = text.cleaned(i);
        if line.starts_with("作成責任者") || line.starts_with("政策評価") || line.contains("：")
        {
            break;
        }
        joined.push_str(line);
        last = i;
    }
    let source = text.span_source(first, last);
    let mut items: Vec<String> = joined
        .split(['、', ','])
        .map(|s| UNNAMED_UNITS.replace(s.trim(), "").trim().to_string())
        .filter(|s| !s.is_empty())
        .collect();
    let Some(head) = items.first().cloned() else {
        return;
    };
    let Some(caps) = BUREAU_PREFIX.captures(&head) else {
        return;
    };
    let kyoku = caps.name("kyoku").map(|m| m.as_str()).unwrap_or("");
    let mid = caps.name("mid").map(|m| m.as_str()).unwrap_or("");
    let unit = caps.name("unit").map(|m| m.as_str().trim()).unwrap_or("");
    items[0] = unit.to_string();
    let kyoku_id = out.node(
        NodeType::Agency,
        kyoku,
        source_for(text, first, last, kyoku),
    );
    out.prop(&kyoku_id, "level", "局");
    if let Some(root) = root {
        out.edge(
            &kyoku_id,
            Rel::PartOf,
            root,
            source_for(text, first, last, kyoku),
        );
    }
    out.edge(policy, Rel::Responsible, &kyoku_id, source.clone());
    let mut parent = kyoku_id.clone();
    if !mid.is_empty() {
        let mid_name = format!("{kyoku}{mid}");
        let mid_id = out.node(
            NodeType::Agency,
            &mid_name,
            source_for(text, first, last, mid),
        );
        out.alias(&mid_id, mid);
        out.prop(
            &mid_id,
            "level",
            if mid.ends_with('部') {
                "部"
            } else {
                "グループ"
            },
        );
        out.edge(
            &mid_id,
            Rel::PartOf,
            &kyoku_id,
            source_for(text, first, last, mid),
        );
        parent = mid_id;
    }
    let divisions: Vec<&String> = items.iter().filter(|s| s.ends_with('課')).collect();
    let single_division = (divisions.len() == 1).then(|| divisions[0].clone());
    let prefix = format!("{kyoku}{mid}");
    let mut division_ids: HashMap<String, String> = HashMap::new();
    for item in items.iter().filter(|s| !s.is_empty()) {
        let full = format!("{prefix}{item}");
        let src = source_for(text, first, last, item);
        let id = out.node(NodeType::Agency, &full, src.clone());
        out.alias(&id, item);
        let level = if item.ends_with('室') { "室" } else { "課" };
        out.prop(&id, "level", level);
        let owner = match (&single_division, level) {
            (Some(division), "室") => division_ids
                .get(division)
                .cloned()
                .unwrap_or(parent.clone()),
            _ => parent.clone(),
        };
        out.edge(&id, Rel::PartOf, &owner, src.clone());
        out.edge(policy, Rel::Responsible, &id, src);
        division_ids.insert(item.clone(), id);
    }
}

/// A source quoting `needle` on whichever line of `first..=last` holds it.
pub(super) fn source_for(text: &DocText, first: usize, last: usize, needle: &str) -> Source {
    (first..=last)
        .find(|i| !needle.is_empty() && text.raw(*i).contains(needle))
        .map(|i| text.source(i, needle))
        .unwrap_or_else(|| text.span_source(first, last))
}
