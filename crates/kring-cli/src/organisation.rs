//! `kring invite`, `kring join`, `kring members`, `kring approve` and `kring trust`: who belongs
//! to the organisation (see `kring_core::trust`).

use crate::output::{clean, print_json};
use anyhow::{Context, Result};
use chrono::{DateTime, Utc};
use clap::Args;
use kring_core::model::Role;
use kring_core::store::Store;
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct InviteArgs {
    /// Where to write the invitation (hand it over by mail, USB or the shared drive).
    #[arg(long, value_name = "FILE")]
    pub out: PathBuf,
    /// The role of the person invited: a networker, or a second Manager of the Network.
    #[arg(long, default_value = "networker", value_parser = crate::args::parse_enum::<Role>)]
    pub role: Role,
}

#[derive(Args, Debug)]
pub struct ApproveArgs {
    /// The store to approve: the start of its node id or of its fingerprint (see `kring members`).
    pub who: String,
    /// Enrol it in this role instead of the one it asked for (a manager's choice).
    #[arg(long, value_parser = crate::args::parse_enum::<Role>)]
    pub role: Option<Role>,
}

/// `kring invite`: an invitation file for a new member.
pub fn invite(store: &Store, args: InviteArgs, now: DateTime<Utc>) -> Result<()> {
    let invitation = store.invite(args.role, now)?;
    let text = serde_json::to_string_pretty(&invitation)?;
    kring_core::files::write_atomically(&args.out, text.as_bytes()).map_err(|e| {
        anyhow::anyhow!(
            "{}: {}",
            args.out.display(),
            kring_core::files::write_failure(&e)
        )
    })?;
    out!(
        "wrote an invitation for a {} to {} ({})",
        args.role,
        args.out.display(),
        invitation.organisation
    );
    out!(
        "the person it is for runs: kring join {}",
        args.out.display()
    );
    for manager in &invitation.managers {
        out!(
            "  manager {} <{}>, fingerprint {}",
            clean(&manager.name),
            clean(&manager.email),
            manager.fingerprint
        );
    }
    out!("approve their store when their first bundle arrives: kring members, then kring approve");
    Ok(())
}

/// `kring join FILE`: pins the organisation's managers.
pub fn join(store: &Store, file: PathBuf, now: DateTime<Utc>) -> Result<()> {
    let text = std::fs::read_to_string(&file)
        .with_context(|| format!("{}: cannot be read", file.display()))?;
    if text.len() > 1 << 20 {
        anyhow::bail!("{}: too large for an invitation", file.display());
    }
    let invitation: kring_core::trust::Invitation = serde_json::from_str(&text)
        .map_err(|e| anyhow::anyhow!("{}: not a Kring invitation ({e})", file.display()))?;
    let managers = store.join(&invitation, now)?;
    out!("joined organisation {}", invitation.organisation);
    out!("compare these fingerprints with the manager's own (by phone, or in person):");
    for manager in &managers {
        out!(
            "  {} <{}>  {}",
            clean(&manager.name),
            clean(&manager.email),
            manager.fingerprint
        );
    }
    let me = store.identity()?;
    out!(
        "your store's fingerprint, for the manager to approve: {}",
        me.fingerprint
    );
    Ok(())
}

/// `kring members`: the roster, pending approvals and this store.
pub fn members(store: &Store, json: bool) -> Result<()> {
    let members = store.members()?;
    if json {
        return print_json(&serde_json::to_value(&members)?);
    }
    if members.is_empty() {
        out!("No members: this store has not founded or joined an organisation.");
    }
    for member in &members {
        out!(
            "{:<9} {:<10} {}  {} <{}>  node {}{}",
            member.status,
            member.role.as_str(),
            member.fingerprint,
            clean(&member.name),
            clean(&member.email),
            member.node,
            if member.is_me { "  (this store)" } else { "" }
        );
        if let Some(reason) = &member.reason {
            out!("          {}", clean(reason));
        }
    }
    Ok(())
}

/// `kring approve WHO`: enrols (manager) or pins (networker) a pending store, and merges what was
/// held for it.
pub fn approve(store: &Store, args: ApproveArgs, now: DateTime<Utc>) -> Result<()> {
    let (approved, held) = store.approve(&args.who, args.role, now)?;
    out!(
        "approved {} <{}> (fingerprint {})",
        clean(&approved.identity.name),
        clean(&approved.identity.email),
        approved.identity.fingerprint
    );
    let held: Vec<PathBuf> = held.into_iter().filter(|p| p.is_file()).collect();
    if !held.is_empty() {
        let report = store.import_bundles(&held, false, now)?;
        out!(
            "merged the {} bundle(s) held for them: added {}, changed {}",
            held.len(),
            report.added,
            report.changed
        );
        for file in &held {
            let _ = std::fs::remove_file(file);
        }
    }
    Ok(())
}

/// `kring trust FILE`: approves the signer of a bundle after comparing fingerprints.
pub fn trust(store: &Store, file: PathBuf, now: DateTime<Utc>) -> Result<()> {
    let identity = store.trust(&file, now)?;
    out!(
        "trusted {} <{}> (node {}, fingerprint {}), the signer of {}",
        clean(&identity.name),
        clean(&identity.email),
        identity.node,
        identity.fingerprint,
        file.display()
    );
    Ok(())
}
