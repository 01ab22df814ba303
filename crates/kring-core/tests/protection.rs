//! The people on the cards have rights (issue #15), against the real store, bundles and files:
//! erasure that sticks on every store and against old bundles, backups and address books;
//! objection and restriction; retention rules with a clock passed in; the subject access report;
//! access requests that reach networkers; the bytes gone from every file after `compact`; the
//! processing log.

use chrono::{DateTime, Duration, TimeZone, Utc};
use kring_core::capture::CaptureOptions;
use kring_core::cards::views::{LogRequest, RelateRequest};
use kring_core::crdt::RecordState;
use kring_core::manager::{Event, EventKind};
use kring_core::model::{
    InteractionKind, Organisation, Person, RecordId, RecordKind, Role, Visibility,
};
use kring_core::protection::processing_log::Activity;
use kring_core::protection::{RestrictionStatus, RetentionAction, RetentionRule};
use kring_core::store::{OpenOptions, Store};
use kring_core::sync::folder::SyncFolder;
use kring_i18n::Language::English;
use std::path::{Path, PathBuf};

mod common;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 6, 1, 9, 0, 0).unwrap()
}

fn options() -> OpenOptions {
    OpenOptions {
        cache_bytes: 1 << 20,
    }
}

struct World {
    dir: tempfile::TempDir,
    files: usize,
}

impl World {
    fn new() -> Self {
        World {
            dir: tempfile::tempdir().unwrap(),
            files: 0,
        }
    }

    fn store(&self, name: &str, role: Role) -> Store {
        let store = Store::open(&self.dir.path().join(name), &options()).unwrap();
        store
            .init(
                name,
                &format!("{}@antwerpen.be", name.to_lowercase()),
                role,
                t0(),
            )
            .unwrap();
        store
    }

    fn file(&mut self) -> PathBuf {
        self.files += 1;
        self.dir.path().join(format!("{}.kring", self.files))
    }

    fn export(&mut self, store: &Store, now: DateTime<Utc>) -> PathBuf {
        let path = self.file();
        store.export_bundle(&path, true, now).unwrap();
        path
    }
}

/// An and Bert (networkers) and Mia (the manager), in one organisation.
fn organisation(world: &World) -> (Store, Store, Store) {
    let an = world.store("An", Role::Networker);
    let bert = world.store("Bert", Role::Networker);
    let mia = world.store("Mia", Role::Manager);
    common::one_organisation(&[&mia, &an, &bert], t0());
    // The manager learns each networker's own card, so that one master later makes every
    // store hold the same shared records.
    for (store, name) in [(&an, "an-joined.kring"), (&bert, "bert-joined.kring")] {
        let path = world.dir.path().join(name);
        store.export_bundle(&path, true, t0()).unwrap();
        mia.import_bundles(&[path], false, t0()).unwrap();
    }
    (an, bert, mia)
}

fn import(store: &Store, files: &[PathBuf], now: DateTime<Utc>) -> kring_core::sync::ImportReport {
    store.import_bundles(files, false, now).unwrap()
}

/// Every string of a record, to look for a name or a canary in it.
fn texts(state: &RecordState) -> String {
    // Values are JSON bytes: a Debug print would show numbers, not the text looked for.
    let mut out = String::new();
    for register in state.fields.values() {
        for version in register.versions() {
            out.push_str(&String::from_utf8_lossy(&version.value));
            out.push('\n');
        }
    }
    for set in state.sets.values() {
        for (element, _) in set.elements() {
            out.push_str(&String::from_utf8_lossy(element));
            out.push('\n');
        }
    }
    out
}

/// Whether anything the store holds (records, history) still mentions the text.
fn store_mentions(store: &Store, text: &str) -> Vec<String> {
    let mut found = Vec::new();
    store
        .for_each_state(|state| {
            if texts(&state).contains(text) {
                found.push(format!("{} {}", state.kind, state.id));
            }
            for (field, _, value) in store.history(RecordId(state.id))? {
                if value.to_string().contains(text) {
                    found.push(format!("history of {} {field}", state.id));
                }
            }
            Ok(())
        })
        .unwrap();
    found
}

/// What An knows of Jan: his card with a canary name and addresses, where he works, An's
/// relationship, a note, a follow-up, and a meeting with Jan and Marie.
struct Jan {
    jan: RecordId,
    marie: RecordId,
    meeting: RecordId,
}

fn jan_at_an(an: &Store, now: DateTime<Utc>) -> Jan {
    let port = an
        .create(
            &Organisation {
                name: "Port of Antwerp-Bruges".into(),
                ..Organisation::default()
            },
            None,
            now,
        )
        .unwrap();
    let jan = an
        .create_person(
            &Person {
                display_name: "Jan CANARYJAN Peeters".into(),
                emails: vec!["jan.canary@portofantwerp.be".into()],
                phones: vec!["+32 3 205 20 11".into()],
                ..Person::default()
            },
            Some(port),
            Some("havenkapitein"),
            None,
            now,
        )
        .unwrap();
    let marie = an
        .create(
            &Person {
                display_name: "Marie Dubois".into(),
                ..Person::default()
            },
            None,
            now,
        )
        .unwrap();
    an.relate(
        jan,
        &RelateRequest {
            strength: Some(4),
            cadence_days: Some(30),
            ..RelateRequest::default()
        },
        now,
    )
    .unwrap();
    an.add_note(jan, "CANARYNOTE fietst elke dag", None, now)
        .unwrap();
    let logged = an
        .log_interaction(
            &LogRequest {
                with: vec![jan, marie],
                kind: InteractionKind::Meeting,
                at: now.fixed_offset(),
                summary: "Overleg kaaimuren".into(),
                outcomes: vec![],
                follow_up: Some(("Stuur Jan de nota".into(), now.date_naive())),
                visibility: None,
            },
            now,
        )
        .unwrap();
    Jan {
        jan,
        marie,
        meeting: logged.interaction,
    }
}

#[test]
fn a_forgotten_person_is_swept_out_of_every_store_and_an_old_bundle_brings_nothing_of_them_back() {
    let mut world = World::new();
    let (an, bert, mia) = organisation(&world);
    let now = t0() + Duration::hours(1);
    let Jan {
        jan,
        marie,
        meeting,
    } = jan_at_an(&an, now);
    let old_an = world.export(&an, now);
    import(&mia, std::slice::from_ref(&old_an), now);
    let old_master = world.export(&mia, now);
    import(&bert, std::slice::from_ref(&old_master), now);
    assert!(
        !store_mentions(&bert, "CANARYJAN").is_empty(),
        "Bert knew Jan"
    );

    let later = now + Duration::days(1);
    let report = mia.forget(jan, "Art. 17, verzoek 2026-014", later).unwrap();
    assert!(
        report.forget.is_some(),
        "a shared card is forgotten for the organisation"
    );
    for kind in ["person", "affiliation", "relationship", "note", "follow_up"] {
        assert_eq!(
            report.swept.removed.get(kind),
            Some(&1),
            "{kind} goes with Jan: {:?}",
            report.swept
        );
    }
    assert!(
        store_mentions(&mia, "CANARYJAN").is_empty()
            && store_mentions(&mia, "CANARYNOTE").is_empty(),
        "nothing of Jan is left on the manager's store: {:?}",
        store_mentions(&mia, "CANARY")
    );
    let kept = mia.state(meeting).unwrap().expect("the meeting stays");
    let participants: Vec<String> = kept.sets["participants"]
        .present()
        .map(|e| String::from_utf8_lossy(e).into_owned())
        .collect();
    assert!(
        participants.iter().any(|p| p.contains(&marie.to_string()))
            && !participants.iter().any(|p| p.contains(&jan.to_string())),
        "the meeting keeps Marie and loses Jan: {participants:?}"
    );
    assert!(mia.search("canaryjan", 5).unwrap().is_empty());
    assert!(mia.compaction_due().unwrap(), "compaction is offered");

    // The master carries the forget: every store sweeps Jan out, and they agree.
    let master = world.export(&mia, later);
    let to_an = import(&an, std::slice::from_ref(&master), later);
    let to_bert = import(&bert, std::slice::from_ref(&master), later);
    assert!(to_an.forgotten_purged >= 5 && to_bert.forgotten_purged >= 5);
    for store in [&an, &bert] {
        assert!(
            store_mentions(store, "CANARY").is_empty(),
            "{:?}",
            store_mentions(store, "CANARY")
        );
    }
    // One more round (each networker's changes to the manager, the master back) and the
    // three stores hold the same shared records.
    let an_delta = world.file();
    an.export_bundle(&an_delta, false, later).unwrap();
    let bert_delta = world.file();
    bert.export_bundle(&bert_delta, false, later).unwrap();
    import(&mia, &[an_delta, bert_delta], later);
    let master = world.export(&mia, later);
    import(&an, std::slice::from_ref(&master), later);
    import(&bert, std::slice::from_ref(&master), later);
    let digest = mia.digest().unwrap();
    assert_eq!(an.digest().unwrap(), digest, "An converges");
    assert_eq!(bert.digest().unwrap(), digest, "Bert converges");
    assert!(store_mentions(&mia, "CANARY").is_empty());

    // Years later, a restored laptop's bundle and an old master: nothing comes back.
    let years = later + Duration::days(3 * 365);
    let again = import(&mia, std::slice::from_ref(&old_an), years);
    assert!(
        again.forgotten_dropped >= 6,
        "the old bundle's records about Jan are dropped and counted: {again:?}"
    );
    assert_eq!(again.added, 0, "{again:?}");
    let again = import(&bert, std::slice::from_ref(&old_master), years);
    assert!(again.forgotten_dropped >= 6, "{again:?}");
    for store in [&mia, &bert] {
        assert!(store_mentions(store, "CANARY").is_empty());
        assert_eq!(
            store.digest().unwrap(),
            digest,
            "an old file changes nothing"
        );
    }
    let dry = mia
        .import_bundles(std::slice::from_ref(&old_an), true, years)
        .unwrap();
    assert!(dry.forgotten_dropped >= 6, "a dry run says so too");

    // The organisation sees the erasure, but not who was erased.
    let erasures = mia.erasures().unwrap();
    assert_eq!(erasures.len(), 1);
    assert_eq!(erasures[0].by.as_deref(), Some("Mia"));
    let on_an = an.erasures().unwrap();
    assert_eq!(on_an.len(), 1, "the forget record reached An");
    let forget = an.state(report.forget.unwrap()).unwrap().unwrap();
    assert!(!texts(&forget).contains("CANARY") && !texts(&forget).contains("jan.canary"));
}

#[test]
fn a_forget_cannot_be_changed_or_deleted_and_a_networker_may_forget_only_their_private_cards() {
    let world = World::new();
    let (an, _bert, mia) = organisation(&world);
    let now = t0() + Duration::hours(1);
    let shared = an
        .create(
            &Person {
                display_name: "Gedeelde Kaart".into(),
                ..Person::default()
            },
            None,
            now,
        )
        .unwrap();
    let error = an.forget(shared, "verzoek", now).unwrap_err();
    assert_eq!(error.code(), "not_allowed");
    assert!(
        error.to_string().contains("Manager of the Network"),
        "{error}"
    );
    assert!(an.state(shared).unwrap().is_some(), "nothing was changed");

    let secret = an
        .create(
            &Person {
                display_name: "Geheime SECRETCANARY".into(),
                emails: vec!["secret@example.be".into()],
                ..Person::default()
            },
            Some(Visibility::Private),
            now,
        )
        .unwrap();
    let report = an.forget(secret, "verzoek per brief", now).unwrap();
    assert!(
        report.forget.is_none(),
        "a private card is forgotten here only"
    );
    assert_eq!(report.local_cards, vec![secret]);
    assert!(store_mentions(&an, "SECRETCANARY").is_empty());
    let bundle = world.dir.path().join("an-after.kring");
    an.export_bundle_with(&bundle, true, true, now).unwrap();
    let (_, records) = an.open_bundle(&bundle).unwrap().read_all().unwrap();
    assert!(
        !records
            .iter()
            .any(|r| r.kind == "forget" || format!("{r:?}").contains(&secret.to_string())),
        "not even the private card's id leaves in a forget"
    );

    // The manager's forget record is final.
    let forgotten = mia
        .create(
            &Person {
                display_name: "Weg".into(),
                ..Person::default()
            },
            None,
            now,
        )
        .unwrap();
    let record = mia
        .forget(forgotten, "verzoek", now)
        .unwrap()
        .forget
        .unwrap();
    assert_eq!(mia.delete(record, now).unwrap_err().code(), "not_allowed");
    assert_eq!(
        mia.set_visibility(record, Visibility::Private, now)
            .unwrap_err()
            .code(),
        "not_allowed"
    );
    assert_eq!(
        mia.forget(forgotten, "nog eens", now).unwrap_err().code(),
        "not_found",
        "the card is gone"
    );
}

#[test]
fn an_address_book_or_a_capture_meeting_a_forgotten_address_again_warns_and_creates_no_card() {
    let world = World::new();
    let mia = world.store("Mia", Role::Manager);
    mia.invite(Role::Networker, t0()).unwrap();
    let now = t0() + Duration::hours(1);
    let jan = mia
        .create(
            &Person {
                display_name: "Jan Peeters".into(),
                emails: vec!["Jan.Peeters@Port.be".into()],
                phones: vec!["03 205 20 11".into()],
                ..Person::default()
            },
            None,
            now,
        )
        .unwrap();
    mia.forget(jan, "Art. 17", now).unwrap();
    let vcard = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jan Peeters\r\nEMAIL:jan.peeters@port.be\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Piet Janssens\r\nTEL:+32 3 205 20 11\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Els Maes\r\nEMAIL:els@port.be\r\nEND:VCARD\r\n";
    let report = mia
        .import_contacts("contacts.vcf", vcard.as_bytes(), None, None, false, now)
        .unwrap();
    assert_eq!(report.people_added, 1, "only Els: {report:?}");
    assert_eq!(
        report
            .warnings
            .iter()
            .filter(|w| w.contains("was erased"))
            .count(),
        2,
        "the address (in other capitals) and the phone (written another way) are recognised: {:?}",
        report.warnings
    );
    assert!(mia.search("peeters", 5).unwrap().is_empty());

    let invitation = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:test\r\nBEGIN:VEVENT\r\nUID:erased-1\r\nDTSTAMP:20260601T080000Z\r\nDTSTART:20260601T080000Z\r\nDTEND:20260601T090000Z\r\nSUMMARY:Overleg\r\nORGANIZER:mailto:mia@antwerpen.be\r\nATTENDEE;CN=Jan Peeters:mailto:jan.peeters@port.be\r\nATTENDEE;CN=Els Maes:mailto:els@port.be\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    let file = world.dir.path().join("invite.ics");
    std::fs::write(&file, invitation).unwrap();
    let plan = mia
        .plan_capture(
            &[file],
            &CaptureOptions {
                create_unknown: true,
                ..CaptureOptions::default()
            },
            now,
        )
        .unwrap();
    assert!(
        plan.files[0]
            .warnings
            .iter()
            .any(|w| w.code == "forgotten_person"),
        "{:?}",
        plan.files[0].warnings
    );
    let mut ticked = plan.clone();
    for item in &mut ticked.items {
        for unknown in &mut item.unknown {
            unknown.create = true;
        }
    }
    mia.apply_capture(&ticked, now).unwrap();
    assert!(
        mia.search("peeters", 5).unwrap().is_empty(),
        "even a plan ticked by hand makes no card for Jan"
    );
}

#[test]
fn an_objection_shows_on_the_card_keeps_the_person_out_of_reminders_and_invitations_until_a_manager_lifts_it(
) {
    let mut world = World::new();
    let (an, _bert, mia) = organisation(&world);
    let now = t0() + Duration::hours(1);
    let Jan { jan, marie, .. } = jan_at_an(&an, now);
    let later = now + Duration::days(60);
    assert!(an
        .going_cold(later)
        .unwrap()
        .iter()
        .any(|r| r.stakeholder == jan));
    assert!(an
        .follow_ups(None)
        .unwrap()
        .iter()
        .any(|f| f.about.iter().any(|(id, _)| *id == jan)));

    an.mark_restriction(jan, RestrictionStatus::Objected, Some("per brief"), now)
        .unwrap();
    assert!(!an
        .going_cold(later)
        .unwrap()
        .iter()
        .any(|r| r.stakeholder == jan));
    assert!(!an
        .follow_ups(None)
        .unwrap()
        .iter()
        .any(|f| f.about.iter().any(|(id, _)| *id == jan)));
    let card = an.card_detail(jan, now).unwrap();
    assert_eq!(
        card.restriction.map(|r| r.status),
        Some(RestrictionStatus::Objected)
    );
    assert_eq!(card.follow_ups.len(), 1, "the card itself still shows it");
    let listed = an
        .list_cards(&Default::default())
        .unwrap()
        .into_iter()
        .find(|c| c.id == jan)
        .unwrap();
    assert_eq!(listed.restriction.as_deref(), Some("objected"));

    // A networker may mark, not lift; the mark reaches the manager, who may not invite Jan.
    assert_eq!(
        an.mark_restriction(jan, RestrictionStatus::Lifted, None, now)
            .unwrap_err()
            .code(),
        "not_allowed"
    );
    let bundle = world.export(&an, now);
    import(&mia, &[bundle], now);
    let event = Event {
        name: "Havendag".into(),
        kind: EventKind::Newsletter,
        at: now.fixed_offset(),
        location: None,
        invited: vec![marie],
        attending: vec![],
        outcomes: vec![],
        notes: None,
    };
    let newsletter = mia.create_event(&event, None, now).unwrap();
    let refused = mia.add_to_event(newsletter, &[jan], &[], now).unwrap_err();
    assert_eq!(refused.code(), "not_allowed");
    assert!(refused.to_string().contains("objected"), "{refused}");
    assert!(mia
        .create_event(
            &Event {
                invited: vec![jan],
                ..event.clone()
            },
            None,
            now
        )
        .is_err());
    assert_eq!(
        mia.event_recipients(newsletter).unwrap().send_to,
        vec![marie]
    );

    mia.mark_restriction(jan, RestrictionStatus::Lifted, None, now)
        .unwrap();
    mia.add_to_event(newsletter, &[jan], &[], now).unwrap();
    let master = world.export(&mia, now);
    import(&an, &[master], now);
    assert!(
        an.restriction_of(jan).unwrap().is_none(),
        "lifted everywhere"
    );
    assert!(an
        .going_cold(later)
        .unwrap()
        .iter()
        .any(|r| r.stakeholder == jan));
    let log = mia.processing_log(None, English).unwrap();
    assert!(log.iter().any(|e| e.activity == Activity::Restriction));
}

#[test]
fn inviting_a_person_who_objected_is_refused_in_dutch_words_naming_them_and_their_objection() {
    let mut world = World::new();
    let (an, _bert, mia) = organisation(&world);
    let now = t0() + Duration::hours(1);
    let Jan { jan, marie, .. } = jan_at_an(&an, now);
    an.mark_restriction(jan, RestrictionStatus::Objected, None, now)
        .unwrap();
    let bundle = world.export(&an, now);
    import(&mia, &[bundle], now);
    let newsletter = mia
        .create_event(
            &Event {
                name: "Havendag".into(),
                kind: EventKind::Newsletter,
                at: now.fixed_offset(),
                location: None,
                invited: vec![marie],
                attending: vec![],
                outcomes: vec![],
                notes: None,
            },
            None,
            now,
        )
        .unwrap();
    let refused = mia.add_to_event(newsletter, &[jan], &[], now).unwrap_err();
    let dutch = refused.message(kring_i18n::Language::Dutch);
    assert_eq!(
        dutch,
        format!(
            "Jan CANARYJAN Peeters ({jan}) is gemarkeerd met bezwaar: blijft buiten nieuwsbrieven \
             en uitnodigingen tot een netwerkmanager de markering opheft; er is niets gewijzigd"
        )
    );
    for english in [
        "marked",
        "objected",
        "left out",
        "newsletters",
        "invitations",
        "Manager",
        "nothing",
    ] {
        assert!(!dutch.contains(english), "{english:?} in {dutch}");
    }
    assert_eq!(
        refused.to_string(),
        format!(
            "Jan CANARYJAN Peeters ({jan}) is marked objected: they are left out of newsletters \
             and invitations until a Manager of the Network lifts the mark; nothing was changed"
        ),
        "English (and logs) read as before"
    );
}

fn interaction_summary_rule() -> RetentionRule {
    RetentionRule {
        name: "Samenvattingen na zes jaar".into(),
        applies_to: RecordKind::Interaction,
        action: RetentionAction::Clear,
        after_days: 6 * 365,
        fields: vec!["summary".into(), "outcomes".into()],
        legal_reference: "Selectielijst lokale besturen, reeks 1.3".into(),
        description: None,
    }
}

#[test]
fn a_retention_rule_clears_old_summaries_on_every_store_alike_after_a_dry_run_that_changes_nothing()
{
    let mut world = World::new();
    let (an, bert, mia) = organisation(&world);
    let now = t0() + Duration::hours(1);
    let Jan { meeting, .. } = jan_at_an(&an, now);
    let old_an = world.export(&an, now);
    import(&mia, std::slice::from_ref(&old_an), now);
    mia.add_retention_rule(&interaction_summary_rule(), now)
        .unwrap();
    assert_eq!(
        an.add_retention_rule(&interaction_summary_rule(), now)
            .unwrap_err()
            .code(),
        "not_allowed"
    );
    let master = world.export(&mia, now);
    import(&an, std::slice::from_ref(&master), now);
    import(&bert, std::slice::from_ref(&master), now);

    // Not yet: a run today changes nothing.
    let today = mia.apply_retention(now, false).unwrap();
    assert_eq!(today.swept.total(), 0);

    let seven_years = now + Duration::days(7 * 365);
    let before = mia.digest().unwrap();
    let dry = mia.apply_retention(seven_years, true).unwrap();
    assert_eq!(dry.swept.changed.get("interaction"), Some(&1), "{dry:?}");
    assert_eq!(dry.rules[0].records, 1);
    assert_eq!(mia.digest().unwrap(), before, "a dry run changes nothing");

    for store in [&mia, &an, &bert] {
        let run = store.run_retention_if_due(seven_years).unwrap().unwrap();
        assert_eq!(run.swept.total(), 1);
        assert!(
            store.run_retention_if_due(seven_years).unwrap().is_none(),
            "once a day"
        );
        let state = store.state(meeting).unwrap().unwrap();
        assert_eq!(
            state.current("summary").unwrap(),
            kring_core::protection::sweep::CLEARED_TEXT
        );
        assert!(state.current("at").is_some(), "the date stays");
        assert!(store_mentions(store, "Overleg kaaimuren").is_empty());
    }
    assert_eq!(an.digest().unwrap(), mia.digest().unwrap());
    assert_eq!(bert.digest().unwrap(), mia.digest().unwrap());
    // An old bundle brings the text back nowhere.
    // (An's bundle is sealed to the managers: the manager is who would import it.)
    let again = import(&mia, &[old_an], seven_years);
    assert!(again.expired_dropped >= 1, "{again:?}");
    assert!(store_mentions(&mia, "Overleg kaaimuren").is_empty());
    assert_eq!(bert.digest().unwrap(), mia.digest().unwrap());
}

#[test]
fn people_without_contact_are_proposed_for_erasure_and_forgotten_only_when_a_person_confirms() {
    let world = World::new();
    let mia = world.store("Mia", Role::Manager);
    mia.invite(Role::Networker, t0()).unwrap();
    let quiet = mia
        .create(
            &Person {
                display_name: "Stille Steven".into(),
                ..Person::default()
            },
            None,
            t0(),
        )
        .unwrap();
    let met = mia
        .create(
            &Person {
                display_name: "Actieve An".into(),
                ..Person::default()
            },
            None,
            t0(),
        )
        .unwrap();
    mia.add_retention_rule(
        &RetentionRule {
            name: "Geen contact in vier jaar".into(),
            applies_to: RecordKind::Person,
            action: RetentionAction::ProposeErasure,
            after_days: 4 * 365,
            fields: vec![],
            legal_reference: "Art. 5(1)(e) AVG".into(),
            description: None,
        },
        t0(),
    )
    .unwrap();
    let five_years = t0() + Duration::days(5 * 365);
    mia.log_interaction(
        &LogRequest {
            with: vec![met],
            kind: InteractionKind::Call,
            at: (five_years - Duration::days(30)).fixed_offset(),
            summary: "Bijpraten".into(),
            outcomes: vec![],
            follow_up: None,
            visibility: None,
        },
        five_years - Duration::days(30),
    )
    .unwrap();
    let report = mia.apply_retention(five_years, true).unwrap();
    let proposed: Vec<RecordId> = report.proposals.iter().map(|p| p.person).collect();
    assert_eq!(proposed, vec![quiet], "{:?}", report.proposals);
    mia.apply_retention(five_years, false).unwrap();
    assert!(
        mia.state(quiet).unwrap().is_some(),
        "a proposal erases nobody by itself"
    );
    assert_eq!(
        mia.confirm_erasure(met, five_years).unwrap_err().code(),
        "not_allowed"
    );
    let forgotten = mia.confirm_erasure(quiet, five_years).unwrap();
    assert!(forgotten.forget.is_some());
    assert!(mia.state(quiet).unwrap().is_none());
    let erasure = &mia.erasures().unwrap()[0];
    assert!(
        erasure.reason.contains("Geen contact in vier jaar"),
        "{erasure:?}"
    );
}

#[test]
fn the_subject_access_report_on_the_demo_network_lists_every_record_that_names_the_person_with_its_source(
) {
    let world = World::new();
    let mia = world.store("Mia", Role::Manager);
    kring_core::demo::generate(
        &mia,
        &kring_core::demo::DemoOptions {
            seed: 7,
            cards: 200,
            mark_as_demo: false,
            ..Default::default()
        },
        t0(),
    )
    .unwrap();
    // The person named by the most records.
    let mut counts: std::collections::HashMap<RecordId, usize> = Default::default();
    let people: Vec<RecordId> = mia
        .all_of_kind(RecordKind::Person)
        .unwrap()
        .iter()
        .map(|s| RecordId(s.id))
        .collect();
    mia.for_each_state(|state| {
        let text = texts(&state);
        for person in &people {
            if text.contains(&person.to_string()) {
                *counts.entry(*person).or_default() += 1;
            }
        }
        Ok(())
    })
    .unwrap();
    let (&person, _) = counts.iter().max_by_key(|(id, n)| (**n, **id)).unwrap();
    mia.add_note(
        person,
        "<script>alert('x')</script> & \"quotes\"",
        None,
        t0(),
    )
    .unwrap();
    // The card itself, and every record whose values name it.
    let mut expected = std::collections::BTreeSet::from([person]);
    mia.for_each_state(|state| {
        if texts(&state).contains(&person.to_string()) {
            expected.insert(RecordId(state.id));
        }
        Ok(())
    })
    .unwrap();
    let report = mia.subject_access(person, English, t0()).unwrap();
    let listed: std::collections::BTreeSet<RecordId> = report.items.iter().map(|i| i.id).collect();
    assert_eq!(
        listed, expected,
        "the report lists exactly the records a scan finds the person's id in"
    );
    assert!(
        expected.len() > 5,
        "a person with a history: {}",
        expected.len()
    );
    for item in &report.items {
        assert!(
            item.source.author.is_some() && item.source.created_at.is_some(),
            "{} {} has its source and day",
            item.kind,
            item.id
        );
        assert!(!item.source.written_by.is_empty());
    }
    assert_eq!(
        report.purposes[0].article, "Art. 6(1)(e) GDPR",
        "the default basis"
    );
    assert!(report.rights.iter().any(|r| r.text.contains("Art. 17")));
    let html = report.to_html();
    assert!(
        html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quotes&quot;")
    );
    assert!(!html.contains("<script>"), "everything is escaped");
    assert!(!html.contains("http://") && !html.contains("https://") || !html.contains("src="));
    let json = serde_json::to_string(&report).unwrap();
    assert!(json.contains(&person.to_string()));
    assert!(mia
        .processing_log(None, English)
        .unwrap()
        .iter()
        .any(|e| e.activity == Activity::SubjectAccess && e.text.contains(&person.to_string())));
}

#[test]
fn an_access_request_reaches_networkers_whose_kring_lists_what_they_hold_privately_and_sends_none_of_it(
) {
    let mut world = World::new();
    let (an, bert, mia) = organisation(&world);
    let now = t0() + Duration::hours(1);
    let jan = mia
        .create(
            &Person {
                display_name: "Jan Peeters".into(),
                emails: vec!["jan@port.be".into()],
                ..Person::default()
            },
            None,
            now,
        )
        .unwrap();
    // An keeps her own, private card of Jan, with a private note.
    let own = an
        .create(
            &Person {
                display_name: "Jan (privé)".into(),
                emails: vec!["JAN@port.be".into()],
                ..Person::default()
            },
            Some(Visibility::Private),
            now,
        )
        .unwrap();
    let note = an
        .add_note(
            own,
            "PRIVATECANARY zijn kinderen",
            Some(Visibility::Private),
            now,
        )
        .unwrap();
    let request = mia
        .raise_access_request(jan, now.date_naive(), Some("2026-015"), now)
        .unwrap();
    let master = world.export(&mia, now);
    import(&an, std::slice::from_ref(&master), now);
    import(&bert, std::slice::from_ref(&master), now);
    let at_an = an.access_requests(English).unwrap();
    assert_eq!(at_an.len(), 1);
    assert_eq!(at_an[0].id, request);
    assert_eq!(at_an[0].private_cards, vec![own], "found by address");
    let records: Vec<RecordId> = at_an[0].private_records.iter().map(|r| r.id).collect();
    assert!(
        records.contains(&own) && records.contains(&note),
        "{records:?}"
    );
    assert!(bert.access_requests(English).unwrap()[0]
        .private_records
        .is_empty());
    let back = world.export(&an, now);
    let (_, records) = mia.open_bundle(&back).unwrap().read_all().unwrap();
    assert!(
        !format!("{records:?}").contains("PRIVATECANARY"),
        "nothing private leaves"
    );
    mia.answer_access_request(request, now.date_naive(), now)
        .unwrap();
}

#[test]
fn a_restored_backup_from_before_a_forget_revives_nothing() {
    let world = World::new();
    let mia = world.store("Mia", Role::Manager);
    mia.invite(Role::Networker, t0()).unwrap();
    let jan = mia
        .create(
            &Person {
                display_name: "RESTORECANARY".into(),
                ..Person::default()
            },
            None,
            t0(),
        )
        .unwrap();
    let backup = world.dir.path().join("old.kring-backup");
    mia.backup(&backup, t0()).unwrap();
    mia.forget(jan, "Art. 17", t0()).unwrap();
    mia.restore(&backup, t0() + Duration::hours(1)).unwrap();
    assert!(store_mentions(&mia, "RESTORECANARY").is_empty());
    assert_eq!(mia.erasures().unwrap().len(), 1, "the forget itself stays");
}

#[test]
fn a_backup_carries_no_private_contact_note_and_a_restore_derives_it_from_the_private_meeting() {
    let world = World::new();
    let an = world.store("An", Role::Networker);
    let now = t0();
    let jan = an
        .create(
            &Person {
                display_name: "Jan".into(),
                ..Person::default()
            },
            None,
            now,
        )
        .unwrap();
    an.relate(
        jan,
        &RelateRequest {
            cadence_days: Some(30),
            ..RelateRequest::default()
        },
        now,
    )
    .unwrap();
    let private_meeting = now + Duration::days(20);
    an.log_interaction(
        &LogRequest {
            with: vec![jan],
            kind: InteractionKind::Meeting,
            at: private_meeting.fixed_offset(),
            summary: "Vertrouwelijk".into(),
            outcomes: vec![],
            follow_up: None,
            visibility: Some(Visibility::Private),
        },
        private_meeting,
    )
    .unwrap();
    let backup = world.dir.path().join("an.kring-backup");
    an.backup(&backup, private_meeting).unwrap();
    let (_, records) = an.open_bundle(&backup).unwrap().read_all().unwrap();
    let meta = records
        .iter()
        .find(|r| r.kind == "kring.backup_meta")
        .unwrap();
    assert!(
        meta.fields
            .keys()
            .all(|k| !k.starts_with("private_contact")),
        "no private contact note in the backup: {:?}",
        meta.fields.keys()
    );
    let restored = Store::open(&world.dir.path().join("Restored"), &options()).unwrap();
    restored.restore(&backup, private_meeting).unwrap();
    // Related at t0 with a 30-day cadence and no shared contact since: only the private meeting
    // 25 days ago keeps it from going cold.
    let cold = restored
        .going_cold(private_meeting + Duration::days(25))
        .unwrap();
    assert!(
        cold.is_empty(),
        "the private meeting still counts after a restore: {cold:?}"
    );
    assert_eq!(
        restored
            .going_cold(private_meeting + Duration::days(31))
            .unwrap()
            .len(),
        1
    );
}

/// Every file under a folder, recursively.
fn files_under(folder: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(folder) else {
        return out;
    };
    for entry in entries.filter_map(Result::ok) {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push(path);
        }
    }
    out
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn after_a_forget_and_compact_no_file_of_the_store_its_backups_or_its_sync_folder_holds_the_canary()
{
    let world = World::new();
    let (an, _bert, mia) = organisation(&world);
    let sync = world.dir.path().join("gedeeld");
    std::fs::create_dir_all(&sync).unwrap();
    let folder = SyncFolder::new(&sync);
    let now = t0() + Duration::hours(1);
    let jan = mia
        .create_person(
            &Person {
                display_name: "Jan ZQCANARYNAME".into(),
                emails: vec!["zqcanarymail@port.be".into()],
                ..Person::default()
            },
            None,
            None,
            None,
            now,
        )
        .unwrap();
    mia.add_note(jan, "ZQCANARYNOTE vertrouwelijk", None, now)
        .unwrap();
    for n in 0..30 {
        mia.set_fields(
            jan,
            &[("job_title".into(), format!("ZQCANARYTITLE {n}"))],
            now + Duration::seconds(n),
        )
        .unwrap();
    }
    folder.sync_once(&mia, now).unwrap();
    folder.sync_once(&an, now).unwrap();
    mia.backup_now(now).unwrap();
    let canaries: [&[u8]; 4] = [
        b"ZQCANARYNAME",
        b"zqcanarymail",
        b"ZQCANARYNOTE",
        b"ZQCANARYTITLE",
    ];
    let store_dir = mia.path().to_owned();
    let grep = |dirs: &[&Path]| -> Vec<String> {
        let mut hits = Vec::new();
        for dir in dirs {
            for file in files_under(dir) {
                let bytes = std::fs::read(&file).unwrap_or_default();
                for canary in canaries {
                    if contains(&bytes, canary) {
                        hits.push(format!(
                            "{} in {}",
                            String::from_utf8_lossy(canary),
                            file.display()
                        ));
                    }
                }
            }
        }
        hits
    };
    assert!(
        !grep(&[&store_dir]).is_empty(),
        "the canary is in the store's files before (the test can see it)"
    );
    let later = now + Duration::days(1);
    mia.forget(jan, "Art. 17", later).unwrap();
    let (mia, report) = mia.compact(&options(), later).unwrap();
    assert!(!report.backups_rewritten.is_empty(), "{report:?}");
    assert!(!report.sync_files_dropped.is_empty(), "{report:?}");
    let hits = grep(&[&store_dir, &sync.join("kring-sync/masters")]);
    assert!(hits.is_empty(), "still on disk: {hits:?}");
    // What the sync folder's sealed files say inside, too.
    for file in files_under(&sync) {
        if let Ok(reader) = mia.open_bundle(&file) {
            if reader.header.author_node == mia.node_id() {
                let (_, records) = reader.read_all().unwrap();
                assert!(!format!("{records:?}").contains("ZQCANARY"));
            }
        }
    }
    // The store still works, and its backups still restore.
    assert!(mia.check(false, later).unwrap().is_clean());
    assert!(mia.state(jan).unwrap().is_none());
    let backup = mia.backups()[0].path.clone();
    mia.restore(&backup, later).unwrap();
    assert!(!mia.compaction_due().unwrap());
    assert!(mia
        .processing_log(None, English)
        .unwrap()
        .iter()
        .any(|e| e.activity == Activity::Compaction));
}

/// A colleague's hand-over Bert keeps to pass on is An's file, signed by her: it cannot be
/// rewritten without the person, so once Bert's store has the forget, compacting drops it.
#[test]
fn a_forget_and_compact_drop_a_hand_over_kept_to_pass_on_that_holds_the_person() {
    let world = World::new();
    let (an, bert, mia) = organisation(&world);
    let master = world.dir.path().join("master.kring");
    mia.export_bundle(&master, true, t0()).unwrap();
    import(&bert, &[master], t0());
    let now = t0() + Duration::hours(1);
    let jan = an
        .create(
            &Person {
                display_name: "Jan ZQRELAYCANARY".into(),
                ..Person::default()
            },
            None,
            now,
        )
        .unwrap();
    let hand_over = world.dir.path().join("van-an.kring");
    an.export_bundle_with(&hand_over, true, true, now).unwrap();
    import(&bert, &[hand_over], now);
    let relay = bert.relays().unwrap().remove(0).path;
    assert!(contains(&std::fs::read(&relay).unwrap(), b"ZQRELAYCANARY"));

    let from_an = world.dir.path().join("an.kring");
    an.export_bundle(&from_an, false, now).unwrap();
    import(&mia, &[from_an], now);
    let later = now + Duration::days(1);
    mia.forget(jan, "Art. 17", later).unwrap();
    let master = world.dir.path().join("master-forget.kring");
    mia.export_bundle(&master, false, later).unwrap();
    import(&bert, &[master], later);
    let (bert, report) = bert.compact(&options(), later).unwrap();
    assert!(report.held_dropped.contains(&relay), "{report:?}");
    assert!(bert.relays().unwrap().is_empty());
    let hits: Vec<PathBuf> = files_under(bert.path())
        .into_iter()
        .filter(|file| contains(&std::fs::read(file).unwrap_or_default(), b"ZQRELAYCANARY"))
        .collect();
    assert!(hits.is_empty(), "still on disk: {hits:?}");
}

type Report = kring_core::protection::access::SubjectAccessReport;

/// Jan's subject access report in English, Dutch, French and German, from one store: Mia's (a
/// manager), with a retention rule and Jan's objection, so that every part of it has something.
fn reports() -> ([Report; 4], RecordId) {
    let world = World::new();
    let mia = world.store("Mia", Role::Manager);
    let now = t0() + Duration::hours(1);
    let Jan { jan, .. } = jan_at_an(&mia, now);
    mia.add_retention_rule(&interaction_summary_rule(), now)
        .unwrap();
    mia.mark_restriction(jan, RestrictionStatus::Objected, Some("per e-mail"), now)
        .unwrap();
    let report = |language| mia.subject_access(jan, language, now).unwrap();
    (
        [
            report(English),
            report(kring_i18n::Language::Dutch),
            report(kring_i18n::Language::French),
            report(kring_i18n::Language::German),
        ],
        jan,
    )
}

/// The English report's headings and fixed words; none may be left in another language's.
const ENGLISH_WORDS: &[&str] = &[
    "Subject access report",
    "Generated on",
    "Why the organisation keeps this, and on what basis",
    "Lawful basis",
    "Who receives it",
    "How long it is kept",
    "Legal reference",
    "Your rights",
    "What is kept (",
    "Marked objected",
    "Made by",
    "values written by",
    "shared with the organisation",
    "Strategic relationship management",
    "a task carried out in the public interest",
    "their card",
    "a note about them",
    "(this store)",
    "2,190 days",
];

#[test]
fn the_subject_access_report_is_written_in_dutch_french_and_german_with_none_of_the_english_words()
{
    let ([english, dutch, french, german], _) = reports();
    let html = english.to_html();
    assert!(html.contains("<html lang=\"en\">"));
    for words in ENGLISH_WORDS {
        assert!(html.contains(words), "the English report says {words:?}");
    }
    for (report, code, headings) in [
        (
            dutch,
            "nl",
            &[
                "Inzageverslag: Jan CANARYJAN Peeters",
                "Waarom de organisatie dit bijhoudt, en op welke grond",
                "Wie het ontvangt",
                "Hoelang het wordt bewaard",
                "Uw rechten",
                "Wat wordt bijgehouden (",
                "Gemarkeerd met bezwaar (art. 21 AVG) sinds 1 juni 2026.",
                "2.190 dagen",
                "art. 6, lid 1, e), AVG",
                "Gegevensbeschermingsautoriteit",
                "de kaart van de betrokkene",
            ][..],
        ),
        (
            french,
            "fr",
            &[
                "Rapport d&#39;accès : Jan CANARYJAN Peeters",
                "Pourquoi l&#39;organisation conserve ces données, et sur quelle base",
                "Qui les reçoit",
                "Combien de temps elles sont conservées",
                "Vos droits",
                "Ce qui est conservé (",
                "depuis le 1er juin 2026",
                "2\u{202f}190 jours",
                "Autorité de protection des données",
                "Vlaamse Toezichtcommissie",
            ][..],
        ),
        (
            german,
            "de",
            &[
                "Auskunftsbericht: Jan CANARYJAN Peeters",
                "Warum die Organisation dies aufbewahrt, und auf welcher Grundlage",
                "Wer es erhält",
                "Wie lange es aufbewahrt wird",
                "Ihre Rechte",
                "Was aufbewahrt wird (",
                "seit dem 1. Juni 2026",
                "2.190 Tagen",
                "Datenschutzbehörde",
                "Vlaamse Toezichtcommissie",
            ][..],
        ),
    ] {
        let html = report.to_html();
        assert!(
            html.contains(&format!("<html lang=\"{code}\">")),
            "{code}: {html}"
        );
        for heading in headings {
            assert!(html.contains(heading), "the {code} report says {heading:?}");
        }
        for words in ENGLISH_WORDS {
            assert!(
                !html.contains(words),
                "the {code} report still says {words:?} in English"
            );
        }
    }
}

#[test]
fn the_subject_access_report_gives_each_record_a_relation_code_and_each_right_a_code_in_every_language(
) {
    let ([english, dutch, ..], jan) = reports();
    let card = |report: &Report| {
        report
            .items
            .iter()
            .find(|item| item.id == jan)
            .cloned()
            .unwrap()
    };
    assert_eq!(card(&english).relation_code, "their_card");
    assert_eq!(card(&dutch).relation_code, "their_card");
    assert_eq!(card(&english).relation, "their card");
    assert_eq!(card(&dutch).relation, "de kaart van de betrokkene");
    let codes = |report: &Report| {
        report
            .rights
            .iter()
            .map(|right| right.code)
            .collect::<Vec<_>>()
    };
    assert_eq!(codes(&english), codes(&dutch));
    assert!(english.items.len() > 4 && english.items.len() == dutch.items.len());
    for (a, b) in english.items.iter().zip(&dutch.items) {
        assert_eq!((a.id, a.relation_code), (b.id, b.relation_code));
    }
}

#[test]
fn the_processing_log_keeps_codes_and_says_each_line_in_the_readers_language() {
    let world = World::new();
    let mia = world.store("Mia", Role::Manager);
    let now = t0() + Duration::hours(1);
    let Jan { jan, .. } = jan_at_an(&mia, now);
    mia.mark_restriction(jan, RestrictionStatus::Restricted, None, now)
        .unwrap();
    // A minute later: two lines of one millisecond have no order between them.
    mia.subject_access(jan, English, now + Duration::minutes(1))
        .unwrap();
    let english = mia.processing_log(None, English).unwrap();
    let french = mia
        .processing_log(None, kring_i18n::Language::French)
        .unwrap();
    assert_eq!(english.len(), 2);
    for (a, b) in english.iter().zip(&french) {
        assert_eq!(a.what, b.what, "the same code and ids");
    }
    assert_eq!(english[0].text, format!("person {jan}: restricted"));
    assert_eq!(french[0].text, format!("personne {jan} : en limitation"));
    assert_eq!(french[1].text, format!("personne {jan}"));
    assert_eq!(
        english[1].what,
        kring_core::protection::processing_log::ProcessingWhat::Person { person: jan }
    );
}

#[test]
fn a_refusal_is_said_in_the_language_of_whoever_reads_it() {
    let world = World::new();
    let an = world.store("An", Role::Networker);
    let refused = an
        .add_purpose(
            &kring_core::protection::Purpose {
                name: "Nieuwsbrief".into(),
                description: None,
                lawful_basis: kring_core::protection::LawfulBasis::Consent,
                legal_reference: None,
                recipients: vec![],
                data_categories: vec![],
            },
            t0(),
        )
        .unwrap_err();
    assert_eq!(refused.code(), "not_allowed");
    assert_eq!(
        refused.to_string(),
        "only a Manager of the Network records the organisation's purposes; nothing was changed"
    );
    let dutch = refused.message(kring_i18n::Language::Dutch);
    assert!(dutch.contains("alleen een netwerkmanager"), "{dutch}");
    assert!(!dutch.contains("Manager of the Network"), "{dutch}");
}
