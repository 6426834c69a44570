//! `export opensearch` and `export neo4j` read back and checked against the live index and
//! graph.

mod common;

use seisaku::export::{neo4j, opensearch};
use seisaku::graph::EdgeDirection;
use seisaku::search::SearchRequest;
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet, HashMap};

#[test]
fn opensearch_export_holds_every_passage_with_its_citation() {
    let engine = common::engine();
    let dir = tempfile::tempdir().expect("temp dir");
    let written = opensearch::write(&engine, dir.path()).expect("export");

    let template: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join(opensearch::TEMPLATE_FILE)).expect("template"),
    )
    .expect("template is JSON");
    let analysis = &template["template"]["settings"]["analysis"];
    assert_eq!(
        analysis["tokenizer"]["ja_words"]["type"],
        "kuromoji_tokenizer"
    );
    assert_eq!(analysis["tokenizer"]["ja_bigram"]["min_gram"], 2);
    assert_eq!(analysis["tokenizer"]["ja_bigram"]["max_gram"], 2);
    assert_eq!(analysis["char_filter"]["nfkc_lower"]["name"], "nfkc_cf");
    let rules = analysis["tokenizer"]["ja_words"]["user_dictionary_rules"]
        .as_array()
        .expect("user dictionary rules");
    assert!(
        rules.iter().any(|r| r
            .as_str()
            .is_some_and(|r| r.starts_with("オール光ネットワーク,"))),
        "vocabulary names are user dictionary words"
    );
    let text_mapping = &template["template"]["mappings"]["properties"]["text"];
    assert_eq!(text_mapping["analyzer"], "ja_morph");
    assert_eq!(text_mapping["fields"]["bigram"]["analyzer"], "ja_bigram");

    let mut exported: HashMap<String, Value> = HashMap::new();
    let mut order = Vec::new();
    for name in &written.bulk_files {
        let text = std::fs::read_to_string(dir.path().join(name)).expect("bulk file");
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len() % 2, 0, "action and document lines in pairs");
        for pair in lines.chunks(2) {
            let action: Value = serde_json::from_str(pair[0]).expect("action line");
            let document: Value = serde_json::from_str(pair[1]).expect("document line");
            assert_eq!(action["index"]["_index"], opensearch::INDEX_NAME);
            assert_eq!(action["index"]["_id"], document["id"]);
            let id = document["id"].as_str().expect("id").to_string();
            order.push(id.clone());
            assert!(exported.insert(id.clone(), document).is_none(), "{id} once");
        }
    }
    assert_eq!(written.passages, engine.meta.passages);
    assert_eq!(exported.len(), engine.meta.passages, "every passage, once");
    let first_doc = &engine.corpus.docs[0].info.file;
    assert!(order[0].starts_with(first_doc.as_str()), "corpus order");

    for q in [
        "地域おこし協力隊",
        "量子暗号通信 テストベッド",
        "マイナンバーカード 普及",
    ] {
        let request = SearchRequest {
            q: q.into(),
            limit: 10,
            passages: true,
            ..SearchRequest::default()
        };
        let hits = engine.search(&request).expect("search").page.hits;
        assert!(!hits.is_empty());
        for hit in hits {
            let document = exported.get(&hit.id).expect("hit exported");
            assert_eq!(document["doc"], hit.doc.as_str());
            assert_eq!(document["doc_title"], hit.doc_title.as_str());
            assert_eq!(document["line_start"], hit.line_start);
            assert_eq!(document["line_end"], hit.line_end);
            assert_eq!(document["text"], hit.text.as_str());
            assert_eq!(document["heading"], serde_json::json!(hit.heading));
        }
    }
}

fn read_csv(path: &std::path::Path) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_path(path).expect("CSV file");
    let header = reader
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect();
    let rows = reader
        .records()
        .map(|r| r.expect("record").iter().map(str::to_string).collect())
        .collect();
    (header, rows)
}

#[test]
fn neo4j_export_holds_every_node_and_relationship() {
    let engine = common::engine();
    let graph = &engine.graph;
    let dir = tempfile::tempdir().expect("temp dir");
    let written = neo4j::write(graph, dir.path()).expect("export");

    let mut nodes: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (name, count) in &written.node_files {
        let (header, rows) = read_csv(&dir.path().join(name));
        assert_eq!(header, neo4j::NODE_HEADER);
        assert_eq!(rows.len(), *count);
        for row in rows {
            assert!(nodes.insert(row[0].clone(), row).is_none(), "node once");
        }
    }
    assert_eq!(nodes.len(), graph.nodes().len());
    for node in graph.nodes() {
        let row = nodes.get(&node.id).expect("node exported");
        assert_eq!(row[1], neo4j::label(node.node_type));
        assert_eq!(row[2], node.name);
        let aliases: Vec<String> = serde_json::from_str(&row[3]).expect("aliases JSON");
        assert_eq!(aliases, node.aliases);
        if let Some(source) = node.sources.first() {
            assert_eq!(row[5], source.doc);
            assert_eq!(row[6], source.line_start.to_string());
            assert_eq!(
                row[8], source.quote,
                "quote of {} read back as written",
                node.id
            );
        }
    }
    assert!(
        graph
            .nodes()
            .iter()
            .filter_map(|n| n.sources.first())
            .any(|s| s.quote.contains(',') || s.quote.contains('\n') || s.quote.contains('"')),
        "some quote needs CSV quoting, so reading it back checks the quoting"
    );

    let mut relationships = Vec::new();
    for (name, count) in &written.relationship_files {
        let (header, rows) = read_csv(&dir.path().join(name));
        assert_eq!(header, neo4j::RELATIONSHIP_HEADER);
        assert_eq!(rows.len(), *count);
        for row in rows {
            assert!(nodes.contains_key(&row[0]) && nodes.contains_key(&row[1]));
            relationships.push(row);
        }
    }
    assert_eq!(relationships.len(), graph.edges().len());

    let hub = graph
        .nodes()
        .iter()
        .max_by_key(|n| (graph.edges_of(&n.id).len(), std::cmp::Reverse(n.id.clone())))
        .expect("a node");
    let expected: BTreeSet<(bool, String, String)> = graph
        .edges_of(&hub.id)
        .into_iter()
        .map(|(direction, edge)| match direction {
            EdgeDirection::Out => (
                true,
                neo4j::relationship_type(edge.rel),
                edge.to.to_string(),
            ),
            EdgeDirection::In => (
                false,
                neo4j::relationship_type(edge.rel),
                edge.from.to_string(),
            ),
        })
        .collect();
    let exported: BTreeSet<(bool, String, String)> = relationships
        .iter()
        .filter_map(|row| {
            if row[0] == hub.id {
                Some((true, row[2].clone(), row[1].clone()))
            } else if row[1] == hub.id {
                Some((false, row[2].clone(), row[0].clone()))
            } else {
                None
            }
        })
        .collect();
    assert!(expected.len() > 10, "the hub has many edges");
    assert_eq!(exported, expected, "edges of {}", hub.id);

    let script = std::fs::read_to_string(dir.path().join("import.sh")).expect("import.sh");
    for (name, _) in written.node_files.iter().chain(&written.relationship_files) {
        assert!(script.contains(name.as_str()), "import.sh loads {name}");
    }
}
