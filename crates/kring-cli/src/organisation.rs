//! `kring invite`, `kring join`, `kring members`, `kring approve`, `kring drop-claim` and
//! `kring trust`: who belongs
//! to the organisation (see `kring_core::trust`).

use crate::language::language;
use crate::output::print_json;
use crate::terminal::clean;
use anyhow::Result;
use chrono::{DateTime, Utc};
use clap::Args;
use kring_core::model::Role;
use kring_core::store::Store;
use kring_i18n::t;
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
    let l = language();
    out!(
        "{}",
        t!(
            l,
            "invite-wrote",
            role = args.role.to_string(),
            path = args.out.display().to_string(),
            organisation = invitation.organisation.to_string()
        )
    );
    out!(
        "{}",
        t!(l, "invite-join", path = args.out.display().to_string())
    );
    for manager in &invitation.managers {
        out!(
            "  {}",
            t!(
                l,
                "invite-manager",
                name = clean(&manager.name),
                email = clean(&manager.email),
                fingerprint = manager.fingerprint.as_str()
            )
        );
    }
    out!("{}", t!(l, "invite-approve-later"));
    Ok(())
}

/// `kring join FILE`: pins the organisation's managers.
pub fn join(store: &Store, file: PathBuf, now: DateTime<Utc>) -> Result<()> {
    let managers = store.join_from_file(&file, now)?;
    let l = language();
    out!(
        "{}",
        t!(
            l,
            "join-joined",
            organisation = store
                .organisation()?
                .map(|o| o.to_string())
                .unwrap_or_default()
        )
    );
    out!("{}", t!(l, "join-compare"));
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
        "{}",
        t!(
            l,
            "join-your-fingerprint",
            fingerprint = me.fingerprint.as_str()
        )
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
        out!("{}", t!(language(), "members-none"));
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
            if member.is_me {
                format!("  {}", t!(language(), "members-this-store"))
            } else {
                String::new()
            }
        );
        if let Some(reason) = &member.reason {
            out!("          {}", clean(reason));
        }
        if !member.earlier_nodes.is_empty() {
            out!(
                "          {}",
                t!(
                    language(),
                    "members-earlier-nodes",
                    count = member.earlier_nodes.len(),
                    nodes = member.earlier_nodes.join(", ")
                )
            );
        }
        for contested in &member.contested_nodes {
            out!(
                "          {}",
                t!(
                    language(),
                    "members-contested-node",
                    node = contested.node.as_str(),
                    others = contested
                        .also_claimed_by
                        .iter()
                        .map(|name| clean(name))
                        .collect::<Vec<_>>()
                        .join(", "),
                    member = member.node.as_str()
                )
            );
        }
        if let Some(earlier) = &member.earlier_store {
            out!(
                "          {}",
                t!(
                    language(),
                    "members-earlier-store",
                    name = clean(&earlier.name),
                    email = clean(&earlier.email),
                    node = earlier.node.as_str(),
                    fingerprint = earlier.fingerprint.as_str()
                )
            );
        }
    }
    Ok(())
}

/// `kring approve WHO`: enrols (manager) or pins (networker) a pending store, and merges what was
/// held for it.
pub fn approve(store: &Store, args: ApproveArgs, now: DateTime<Utc>) -> Result<()> {
    let (approved, merged) = store.approve_and_import(&args.who, args.role, now)?;
    let l = language();
    out!(
        "{}",
        t!(
            l,
            "approve-done",
            name = clean(&approved.identity.name),
            email = clean(&approved.identity.email),
            fingerprint = approved.identity.fingerprint.as_str()
        )
    );
    if let Some(report) = merged {
        out!(
            "{}",
            t!(
                l,
                "approve-merged",
                bundles = report.files.len(),
                added = report.added,
                changed = report.changed
            )
        );
    }
    Ok(())
}

/// `kring drop-claim MEMBER NODE`: what `NODE` wrote no longer counts as `MEMBER`'s.
pub fn drop_claim(store: &Store, member: &str, node: &str, now: DateTime<Utc>) -> Result<()> {
    store.drop_claim(member, node, now)?;
    out!(
        "{}",
        t!(
            language(),
            "drop-claim-done",
            node = node.trim(),
            member = member.trim()
        )
    );
    Ok(())
}

/// `kring trust FILE`: approves the signer of a bundle after comparing fingerprints.
pub fn trust(store: &Store, file: PathBuf, now: DateTime<Utc>) -> Result<()> {
    let (identity, held) = store.trust(&file, now)?;
    out!(
        "{}",
        t!(
            language(),
            "trust-done",
            name = clean(&identity.name),
            email = clean(&identity.email),
            node = identity.node.to_string(),
            fingerprint = identity.fingerprint.as_str(),
            path = file.display().to_string()
        )
    );
    // The key is trusted (said above); what was held for it earlier did not all merge: the error
    // says why, and the exit code lets a script notice.
    match held {
        Some(error) => Err(error.into()),
        None => Ok(()),
    }
}
