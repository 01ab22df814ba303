//! `kring sync --folder DIR [--watch] [--json]`: sync through a shared folder (see
//! docs/sync-folder.md). One pass by default; with `--watch`, a pass whenever the folder changes
//! and every `--interval` seconds, until interrupted. A watch opens the store only for each pass
//! and closes it in between, so the desktop app can open the same store meanwhile (a pass that
//! finds the store in use waits for the next one).

use crate::language::language;
use anyhow::Result;
use chrono::Utc;
use clap::Args;
use kring_core::model::Role;
use kring_core::store::Store;
use kring_core::sync::folder::{
    FolderOptions, FolderWatcher, SyncFolder, SyncReport, SyncStatus, DEFAULT_STALE_DAYS,
};
use kring_i18n::t;
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
    // Skipped files' reasons in the language of the run; `--json`, for scripts, stays English
    // (its `code` says the same to a program).
    let speaking = if args.json {
        kring_i18n::Language::English
    } else {
        language()
    };
    let folder = SyncFolder::new(&args.folder)
        .with_options(FolderOptions {
            stale_after_days: args.stale_days,
            ..FolderOptions::default()
        })
        .speaking(speaking);
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
            "{}",
            t!(
                language(),
                "sync-watching",
                folder = args.folder.display().to_string(),
                notified = crate::output::yes_no(watcher.notifications()),
                seconds = interval.as_secs()
            )
        );
    }
    loop {
        let store = match open() {
            Ok(store) => store,
            // The app has the store open: the next pass tries again.
            Err(error) => {
                let words = crate::language::chain_words(&error, language());
                eprintln!("kring: {}", t!(language(), "sync-try-again", error = words));
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
                crate::terminal::strip_controls(&error.message(language()))
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
    let l = language();
    out!(
        "{}",
        t!(
            l,
            "sync-synced",
            folder = report.folder.display().to_string(),
            role = report.role.as_str(),
            node = report.node.to_string(),
            at = report.at.format("%Y-%m-%d %H:%M:%S UTC").to_string()
        )
    );
    if !report.imported.is_empty() {
        out!(
            "  {}",
            t!(
                l,
                "sync-imported",
                bundles = report.imported.len(),
                added = report.added,
                changed = report.changed,
                deleted = report.deleted,
                conflicts = report.new_conflicts
            )
        );
        for path in &report.imported {
            out!("    {}", path.display());
        }
    }
    if let Some(file) = &report.exported {
        out!(
            "  {}",
            t!(
                l,
                "sync-wrote",
                master = crate::output::yes_no(report.role == Role::Manager),
                path = file.path.display().to_string(),
                kind = format!("{:?}", file.kind),
                records = file.records,
                private = file.private_kept_back
            )
        );
    }
    for skipped in &report.skipped {
        out!(
            "  {}",
            t!(
                l,
                "sync-skipped",
                retried = crate::output::yes_no(skipped.retried),
                reason = crate::terminal::clean(&skipped.reason)
            )
        );
    }
    for held in &report.held {
        out!(
            "  {}",
            t!(
                l,
                "sync-waiting",
                author = crate::terminal::clean(&held.author),
                email = crate::terminal::clean(&held.email),
                fingerprint = held.fingerprint.as_str(),
                approve = held.fingerprint.replace(' ', "")
            )
        );
    }
    if report.refused_total > 0 {
        out!("  {}", t!(l, "sync-refused", count = report.refused_total));
    }
    if !report.pruned.is_empty() {
        out!("  {}", t!(l, "sync-pruned", count = report.pruned.len()));
    }
    if !report.did_something() && report.skipped.is_empty() {
        out!("  {}", t!(l, "sync-nothing-new"));
    }
    let stale: Vec<_> = status.stale_peers().collect();
    if report.role == Role::Manager && !stale.is_empty() {
        out!("{}", t!(l, "sync-stale"));
        for peer in stale {
            let since = match (peer.last_bundle_at, peer.days_since) {
                (Some(at), Some(days)) => t!(
                    l,
                    "sync-last-bundle",
                    day = at.format("%Y-%m-%d").to_string(),
                    days = days
                ),
                _ => t!(l, "sync-no-bundle-yet"),
            };
            out!(
                "  {}",
                t!(
                    l,
                    "sync-stale-peer",
                    name = peer.name.as_str(),
                    node = peer.node.to_string(),
                    since = since
                )
            );
        }
    }
    Ok(())
}
