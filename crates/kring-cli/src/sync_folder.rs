//! `kring sync --folder DIR [--watch] [--json]`: sync through a shared folder (see
//! docs/sync-folder.md). One pass by default; with `--watch`, a pass whenever the folder changes
//! and every `--interval` seconds, until interrupted. A watch opens the store only for each pass
//! and closes it in between, so the desktop app can open the same store meanwhile (a pass that
//! finds the store in use waits for the next one).

use anyhow::Result;
use chrono::Utc;
use clap::Args;
use kring_core::model::Role;
use kring_core::store::Store;
use kring_core::sync::folder::{
    FolderOptions, FolderWatcher, SyncFolder, SyncReport, SyncStatus, DEFAULT_STALE_DAYS,
};
use std::path::PathBuf;
use std::time::Duration;

#[derive(Args, Debug)]
pub struct SyncArgs {
    /// The shared folder (network drive, OneDrive, SharePoint, Nextcloud) to sync through.
    #[arg(long, value_name = "DIR")]
    pub folder: PathBuf,
    /// Keep running: a pass whenever the folder changes, and every --interval seconds.
    #[arg(long)]
    pub watch: bool,
    /// With --watch: seconds between passes when the folder stays quiet.
    #[arg(long, default_value_t = 300, value_name = "SECONDS")]
    pub interval: u64,
    /// Report networkers with no bundle for this many days.
    #[arg(long = "stale-days", default_value_t = DEFAULT_STALE_DAYS, value_name = "DAYS")]
    pub stale_days: u32,
    #[arg(long)]
    pub json: bool,
}

/// Runs one pass, or passes until interrupted with `--watch`; `open` opens the store.
pub fn run(open: impl Fn() -> Result<Store>, args: SyncArgs) -> Result<()> {
    let folder = SyncFolder::new(&args.folder).with_options(FolderOptions {
        stale_after_days: args.stale_days,
        ..FolderOptions::default()
    });
    if !args.watch {
        let store = open()?;
        let report = folder.sync_once(&store, Utc::now())?;
        let status = folder.status(&store, Utc::now())?;
        return print(&report, &status, args.json, false);
    }
    let interval = Duration::from_secs(args.interval.max(1));
    // Network drives send no change notifications: the fingerprint is polled at least this often.
    let mut watcher = FolderWatcher::new(&folder, interval.min(Duration::from_secs(10)));
    if !args.json {
        out!(
            "watching {} ({}); a pass every {} s when quiet; Ctrl+C to stop",
            args.folder.display(),
            if watcher.notifications() {
                "change notifications and polling"
            } else {
                "polling"
            },
            interval.as_secs()
        );
    }
    loop {
        let store = match open() {
            Ok(store) => store,
            // The app has the store open: the next pass tries again.
            Err(error) => {
                eprintln!("kring: {error}; trying again at the next pass");
                watcher.mark_seen();
                watcher.wait(interval);
                continue;
            }
        };
        match folder.sync_once(&store, Utc::now()) {
            Ok(report) => {
                let status = folder.status(&store, Utc::now())?;
                if report.did_something()
                    || !report.skipped.is_empty()
                    || !report.held.is_empty()
                    || args.json
                {
                    print(&report, &status, args.json, true)?;
                }
            }
            // The folder went away (laptop offline, drive unmounted): say so and keep waiting.
            Err(error) => eprintln!(
                "kring: {}",
                crate::terminal::strip_controls(&error.to_string())
            ),
        }
        drop(store);
        watcher.mark_seen();
        watcher.wait(interval);
    }
}

fn print(report: &SyncReport, status: &SyncStatus, json: bool, one_line: bool) -> Result<()> {
    if json {
        let mut value = serde_json::to_value(report)?;
        if let Some(object) = value.as_object_mut() {
            object.insert("peers".into(), serde_json::to_value(&status.peers)?);
        }
        let text = if one_line {
            serde_json::to_string(&value)?
        } else {
            serde_json::to_string_pretty(&value)?
        };
        let text = crate::terminal::escape_json_controls(&text);
        out!("{text}");
        return Ok(());
    }
    let role = match report.role {
        Role::Manager => "manager",
        Role::Networker => "networker",
    };
    out!(
        "synced with {} as {role} (node {}) at {}",
        report.folder.display(),
        report.node,
        report.at.format("%Y-%m-%d %H:%M:%S UTC")
    );
    if !report.imported.is_empty() {
        out!(
            "  imported {} bundle(s): {} added, {} changed, {} deleted, {} new conflicts",
            report.imported.len(),
            report.added,
            report.changed,
            report.deleted,
            report.new_conflicts
        );
        for path in &report.imported {
            out!("    {}", path.display());
        }
    }
    if let Some(file) = &report.exported {
        let what = match report.role {
            Role::Manager => "master",
            Role::Networker => "delta",
        };
        out!(
            "  wrote {what} {} ({:?}): {} records, {} private kept back",
            file.path.display(),
            file.kind,
            file.records,
            file.private_kept_back
        );
    }
    for skipped in &report.skipped {
        let when = if skipped.retried {
            "tried again next time"
        } else {
            "needs you"
        };
        out!(
            "  skipped ({when}): {}",
            crate::terminal::clean(&skipped.reason)
        );
    }
    for held in &report.held {
        out!(
            "  waiting for approval: {} <{}> (fingerprint {}): kring approve {}",
            crate::terminal::clean(&held.author),
            crate::terminal::clean(&held.email),
            held.fingerprint,
            held.fingerprint.replace(' ', "")
        );
    }
    if report.refused_total > 0 {
        out!(
            "  refused {} write(s) their writers had no right to (kring sync --json lists them)",
            report.refused_total
        );
    }
    if !report.pruned.is_empty() {
        out!(
            "  pruned {} old bundle(s) of this store that were acknowledged or superseded",
            report.pruned.len()
        );
    }
    if !report.did_something() && report.skipped.is_empty() {
        out!("  nothing new");
    }
    let stale: Vec<_> = status.stale_peers().collect();
    if report.role == Role::Manager && !stale.is_empty() {
        out!("not synced for a long time:");
        for peer in stale {
            let since = match (peer.last_bundle_at, peer.days_since) {
                (Some(at), Some(days)) => {
                    format!("last bundle {} ({days} days ago)", at.format("%Y-%m-%d"))
                }
                _ => "no bundle yet".into(),
            };
            out!("  {} (node {}): {since}", peer.name, peer.node);
        }
    }
    Ok(())
}
