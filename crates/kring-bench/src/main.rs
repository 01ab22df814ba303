//! `kring-bench`: Kring's sled store side by side with SQLite and Automerge, on the same data, on
//! the same machine, in the same run (issue 8, "Proof of speed").
//!
//! ```text
//! kring-bench store --cards 100000 [--runs 50] [--json FILE]   # sled against SQLite
//! kring-bench merge --networkers 50 [--json FILE]              # Kring's merge against Automerge
//! ```
//!
//! Each phase runs in a child process of its own (`kring-bench phase NAME …`), so the peak memory
//! it reports (`VmHWM` from /proc/self/status) is that phase's alone. The parent prints a markdown
//! report with times and ratios. `scripts/bench.sh` builds the release binary and runs both.

// The allocator the `kring` binary and the app use: sled allocates and frees a great deal, and
// the figures should be what a user gets.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

mod dataset;
mod measure;
mod merge;
mod report;
mod sqlite_store;
mod store_phases;

use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand};
use std::path::{Path, PathBuf};
use std::process::{Command as Process, Stdio};

#[derive(Parser)]
#[command(
    name = "kring-bench",
    about = "Kring's store against SQLite and Automerge, same data, same run"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Bulk insert, search, open a card, export, import and size on disk: Kring (sled) against
    /// SQLite, on `kring demo --cards N`'s network.
    Store {
        #[arg(long, default_value_t = 1_000)]
        cards: usize,
        /// Timed runs per search query (after 3 untimed).
        #[arg(long, default_value_t = 50)]
        runs: usize,
        /// Where the stores are built (emptied first; removed afterwards unless --keep).
        #[arg(long)]
        work: Option<PathBuf>,
        #[arg(long)]
        keep: bool,
        /// Also write the figures as JSON to this file.
        #[arg(long)]
        json: Option<PathBuf>,
    },
    /// Merging N networkers' exports: Kring's bundles and import against Automerge documents.
    Merge {
        #[arg(long, default_value_t = 50)]
        networkers: usize,
        /// New people each networker adds.
        #[arg(long, default_value_t = 300)]
        own: usize,
        /// People in the manager's master that every networker holds.
        #[arg(long, default_value_t = 500)]
        shared: usize,
        /// Shared people each networker edits (neighbours overlap: concurrent edits).
        #[arg(long, default_value_t = 20)]
        edits: usize,
        #[arg(long)]
        work: Option<PathBuf>,
        #[arg(long)]
        keep: bool,
        #[arg(long)]
        json: Option<PathBuf>,
    },
    /// One phase, run by the commands above in a child process.
    #[command(hide = true)]
    Phase {
        name: String,
        #[arg(long)]
        work: PathBuf,
        #[arg(long, default_value_t = 0)]
        cards: usize,
        #[arg(long, default_value_t = 50)]
        runs: usize,
        /// The merge workload, as JSON.
        #[arg(long)]
        workload: Option<String>,
    },
}

fn main() -> Result<()> {
    // As the `kring` binary and the app do, so that what is measured is what they use.
    kring_core::store::prefer_small_pages();
    match Cli::parse().command {
        Command::Store {
            cards,
            runs,
            work,
            keep,
            json,
        } => {
            let work = work.unwrap_or_else(|| default_work(&format!("store-{cards}")));
            let result = run_store(&work, cards, runs, json.as_deref());
            finish(&work, keep, result, json, report::store_markdown)
        }
        Command::Merge {
            networkers,
            own,
            shared,
            edits,
            work,
            keep,
            json,
        } => {
            let workload = merge::Workload {
                networkers,
                own,
                shared,
                edits,
            };
            let work = work.unwrap_or_else(|| default_work(&format!("merge-{networkers}")));
            let result = run_merge(&work, &workload);
            finish(&work, keep, result, json, report::merge_markdown)
        }
        Command::Phase {
            name,
            work,
            cards,
            runs,
            workload,
        } => {
            let figures = run_phase(&name, &work, cards, runs, workload.as_deref())?;
            println!("{figures}");
            Ok(())
        }
    }
}

fn default_work(name: &str) -> PathBuf {
    std::env::temp_dir().join("kring-bench").join(name)
}

/// Prints the report, writes the JSON, and removes the work folder (big stores) unless kept.
fn finish(
    work: &Path,
    keep: bool,
    result: Result<serde_json::Value>,
    json: Option<PathBuf>,
    markdown: fn(&serde_json::Value) -> String,
) -> Result<()> {
    if !keep {
        let _ = std::fs::remove_dir_all(work);
    }
    let figures = result?;
    print!("{}", markdown(&figures));
    if let Some(path) = json {
        std::fs::write(&path, serde_json::to_string_pretty(&figures)?)
            .with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(())
}

fn run_phase(
    name: &str,
    work: &Path,
    cards: usize,
    runs: usize,
    workload: Option<&str>,
) -> Result<serde_json::Value> {
    let files = store_phases::Files::in_folder(work);
    match name {
        "kring-generate" => store_phases::kring_generate(&files, cards),
        "kring-count" => store_phases::kring_count(&files),
        "extract" => store_phases::extract(&files),
        "sqlite-insert" => store_phases::sqlite_insert(&files),
        "sqlite-insert-streaming" => store_phases::sqlite_insert_streaming(&files),
        "kring-insert-rows" => store_phases::kring_insert_rows(&files),
        "kring-search" => store_phases::kring_search(&files, runs),
        "kring-first-search" => store_phases::kring_first_search(&files),
        "sqlite-search" => store_phases::sqlite_search(&files, runs),
        "kring-open-card" => store_phases::kring_open_card(&files),
        "sqlite-open-card" => store_phases::sqlite_open_card(&files),
        "kring-export" => store_phases::kring_export(&files),
        "sqlite-copy" => store_phases::sqlite_copy(&files),
        "kring-import" => store_phases::kring_import(&files),
        "merge-generate" => {
            let workload: merge::Workload =
                serde_json::from_str(workload.context("merge-generate needs --workload")?)?;
            merge::generate(work, &workload)
        }
        "kring-merge-in-memory" => merge::kring_in_memory(work),
        "kring-merge-import" => merge::kring_import(work),
        "automerge-merge" => merge::automerge_merge(work),
        other => bail!("no phase called {other}"),
    }
}

/// Runs one phase in a child process and returns the figures it printed.
fn child(name: &str, work: &Path, extra: &[String]) -> Result<serde_json::Value> {
    eprint!("  {name} … ");
    let started = std::time::Instant::now();
    let output = Process::new(std::env::current_exe()?)
        .args(["phase", name, "--work"])
        .arg(work)
        .args(extra)
        .stderr(Stdio::inherit())
        .output()
        .with_context(|| format!("starting the {name} phase"))?;
    if !output.status.success() {
        bail!("the {name} phase failed ({})", output.status);
    }
    eprintln!("{:.1} s", started.elapsed().as_secs_f64());
    let stdout = String::from_utf8_lossy(&output.stdout);
    let last = stdout.lines().last().unwrap_or_default();
    serde_json::from_str(last).with_context(|| format!("reading the {name} phase's figures"))
}

fn fresh_folder(work: &Path) -> Result<()> {
    let _ = std::fs::remove_dir_all(work);
    std::fs::create_dir_all(work).with_context(|| format!("creating {}", work.display()))
}

/// Above this size the rows are not held in memory: SQLite reads them from the file as it
/// inserts, and Kring's `create_many` of the same rows (the generator's twin) is left out.
const ROWS_IN_MEMORY_UP_TO: usize = 200_000;

fn run_store(
    work: &Path,
    cards: usize,
    runs: usize,
    json: Option<&Path>,
) -> Result<serde_json::Value> {
    fresh_folder(work)?;
    eprintln!("store benchmark at {cards} cards in {}", work.display());
    let sized = ["--cards".to_owned(), cards.to_string()];
    let timed_runs = ["--runs".to_owned(), runs.to_string()];
    let mut figures = serde_json::json!({
        "cards": cards,
        "runs_per_query": runs,
        "machine": report::machine(),
    });
    // Kring's phases first, SQLite's after: at a million cards the run takes hours, and what
    // finished is saved after every phase (`FILE.partial.json`), so a stopped run keeps it.
    let rows_in_memory = cards <= ROWS_IN_MEMORY_UP_TO;
    let mut phases: Vec<(&str, &str, &[String])> = vec![
        ("kring_generate", "kring-generate", &sized),
        ("kring_search", "kring-search", &timed_runs),
        ("kring_first_search", "kring-first-search", &[]),
        ("kring_open_card", "kring-open-card", &[]),
        ("kring_export", "kring-export", &[]),
        ("extract", "extract", &[]),
        ("kring_import", "kring-import", &[]),
    ];
    if rows_in_memory {
        phases.push(("sqlite_insert", "sqlite-insert", &[]));
        phases.push(("kring_insert_rows", "kring-insert-rows", &[]));
    } else {
        phases.push(("sqlite_insert", "sqlite-insert-streaming", &[]));
    }
    phases.extend([
        ("sqlite_search", "sqlite-search", &timed_runs[..]),
        ("sqlite_open_card", "sqlite-open-card", &[]),
        ("sqlite_copy", "sqlite-copy", &[]),
    ]);
    let partial = json.map(|path| path.with_extension("partial.json"));
    for (key, phase, extra) in phases {
        if phase == "kring-export" {
            // Graph analytics on the generated store, before the export phase edits it.
            if let Some(text) = graph_benchmark(work)? {
                figures["graph_benchmark"] = serde_json::Value::String(text);
            }
        }
        figures[key] = child(phase, work, extra)?;
        if phase == "extract" {
            // Nothing after reads the generated store, and at a million cards it holds about
            // 25 GB: the import that follows needs the room.
            let _ = std::fs::remove_dir_all(store_phases::Files::in_folder(work).kring_store);
        }
        figures["machine_after"] = report::machine();
        if let Some(partial) = &partial {
            std::fs::write(partial, serde_json::to_string_pretty(&figures)?)
                .with_context(|| format!("writing {}", partial.display()))?;
        }
    }
    Ok(figures)
}

/// Runs `graph_benchmark --store` (kring-core's example; `scripts/bench.sh` builds it and names
/// it in `KRING_GRAPH_BENCHMARK`) on the generated store under `/usr/bin/time -v`, and returns
/// what it printed with the peak memory line. Without the variable the step is skipped.
fn graph_benchmark(work: &Path) -> Result<Option<String>> {
    let Some(program) = std::env::var_os("KRING_GRAPH_BENCHMARK") else {
        return Ok(None);
    };
    eprint!("  graph-benchmark … ");
    let started = std::time::Instant::now();
    let output = Process::new("/usr/bin/time")
        .arg("-v")
        .arg(&program)
        .arg("--store")
        .arg(store_phases::Files::in_folder(work).kring_store)
        .output()
        .context("starting graph_benchmark under /usr/bin/time")?;
    if !output.status.success() {
        bail!(
            "graph_benchmark failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
    }
    eprintln!("{:.1} s", started.elapsed().as_secs_f64());
    let mut text = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr);
    for line in stderr.lines().filter(|line| {
        line.contains("Maximum resident set size") || line.contains("Elapsed (wall clock)")
    }) {
        text.push_str(line.trim());
        text.push('\n');
    }
    Ok(Some(text))
}

fn run_merge(work: &Path, workload: &merge::Workload) -> Result<serde_json::Value> {
    fresh_folder(work)?;
    eprintln!(
        "merge benchmark: {} networkers in {}",
        workload.networkers,
        work.display()
    );
    let described = ["--workload".to_owned(), serde_json::to_string(workload)?];
    let mut figures = serde_json::json!({
        "workload": workload,
        "machine": report::machine(),
    });
    figures["generate"] = child("merge-generate", work, &described)?;
    figures["kring_in_memory"] = child("kring-merge-in-memory", work, &[])?;
    figures["automerge"] = child("automerge-merge", work, &[])?;
    figures["kring_import"] = child("kring-merge-import", work, &[])?;
    figures["machine_after"] = report::machine();
    Ok(figures)
}
