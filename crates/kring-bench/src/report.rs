//! The markdown report: one table per benchmark with Kring's figure, the other system's, and the
//! ratio Kring ÷ other (below 1 means Kring is faster or smaller), plus where the comparison is
//! not like for like.

use serde_json::Value;
use std::fmt::Write;

/// What the machine was doing: cores, processor, load average (the machine is shared).
pub fn machine() -> Value {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_owned())
        })
        .unwrap_or_default();
    let load = std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default();
    let memory_gb = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|m| {
            m.lines()
                .next()
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0 / 1024.0);
    serde_json::json!({
        "cores": std::thread::available_parallelism().map_or(0, |n| n.get()),
        "cpu": cpu,
        "memory_gb": (memory_gb * 10.0).round() / 10.0,
        "load_average": load,
        "at": chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
    })
}

fn number(value: &Value) -> Option<f64> {
    value.as_f64()
}

/// Three significant figures, thousands separated: 0.0123, 1.23, 123, 12,300.
fn sig(value: f64) -> String {
    if value == 0.0 {
        return "0".into();
    }
    let magnitude = value.abs().log10().floor() as i32;
    let decimals = (2 - magnitude).max(0) as usize;
    let text = format!("{value:.decimals$}");
    let (whole, fraction) = text.split_once('.').unwrap_or((&text, ""));
    let mut grouped = String::new();
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 && digit != '-' {
            grouped.push(',');
        }
        grouped.push(digit);
    }
    if fraction.is_empty() {
        grouped
    } else {
        format!("{grouped}.{fraction}")
    }
}

fn seconds(value: &Value) -> String {
    number(value).map_or("—".into(), |s| {
        if s < 1.0 {
            format!("{} ms", sig(s * 1e3))
        } else {
            format!("{} s", sig(s))
        }
    })
}

fn megabytes(bytes: &Value) -> String {
    number(bytes).map_or("—".into(), |b| {
        if b < 1e6 {
            format!("{} KB", sig(b / 1e3))
        } else {
            format!("{} MB", sig(b / 1e6))
        }
    })
}

fn mb(value: &Value) -> String {
    number(value).map_or("—".into(), |m| format!("{} MB", sig(m)))
}

fn ratio(kring: &Value, other: &Value) -> String {
    match (number(kring), number(other)) {
        (Some(k), Some(o)) if o > 0.0 => format!("{}×", sig(k / o)),
        _ => "—".into(),
    }
}

fn latency(value: &Value) -> String {
    match (number(&value["median_ms"]), number(&value["p95_ms"])) {
        (Some(median), Some(p95)) => format!("{} / {} ms", sig(median), sig(p95)),
        _ => "—".into(),
    }
}

fn count(value: &Value) -> String {
    number(value).map_or("—".into(), |n| {
        let whole = format!("{}", n.round() as i64);
        let mut grouped = String::new();
        for (i, digit) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(digit);
        }
        grouped
    })
}

fn machine_line(figures: &Value) -> String {
    let m = &figures["machine"];
    format!(
        "{} cores ({}), {} GB; load average {} at the start, {} at the end; {}",
        m["cores"],
        m["cpu"].as_str().unwrap_or("?"),
        m["memory_gb"],
        m["load_average"].as_str().unwrap_or("?"),
        figures["machine_after"]["load_average"]
            .as_str()
            .unwrap_or("?"),
        m["at"].as_str().unwrap_or("")
    )
}

/// The sled-against-SQLite report at one size.
pub fn store_markdown(f: &Value) -> String {
    let mut out = String::new();
    let generate = &f["kring_generate"];
    let insert = &f["sqlite_insert"];
    let records = &generate["records"];
    let _ = writeln!(
        out,
        "### {} cards: Kring (sled) ÷ SQLite\n\n{}\n",
        count(&f["cards"]),
        machine_line(f)
    );
    let _ = writeln!(
        out,
        "{} records ({} live rows given to SQLite). Latencies are median / p95; ratios are Kring ÷ SQLite on the median (below 1: Kring is faster or smaller).\n",
        count(records),
        count(&f["extract"]["rows"])
    );
    out.push_str(
        "| operation | Kring (sled) | SQLite | Kring ÷ SQLite |\n| --- | --- | --- | --- |\n",
    );
    let mut row = |name: &str, kring: String, sqlite: String, r: String| {
        let _ = writeln!(out, "| {name} | {kring} | {sqlite} | {r} |");
    };
    row(
        "bulk insert (Kring: `kring demo` generator; SQLite: the same rows, one transaction, FTS filled, checkpointed)",
        seconds(&generate["seconds"]),
        seconds(&insert["seconds"]),
        ratio(&generate["seconds"], &insert["seconds"]),
    );
    if insert["streamed"].as_bool() == Some(true) {
        row(
            "of which SQLite reading its rows from the JSON-lines file (too many to hold in memory at this size)",
            "—".into(),
            seconds(&insert["reading_rows_seconds"]),
            "—".into(),
        );
    }
    let rows_insert = &f["kring_insert_rows"];
    row(
        "bulk insert of the same rows (Kring: `create_many`, batches of 4,000; SQLite as above)",
        seconds(&rows_insert["seconds"]),
        seconds(&insert["seconds"]),
        ratio(&rows_insert["seconds"], &insert["seconds"]),
    );
    row(
        "size on disk",
        megabytes(&generate["bytes_on_disk"]),
        megabytes(&insert["bytes_on_disk"]),
        ratio(&generate["bytes_on_disk"], &insert["bytes_on_disk"]),
    );
    row(
        &format!(
            "peak memory, bulk insert of the same rows (both include the {} of rows held in memory)",
            mb(&insert["rows_in_memory_mb"])
        ),
        mb(&rows_insert["peak_rss_mb"]),
        mb(&insert["peak_rss_mb"]),
        ratio(&rows_insert["peak_rss_mb"], &insert["peak_rss_mb"]),
    );
    row(
        "peak memory, the demo generator",
        mb(&generate["peak_rss_mb"]),
        "—".into(),
        "—".into(),
    );
    let kring_queries = &f["kring_search"]["queries"];
    let sqlite_queries = &f["sqlite_search"]["queries"];
    let no_queries = Vec::new();
    let queries = kring_queries.as_array().unwrap_or(&no_queries);
    {
        for (index, kring) in queries.iter().enumerate() {
            let label = kring["label"].as_str().unwrap_or("");
            let sqlite = &sqlite_queries[index]["fts5"];
            row(
                &format!(
                    "search `{}` ({label}), Kring (term file)",
                    kring["query"].as_str().unwrap_or("")
                ),
                latency(&kring["term_file"]),
                latency(sqlite),
                ratio(&kring["term_file"]["median_ms"], &sqlite["median_ms"]),
            );
        }
    }
    row(
        "load the search index into memory (the app, once at start-up)",
        seconds(&f["kring_search"]["load_index_seconds"]),
        "not needed".into(),
        "—".into(),
    );
    row(
        "open a card (1,000 random people and organisations)",
        latency(&f["kring_open_card"]["latency"]),
        latency(&f["sqlite_open_card"]["latency"]),
        ratio(
            &f["kring_open_card"]["latency"]["median_ms"],
            &f["sqlite_open_card"]["latency"]["median_ms"],
        ),
    );
    let export = &f["kring_export"];
    row(
        "full export (Kring: signed bundle; SQLite: `VACUUM INTO`, not like for like)",
        format!(
            "{} ({}, {} records)",
            seconds(&export["full_seconds"]),
            megabytes(&export["full_bytes"]),
            count(&export["full_records"])
        ),
        format!(
            "{} ({})",
            seconds(&f["sqlite_copy"]["seconds"]),
            megabytes(&f["sqlite_copy"]["bytes"])
        ),
        ratio(&export["full_seconds"], &f["sqlite_copy"]["seconds"]),
    );
    row(
        "delta export after 10 edits",
        format!(
            "{} ({}, {} records)",
            seconds(&export["delta_seconds"]),
            megabytes(&export["delta_bytes"]),
            count(&export["delta_records"])
        ),
        "no counterpart".into(),
        "—".into(),
    );
    let import = &f["kring_import"];
    row(
        "import the full export into a fresh store",
        format!(
            "{} ({} records, {} on disk)",
            seconds(&import["seconds"]),
            count(&import["records_read"]),
            megabytes(&import["bytes_on_disk"])
        ),
        "no counterpart".into(),
        "—".into(),
    );
    row(
        "peak memory: search / open a card",
        format!(
            "{} / {}",
            mb(&f["kring_search"]["peak_rss_mb"]),
            mb(&f["kring_open_card"]["peak_rss_mb"])
        ),
        format!(
            "{} / {}",
            mb(&f["sqlite_search"]["peak_rss_mb"]),
            mb(&f["sqlite_open_card"]["peak_rss_mb"])
        ),
        ratio(
            &f["kring_search"]["peak_rss_mb"],
            &f["sqlite_search"]["peak_rss_mb"],
        ),
    );
    row(
        "peak memory: full export / import",
        format!(
            "{} / {}",
            mb(&export["full_peak_rss_mb"]),
            mb(&import["peak_rss_mb"])
        ),
        format!("{} (`VACUUM INTO`)", mb(&f["sqlite_copy"]["peak_rss_mb"])),
        "—".into(),
    );
    out.push_str("\nCards matching each query (all words as prefixes) and the first hit (the rankings differ: Kring's score against BM25):\n\n| query | Kring | SQLite FTS5 | Kring's first hit | SQLite's first hit |\n| --- | --- | --- | --- | --- |\n");
    {
        for (index, kring) in queries.iter().enumerate() {
            let sqlite = &sqlite_queries[index];
            let _ = writeln!(
                out,
                "| `{}` | {} | {} | {} | {} |",
                kring["query"].as_str().unwrap_or(""),
                count(&kring["matches"]),
                count(&sqlite["matches"]),
                kring["top_hit"].as_str().unwrap_or("—"),
                sqlite["top_hit"].as_str().unwrap_or("—")
            );
        }
    }
    out.push('\n');
    if let Some(text) = f["graph_benchmark"].as_str() {
        let _ = writeln!(
            out,
            "Graph analytics on the generated store (`graph_benchmark --store`, under `/usr/bin/time -v`):\n\n```text\n{}```\n",
            text
        );
    }
    out
}

/// The Kring-against-Automerge merge report.
pub fn merge_markdown(f: &Value) -> String {
    let mut out = String::new();
    let w = &f["workload"];
    let _ = writeln!(
        out,
        "### Merging {} networkers' exports: Kring ÷ Automerge\n\n{}\n",
        w["networkers"],
        machine_line(f)
    );
    let _ = writeln!(
        out,
        "Each networker holds the manager's {} shared people, adds {} people with a relationship and 1–5 interactions each, and edits {} shared people (neighbours overlap: concurrent edits). Ratios are Kring ÷ Automerge (below 1: Kring is faster or smaller).\n",
        w["shared"], w["own"], w["edits"]
    );
    let (kring_memory, automerge, kring_import, generate) = (
        &f["kring_in_memory"],
        &f["automerge"],
        &f["kring_import"],
        &f["generate"],
    );
    out.push_str("| | Kring | Automerge | Kring ÷ Automerge |\n| --- | --- | --- | --- |\n");
    let mut row = |name: &str, kring: String, other: String, r: String| {
        let _ = writeln!(out, "| {name} | {kring} | {other} | {r} |");
    };
    row(
        "exports to merge (bytes)",
        megabytes(&generate["kring_bundle_bytes"]),
        megabytes(&generate["automerge_doc_bytes"]),
        ratio(
            &generate["kring_bundle_bytes"],
            &generate["automerge_doc_bytes"],
        ),
    );
    row(
        "merge in memory (Kring: read, verify, join records; Automerge: `load_incremental` each)",
        seconds(&kring_memory["seconds"]),
        seconds(&automerge["merge_seconds"]),
        ratio(&kring_memory["seconds"], &automerge["merge_seconds"]),
    );
    row(
        "peak memory, merge in memory",
        mb(&kring_memory["peak_rss_mb"]),
        mb(&automerge["peak_rss_mb"]),
        ratio(&kring_memory["peak_rss_mb"], &automerge["peak_rss_mb"]),
    );
    row(
        "merge and keep it (Kring: `import_bundles` into a store: journal, backup, indexes, search; Automerge: merge, then `save` and fsync one file)",
        seconds(&kring_import["seconds"]),
        seconds(&automerge["seconds"]),
        ratio(&kring_import["seconds"], &automerge["seconds"]),
    );
    row(
        "peak memory, merge and keep it",
        mb(&kring_import["peak_rss_mb"]),
        mb(&automerge["peak_rss_mb"]),
        ratio(&kring_import["peak_rss_mb"], &automerge["peak_rss_mb"]),
    );
    row(
        "result on disk (Kring: the store folder; Automerge: the saved document)",
        megabytes(&kring_import["bytes_on_disk"]),
        megabytes(&automerge["bytes_on_disk"]),
        ratio(&kring_import["bytes_on_disk"], &automerge["bytes_on_disk"]),
    );
    row(
        "records after the merge",
        format!(
            "{} (in memory) / {} (store, with the manager's own card)",
            count(&kring_memory["records"]),
            count(&kring_import["records"])
        ),
        count(&automerge["records"]),
        "—".into(),
    );
    row(
        "fields holding concurrent different values",
        count(&kring_memory["fields_in_conflict"]),
        count(&automerge["fields_in_conflict"]),
        "—".into(),
    );
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_keep_three_significant_digits_and_group_thousands() {
        assert_eq!(sig(0.012345), "0.0123");
        assert_eq!(sig(1.2345), "1.23");
        assert_eq!(sig(123.45), "123");
        assert_eq!(sig(12_345.0), "12,345");
        assert_eq!(sig(1_234_567.0), "1,234,567");
    }

    #[test]
    fn a_ratio_needs_both_figures() {
        assert_eq!(
            ratio(&serde_json::json!(3.0), &serde_json::json!(1.5)),
            "2.00×"
        );
        assert_eq!(ratio(&serde_json::json!(3.0), &Value::Null), "—");
    }

    #[test]
    fn counts_are_whole_and_grouped() {
        assert_eq!(count(&serde_json::json!(68.0)), "68");
        assert_eq!(count(&serde_json::json!(875_330)), "875,330");
    }
}
