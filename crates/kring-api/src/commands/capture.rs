//! Logging meetings and e-mails from files in the app (issue 19): the review dialog's two
//! commands over `Store::plan_capture` and `Store::apply_capture`. The rules (what is read, who
//! matches, what is logged, updated or skipped and why) are kring-core's; these only pass the
//! user's time zone and the clock in, and keep files of other kinds from being read at all.

use crate::error::{AppError, AppResult};
use crate::session::Session;
use kring_core::capture::{self, CaptureOptions, CaptureOutcome, CapturePlan};
use kring_i18n::t;
use std::path::PathBuf;

/// What logging these files would do: each meeting or e-mail with its matched cards, unknown
/// addresses and what would be done and why, and every file that could not be read with the
/// problem in words (such a file gives no items, so nothing of it is logged). Nothing is
/// written.
pub fn plan_capture(session: &Session, paths: Vec<String>) -> AppResult<CapturePlan> {
    let paths: Vec<PathBuf> = paths
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .map(PathBuf::from)
        .collect();
    let language = session.language();
    if paths.is_empty() {
        return Err(AppError::invalid(
            "paths",
            t!(language, "app-capture-choose-files"),
        ));
    }
    // The plan's notes (why an item is skipped, what a reader passed over, why a file cannot be
    // read) come worded in the person's language; their codes stay as they are.
    let (readable, refused) = capture::split_by_name(&paths, language);
    let options = CaptureOptions {
        local_zone: session.clock().zone(),
        language,
        ..CaptureOptions::default()
    };
    let mut plan = if readable.is_empty() {
        CapturePlan::default()
    } else {
        session
            .store
            .plan_capture(&readable, &options, session.now())?
    };
    plan.files.extend(refused);
    Ok(plan)
}

/// Logs a plan as the user reviewed it (items deselected, people removed, unknown addresses
/// ticked to add, kinds and visibilities changed): the core checks it and decides every item
/// again against the store as it is now, in one transaction.
pub fn apply_capture(session: &Session, plan: CapturePlan) -> AppResult<CaptureOutcome> {
    Ok(session
        .store
        .apply_capture_speaking(&plan, session.now(), session.language())?)
}
