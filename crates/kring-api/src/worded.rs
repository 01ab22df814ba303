//! Sentences that cross IPC as data (a duplicate pair's `reason`, a held bundle's, a refused
//! write's, a clock warning) are worded here, in the session's language, from the codes
//! kring-core keeps beside them, so that the UI shows them as they come. The codes themselves
//! (`clues`, `code`, `clocks_behind`) cross unchanged, as they do in every language.

use kring_core::identity_groups::DuplicatePair;
use kring_core::manager::offboard::HandoverPlan;
use kring_core::sync::folder::SyncReport;
use kring_core::sync::{HeldBundle, ImportReport, Refusals};
use kring_core::trust::rights::RefusedWrite;
use kring_core::trust::MemberView;
use kring_i18n::{t, Language};

/// A wire value whose sentences for people can be said in another language.
pub(crate) trait InLanguage {
    /// The same value with its sentences in `language`.
    fn in_language(self, language: Language) -> Self;
}

impl<T: InLanguage> InLanguage for Vec<T> {
    fn in_language(self, language: Language) -> Self {
        self.into_iter()
            .map(|item| item.in_language(language))
            .collect()
    }
}

impl<T: InLanguage> InLanguage for Option<T> {
    fn in_language(self, language: Language) -> Self {
        self.map(|item| item.in_language(language))
    }
}

impl InLanguage for DuplicatePair {
    fn in_language(mut self, language: Language) -> Self {
        self.reason = self.reason_in(language);
        self
    }
}

impl InLanguage for HeldBundle {
    fn in_language(mut self, language: Language) -> Self {
        self.reason = held_reason(
            language,
            self.code.map_or("", |code| code.as_str()),
            &self.reason,
        );
        self
    }
}

/// Why a bundle is held, by its code; a code the catalogue does not word keeps its words.
fn held_reason(language: Language, code: &str, reason: &str) -> String {
    t!(language, "held-reason", code = code, reason = reason)
}

/// A store waiting for approval: why. kring-core keeps no code beside a pending member's
/// reason, so the two sentences it writes are recognised by their English (a sentence it no
/// longer writes stays as it is).
impl InLanguage for MemberView {
    fn in_language(mut self, language: Language) -> Self {
        let Some(reason) = &self.reason else {
            return self;
        };
        let code = if self.is_me {
            "awaiting_approval"
        } else if reason.starts_with("signed with another key than the roster has for ") {
            "key_replaced"
        } else {
            "unknown_key"
        };
        let english = pending_reason(Language::English, code, reason);
        if code == "key_replaced" || english == *reason {
            self.reason = Some(pending_reason(language, code, reason));
        }
        self
    }
}

fn pending_reason(language: Language, code: &str, reason: &str) -> String {
    match code {
        "awaiting_approval" => t!(language, "member-awaiting-approval"),
        _ => held_reason(language, code, reason),
    }
}

impl InLanguage for RefusedWrite {
    fn in_language(mut self, language: Language) -> Self {
        self.reason = self.reason_in(language);
        self
    }
}

impl InLanguage for Refusals {
    fn in_language(mut self, language: Language) -> Self {
        self.writes = self.writes.in_language(language);
        self
    }
}

impl InLanguage for ImportReport {
    fn in_language(mut self, language: Language) -> Self {
        self.held = self.held.in_language(language);
        self.refused = self.refused.in_language(language);
        // The warnings are the `clocks_behind` in words, one for one.
        let english: Vec<String> = self
            .clocks_behind
            .iter()
            .map(|behind| clock_behind(Language::English, &behind.author, behind.days))
            .collect();
        if english == self.clock_warnings {
            self.clock_warnings = self
                .clocks_behind
                .iter()
                .map(|behind| clock_behind(language, &behind.author, behind.days))
                .collect();
        }
        self
    }
}

fn clock_behind(language: Language, author: &str, days: i64) -> String {
    t!(language, "clock-behind", author = author, days = days)
}

impl InLanguage for SyncReport {
    fn in_language(mut self, language: Language) -> Self {
        self.held = self.held.in_language(language);
        self.refused = self.refused.in_language(language);
        self
    }
}

/// Why a relationship matters in a handover. kring-core (`manager::offboard`) writes these in
/// English without a code, so each is recognised by its English, and one it no longer writes
/// stays as it is.
impl InLanguage for HandoverPlan {
    fn in_language(mut self, language: Language) -> Self {
        for item in &mut self.items {
            for reason in &mut item.reasons {
                *reason = handover_reason(language, reason);
            }
        }
        self
    }
}

fn handover_reason(language: Language, reason: &str) -> String {
    let say = |sentence: &str, names: &str| {
        t!(
            language,
            "handover-reason",
            sentence = sentence,
            names = names
        )
    };
    let fixed = [
        ("accountable for it in a team", "accountable"),
        ("nobody else knows this stakeholder", "known_by_nobody_else"),
        ("colleagues know them only weakly", "known_weakly"),
        ("going cold", "going_cold"),
    ];
    if let Some((_, sentence)) = fixed.iter().find(|(english, _)| *english == reason) {
        return say(sentence, "");
    }
    if let Some(goals) = reason.strip_prefix("priority stakeholder of ") {
        return say("priority", goals);
    }
    if let Some(teams) = reason.strip_prefix("looked after by ") {
        return say("looked_after", teams);
    }
    reason.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use kring_core::model::{RecordId, RecordKind};
    use kring_core::trust::rights::{RefusalCode, RefusalReason};

    /// A refused write as a log kept before refusals had a `why` holds it: its English only.
    fn refused(code: RefusalCode, kind: RecordKind, field: &str, reason: &str) -> RefusedWrite {
        RefusedWrite {
            record: "0190a1b2-0000-7000-8000-000000000001"
                .parse::<RecordId>()
                .unwrap(),
            kind: Some(kind),
            field: field.into(),
            writer: "Jan Peeters".into(),
            reason: reason.into(),
            code,
            why: None,
        }
    }

    #[test]
    fn a_refused_writes_reason_is_said_in_the_language_and_kept_in_english() {
        let write = refused(
            RefusalCode::ManagersOnly,
            RecordKind::Goal,
            "name",
            "only a Manager of the Network writes goal records",
        );
        assert_eq!(
            write.clone().in_language(Language::English).reason,
            write.reason
        );
        assert_eq!(
            write.clone().in_language(Language::Dutch).reason,
            "alleen een netwerkmanager schrijft records van de soort doelstelling"
        );
        let removed = refused(
            RefusalCode::RemovedMember,
            RecordKind::Note,
            "text",
            "written by Jan Peeters after they were taken off the roster",
        );
        assert!(removed
            .in_language(Language::French)
            .reason
            .starts_with("écrit par Jan Peeters"));
    }

    #[test]
    fn a_refused_write_of_another_kind_reaches_the_import_report_in_dutch_with_dutch_kinds() {
        let record = "0190a1b2-0000-7000-8000-000000000001"
            .parse::<RecordId>()
            .unwrap();
        let write = RefusedWrite::new(
            record,
            "person",
            "kind",
            "Jan Peeters".into(),
            RefusalCode::KindChanged,
            RefusalReason::KindChanged {
                sent: "note".into(),
                held: "person".into(),
            },
        );
        assert_eq!(
            write.reason,
            "sent as a note but this store holds it as a person"
        );
        let report = ImportReport {
            refused: vec![write],
            refused_total: 1,
            ..ImportReport::default()
        };
        let dutch = report.in_language(Language::Dutch).refused[0]
            .reason
            .clone();
        assert_eq!(
            dutch,
            "verzonden als notitie, maar deze databank bewaart het als persoon"
        );
        for english in ["sent as", "store holds", "note", "person"] {
            assert!(!dutch.contains(english), "{english} in {dutch}");
        }
    }

    #[test]
    fn a_reason_the_catalogue_does_not_word_stays_as_the_store_wrote_it() {
        let write = refused(
            RefusalCode::KindChanged,
            RecordKind::Person,
            "kind",
            "sent as a note but this store holds it as a person",
        );
        assert_eq!(
            write.clone().in_language(Language::German).reason,
            write.reason
        );
        // A sentence that has changed since the log was written is not mistranslated.
        let old = refused(
            RefusalCode::ManagersOnly,
            RecordKind::Goal,
            "name",
            "only managers write goals",
        );
        assert_eq!(old.clone().in_language(Language::German).reason, old.reason);
    }

    #[test]
    fn a_handovers_reasons_are_said_in_the_language_with_their_names() {
        for reason in [
            "priority stakeholder of Port strategy 2030",
            "accountable for it in a team",
            "looked after by Port team, Mobility",
            "nobody else knows this stakeholder",
            "colleagues know them only weakly",
            "going cold",
        ] {
            assert_eq!(handover_reason(Language::English, reason), reason);
            let dutch = handover_reason(Language::Dutch, reason);
            assert_ne!(dutch, reason);
            if let Some((_, names)) = reason.split_once(" of ").or(reason.split_once(" by ")) {
                assert!(dutch.ends_with(names), "{dutch}");
            }
        }
        assert_eq!(
            handover_reason(Language::French, "a reason written later"),
            "a reason written later"
        );
    }

    #[test]
    fn a_held_bundles_reason_is_worded_by_its_code() {
        let held = HeldBundle {
            path: "/sync/a.kring".into(),
            author: "An".into(),
            email: "an@stad.be".into(),
            node: "0011223344556677".into(),
            fingerprint: "AB12".into(),
            reason: "signed by a key that is not on the organisation's roster".into(),
            code: Some(kring_core::sync::HeldCode::UnknownKey),
        };
        let dutch = held.clone().in_language(Language::Dutch);
        assert_eq!(dutch.code, Some(kring_core::sync::HeldCode::UnknownKey));
        assert!(dutch.reason.contains("ledenlijst"), "{}", dutch.reason);
        assert_eq!(
            held.clone().in_language(Language::English).reason,
            held.reason
        );
    }
}
