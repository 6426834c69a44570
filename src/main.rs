//! Command-line entry: `build`, `serve`, `mcp`, `search`, `report`, `node`, `eval`, `add`,
//! `remove`, `documents`, `export`, `scale-corpus`.

use anyhow::Context;
use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use seisaku::api::{self, state::AppState};
use seisaku::documents::{
    self,
    intake::{Incoming, IntakeOptions, Overrides},
};
use seisaku::engine::{Engine, EngineConfig};
use seisaku::qlog::{self, QuestionLog, QuestionLogConfig};
use seisaku::search::SearchRequest;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// Knowledge graph and Japanese full-text search over 総務省 policy documents.
#[derive(Debug, Parser)]
#[command(version, about)]
struct Cli {
    /// Directory with manifest.toml and the seed documents.
    #[arg(long, env = "SEISAKU_SEEDS", global = true)]
    seeds: Option<PathBuf>,
    /// Directory for generated data (index, dictionary).
    #[arg(long, env = "SEISAKU_INDEX", global = true)]
    index: Option<PathBuf>,
    /// Directory for the compiled dictionary (default: `dictionary/` inside the index directory).
    #[arg(long, env = "SEISAKU_DICTIONARY", global = true)]
    dictionary: Option<PathBuf>,
    /// Directory of added documents (default: `library/` under the project root).
    #[arg(long, env = "SEISAKU_LIBRARY", global = true)]
    library: Option<PathBuf>,
    /// Largest document `add` and `POST /documents` accept, in bytes.
    #[arg(long, env = "SEISAKU_MAX_DOCUMENT_BYTES", global = true,
          default_value_t = seisaku::documents::intake::DEFAULT_MAX_DOCUMENT_BYTES)]
    max_document_bytes: usize,
    /// Longest a converter (pdftotext) may run on one document, in seconds.
    #[arg(
        long,
        env = "SEISAKU_CONVERT_TIMEOUT",
        global = true,
        default_value_t = 30
    )]
    convert_timeout_secs: u64,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Build (or rebuild) the index from the seeds.
    Build,
    /// Serve the HTTP API, building the index first when it is missing or stale.
    Serve {
        /// Address to listen on.
        #[arg(long, env = "SEISAKU_ADDR", default_value = "127.0.0.1:8080")]
        addr: String,
        /// Host names (or `host:port`) the MCP endpoint `/mcp` accepts, comma-separated; the
        /// list replaces the loopback default (localhost, 127.0.0.1, ::1), so name those too
        /// when local clients should keep working.
        #[arg(long, env = "SEISAKU_ALLOWED_HOSTS", value_delimiter = ',')]
        allowed_host: Vec<String>,
        /// Directory of the question log (default: `logs/` under the project root).
        #[arg(long, env = "SEISAKU_LOG_DIR")]
        log_dir: Option<PathBuf>,
        /// Size in bytes past which `questions.jsonl` is rotated.
        #[arg(long, env = "SEISAKU_LOG_MAX_BYTES", default_value_t = qlog::DEFAULT_MAX_BYTES)]
        log_max_bytes: u64,
        /// Rotated question log files kept (`questions.jsonl.1` … `.N`).
        #[arg(long, env = "SEISAKU_LOG_KEEP", default_value_t = qlog::DEFAULT_KEEP)]
        log_keep: usize,
        /// Also record the client's IP address with each question (off by default).
        #[arg(long, env = "SEISAKU_LOG_CLIENT_ADDRESS")]
        log_client_address: bool,
        /// Token that `POST /documents`, `DELETE /documents/{id}`, `POST /admin/rebuild` and
        /// `GET /stats/questions` require as `Authorization: Bearer <token>` (without it
        /// they are disabled).
        #[arg(long, env = "SEISAKU_ADMIN_TOKEN", hide_env_values = true)]
        admin_token: Option<String>,
    },
    /// Add documents (PDF, HTML, Markdown, CSV, text) to the library and the index.
    Add {
        /// The files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Title (default: the first heading).
        #[arg(long)]
        title: Option<String>,
        /// Publisher (default: a ministry or agency named near the title).
        #[arg(long)]
        publisher: Option<String>,
        /// Date, YYYY, YYYY-MM or YYYY-MM-DD (default: read from the content).
        #[arg(long)]
        date: Option<String>,
        /// Kind: budget_overview, budget_request, policy_evaluation, strategy_excerpts,
        /// plan_status or other (default: recognised from the structure).
        #[arg(long)]
        kind: Option<String>,
    },
    /// Remove an added document from the library and the index.
    Remove {
        /// Document id (see `documents`).
        id: String,
    },
    /// List the documents: seeds and library.
    Documents,
    /// Serve the Model Context Protocol over stdin/stdout (logs go to stderr), building the
    /// index first when it is missing or stale.
    Mcp,
    /// Search from the terminal and print hits with their citations.
    Search {
        /// What to search for.
        query: String,
        /// How many hits.
        #[arg(long, default_value_t = 5)]
        limit: usize,
        /// Only this seed file.
        #[arg(long)]
        doc: Option<String>,
    },
    /// Print the extraction report: graph counts, gold scores, unparsed amounts.
    Report {
        /// Directory holding the gold `*.facts.jsonl` files.
        #[arg(long, default_value = "tests/fixtures/gold")]
        gold: PathBuf,
        /// Also list the gold facts that were not found.
        #[arg(long)]
        misses: bool,
    },
    /// Print one graph node with its properties, sources and edges.
    Node {
        /// Node id, e.g. `fund:革新的情報通信技術(Beyond5G(6G))基金`.
        id: String,
    },
    /// Write the index and graph for other systems: `opensearch` (an index template and
    /// `_bulk` files of the passages) or `neo4j` (`neo4j-admin database import` CSV files).
    Export {
        /// What to write for.
        target: ExportTarget,
        /// Output directory.
        dir: PathBuf,
    },
    /// Write a corpus N times the seeds (copy 0 as is, further copies with years, amounts and
    /// wording varied) into a directory that `--seeds` can point at, for scale benchmarks.
    ScaleCorpus {
        /// How many copies of the seeds.
        #[arg(long, default_value_t = 10)]
        times: usize,
        /// Output directory.
        out: PathBuf,
    },
    /// Score search relevance on gold queries (`*.queries.jsonl` in a directory).
    Eval {
        /// Directory holding the gold files.
        #[arg(long, default_value = "tests/fixtures/gold")]
        gold: PathBuf,
        /// Print every missed query with its references and top hits.
        #[arg(long)]
        verbose: bool,
    },
}

/// How often a server checks whether another process changed the library.
const LIBRARY_POLL: Duration = Duration::from_secs(1);

/// Systems `export` writes for.
#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum ExportTarget {
    /// OpenSearch: index template and `_bulk` NDJSON.
    Opensearch,
    /// Neo4j: `neo4j-admin database import` CSV files.
    Neo4j,
}

fn config(cli: &Cli) -> EngineConfig {
    let root = if PathBuf::from("seeds/manifest.toml").is_file() {
        PathBuf::from(".")
    } else {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
    };
    let mut config = EngineConfig::in_dir(root);
    if let Some(seeds) = &cli.seeds {
        config.seeds_dir = seeds.clone();
    }
    if let Some(index) = &cli.index {
        config.index_dir = index.clone();
        config.dictionary_dir = index.join("dictionary");
    }
    if let Some(dictionary) = &cli.dictionary {
        config.dictionary_dir = dictionary.clone();
    }
    if let Some(library) = &cli.library {
        config.library_dir = library.clone();
    }
    config
}

fn progress_bar() -> ProgressBar {
    let bar = ProgressBar::new(0);
    if let Ok(style) =
        ProgressStyle::with_template("{spinner} indexing [{bar:40}] {pos}/{len} {elapsed}")
    {
        bar.set_style(style.progress_chars("=> "));
    }
    bar
}

/// mimalloc serves the build's and the server's many small allocations (tokens, cells,
/// drafts) faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "info,tantivy=warn".into()),
        )
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();
    let cli = Cli::parse();
    let config = config(&cli);
    match &cli.command {
        Command::Build => {
            let engine = Engine::build(&config, &progress_bar()).context("build failed")?;
            println!(
                "built {} passages and {} nodes in {} ms into {}",
                engine.meta.passages,
                engine.meta.nodes,
                engine.meta.build_ms,
                config.index_dir.display()
            );
        }
        Command::Serve {
            addr,
            allowed_host,
            log_dir,
            log_max_bytes,
            log_keep,
            log_client_address,
            admin_token,
        } => {
            let log = QuestionLogConfig {
                max_bytes: *log_max_bytes,
                keep: *log_keep,
                client_address: *log_client_address,
                ..QuestionLogConfig::in_dir(
                    log_dir
                        .clone()
                        .unwrap_or_else(|| config.project_root.join("logs")),
                )
            };
            let state = AppState::new(
                Engine::open_or_build(&config, &progress_bar())
                    .context("cannot prepare the index")?,
                config,
            )
            .with_admin_token(admin_token.clone())
            .with_intake_options(intake_options(&cli));
            serve(state, addr, allowed_host, log)?
        }
        Command::Add {
            files,
            title,
            publisher,
            date,
            kind,
        } => {
            let overrides = Overrides {
                title: title.clone(),
                publisher: publisher.clone(),
                date: date.clone(),
                kind: kind.clone(),
            };
            add_files(&config, files, &overrides, &intake_options(&cli))?
        }
        Command::Remove { id } => {
            let engine =
                Engine::open_or_build(&config, &progress_bar()).context("cannot open the index")?;
            let (_, removed) = documents::remove_document(&config, &engine, id)?;
            println!("removed {} ({})", removed.id, removed.title);
        }
        Command::Documents => {
            let engine =
                Engine::open_or_build(&config, &progress_bar()).context("cannot open the index")?;
            print_documents(&engine);
        }
        Command::Mcp => serve_mcp(config)?,
        Command::Report { gold, misses } => {
            let corpus = seisaku::corpus::Corpus::load(&config.seeds_dir)?;
            let vocab = seisaku::vocab::Vocabulary::load(
                &config.seeds_dir.join(seisaku::engine::VOCABULARY_FILE),
            )?;
            let gold_dir = gold.is_dir().then_some(gold.as_path());
            let report = seisaku::eval::report::extraction_report(&corpus, &vocab, gold_dir)?;
            print!("{report}");
            if let (true, Some(scores)) = (*misses, &report.scores) {
                print!("{}", scores.misses_report(usize::MAX));
            }
        }
        Command::Node { id } => {
            let engine =
                Engine::open_or_build(&config, &progress_bar()).context("cannot open the index")?;
            print_node(&engine, id)?;
        }
        Command::Export { target, dir } => {
            let engine =
                Engine::open_or_build(&config, &progress_bar()).context("cannot open the index")?;
            match target {
                ExportTarget::Opensearch => {
                    let written = seisaku::export::opensearch::write(&engine, dir)?;
                    println!(
                        "{} passages in {} bulk files and {} in {}",
                        written.passages,
                        written.bulk_files.len(),
                        seisaku::export::opensearch::TEMPLATE_FILE,
                        dir.display()
                    );
                }
                ExportTarget::Neo4j => {
                    let written = seisaku::export::neo4j::write(&engine.graph, dir)?;
                    let count =
                        |files: &[(String, usize)]| files.iter().map(|f| f.1).sum::<usize>();
                    println!(
                        "{} nodes in {} files, {} relationships in {} files, and import.sh in {}",
                        count(&written.node_files),
                        written.node_files.len(),
                        count(&written.relationship_files),
                        written.relationship_files.len(),
                        dir.display()
                    );
                }
            }
        }
        Command::ScaleCorpus { times, out } => {
            let generated = seisaku::synthetic::generate(&config.seeds_dir, out, *times)?;
            println!(
                "{} documents, {:.1} MB in {}",
                generated.documents,
                generated.bytes as f64 / 1e6,
                out.display()
            );
        }
        Command::Eval { gold, verbose } => {
            let engine =
                Engine::open_or_build(&config, &progress_bar()).context("cannot open the index")?;
            eval_relevance(&engine, gold, *verbose)?;
        }
        Command::Search { query, limit, doc } => {
            let engine =
                Engine::open_or_build(&config, &progress_bar()).context("cannot open the index")?;
            let request = SearchRequest {
                q: query.clone(),
                limit: *limit,
                offset: 0,
                doc: doc.clone(),
                node_types: Vec::new(),
                passages: true,
                expansion_terms: Vec::new(),
            };
            let outcome = engine.search(&request)?;
            for expansion in &outcome.expansions {
                println!(
                    "also searching {} for {:?}",
                    expansion.terms.join(", "),
                    expansion.matched
                );
            }
            let page = outcome.page;
            println!("{} hits for {query:?}\n", page.total);
            for (rank, hit) in page.hits.iter().enumerate() {
                println!(
                    "{}. [{}:{}-{}] {}  (score {:.2})",
                    rank + 1,
                    hit.doc,
                    hit.line_start,
                    hit.line_end,
                    hit.doc_title,
                    hit.score
                );
                if !hit.heading.is_empty() {
                    println!("   {}", hit.heading.join(" › "));
                }
                let plain = hit
                    .snippet
                    .replace("<mark>", "\x1b[1;33m")
                    .replace("</mark>", "\x1b[0m")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&#39;", "'")
                    .replace("&amp;", "&");
                println!("   {}\n", plain.replace('\n', " "));
            }
        }
    }
    Ok(())
}

fn print_node(engine: &Engine, id: &str) -> anyhow::Result<()> {
    let Some(node) = engine.graph.node(id) else {
        anyhow::bail!("no node {id:?}; find ids with `search` or GET /nodes?q=…");
    };
    println!("{} [{}] {}", node.id, node.node_type, node.name);
    if !node.aliases.is_empty() {
        println!("  aliases: {}", node.aliases.join(" / "));
    }
    for (key, value) in &node.props {
        println!("  {key}: {value}");
    }
    for source in &node.sources {
        println!(
            "  source {}:{}-{}  {}",
            source.doc,
            source.line_start,
            source.line_end,
            source.quote.replace('\n', " ")
        );
    }
    for (direction, edge) in engine.graph.edges_of(id) {
        let (arrow, other) = match direction {
            seisaku::graph::EdgeDirection::Out => ("->", &edge.to),
            seisaku::graph::EdgeDirection::In => ("<-", &edge.from),
        };
        let other_name = engine
            .graph
            .node(other)
            .map(|n| n.name.as_str())
            .unwrap_or("");
        println!("  {arrow} {} {other} ({other_name})", edge.rel);
        for source in edge.sources.iter().take(2) {
            println!(
                "       cites {}:{}-{}  {}",
                source.doc,
                source.line_start,
                source.line_end,
                source.quote.replace('\n', " ")
            );
        }
    }
    Ok(())
}

fn eval_relevance(engine: &Engine, gold: &std::path::Path, verbose: bool) -> anyhow::Result<()> {
    use seisaku::eval::queries::{evaluate, load_queries, rank_with, score_query};
    let queries = load_queries(gold)?;
    let mut rank = |q: &str| rank_with(engine, q);
    let report = evaluate(&queries, &mut rank);
    println!("search relevance: {report}");
    let asked = seisaku::eval::ask::evaluate_ask(engine, &queries);
    println!("{asked}");
    if verbose {
        println!("ask misses: {:?}", asked.misses);
    }
    if verbose {
        for query in &queries {
            let hits = rank(&query.q);
            let score = score_query(&hits, &query.relevant);
            if score.first_relevant.is_some_and(|r| r <= 1) {
                continue;
            }
            println!(
                "\n[{}] {} -> first relevant {:?}",
                query.intent, query.q, score.first_relevant
            );
            for reference in &query.relevant {
                println!(
                    "   want {}:{} {}",
                    reference.doc, reference.line, reference.quote
                );
            }
            for hit in hits.iter().take(3) {
                let text: String = hit.text.chars().take(70).collect();
                println!(
                    "   got  {}:{}-{} {}",
                    hit.doc,
                    hit.line_start,
                    hit.line_end,
                    text.replace('\n', " ")
                );
            }
        }
    }
    Ok(())
}

fn intake_options(cli: &Cli) -> IntakeOptions {
    IntakeOptions {
        max_bytes: cli.max_document_bytes,
        convert: seisaku::ingest::ConvertOptions {
            timeout: Duration::from_secs(cli.convert_timeout_secs),
            ..Default::default()
        },
    }
}

fn add_files(
    config: &EngineConfig,
    files: &[PathBuf],
    overrides: &Overrides,
    options: &IntakeOptions,
) -> anyhow::Result<()> {
    let mut engine =
        Engine::open_or_build(config, &progress_bar()).context("cannot open the index")?;
    let mut failed = 0;
    for file in files {
        let started = std::time::Instant::now();
        let bytes =
            std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
        let incoming = Incoming {
            bytes,
            content_type: None,
            filename: file.file_name().map(|n| n.to_string_lossy().to_string()),
            overrides: overrides.clone(),
        };
        match documents::add_document(config, &engine, incoming, options) {
            Ok((next, summary)) => {
                engine = next;
                println!(
                    "added {} — {} ({}, {} lines, {} passages, {} nodes) in {} ms",
                    summary.id,
                    summary.title,
                    summary.format.as_str(),
                    summary.lines,
                    summary.passages,
                    summary.nodes,
                    started.elapsed().as_millis()
                );
            }
            Err(error) => {
                failed += 1;
                eprintln!("{}: {error}", file.display());
            }
        }
    }
    if failed > 0 {
        anyhow::bail!("{failed} of {} files were not added", files.len());
    }
    Ok(())
}

fn print_documents(engine: &Engine) {
    for document in documents::summaries(engine) {
        let source = match document.source {
            documents::DocumentSource::Seed => "seed",
            documents::DocumentSource::Library => "library",
        };
        println!(
            "{}\t{source}\t{}\t{}\t{}\t{}\t{} lines\t{} passages\t{} nodes",
            document.id,
            document.format.as_str(),
            document.kind.as_str(),
            document.date,
            document.title,
            document.lines,
            document.passages,
            document.nodes
        );
    }
}

fn serve(
    state: AppState,
    addr: &str,
    allowed_hosts: &[String],
    log_config: QuestionLogConfig,
) -> anyhow::Result<()> {
    let log_dir = log_config.dir.clone();
    let question_log = match QuestionLog::open(log_config) {
        Ok(log) => {
            tracing::info!(dir = %log_dir.display(), "recording questions");
            log
        }
        Err(error) => {
            tracing::warn!(%error, "serving without a question log");
            QuestionLog::disabled()
        }
    };
    let runtime = tokio::runtime::Runtime::new()?;
    let state = state.with_question_log(question_log.clone());
    let served = runtime.block_on(async move {
        state.watch_library(LIBRARY_POLL);
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .with_context(|| format!("cannot listen on {addr}"))?;
        tracing::info!(addr = %listener.local_addr()?, "serving");
        let app = api::app_with_allowed_hosts(state, allowed_hosts)
            .into_make_service_with_connect_info::<SocketAddr>();
        axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = tokio::signal::ctrl_c().await;
            })
            .await?;
        anyhow::Ok(())
    });
    if !question_log.close(Duration::from_secs(5)) {
        tracing::warn!("the question log did not finish writing before shutdown");
    }
    served
}

fn serve_mcp(config: EngineConfig) -> anyhow::Result<()> {
    let engine =
        Engine::open_or_build(&config, &progress_bar()).context("cannot prepare the index")?;
    let runtime = tokio::runtime::Runtime::new()?;
    let served = runtime.block_on(async move {
        tracing::info!(
            passages = engine.meta.passages,
            nodes = engine.meta.nodes,
            "serving MCP over stdio"
        );
        seisaku::mcp::serve_stdio(AppState::new(engine, config)).await
    });
    // A read of stdin left pending must not keep the process alive once the client is gone.
    runtime.shutdown_timeout(std::time::Duration::from_secs(1));
    served?;
    Ok(())
}
