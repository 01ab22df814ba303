//! Capture: meetings and e-mails logged from the files mail and calendar apps hand over, on the
//! real sled store, with the hand-written fixtures of kring-interop (an Outlook invitation, its
//! update and cancellation, a Thunderbird reply, a Google Calendar export). Each test is one of
//! the "Done when" points or a rule of `capture.rs`.

use chrono::{DateTime, FixedOffset, TimeZone, Utc};
use kring_core::capture::{CaptureAction, CaptureCode, CaptureOptions, CapturePlan, MatchedBy};
use kring_core::model::*;
use kring_core::store::{OpenOptions, Store};
use std::path::{Path, PathBuf};

/// "Now" in these tests: 1 June 2024, noon UTC.
fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2024, 6, 1, 12, 0, 0).unwrap()
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../kring-interop/tests/fixtures/capture")
        .join(name)
}

fn at(text: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(text).unwrap()
}

/// An Peeters's store with the cards of the fixtures' stakeholders.
struct Network {
    _dir: tempfile::TempDir,
    store: Store,
    jan: RecordId,
    marie: RecordId,
    francoise: RecordId,
    joerg: RecordId,
    delta: RecordId,
}

fn organisation(store: &Store, name: &str, website: &str) -> RecordId {
    let organisation = Organisation {
        name: name.into(),
        website: Some(website.into()),
        ..Organisation::default()
    };
    store.create(&organisation, None, now()).unwrap()
}

fn person(store: &Store, name: &str, emails: &[&str], at: Option<RecordId>) -> RecordId {
    let person = Person {
        display_name: name.into(),
        emails: emails.iter().map(|e| (*e).to_owned()).collect(),
        ..Person::default()
    };
    store.create_person(&person, at, None, None, now()).unwrap()
}

impl Network {
    fn new() -> Network {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(
            &dir.path().join("store"),
            &OpenOptions {
                cache_bytes: 1 << 20,
            },
        )
        .unwrap();
        store
            .init(
                "An Peeters",
                "an.peeters@antwerpen.be",
                Role::Networker,
                now(),
            )
            .unwrap();
        let port = organisation(
            &store,
            "Port of Antwerp-Bruges",
            "https://www.portofantwerpbruges.com",
        );
        let omgeving = organisation(
            &store,
            "Departement Omgeving",
            "https://omgeving.vlaanderen.be",
        );
        let delta = organisation(&store, "Delta Consult", "https://deltaconsult.be");
        let jan = person(
            &store,
            "Jan Janssens",
            &["jan.janssens@portofantwerpbruges.com"],
            Some(port),
        );
        // No address on Marie's card: she is found by name at her organisation's domain.
        let marie = person(&store, "Marie Dubois", &[], Some(omgeving));
        let francoise = person(
            &store,
            "Françoise Dupré",
            &["francoise.dupre@wallonie.be"],
            None,
        );
        let joerg = person(
            &store,
            "Jörg Müller",
            &["joerg.mueller@hafen-hamburg.de"],
            None,
        );
        Network {
            _dir: dir,
            store,
            jan,
            marie,
            francoise,
            joerg,
            delta,
        }
    }

    fn plan(&self, files: &[&str], options: &CaptureOptions) -> CapturePlan {
        let paths: Vec<PathBuf> = files.iter().map(|f| fixture(f)).collect();
        let options = CaptureOptions {
            local_zone: Some("Europe/Brussels".into()),
            ..options.clone()
        };
        self.store.plan_capture(&paths, &options, now()).unwrap()
    }

    fn capture(&self, files: &[&str]) -> kring_core::capture::CaptureOutcome {
        let plan = self.plan(files, &CaptureOptions::default());
        self.store.apply_capture(&plan, now()).unwrap()
    }

    fn interactions(&self, card: RecordId) -> Vec<kring_core::cards::views::InteractionView> {
        self.store.card_detail(card, now()).unwrap().interactions
    }

    /// Everything capture may change, to compare before and after.
    fn snapshot(&self) -> String {
        let mut text = format!("{:?}", self.store.counts().unwrap());
        for card in [self.jan, self.marie, self.francoise, self.joerg] {
            let detail = self.store.card_detail(card, now()).unwrap();
            text.push_str(&serde_json::to_string(&detail).unwrap());
        }
        text.push_str(&format!("{:?}", self.store.follow_ups(None).unwrap()));
        text.push_str(&self.store.digest().unwrap());
        text
    }
}

#[test]
fn an_outlook_invitation_logs_one_meeting_with_the_two_known_people_at_the_right_local_time() {
    let network = Network::new();
    let plan = network.plan(&["outlook_invitation.ics"], &CaptureOptions::default());
    assert_eq!(plan.items.len(), 1);
    let item = &plan.items[0];
    assert_eq!(item.action, CaptureAction::Log, "{:?}", item.reason);
    let people: Vec<(RecordId, MatchedBy)> =
        item.people.iter().map(|p| (p.id, p.matched_by)).collect();
    assert_eq!(
        people,
        [
            (network.jan, MatchedBy::Email),
            (network.marie, MatchedBy::NameAtOrganisation)
        ],
        "JAN.JANSSENS@… in capitals is Jan; 'Dubois, Marie' at omgeving.vlaanderen.be is Marie"
    );
    assert_eq!(item.unknown.len(), 1);
    assert_eq!(item.unknown[0].address, "koen.claes@deltaconsult.be");
    assert_eq!(item.unknown[0].name.as_deref(), Some("Koen Claes"));
    assert_eq!(
        item.unknown[0].organisation,
        Some(network.delta),
        "guessed from the domain"
    );
    assert_eq!(item.own_addresses, ["an.peeters@antwerpen.be"]);

    let outcome = network.store.apply_capture(&plan, now()).unwrap();
    assert_eq!((outcome.logged, outcome.people_created), (1, 0));
    let logged = network.interactions(network.jan);
    assert_eq!(logged.len(), 1);
    assert_eq!(logged[0].kind, InteractionKind::Meeting);
    assert_eq!(logged[0].at, at("2024-03-12T14:00:00+01:00"));
    assert_eq!(logged[0].summary, "Overleg kaaimuren Scheldekaaien");
    let mut with: Vec<RecordId> = logged[0].participants.iter().map(|(id, _)| *id).collect();
    let me = network.store.require_profile().unwrap().networker;
    let mut expected = vec![me, network.jan, network.marie];
    with.sort();
    expected.sort();
    assert_eq!(with, expected, "Koen is not a card: not in it");
    assert_eq!(network.interactions(network.marie).len(), 1);
    // The relationship's last contact moved as for a meeting logged by hand.
    let relationship = &network
        .store
        .card_detail(network.jan, now())
        .unwrap()
        .relationships[0];
    assert_eq!(
        relationship.last_contact,
        Some(at("2024-03-12T14:00:00+01:00"))
    );
}

#[test]
fn capturing_the_same_invitation_again_changes_nothing() {
    let network = Network::new();
    network.capture(&["outlook_invitation.ics"]);
    let before = network.snapshot();
    let plan = network.plan(&["outlook_invitation.ics"], &CaptureOptions::default());
    assert_eq!(plan.items[0].action, CaptureAction::Skip);
    assert_eq!(plan.items[0].reason.code, "already_logged");
    let outcome = network.store.apply_capture(&plan, now()).unwrap();
    assert_eq!((outcome.logged, outcome.skipped), (0, 1));
    assert_eq!(
        network.snapshot(),
        before,
        "a second capture writes nothing"
    );
}

#[test]
fn a_higher_sequence_updates_the_logged_meeting_and_a_cancellation_withdraws_it() {
    let network = Network::new();
    network.capture(&["outlook_invitation.ics"]);
    let first = network.interactions(network.jan)[0].id;
    let outcome = network.capture(&["outlook_invitation_update.ics"]);
    assert_eq!((outcome.updated, outcome.logged), (1, 0));
    let logged = network.interactions(network.jan);
    assert_eq!(
        logged.len(),
        1,
        "the update changes the meeting, it adds none"
    );
    assert_eq!(logged[0].id, first);
    assert_eq!(logged[0].at, at("2024-03-12T15:00:00+01:00"));
    assert_eq!(
        logged[0].summary,
        "Overleg kaaimuren Scheldekaaien (verplaatst)"
    );
    // The older invitation captured after the update changes nothing.
    let before = network.snapshot();
    network.capture(&["outlook_invitation.ics"]);
    assert_eq!(network.snapshot(), before);

    let outcome = network.capture(&["outlook_cancellation.ics"]);
    assert_eq!(outcome.withdrawn, 1);
    assert!(
        network.interactions(network.jan).is_empty(),
        "the cancelled meeting is withdrawn"
    );
    // Capturing the invitation again does not bring the withdrawn meeting back.
    let plan = network.plan(
        &["outlook_invitation_update.ics"],
        &CaptureOptions::default(),
    );
    assert_eq!(plan.items[0].reason.code, "withdrawn_earlier");
}

#[test]
fn a_reply_with_encoded_word_names_logs_one_email_with_the_known_correspondents() {
    let network = Network::new();
    let plan = network.plan(&["reply_encoded_words.eml"], &CaptureOptions::default());
    let item = &plan.items[0];
    assert_eq!(item.kind, InteractionKind::Email);
    let people: Vec<RecordId> = item.people.iter().map(|p| p.id).collect();
    assert_eq!(people, [network.francoise, network.joerg]);
    assert_eq!(item.unknown[0].name.as_deref(), Some("Irène Léonard"));
    network.store.apply_capture(&plan, now()).unwrap();
    let logged = network.interactions(network.francoise);
    assert_eq!(logged.len(), 1);
    assert_eq!(logged[0].kind, InteractionKind::Email);
    assert_eq!(
        logged[0].at,
        at("2024-03-12T16:05:31+01:00"),
        "dated from its Date header"
    );
    assert_eq!(
        logged[0].summary,
        "Re: Overleg kaaimuren – verslag en vervolg"
    );
    assert_eq!(network.interactions(network.joerg).len(), 1);
}

#[test]
fn a_google_export_logs_meetings_with_known_stakeholders_and_skips_the_rest() {
    let network = Network::new();
    let plan = network.plan(&["google_calendar_export.ics"], &CaptureOptions::default());
    let reasons: Vec<(&str, &str)> = plan
        .items
        .iter()
        .map(|i| (i.subject.as_str(), i.reason.code.as_str()))
        .collect();
    assert_eq!(
        reasons,
        [
            ("Kennismaking Havenbedrijf", "log"),
            ("Fietsersbond: fietsstraten Zuid", "no_known_stakeholder"),
            ("Tandarts", "no_known_stakeholder"),
            ("Omgevingsvergunning Scheldekaaien", "cancelled"),
            ("Afstemming havenoverleg", "log"),
            ("Afstemming havenoverleg", "log"),
            ("Afstemming havenoverleg (later)", "log"),
            ("Afstemming havenoverleg", "log"),
            ("Afstemming havenoverleg", "log"),
            ("Afstemming havenoverleg", "log"),
            ("Hamburg–Antwerpen: walstroom", "log"),
            ("Werkbezoek Kieldrechtsluis", "still_to_come"),
        ]
    );
    let outcome = network.store.apply_capture(&plan, now()).unwrap();
    assert_eq!(outcome.logged, 8);
    assert_eq!(outcome.follow_ups_planned, 1);
    assert_eq!(outcome.skipped, 3);
    assert_eq!(
        network.interactions(network.francoise).len(),
        6,
        "one per past occurrence"
    );
    assert!(
        network.interactions(network.marie).is_empty(),
        "the cancelled meeting is not logged"
    );
    let call = &network.interactions(network.joerg)[0];
    assert_eq!(
        call.kind,
        InteractionKind::Call,
        "a Teams meeting is a call"
    );
    // The meeting still to come is a follow-up on its day, not a contact that happened.
    let jan = network.interactions(network.jan);
    assert_eq!(jan.len(), 1);
    let follow_ups = network.store.follow_ups(None).unwrap();
    assert_eq!(follow_ups.len(), 1);
    assert_eq!(follow_ups[0].due.to_string(), "2024-06-20");
    assert_eq!(
        follow_ups[0].text,
        "Meeting at 14:00: Werkbezoek Kieldrechtsluis (Havenhuis, Zaha Hadidplein 1, 2030 Antwerpen, België)"
    );
    let relationship = &network
        .store
        .card_detail(network.jan, now())
        .unwrap()
        .relationships[0];
    assert_eq!(
        relationship.last_contact,
        Some(at("2024-02-05T10:00:00+01:00")),
        "the future meeting does not count as a contact"
    );

    // Once the meeting has happened, capturing the export again logs it and closes the
    // follow-up.
    let later = Utc.with_ymd_and_hms(2024, 6, 21, 9, 0, 0).unwrap();
    let options = CaptureOptions {
        local_zone: Some("Europe/Brussels".into()),
        ..CaptureOptions::default()
    };
    let plan = network
        .store
        .plan_capture(&[fixture("google_calendar_export.ics")], &options, later)
        .unwrap();
    let outcome = network.store.apply_capture(&plan, later).unwrap();
    assert_eq!(outcome.logged, 1, "only the visit, now past");
    assert!(
        network.store.follow_ups(None).unwrap().is_empty(),
        "its follow-up is done"
    );
}

#[test]
fn unknown_addresses_become_people_only_when_ticked_with_their_organisation_guessed() {
    let network = Network::new();
    let options = CaptureOptions {
        create_unknown: true,
        ..CaptureOptions::default()
    };
    let plan = network.plan(&["outlook_invitation.ics"], &options);
    assert!(plan.items[0].unknown[0].create);
    let outcome = network.store.apply_capture(&plan, now()).unwrap();
    assert_eq!(outcome.people_created, 1);
    let hits = network.store.search("koen claes", 5).unwrap();
    assert_eq!(hits.len(), 1);
    let koen = network.store.card_detail(hits[0].id, now()).unwrap();
    assert_eq!(koen.fields["given_name"], "Koen");
    assert_eq!(koen.fields["family_name"], "Claes");
    assert_eq!(koen.affiliations[0].organisation, network.delta);
    assert_eq!(
        koen.interactions.len(),
        1,
        "the meeting is logged with him too"
    );
    // Capturing again finds him by his address and changes nothing.
    let before = network.snapshot();
    network.capture(&["outlook_invitation.ics"]);
    assert_eq!(network.snapshot(), before);
}

#[test]
fn a_plan_edited_by_the_app_logs_without_the_removed_person() {
    let network = Network::new();
    let mut plan = network.plan(&["outlook_invitation.ics"], &CaptureOptions::default());
    plan.items[0].people.retain(|p| p.id != network.marie);
    let json = serde_json::to_string(&plan).unwrap();
    let plan: CapturePlan = serde_json::from_str(&json).expect("a plan goes to the app and back");
    network.store.apply_capture(&plan, now()).unwrap();
    assert_eq!(network.interactions(network.jan).len(), 1);
    assert!(network.interactions(network.marie).is_empty());
}

#[test]
fn a_plan_naming_a_card_that_does_not_exist_is_refused_and_changes_nothing() {
    let network = Network::new();
    let mut plan = network.plan(&["outlook_invitation.ics"], &CaptureOptions::default());
    plan.items[0].people[0].id = RecordId::new_v7(1);
    let before = network.snapshot();
    let error = network.store.apply_capture(&plan, now()).unwrap_err();
    assert_eq!(error.code(), "invalid");
    assert!(error.to_string().contains("no card with id"), "{error}");
    assert_eq!(network.snapshot(), before);
}

#[test]
fn a_private_card_makes_the_captured_meeting_private_and_its_date_stays_on_this_machine() {
    let network = Network::new();
    network
        .store
        .set_visibility(network.marie, Visibility::Private, now())
        .unwrap();
    let plan = network.plan(&["outlook_invitation.ics"], &CaptureOptions::default());
    assert_eq!(plan.items[0].visibility, Visibility::Private);
    network.store.apply_capture(&plan, now()).unwrap();
    let logged = &network.interactions(network.jan)[0];
    assert_eq!(logged.visibility.map(|v| v.as_str()), Some("private"));
    // As for a private meeting logged by hand: the owner sees the date, the record has none.
    let relationship = &network
        .store
        .card_detail(network.jan, now())
        .unwrap()
        .relationships[0];
    assert_eq!(
        relationship.last_contact,
        Some(at("2024-03-12T14:00:00+01:00"))
    );
    let stored: Relationship = network
        .store
        .get(relationship.id)
        .unwrap()
        .expect("the relationship exists");
    assert_eq!(
        stored.last_contact, None,
        "no date in the record that may travel"
    );
}

#[test]
fn the_text_is_kept_only_when_asked_as_a_note_with_the_interactions_visibility() {
    let network = Network::new();
    network.capture(&["reply_encoded_words.eml"]);
    assert_eq!(network.interactions(network.francoise).len(), 1);
    let notes_before = network
        .store
        .counts()
        .unwrap()
        .get("note")
        .copied()
        .unwrap_or(0);
    assert_eq!(notes_before, 0, "no text without --keep-text");

    let network = Network::new();
    let options = CaptureOptions {
        keep_text: true,
        visibility: Some(Visibility::Summary),
        ..CaptureOptions::default()
    };
    let plan = network.plan(&["reply_encoded_words.eml"], &options);
    let outcome = network.store.apply_capture(&plan, now()).unwrap();
    assert_eq!(outcome.notes_added, 1);
    assert_eq!(network.store.counts().unwrap().get("note"), Some(&1));
    let logged = &network.interactions(network.francoise)[0];
    assert_eq!(logged.visibility.map(|v| v.as_str()), Some("summary"));
}

#[test]
fn every_address_of_an_identity_group_and_gmail_spellings_match() {
    let network = Network::new();
    let store = &network.store;
    // A colleague's card for Jan holds his private Gmail address; the two cards are one person.
    let twin = person(store, "Jan Janssens", &["jan.janssens@gmail.com"], None);
    store
        .declare_same_as(network.jan, twin, true, now())
        .unwrap();
    let invitation = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:gmail@example.be\r\n\
        DTSTART:20240401T080000Z\r\nSUMMARY:Koffie\r\n\
        ATTENDEE;CN=Jan:mailto:Jan.Janssens+kring@googlemail.com\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let plan = store
        .plan_capture_bytes(
            &[("koffie.ics".into(), invitation.as_bytes().to_vec())],
            &CaptureOptions::default(),
            now(),
        )
        .unwrap();
    let people: Vec<RecordId> = plan.items[0].people.iter().map(|p| p.id).collect();
    let canonical = network.jan.min(twin);
    assert_eq!(
        people,
        [canonical],
        "the group's card, found by the twin's address"
    );
}

#[test]
fn unreadable_files_are_listed_with_their_problem_and_change_nothing() {
    let network = Network::new();
    let dir = tempfile::tempdir().unwrap();
    let msg = dir.path().join("mail.msg");
    std::fs::write(&msg, [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0]).unwrap();
    let missing = dir.path().join("missing.ics");
    let before = network.snapshot();
    let plan = network
        .store
        .plan_capture(
            &[msg, missing, fixture("outlook_invitation.ics")],
            &CaptureOptions::default(),
            now(),
        )
        .unwrap();
    let errors: Vec<(CaptureCode, String)> = plan
        .failed_files()
        .map(|f| {
            let error = f.error.as_ref().unwrap();
            (error.code, error.message.clone())
        })
        .collect();
    assert_eq!(errors.len(), 2);
    assert!(errors
        .iter()
        .any(|(code, m)| *code == CaptureCode::OutlookMsg && m.contains(".msg")));
    assert!(errors
        .iter()
        .any(|(code, m)| *code == CaptureCode::Unreadable && m == "does not exist"));
    assert_eq!(
        plan.items.len(),
        1,
        "the readable file still gives its meeting"
    );
    assert_eq!(network.snapshot(), before, "planning writes nothing");
}

/// A fixture's bytes with every `from` replaced by `to`, named as the fixture.
fn fixture_with(name: &str, from: &str, to: &str) -> (String, Vec<u8>) {
    let text = std::fs::read_to_string(fixture(name)).unwrap();
    assert!(text.contains(from), "{name} holds {from}");
    (name.to_owned(), text.replace(from, to).into_bytes())
}

#[test]
fn an_email_dated_ahead_and_a_meeting_after_2100_are_skipped_with_the_reason_and_change_nothing() {
    let network = Network::new();
    let before = network.snapshot();
    let email = fixture_with(
        "reply_encoded_words.eml",
        "Date: Tue, 12 Mar 2024 16:05:31 +0100",
        "Date: Thu, 31 Dec 2099 16:05:31 +0100",
    );
    let meeting = fixture_with("outlook_invitation.ics", "20240312T", "21500312T");
    let options = CaptureOptions {
        local_zone: Some("Europe/Brussels".into()),
        ..CaptureOptions::default()
    };
    let plan = network
        .store
        .plan_capture_bytes(&[email, meeting], &options, now())
        .unwrap();
    let reasons: Vec<(&str, &str)> = plan
        .items
        .iter()
        .map(|i| (i.file.as_str(), i.reason.code.as_str()))
        .collect();
    assert_eq!(
        reasons,
        [
            ("reply_encoded_words.eml", "dated_ahead"),
            ("outlook_invitation.ics", "date_out_of_range"),
        ],
        "an e-mail dated ahead is not a contact that happened; 2150 is outside the years Kring keeps"
    );
    assert!(plan.items.iter().all(|i| i.action == CaptureAction::Skip));
    assert!(
        plan.items[0].reason.message.contains("2099-12-31"),
        "{}",
        plan.items[0].reason.message
    );
    assert!(
        plan.items[1].reason.message.contains("2100"),
        "{}",
        plan.items[1].reason.message
    );
    // Applying decides again, so a plan the app ticked anyway logs nothing either.
    network.store.apply_capture(&plan, now()).unwrap();
    assert_eq!(network.snapshot(), before);
}

#[test]
fn a_plan_made_in_french_words_its_reasons_and_the_readers_warnings_in_french() {
    let network = Network::new();
    let french = CaptureOptions {
        language: kring_i18n::Language::French,
        ..CaptureOptions::default()
    };
    let plan = network.plan(
        &["google_calendar_export.ics", "outlook_invitation.eml"],
        &french,
    );
    let english = network.plan(
        &["google_calendar_export.ics", "outlook_invitation.eml"],
        &CaptureOptions::default(),
    );
    // The codes are the same in both languages; only the words differ.
    let codes = |plan: &CapturePlan| -> Vec<CaptureCode> {
        plan.items.iter().map(|i| i.reason.code).collect()
    };
    assert_eq!(codes(&plan), codes(&english));
    let cancelled = plan
        .items
        .iter()
        .find(|i| i.reason.code == "cancelled")
        .unwrap();
    assert_eq!(cancelled.reason.message, "annulé : pas enregistré");
    let unknown = plan
        .items
        .iter()
        .find(|i| i.reason.code == "no_known_stakeholder")
        .unwrap();
    assert!(
        !unknown.reason.message.contains("stakeholder"),
        "{}",
        unknown.reason.message
    );
    // The saved e-mail carries an invitation: the reader's warning is in French too.
    let email = plan
        .files
        .iter()
        .find(|f| f.file.ends_with("outlook_invitation.eml"))
        .unwrap();
    let warning = email
        .warnings
        .iter()
        .find(|w| w.code == "invitation_in_email")
        .unwrap();
    assert!(
        warning
            .message
            .starts_with("l'e-mail contient une invitation"),
        "{}",
        warning.message
    );
    let english_email = english
        .files
        .iter()
        .find(|f| f.file.ends_with("outlook_invitation.eml"))
        .unwrap();
    assert_eq!(
        english_email.warnings[0].message,
        "the e-mail carries a meeting invitation: the meeting is read, not the e-mail"
    );
    // Applied in French, the outcome's reasons are French as well.
    let outcome = network
        .store
        .apply_capture_speaking(&plan, now(), kring_i18n::Language::French)
        .unwrap();
    let logged = outcome
        .items
        .iter()
        .find(|i| i.reason.code == "log")
        .unwrap();
    assert_ne!(logged.reason.message, "to log");
}
