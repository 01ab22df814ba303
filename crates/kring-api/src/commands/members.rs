//! Commands of the organisation's membership (the trust model): who is on the roster or waiting
//! for approval, approving a store, writing an invitation and joining with one. The rules live in
//! kring-core (`Store::approve_and_import`, `write_invitation`, `join_from_file`), where the CLI's
//! `kring members`, `kring approve`, `kring drop-claim`, `kring invite` and `kring join` use them
//! too.

use super::file_path;
use crate::error::AppResult;
use crate::session::Session;
use crate::wire::{Approved, Members};
use crate::worded::InLanguage;
use kring_core::model::Role;
use kring_core::trust::{Identity, Invitation};

/// Who belongs to the organisation: the roster, the stores waiting for approval, this one, and
/// the last imports that refused writes.
pub fn list_members(session: &Session) -> AppResult<Members> {
    let store = &session.store;
    Ok(Members {
        organisation: store.organisation()?.map(|o| o.to_string()),
        me: store.identity()?,
        members: store.members()?.in_language(session.language()),
        refusals: store.refusal_log()?.in_language(session.language()),
    })
}

/// Approves a store waiting for approval (`who`: its node id or fingerprint, or enough of either
/// to name one) as `role`, or the role it asked for, and merges the bundles held for it.
pub fn approve_member(session: &Session, who: String, role: Option<Role>) -> AppResult<Approved> {
    let (approved, merged) = session
        .store
        .approve_and_import(who.trim(), role, session.now())?;
    Ok(Approved {
        identity: approved.identity,
        merged: merged.in_language(session.language()),
    })
}

/// Drops `member`'s claim on `node` as one its store wrote under before (a manager's act, for a
/// node two people's stores claim) and lists the members again.
pub fn drop_claim(session: &Session, member: String, node: String) -> AppResult<Members> {
    session.store.drop_claim(&member, &node, session.now())?;
    list_members(session)
}

/// Writes an invitation for a new member to `path` (a manager's act).
pub fn write_invitation(session: &Session, path: String, role: Role) -> AppResult<Invitation> {
    let path = file_path("path", &path)?;
    Ok(session.store.write_invitation(&path, role, session.now())?)
}

/// Joins the organisation of the invitation file at `path`; returns its managers, whose
/// fingerprints the user compares with what the manager read out.
pub fn join_organisation(session: &Session, path: String) -> AppResult<Vec<Identity>> {
    let path = file_path("path", &path)?;
    Ok(session.store.join_from_file(&path, session.now())?)
}
