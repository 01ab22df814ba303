//! `kring invite`, `kring join`, `kring members`, `kring approve` and `kring trust`: who belongs
//! to the organisation (see `kring_core::trust`).

use crate::output::print_json;
use crate::terminal::clean;
use anyhow::Result;
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
    let invitation = store.write_invitation(&args.out, args.role, now)?;
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
    let managers = store.join_from_file(&file, now)?;
    out!(
        "joined organisation {}",
        store
            .organisation()?
            .map(|o| o.to_string())
            .unwrap_or_default()
    );
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
    let (approved, merged) = store.approve_and_import(&args.who, args.role, now)?;
    out!(
        "approved {} <{}> (fingerprint {})",
        clean(&approved.identity.name),
        clean(&approved.identity.email),
        approved.identity.fingerprint
    );
    if let Some(report) = merged {
        out!(
            "merged the {} bundle(s) held for them: added {}, changed {}",
            report.files.len(),
            report.added,
            report.changed
        );
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
