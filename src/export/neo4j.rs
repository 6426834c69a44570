//! `neo4j-admin database import full` input: one CSV file of nodes per label and one of
//! relationships per type, with `:ID`, `:LABEL`, `:START_ID`, `:END_ID` and `:TYPE` headers,
//! fields quoted wherever they need it, and `import.sh` with the command that loads them.
//! Properties that are lists or maps (aliases, typed properties, sources) are JSON strings.

use super::{ExportError, create_dir, io};
use crate::graph::KnowledgeGraph;
use crate::graph::model::{NodeType, Rel, Source};
use std::fs::File;
use std::path::Path;

/// Header of every node file.
pub const NODE_HEADER: [&str; 10] = [
    "id:ID",
    ":LABEL",
    "name",
    "aliases",
    "properties",
    "doc",
    "line_start:int",
    "line_end:int",
    "quote",
    "sources",
];

/// Header of every relationship file.
pub const RELATIONSHIP_HEADER: [&str; 9] = [
    ":START_ID",
    ":END_ID",
    ":TYPE",
    "properties",
    "doc",
    "line_start:int",
    "line_end:int",
    "quote",
    "sources",
];

/// What was written: file names with their record counts.
#[derive(Debug, Clone, Default)]
pub struct Neo4jExport {
    /// `nodes_<type>.csv` files and their node counts.
    pub node_files: Vec<(String, usize)>,
    /// `relationships_<rel>.csv` files and their relationship counts.
    pub relationship_files: Vec<(String, usize)>,
}

/// The label of a node type: `measure` → `Measure`.
pub fn label(node_type: NodeType) -> String {
    node_type
        .as_str()
        .split('_')
        .map(|word| {
            let mut chars = word.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase().to_string() + chars.as_str())
                .unwrap_or_default()
        })
        .collect()
}

/// The relationship type of a relationship: `funded_by` → `FUNDED_BY`.
pub fn relationship_type(rel: Rel) -> String {
    rel.as_str().to_ascii_uppercase()
}

/// One CSV file being written, with its record count.
struct CsvFile {
    name: String,
    writer: csv::Writer<File>,
    records: usize,
}

impl CsvFile {
    fn create(dir: &Path, name: String, header: &[&str]) -> Result<CsvFile, ExportError> {
        let path = dir.join(&name);
        let file = File::create(&path).map_err(io(&path))?;
        let mut writer = csv::WriterBuilder::new()
            .quote_style(csv::QuoteStyle::Necessary)
            .from_writer(file);
        writer
            .write_record(header)
            .map_err(|source| ExportError::Csv { path, source })?;
        Ok(CsvFile {
            name,
            writer,
            records: 0,
        })
    }

    fn write(&mut self, dir: &Path, record: &[String]) -> Result<(), ExportError> {
        self.records += 1;
        self.writer
            .write_record(record)
            .map_err(|source| ExportError::Csv {
                path: dir.join(&self.name),
                source,
            })
    }

    fn finish(mut self, dir: &Path) -> Result<(String, usize), ExportError> {
        self.writer.flush().map_err(io(&dir.join(&self.name)))?;
        Ok((self.name, self.records))
    }
}

/// The first source's citation fields and all sources as JSON.
fn citation(sources: &[Source]) -> [String; 5] {
    let first = sources.first();
    [
        first.map(|s| s.doc.to_string()).unwrap_or_default(),
        first.map(|s| s.line_start.to_string()).unwrap_or_default(),
        first.map(|s| s.line_end.to_string()).unwrap_or_default(),
        first.map(|s| s.quote.to_string()).unwrap_or_default(),
        serde_json::to_string(sources).unwrap_or_default(),
    ]
}

/// Writes the graph's node and relationship files and `import.sh` into `dir`, one record at a
/// time.
pub fn write(graph: &KnowledgeGraph, dir: &Path) -> Result<Neo4jExport, ExportError> {
    create_dir(dir)?;
    let mut node_files: Vec<Option<CsvFile>> = NodeType::ALL.iter().map(|_| None).collect();
    for node in graph.nodes() {
        let slot = NodeType::ALL
            .iter()
            .position(|t| *t == node.node_type)
            .unwrap_or(0);
        if node_files[slot].is_none() {
            let name = format!("nodes_{}.csv", node.node_type.as_str());
            node_files[slot] = Some(CsvFile::create(dir, name, &NODE_HEADER)?);
        }
        let [doc, line_start, line_end, quote, sources] = citation(&node.sources);
        let record = [
            node.id.clone(),
            label(node.node_type),
            node.name.clone(),
            serde_json::to_string(&node.aliases).unwrap_or_default(),
            serde_json::Value::Object(node.props.clone()).to_string(),
            doc,
            line_start,
            line_end,
            quote,
            sources,
        ];
        if let Some(file) = node_files[slot].as_mut() {
            file.write(dir, &record)?;
        }
    }
    let mut relationship_files: Vec<Option<CsvFile>> = Rel::ALL.iter().map(|_| None).collect();
    for edge in graph.edges() {
        let slot = Rel::ALL.iter().position(|r| *r == edge.rel).unwrap_or(0);
        if relationship_files[slot].is_none() {
            let name = format!("relationships_{}.csv", edge.rel.as_str());
            relationship_files[slot] = Some(CsvFile::create(dir, name, &RELATIONSHIP_HEADER)?);
        }
        let [doc, line_start, line_end, quote, sources] = citation(&edge.sources);
        let record = [
            edge.from.to_string(),
            edge.to.to_string(),
            relationship_type(edge.rel),
            serde_json::Value::Object(edge.props.clone()).to_string(),
            doc,
            line_start,
            line_end,
            quote,
            sources,
        ];
        if let Some(file) = relationship_files[slot].as_mut() {
            file.write(dir, &record)?;
        }
    }
    let mut export = Neo4jExport::default();
    for file in node_files.into_iter().flatten() {
        export.node_files.push(file.finish(dir)?);
    }
    for file in relationship_files.into_iter().flatten() {
        export.relationship_files.push(file.finish(dir)?);
    }
    write_import_script(dir, &export)?;
    Ok(export)
}

/// `import.sh`: the `neo4j-admin` command that loads these files into a database (named by
/// the first argument, `neo4j` by default); the database must be stopped.
fn write_import_script(dir: &Path, export: &Neo4jExport) -> Result<(), ExportError> {
    let mut script = String::from(
        "#!/bin/sh\n# Loads the graph into a stopped Neo4j 5 database: sh import.sh [database]\n\
         set -e\ncd \"$(dirname \"$0\")\"\nexec neo4j-admin database import full \
         --multiline-fields=true --overwrite-destination=true \\\n",
    );
    for (name, _) in &export.node_files {
        script.push_str(&format!("  --nodes={name} \\\n"));
    }
    for (name, _) in &export.relationship_files {
        script.push_str(&format!("  --relationships={name} \\\n"));
    }
    script.push_str("  \"${1:-neo4j}\"\n");
    let path = dir.join("import.sh");
    std::fs::write(&path, script).map_err(io(&path))
}
