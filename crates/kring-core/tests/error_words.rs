//! Every error a person can meet is worded in every language: each variant's `code()` has its
//! catalogue message `error-<code>` in Dutch, French, German and English, the English message
//! is the error's `Display` text word for word (scripts and tests that read it keep working),
//! and the other languages really are another language.

use kring_core::bounds::FileBoundError;
use kring_core::clock::NodeId;
use kring_core::contacts::ContactsError;
use kring_core::kring_interop::{CaptureReadError, InteropError};
use kring_core::model::{ReasonCode, RecordId, RecordKind, ValidationError};
use kring_core::protection::{ProtectionError, Refusal, RestrictionStatus};
use kring_core::store::check::{Finding, FindingKind};
use kring_core::store::{ProblemCode, StoreError};
use kring_core::sync::bundle::BundleError;
use kring_core::sync::folder::FolderError;
use kring_core::sync::SyncError;
use kring_core::trust::rights::{RefusalKind, RefusalReason, SaidInEach};
use kring_core::trust::TrustError;
use kring_i18n::{has_message, Language};
use std::path::PathBuf;

fn path() -> PathBuf {
    PathBuf::from("/home/an/kring")
}

fn id() -> RecordId {
    "0190a1b2-0000-7000-8000-000000000001".parse().unwrap()
}

fn store_errors() -> Vec<StoreError> {
    vec![
        StoreError::InUse { path: path() },
        StoreError::SchemaTooNew {
            path: path(),
            found: 9,
            supported: 4,
        },
        StoreError::Open {
            path: path(),
            reason: "bad sector".into(),
        },
        StoreError::NotInitialised,
        StoreError::AlreadyInitialised {
            name: "An Peeters".into(),
        },
        StoreError::Invalid(ValidationError::new("email", "free text")),
        StoreError::NotFound(id()),
        StoreError::WrongKind {
            id: id(),
            actual: "note".into(),
            expected: RecordKind::Person,
        },
        StoreError::Corrupt {
            id: "x".into(),
            reason: "truncated".into(),
        },
        StoreError::DiskFull { path: None },
        StoreError::DiskFull { path: Some(path()) },
        StoreError::ReadOnly { path: None },
        StoreError::ReadOnly { path: Some(path()) },
        StoreError::Io("bad sector".into()),
        StoreError::WritesStopped,
        StoreError::NotAllowed {
            reason: RefusalReason::ManagersWrite {
                kind: "goal".into(),
            },
        },
        StoreError::DemoStore { action: "exported" },
        StoreError::DemoStore { action: "synced" },
        StoreError::NotASandbox { path: path() },
    ]
}

fn bundle_errors() -> Vec<BundleError> {
    let path = path();
    vec![
        BundleError::Io {
            path: path.clone(),
            reason: "gone".into(),
        },
        BundleError::WrongMagic { path: path.clone() },
        BundleError::FutureFormat {
            path: path.clone(),
            found: 9,
            supported: 3,
        },
        BundleError::Truncated { path: path.clone() },
        BundleError::Corrupt {
            path: path.clone(),
            reason: "bad".into(),
        },
        BundleError::BadSignature { path: path.clone() },
        BundleError::HashMismatch { path: path.clone() },
        BundleError::IsBackup { path: path.clone() },
        BundleError::IsExport { path: path.clone() },
        BundleError::NotARecipient { path },
    ]
}

fn sync_errors() -> Vec<SyncError> {
    vec![
        SyncError::Write {
            path: path(),
            reason: "disk full".into(),
        },
        SyncError::Unfinished(Box::new(SyncError::Store(StoreError::Io("x".into())))),
        SyncError::OwnBundle {
            path: path(),
            node: NodeId(42),
        },
        SyncError::OtherOrganisation {
            path: path(),
            theirs: uuid::Uuid::nil(),
            ours: uuid::Uuid::max(),
        },
        SyncError::ClockAhead {
            path: path(),
            author: "An".into(),
            days: 3,
            local: "2026-03-01".into(),
        },
    ]
    .into_iter()
    .chain((0..3).map(|merged| SyncError::HeldSetAside {
        name: "An".into(),
        merged,
        error: Box::new(SyncError::Bundle(BundleError::Truncated { path: path() })),
    }))
    .collect()
}

fn trust_errors() -> Vec<TrustError> {
    vec![
        TrustError::NotAManager("invite members"),
        TrustError::NotAManager("approve a colleague's store"),
        TrustError::AlreadyJoined(uuid::Uuid::nil()),
        TrustError::BadInvitation("not an invitation".into()),
        TrustError::NoSuchMember("ab12".into()),
        TrustError::Ambiguous("ab".into()),
        TrustError::NoSuchClaim {
            member: "An".into(),
            node: "0a0b0c0d0e0f1011".into(),
        },
        TrustError::Write {
            path: path(),
            reason: "disk full".into(),
        },
    ]
}

fn folder_errors() -> Vec<FolderError> {
    vec![
        FolderError::Unavailable {
            path: path(),
            reason: "unplugged".into(),
        },
        FolderError::Write {
            path: path(),
            reason: "full".into(),
        },
    ]
}

fn file_errors() -> Vec<FileBoundError> {
    vec![
        FileBoundError::TooLarge {
            path: path(),
            bytes: 5 << 30,
            limit: 4 << 30,
            what: "a backup",
        },
        FileBoundError::TooLarge {
            path: path(),
            bytes: 5 << 20,
            limit: 4 << 20,
            what: "an address book",
        },
        FileBoundError::NotAFile { path: path() },
        FileBoundError::Unreadable {
            path: path(),
            reason: "gone".into(),
        },
    ]
}

fn capture_errors() -> Vec<CaptureReadError> {
    vec![
        CaptureReadError::TooLarge {
            size: 40_000_000,
            limit: 33_554_432,
            what: "calendar",
        },
        CaptureReadError::OutlookMsg,
        CaptureReadError::NotRecognised,
        CaptureReadError::NotCalendar {
            detail: " (2 lines Kring could not read)".into(),
        },
        CaptureReadError::NoMeetings {
            detail: "it has no events (VEVENT)".into(),
        },
        CaptureReadError::Reply {
            method: "REPLY".into(),
        },
        CaptureReadError::TooManyMeetings {
            count: 60_000,
            limit: 50_000,
        },
        CaptureReadError::NoDate,
        CaptureReadError::NoAddresses,
        CaptureReadError::NotEmail,
        CaptureReadError::BrokenMime,
    ]
}

/// An error's code, its English `Display` and its message in each language.
/// A refusal of each kind, with what its words need.
fn refusal(kind: RefusalKind) -> RefusalReason {
    let goal = || "goal".to_owned();
    let field = || "name".to_owned();
    let reason = match kind {
        RefusalKind::NotOnRoster => RefusalReason::NotOnRoster,
        RefusalKind::RemovedMember => RefusalReason::RemovedMember {
            writer: "Bert Claes".into(),
        },
        RefusalKind::ManagersErase => RefusalReason::ManagersErase,
        RefusalKind::ManagersRestrict => RefusalReason::ManagersRestrict,
        RefusalKind::ManagersWrite => RefusalReason::ManagersWrite { kind: goal() },
        RefusalKind::ForgetIsFinal => RefusalReason::ForgetIsFinal,
        RefusalKind::VisibilityOwnerOnly => RefusalReason::VisibilityOwnerOnly,
        RefusalKind::BelongsToKeeper => RefusalReason::BelongsToKeeper {
            kind: "follow_up".into(),
        },
        RefusalKind::NetworkerCard => RefusalReason::NetworkerCard,
        RefusalKind::AuthorDeletes => RefusalReason::AuthorDeletes,
        RefusalKind::NamesAnotherOwner => RefusalReason::NamesAnotherOwner,
        RefusalKind::NotTheSigner => RefusalReason::NotTheSigner,
        RefusalKind::ForgedOwnWrite => RefusalReason::ForgedOwnWrite,
        RefusalKind::PrivateHere => RefusalReason::PrivateHere,
        RefusalKind::KindChanged => RefusalReason::KindChanged {
            sent: "note".into(),
            held: "person".into(),
        },
        RefusalKind::InvalidValue => RefusalReason::InvalidValue {
            problem: Box::new(SaidInEach::from(|language| {
                ValidationError::worded("email", ReasonCode::NotAnEmail, &[("value", "x".into())])
                    .message(language)
            })),
        },
        RefusalKind::SummaryOnly => RefusalReason::SummaryOnly {
            kind: "person".into(),
            field: field(),
        },
        RefusalKind::Withdrawn => RefusalReason::Withdrawn {
            kind: "note".into(),
            field: field(),
        },
        RefusalKind::Restricted => RefusalReason::Restricted {
            person: id(),
            name: "Jan Peeters".into(),
            status: RestrictionStatus::Objected,
        },
    };
    assert_eq!(reason.code(), kind, "the sample of {kind} is one");
    reason
}

type Worded = (&'static str, String, Vec<(Language, String)>);

/// Every error above, worded.
fn every_error() -> Vec<Worded> {
    fn worded<E: std::fmt::Display>(
        code: &'static str,
        error: &E,
        message: impl Fn(Language) -> String,
    ) -> Worded {
        let messages = Language::ALL.map(|l| (l, message(l))).to_vec();
        (code, error.to_string(), messages)
    }
    let mut all = Vec::new();
    for e in store_errors() {
        all.push(worded(e.code().as_str(), &e, |l| e.message(l)));
    }
    for e in bundle_errors() {
        all.push(worded(e.code().as_str(), &e, |l| e.message(l)));
    }
    for e in sync_errors() {
        all.push(worded(e.code().as_str(), &e, |l| e.message(l)));
    }
    for e in trust_errors() {
        all.push(worded(e.code().as_str(), &e, |l| e.message(l)));
    }
    for e in folder_errors() {
        all.push(worded(e.code().as_str(), &e, |l| e.message(l)));
    }
    for e in file_errors() {
        all.push(worded(e.code(), &e, |l| e.message(l)));
    }
    for e in capture_errors() {
        all.push(worded(e.code(), &e, |l| e.message(l)));
    }
    for kind in RefusalKind::ALL {
        let e = StoreError::NotAllowed {
            reason: refusal(*kind),
        };
        all.push(worded(e.code().as_str(), &e, |l| e.message(l)));
    }
    let protection = ProtectionError::Refused(Refusal {
        message: "protection-refused-purposes",
        arguments: vec![],
    });
    all.push(worded(protection.code(), &protection, |l| {
        protection.message(l)
    }));
    let contacts = ContactsError::Read {
        file: "book.vcf".into(),
        source: InteropError::Malformed {
            line: 12,
            reason: "a line without a colon".into(),
        },
    };
    all.push(worded(contacts.code(), &contacts, |l| contacts.message(l)));
    all
}

#[test]
fn every_error_code_has_its_message_in_every_language() {
    for (code, _, _) in every_error() {
        if code == "invalid" {
            continue; // a validation error is worded by its reason's code (below)
        }
        for language in Language::ALL {
            assert!(
                has_message(language, &format!("error-{code}")),
                "{language} has no error-{code}"
            );
        }
    }
}

/// Walks the code enums themselves, so that a code added without its words fails here rather
/// than reaching a person as `error-…` or as English.
#[test]
fn every_problem_and_reason_code_has_its_words_in_every_language() {
    for code in ProblemCode::ALL {
        // A validation error is worded by its reason's code (below).
        if *code == ProblemCode::Invalid {
            continue;
        }
        for language in Language::ALL {
            assert!(
                has_message(language, &format!("error-{code}")),
                "{language} has no error-{code}"
            );
        }
    }
    for code in ReasonCode::ALL {
        for language in Language::ALL {
            assert!(
                has_message(language, &format!("invalid-{code}")),
                "{language} has no invalid-{code}"
            );
        }
    }
}

/// Walks every kind of refusal: each has its words `refusal-<code>` in every language, says
/// what its fields hold, and reads as another language's words, not English, outside English.
#[test]
fn every_refusal_kind_has_its_words_in_every_language() {
    for kind in RefusalKind::ALL {
        for language in Language::ALL {
            assert!(
                has_message(language, &format!("refusal-{kind}")),
                "{language} has no refusal-{kind}"
            );
        }
        let reason = refusal(*kind);
        let english = reason.words(Language::English);
        assert_eq!(english, reason.to_string(), "{kind}");
        for language in [Language::Dutch, Language::French, Language::German] {
            let words = reason.words(language);
            assert_ne!(words, english, "{kind} in {language} is English");
            assert!(
                !words.starts_with("refusal-") && !words.contains('{'),
                "{kind} in {language}: {words}"
            );
        }
        // Scripts read the kind's code beside the parameters.
        let json = serde_json::to_value(&reason).unwrap();
        assert_eq!(json["code"], kind.as_str(), "{json}");
        assert_eq!(
            serde_json::from_value::<RefusalReason>(json).unwrap(),
            reason
        );
    }
}

/// `text` with the thousands separators between digits taken out ("40,000,000" → "40000000").
fn ungrouped(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (at, c) in chars.iter().enumerate() {
        let between_digits = at > 0
            && chars[at - 1].is_ascii_digit()
            && chars.get(at + 1).is_some_and(|next| next.is_ascii_digit());
        if !(*c == ',' && between_digits) {
            out.push(*c);
        }
    }
    out
}

/// The catalogue groups a number's thousands ("40,000,000 bytes") where `Display`, written for
/// logs, gives the digits alone; the words are the same.
#[test]
fn the_english_message_is_the_display_text_word_for_word() {
    for (code, display, messages) in every_error() {
        let english = &messages[0];
        assert_eq!(english.0, Language::English);
        assert_eq!(ungrouped(&english.1), display, "{code}");
    }
}

#[test]
fn the_other_languages_say_it_in_their_own_words() {
    for (code, display, messages) in every_error() {
        // Reasons given as free text ("bad_invitation") and free-text validation reasons stay
        // as they were written.
        if matches!(code, "bad_invitation" | "invalid") {
            continue;
        }
        for (language, message) in &messages[1..] {
            assert_ne!(message, &display, "{code} in {language} is English");
            assert!(
                !message.starts_with("error-") && !message.contains("{"),
                "{code} in {language}: {message}"
            );
        }
    }
}

#[test]
fn a_worded_validation_reason_speaks_each_language_and_keeps_its_english_reason() {
    let error = "strength"
        .parse::<kring_core::model::Visibility>()
        .unwrap_err();
    assert_eq!(error.reason_code(), ReasonCode::NotOneOf);
    assert_eq!(
        error.to_string(),
        "visibility: 'strength' is not one of private, summary, shared"
    );
    assert_eq!(error.message(Language::English), error.to_string());
    assert_eq!(
        error.message(Language::Dutch),
        "visibility: 'strength' is niet een van private, summary, shared"
    );
    assert!(error
        .message(Language::French)
        .contains("ne fait pas partie"));
    let bad_email = kring_core::model::validate_email("email", "an.peeters").unwrap_err();
    assert_eq!(bad_email.reason, "'an.peeters' is not an email address");
    assert_eq!(
        bad_email.message(Language::German),
        "email: 'an.peeters' ist keine E-Mail-Adresse"
    );
    let free = ValidationError::new("theme", "a free reason");
    assert_eq!(free.reason_code(), ReasonCode::Invalid);
    assert_eq!(free.message(Language::French), "theme: a free reason");
}

#[test]
fn a_store_error_carries_a_worded_validation_error_into_every_language() {
    let error =
        StoreError::Invalid(kring_core::model::validate_phone("phone", "call me").unwrap_err());
    assert_eq!(
        error.message(Language::Dutch),
        "phone: 'call me' is geen telefoonnummer"
    );
    assert_eq!(
        SyncError::Store(error).message(Language::French),
        "phone: 'call me' n'est pas un numéro de téléphone"
    );
}

#[test]
fn a_duplicate_pairs_clues_read_as_before_in_english_and_in_each_language_otherwise() {
    use kring_core::identity_groups::DuplicateClue;
    let clue = |code: &str, value: Option<&str>, at: Option<&str>, differ: bool| DuplicateClue {
        code: code.parse().unwrap(),
        value: value.map(Into::into),
        at: at.map(Into::into),
        names_differ: differ,
    };
    let cases = [
        (
            clue("same_email", Some("jan@port.be"), None, false),
            "same email jan@port.be",
        ),
        (
            clue("same_phone", Some("+32 3 123"), None, true),
            "same phone +32 3 123, different names",
        ),
        (
            clue("similar_names", None, Some("Port of Antwerp-Bruges"), false),
            "similar names at Port of Antwerp-Bruges",
        ),
        (
            clue("same_name", None, None, false),
            "same name, neither at an organisation",
        ),
        (
            clue("same_organisation_name", None, Some("City of Ghent"), false),
            "same name within City of Ghent",
        ),
        (
            clue("same_organisation_name", None, None, false),
            "same name",
        ),
        (
            clue("same_website", Some("port.be"), None, false),
            "same website port.be",
        ),
    ];
    for (clue, english) in &cases {
        assert_eq!(clue.words(Language::English), *english);
        for language in [Language::Dutch, Language::French, Language::German] {
            assert_ne!(clue.words(language), *english, "{language}");
        }
    }
    assert_eq!(
        cases[1].0.words(Language::Dutch),
        "zelfde telefoonnummer +32 3 123, verschillende namen"
    );
}

#[test]
fn every_reason_code_but_free_text_reads_differently_in_each_other_language() {
    use kring_i18n::FluentValue;
    let arguments: Vec<(&str, FluentValue<'_>)> = [
        "value",
        "kind",
        "id",
        "action",
        "found",
        "subject",
        "expected",
        "a",
        "b",
        "kind_a",
        "kind_b",
        "choices",
        "day",
        "side",
        "at",
        "due",
        "earliest",
        "latest",
        "name",
        "networker",
        "team",
        "partner",
        "line",
        "leaver",
        "stakeholder",
    ]
    .into_iter()
    .map(|name| (name, FluentValue::from("x")))
    .chain(
        ["chars", "max", "number", "count", "limit"]
            .into_iter()
            .map(|name| (name, FluentValue::from(7))),
    )
    .collect();
    // A field inside an object reads as its name and its reason (worded already) in Dutch and
    // German as in English; the reason, said in each language, is what differs.
    for code in ReasonCode::ALL
        .iter()
        .filter(|c| !matches!(**c, ReasonCode::Invalid | ReasonCode::InField))
    {
        let id = format!("invalid-{code}");
        let english = kring_i18n::text_with(Language::English, &id, &arguments);
        for language in [Language::Dutch, Language::French, Language::German] {
            let words = kring_i18n::text_with(language, &id, &arguments);
            assert_ne!(words, english, "{id} in {language} is English");
            assert!(!words.contains('{'), "{id} in {language}: {words}");
        }
    }
}

#[test]
fn a_reason_keeps_todays_english_and_carries_its_code_into_json() {
    let error = "nonsense".parse::<RecordId>().unwrap_err();
    assert_eq!(error.reason_code(), ReasonCode::NotARecordId);
    let json = serde_json::to_value(&error).unwrap();
    assert_eq!(json["code"], "not_a_record_id");
    assert_eq!(json["reason"], "'nonsense' is not a record id");
    let free = ValidationError::new("body", "expected a string");
    assert_eq!(serde_json::to_value(&free).unwrap()["code"], "invalid");
}

/// A finding of `kring check` of each kind, with what its words need.
fn finding(kind: FindingKind) -> Finding {
    let key = || "01a2484483eb72b7a67abac54d59aa51".to_owned();
    let said = |english: &str| {
        Box::new(SaidInEach {
            en: english.into(),
            nl: format!("{english} (nl)"),
            fr: format!("{english} (fr)"),
            de: format!("{english} (de)"),
        })
    };
    match kind {
        FindingKind::MissingEntry => Finding::MissingEntry {
            index: "index.interactions_by_card",
            key: key(),
        },
        FindingKind::StaleEntry => Finding::StaleEntry {
            index: "index.follow_ups_by_card",
            key: key(),
        },
        FindingKind::TermsDiffer => Finding::TermsDiffer {
            index: "index.record_terms",
            key: key(),
        },
        FindingKind::TermFileDiffers => Finding::TermFileDiffers {
            file: "search-terms",
        },
        FindingKind::Unreadable => Finding::Unreadable {
            reason: said("record 01a2 cannot be read"),
        },
        FindingKind::WrongKindMoved => Finding::WrongKindMoved {
            tree: "note".into(),
            says: "note".into(),
            known: "person".into(),
        },
        FindingKind::WrongKindNoCopy => Finding::WrongKindNoCopy {
            tree: "note".into(),
            says: "goal".into(),
            known: "person".into(),
        },
        FindingKind::WrongKindUnknown => Finding::WrongKindUnknown {
            tree: "goal".into(),
            says: "note".into(),
        },
        FindingKind::Value => Finding::Value {
            reason: said("a number where text is expected"),
        },
    }
}

/// Walks every kind of `kring check` finding: each has its words `check-found-<code>` in every
/// language, its English is its `Display` (what `--json` carries), and outside English it reads
/// as that language's words. An index entry is its tree name and key in Dutch and German too.
#[test]
fn every_kind_of_check_finding_has_its_words_in_every_language() {
    for kind in FindingKind::ALL {
        for language in Language::ALL {
            assert!(
                has_message(language, &format!("check-found-{kind}")),
                "{language} has no check-found-{kind}"
            );
        }
        let finding = finding(*kind);
        assert_eq!(finding.code(), *kind);
        let english = finding.words(Language::English);
        assert_eq!(english, finding.to_string(), "{kind}");
        assert_eq!(
            serde_json::to_value(&finding).unwrap(),
            serde_json::Value::String(english.clone()),
            "--json keeps the English"
        );
        for language in [Language::Dutch, Language::French, Language::German] {
            let words = finding.words(language);
            assert!(
                !words.starts_with("check-found-") && !words.contains('{'),
                "{kind} in {language}: {words}"
            );
            let only_an_entry = matches!(kind, FindingKind::MissingEntry | FindingKind::StaleEntry);
            if !(only_an_entry && language != Language::French) {
                assert_ne!(words, english, "{kind} in {language} is English");
            }
        }
    }
}

#[test]
fn a_check_finding_keeps_the_english_kring_check_printed_before_it_had_a_code() {
    let english = |kind| finding(kind).to_string();
    assert_eq!(
        english(FindingKind::MissingEntry),
        "index.interactions_by_card: 01a2484483eb72b7a67abac54d59aa51"
    );
    assert_eq!(
        english(FindingKind::TermsDiffer),
        "index.record_terms: 01a2484483eb72b7a67abac54d59aa51 (terms differ)"
    );
    assert_eq!(
        english(FindingKind::TermFileDiffers),
        "search-terms (the search term file holds other terms than the store: `kring check \
         --repair` removes it, and the app builds it again)"
    );
    assert_eq!(
        english(FindingKind::WrongKindMoved),
        "stored as a 'note', while this store knows it as a 'person': `kring check --repair` \
         moves this copy to quarantine and keeps the record as a 'person'"
    );
    assert_eq!(
        english(FindingKind::WrongKindNoCopy),
        "stored among the 'note' records but says it is a 'goal', while this store knows it as \
         a 'person' and has no copy that says it is one: repair leaves it alone; restore a \
         backup from before it arrived"
    );
    assert_eq!(
        english(FindingKind::WrongKindUnknown),
        "stored among the 'goal' records but says it is a 'note', and this store holds other \
         copies of it under other kinds and knows it by none: repair leaves them alone; restore \
         a backup from before they arrived"
    );
}

/// A refusal that names a field (a record its owner narrowed to a summary or withdrew) names it
/// as the reader's app does, not by its code; English keeps the code it always wrote.
#[test]
fn a_refusal_names_its_field_by_the_readers_label() {
    let summary = RefusalReason::SummaryOnly {
        kind: "person".into(),
        field: "job_title".into(),
    };
    let dutch = summary.words(Language::Dutch);
    assert!(dutch.contains("‘Functietitel’"), "{dutch}");
    assert!(!dutch.contains("job_title"), "{dutch}");
    let withdrawn = RefusalReason::Withdrawn {
        kind: "relationship".into(),
        field: "cadence_days".into(),
    };
    let french = withdrawn.words(Language::French);
    assert!(!french.contains("cadence_days"), "{french}");
    assert!(summary
        .words(Language::English)
        .contains("its job_title cannot"));
}
