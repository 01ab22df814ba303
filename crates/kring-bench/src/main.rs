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
    match Cli::parse().command {
        Command::Store {
            cards,
            runs,
            work,
            keep,
            json,
        } => {
            let work = work.unwrap_or_else(|| default_work(&format!("store-{cards}")));
            let result = run_store(&work, cards, runs);
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
        "kring-insert-rows" => store_phases::kring_insert_rows(&files),
        "kring-search" => store_phases::kring_search(&files, runs),
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

fn run_store(work: &Path, cards: usize, runs: usize) -> Result<serde_json::Value> {
    fresh_folder(work)?;
    eprintln!("store benchmark at {cards} cards in {}", work.display());
    let sized = ["--cards".to_owned(), cards.to_string()];
    let timed_runs = ["--runs".to_owned(), runs.to_string()];
    let mut figures = serde_json::json!({
        "cards": cards,
        "runs_per_query": runs,
        "machine": report::machine(),
    });
    figures["kring_generate"] = child("kring-generate", work, &sized)?;
    figures["extract"] = child("extract", work, &[])?;
    figures["sqlite_insert"] = child("sqlite-insert", work, &[])?;
    figures["kring_insert_rows"] = child("kring-insert-rows", work, &[])?;
    figures["kring_search"] = child("kring-search", work, &timed_runs)?;
    figures["sqlite_search"] = child("sqlite-search", work, &timed_runs)?;
    figures["kring_open_card"] = child("kring-open-card", work, &[])?;
    figures["sqlite_open_card"] = child("sqlite-open-card", work, &[])?;
    figures["kring_export"] = child("kring-export", work, &[])?;
    figures["sqlite_copy"] = child("sqlite-copy", work, &[])?;
    figures["kring_import"] = child("kring-import", work, &[])?;
    figures["machine_after"] = report::machine();
    Ok(figures)
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
