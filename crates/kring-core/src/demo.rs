//! A realistic, fictional network of a Flemish city administration, for demos, docs, tests and
//! benchmarks: departments and their networkers; regional, national and EU bodies; port and
//! industry companies; universities; community organisations; people with Dutch, French and
//! international names; two years of interactions, follow-ups and relationships of varying strength.
//!
//! Deterministic: the same seed, size, language and `now` give the same network. Its texts
//! (summaries, follow-ups, notes, goals, partnerships, events) are in the chosen language
//! (`demo_words`); a seed draws the same people, organisations and records in every language.

use crate::demo_words::{demo_words, DemoWords};
use crate::model::*;
use crate::store::{NewRecord, Store, StoreResult};
use crate::text;
use chrono::{DateTime, Datelike, Duration, FixedOffset, Utc};
use kring_i18n::Language;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use std::collections::HashSet;

/// What to generate.
#[derive(Clone, Debug)]
pub struct DemoOptions {
    pub seed: u64,
    /// People and organisations together.
    pub cards: usize,
    /// Mark the store as a demo store, which refuses to export or sync (a sandbox). Off by
    /// default: tests and benchmarks fill stores they go on to export.
    pub mark_as_demo: bool,
    /// The language of the network's texts (English: the Flemish demo's Dutch, as always).
    pub language: Language,
}

impl Default for DemoOptions {
    fn default() -> Self {
        DemoOptions {
            seed: 1,
            cards: 2_000,
            mark_as_demo: false,
            language: Language::English,
        }
    }
}

/// The meta key that marks a demo store.
const DEMO_STORE: &[u8] = b"demo_store";

impl Store {
    /// Marks this store as a demo store: from now on it refuses to export or sync, so fictional
    /// data never reaches colleagues. There is no way back: a demo stays a demo.
    pub fn mark_as_demo(&self) -> StoreResult<()> {
        self.meta_set(DEMO_STORE, b"1")
    }

    /// Whether this store is a demo store.
    pub fn is_demo(&self) -> StoreResult<bool> {
        Ok(self.meta_get(DEMO_STORE)?.is_some())
    }

    /// Refuses what a demo store must not do: whatever writes its data to a file meant to leave
    /// the machine, a sync pass, and a backup restored into it (`action`: "exported",
    /// "synced", "exported as contacts" …, worded to follow "it cannot be").
    pub fn refuse_if_demo(&self, action: &'static str) -> StoreResult<()> {
        if self.is_demo()? {
            return Err(crate::store::StoreError::DemoStore { action });
        }
        Ok(())
    }
}

/// Whether a demo sandbox sits beside the store at `store` (its folder exists; what it holds is
/// checked when it is opened or removed).
pub fn sandbox_exists(store: &std::path::Path) -> bool {
    std::fs::symlink_metadata(crate::files::sandbox_path(store)).is_ok()
}

/// Whether the folder `sandbox` already holds a Kring store (sled's `conf` and `db` files), so that
/// opening it creates nothing. A link is never followed.
fn holds_a_store(sandbox: &std::path::Path) -> bool {
    std::fs::symlink_metadata(sandbox).is_ok_and(|m| m.is_dir())
        && ["conf", "db"]
            .iter()
            .all(|file| std::fs::symlink_metadata(sandbox.join(file)).is_ok_and(|m| m.is_file()))
}

/// Opens the demo sandbox that belongs to `real` (the folder [`crate::files::sandbox_path`] names
/// beside it), making it the first time: a store of its own with the owner's name, e-mail and role,
/// marked as a demo (so it never exports or syncs) and filled with `options`' demo network. The
/// real store is only read (its profile), never written. Anything at that path that is not a
/// demo store (a real store, a folder of the user's) is refused with [`StoreError::NotASandbox`]
/// and left whole. Returns the open sandbox and, when it was made now, what was generated.
pub fn open_sandbox(
    real: &Store,
    options: &DemoOptions,
    now: DateTime<Utc>,
) -> StoreResult<(Store, Option<DemoSummary>)> {
    use crate::store::{OpenOptions, StoreError};
    let sandbox = crate::files::sandbox_path(real.path());
    let not_a_sandbox = || StoreError::NotASandbox {
        path: sandbox.clone(),
    };
    if std::fs::symlink_metadata(&sandbox).is_ok() {
        if !holds_a_store(&sandbox) {
            return Err(not_a_sandbox());
        }
        let store = Store::open(&sandbox, &OpenOptions::default())?;
        if !store.is_demo()? {
            return Err(not_a_sandbox());
        }
        return Ok((store, None));
    }
    let owner = real.profile()?.ok_or(StoreError::NotInitialised)?;
    let store = Store::open(&sandbox, &OpenOptions::default())?;
    // Marked before anything is written, so a sandbox left half-made by a crash is still one
    // that `remove_sandbox` takes away.
    store.mark_as_demo()?;
    let made = store
        .init(&owner.name, &owner.email, owner.role, now)
        .and_then(|_| {
            let options = DemoOptions {
                mark_as_demo: true,
                ..options.clone()
            };
            generate(&store, &options, now)
        });
    match made {
        Ok(summary) => Ok((store, Some(summary))),
        Err(error) => {
            drop(store);
            let _ = remove_sandbox(real.path());
            Err(error)
        }
    }
}

/// Removes the demo sandbox that belongs to the store at `store` (the folder
/// [`crate::files::sandbox_path`] names): the one action that takes the demo away. Only a Kring
/// store marked as a demo store is removed; anything else at that path (a real store, a folder of
/// the user's) is refused with [`StoreError::NotASandbox`] and left whole, and the store at
/// `store` is never touched. The sandbox must be closed first (an open one is refused as in use).
/// Returns whether there was a sandbox to remove.
pub fn remove_sandbox(store: &std::path::Path) -> StoreResult<bool> {
    use crate::store::{OpenOptions, StoreError};
    let sandbox = crate::files::sandbox_path(store);
    let not_a_sandbox = || StoreError::NotASandbox {
        path: sandbox.clone(),
    };
    match std::fs::symlink_metadata(&sandbox) {
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
        Err(e) => return Err(StoreError::from_io_error(&e)),
    };
    // Opening creates a store wherever it is pointed: only a folder that already holds one is
    // opened to read its mark.
    if !holds_a_store(&sandbox) {
        return Err(not_a_sandbox());
    }
    let is_demo = Store::open(
        &sandbox,
        &OpenOptions {
            cache_bytes: 1 << 20,
        },
    )?
    .is_demo()?;
    if !is_demo {
        return Err(not_a_sandbox());
    }
    // sled lets go of its files from a background thread shortly after the last handle is
    // dropped; where open files cannot be deleted (Windows) the first attempts may fail.
    let mut attempts = 0;
    loop {
        match std::fs::remove_dir_all(&sandbox) {
            Ok(()) => return Ok(true),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(true),
            Err(_) if attempts < 20 => {
                attempts += 1;
                std::thread::sleep(std::time::Duration::from_millis(25));
            }
            Err(e) => return Err(StoreError::from_io_error(&e)),
        }
    }
}

/// What was generated.
#[derive(Clone, Debug, Default, serde::Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DemoSummary {
    pub networkers: usize,
    pub organisations: usize,
    pub people: usize,
    pub relationships: usize,
    pub interactions: usize,
    pub follow_ups: usize,
    pub notes: usize,
    pub links: usize,
}

/// (name, sector, level, domain)
const KNOWN_ORGANISATIONS: &[(&str, Sector, Level, &str)] = &[
    (
        "Vlaamse Overheid – Departement Economie",
        Sector::Public,
        Level::Regional,
        "vlaanderen.be",
    ),
    (
        "Provincie Antwerpen",
        Sector::Public,
        Level::Regional,
        "provincieantwerpen.be",
    ),
    ("VDAB", Sector::Public, Level::Regional, "vdab.be"),
    ("De Lijn", Sector::Public, Level::Regional, "delijn.be"),
    (
        "Vereniging van Vlaamse Steden en Gemeenten",
        Sector::Public,
        Level::Regional,
        "vvsg.be",
    ),
    (
        "FOD Economie",
        Sector::Public,
        Level::National,
        "economie.fgov.be",
    ),
    ("NMBS", Sector::Public, Level::National, "nmbs.be"),
    (
        "Federaal Planbureau",
        Sector::Public,
        Level::National,
        "plan.be",
    ),
    (
        "European Commission – DG REGIO",
        Sector::Public,
        Level::Eu,
        "ec.europa.eu",
    ),
    (
        "European Committee of the Regions",
        Sector::Public,
        Level::Eu,
        "cor.europa.eu",
    ),
    ("Eurocities", Sector::Voluntary, Level::Eu, "eurocities.eu"),
    (
        "European Investment Bank",
        Sector::Public,
        Level::Eu,
        "eib.org",
    ),
    ("OECD", Sector::Public, Level::International, "oecd.org"),
    (
        "UN-Habitat",
        Sector::Public,
        Level::International,
        "unhabitat.org",
    ),
    (
        "ICLEI – Local Governments for Sustainability",
        Sector::Voluntary,
        Level::International,
        "iclei.org",
    ),
    (
        "Port of Antwerp-Bruges",
        Sector::Business,
        Level::Regional,
        "portofantwerpbruges.com",
    ),
    (
        "BASF Antwerpen",
        Sector::Business,
        Level::International,
        "basf.com",
    ),
    (
        "Katoen Natie",
        Sector::Business,
        Level::International,
        "katoennatie.com",
    ),
    (
        "DP World Antwerp",
        Sector::Business,
        Level::International,
        "dpworld.com",
    ),
    (
        "Umicore",
        Sector::Business,
        Level::International,
        "umicore.com",
    ),
    (
        "Agfa-Gevaert",
        Sector::Business,
        Level::International,
        "agfa.com",
    ),
    (
        "Voka – Kamer van Koophandel Antwerpen-Waasland",
        Sector::Business,
        Level::Regional,
        "voka.be",
    ),
    (
        "Universiteit Antwerpen",
        Sector::Knowledge,
        Level::Regional,
        "uantwerpen.be",
    ),
    (
        "KU Leuven",
        Sector::Knowledge,
        Level::National,
        "kuleuven.be",
    ),
    (
        "Universiteit Gent",
        Sector::Knowledge,
        Level::National,
        "ugent.be",
    ),
    ("AP Hogeschool", Sector::Knowledge, Level::Local, "ap.be"),
    (
        "Karel de Grote Hogeschool",
        Sector::Knowledge,
        Level::Local,
        "kdg.be",
    ),
    (
        "Instituut voor Tropische Geneeskunde",
        Sector::Knowledge,
        Level::International,
        "itg.be",
    ),
    (
        "Samenlevingsopbouw Antwerpen",
        Sector::Social,
        Level::Local,
        "samenlevingsopbouw.be",
    ),
    (
        "Vluchtelingenwerk Vlaanderen",
        Sector::Social,
        Level::Regional,
        "vluchtelingenwerk.be",
    ),
    (
        "Rode Kruis Vlaanderen",
        Sector::Voluntary,
        Level::Regional,
        "rodekruis.be",
    ),
    (
        "Buurtwerk Oud-Berchem",
        Sector::Voluntary,
        Level::Local,
        "buurtwerkberchem.be",
    ),
    (
        "Gazet van Antwerpen",
        Sector::Media,
        Level::Regional,
        "gva.be",
    ),
    ("VRT", Sector::Media, Level::National, "vrt.be"),
    ("ATV", Sector::Media, Level::Local, "atv.be"),
];

const ORGANISATION_STEMS: &[(&str, Sector, Level)] = &[
    ("Logistiek Centrum", Sector::Business, Level::Local),
    ("Basisschool De Regenboog", Sector::Public, Level::Local),
    ("Sportclub", Sector::Voluntary, Level::Local),
    ("Buurthuis", Sector::Voluntary, Level::Local),
    ("Cultuurcentrum", Sector::Public, Level::Local),
    ("Energiecoöperatie", Sector::Social, Level::Local),
    ("Ingenieursbureau", Sector::Business, Level::Regional),
    (
        "Onderzoeksgroep Stedelijke Studies",
        Sector::Knowledge,
        Level::Regional,
    ),
    ("Jeugdhuis", Sector::Voluntary, Level::Local),
    ("Wijkgezondheidscentrum", Sector::Social, Level::Local),
    ("Ondernemersvereniging", Sector::Business, Level::Local),
    ("Architectenbureau", Sector::Business, Level::Regional),
    ("Stadsmagazine", Sector::Media, Level::Local),
    ("Taalcentrum", Sector::Social, Level::Local),
];

/// Firms named after their founders: "Architectenbureau De Smet", "Advocatenkantoor Peeters &
/// Maes", "Bouwbedrijf Claes BV".
const FIRM_STEMS: &[(&str, Level)] = &[
    ("Architectenbureau", Level::Regional),
    ("Advocatenkantoor", Level::Regional),
    ("Bouwbedrijf", Level::Regional),
    ("Ingenieursbureau", Level::Regional),
    ("Adviesbureau", Level::Regional),
    ("Accountantskantoor", Level::Local),
    ("Transport", Level::Regional),
    ("Drukkerij", Level::Local),
    ("Installatiebedrijf", Level::Local),
    ("Studiebureau", Level::Regional),
    ("Vastgoed", Level::Local),
    ("Communicatiebureau", Level::Local),
    ("Expeditiebedrijf", Level::International),
    ("Notariskantoor", Level::Local),
];

const LEGAL_FORMS: &[&str] = &["", " BV", " NV", " CommV"];

/// Parts of a district, for a second community centre in one place: "Buurthuis Deurne-Noord".
const QUARTERS: &[&str] = &["", "-Noord", "-Zuid", "-Oost", "-West", " Centrum"];

const PLACES: &[&str] = &[
    "Berchem",
    "Borgerhout",
    "Deurne",
    "Merksem",
    "Wilrijk",
    "Hoboken",
    "Ekeren",
    "Zurenborg",
    "Linkeroever",
    "Kiel",
    "Het Eilandje",
    "Mortsel",
    "Schoten",
    "Kapellen",
    "Zwijndrecht",
    "Edegem",
];

const GIVEN_NAMES: &[&str] = &[
    "Jan",
    "Sofie",
    "Pieter",
    "Lieve",
    "Jan-Willem",
    "Koen",
    "Els",
    "An",
    "Bram",
    "Wouter",
    "Hanne",
    "Griet",
    "Joris",
    "Stijn",
    "Ine",
    "Kobe",
    "Marieke",
    "Tine",
    "Dirk",
    "Annelies",
    "Jef",
    "Nele",
    "Jean-François",
    "Amélie",
    "Hélène",
    "François",
    "Cécile",
    "Benoît",
    "Léa",
    "Anaïs",
    "Gaëlle",
    "Noé",
    "Mohamed",
    "Fatima",
    "Ayşe",
    "Zoë",
    "Björn",
    "Søren",
    "Małgorzata",
    "José",
    "João",
    "Chiara",
    "Siobhán",
    "Dmitri",
    "Mei",
    "Priya",
    "Youssef",
    "Nadia",
    "Emre",
    "Ingrid",
];

const FAMILY_NAMES: &[&str] = &[
    "Peeters",
    "Janssens",
    "Maes",
    "Jacobs",
    "Willems",
    "Mertens",
    "Claes",
    "Goossens",
    "Wouters",
    "De Smet",
    "Van den Broeck",
    "Van der Veken",
    "Vermeulen",
    "Dubois",
    "Lambert",
    "Dupont",
    "Lefèvre",
    "Müller",
    "Schröder",
    "Núñez",
    "Öztürk",
    "Kowalski",
    "Nieuwenhuis",
    "O'Brien",
    "Dvořák",
    "De Backer",
    "Verhaegen",
    "El Amrani",
    "Van Damme",
    "Smets",
    "Desmet",
    "Vandenberghe",
    "D'Hondt",
    "Coppens",
    "Martens",
    "Aerts",
    "Hermans",
    "Lemaire",
    "Rousseau",
    "Bakker",
];

struct Generator {
    rng: StdRng,
    now: DateTime<Utc>,
    words: &'static DemoWords,
}

impl Generator {
    fn id_at(&mut self, at: DateTime<Utc>) -> RecordId {
        let random: [u8; 10] = self.rng.gen();
        RecordId(
            uuid::Builder::from_unix_timestamp_millis(at.timestamp_millis() as u64, &random)
                .into_uuid(),
        )
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        items.choose(&mut self.rng).expect("lists are not empty")
    }

    fn days_ago(&mut self, max_days: i64) -> DateTime<Utc> {
        let minutes = self.rng.gen_range(0..max_days * 24 * 60);
        self.now - Duration::minutes(minutes)
    }

    /// A moment in the last `max_days` days, on a weekday in office hours (08:00–18:45 Brussels
    /// winter time, in quarter hours), never after now: when meetings and calls happen.
    fn office_moment(&mut self, max_days: i64) -> DateTime<Utc> {
        let brussels = FixedOffset::east_opt(3600).expect("valid offset");
        let mut day = (self.now - Duration::days(self.rng.gen_range(0..max_days.max(1))))
            .with_timezone(&brussels)
            .date_naive();
        let minutes = self.rng.gen_range(8 * 4..19 * 4) * 15;
        loop {
            if matches!(day.weekday(), chrono::Weekday::Sat | chrono::Weekday::Sun) {
                day -= Duration::days(1);
                continue;
            }
            let local = day.and_hms_opt(0, 0, 0).expect("midnight") + Duration::minutes(minutes);
            let at = local
                .and_local_timezone(brussels)
                .single()
                .expect("a fixed offset has one local time")
                .with_timezone(&Utc);
            if at <= self.now {
                return at;
            }
            day -= Duration::days(1);
        }
    }

    fn topic(&mut self) -> &'static str {
        self.words.topics.choose(&mut self.rng).expect("topics")
    }

    fn fill(&mut self, template: &str) -> String {
        let topic = self.topic();
        template.replace("{topic}", topic)
    }
}

/// The organisation planted twice: the known port, spelled without its hyphen, same website.
const PLANTED_ORGANISATION: (&str, Sector, Level, &str) = (
    "Port of Antwerp Bruges",
    Sector::Business,
    Level::Regional,
    "portofantwerpbruges.com",
);

/// A Belgian mobile number of its own for the `n`th person (a bijection of n below 30 million,
/// so no two people share one and the duplicates list finds no false "same phone").
fn mobile_number(n: usize) -> String {
    let x = (n as u64).wrapping_mul(7_919) % 30_000_000;
    format!(
        "+32 4{:02} {:02} {:02} {:02}",
        70 + x / 1_000_000,
        (x / 10_000) % 100,
        (x / 100) % 100,
        x % 100
    )
}

/// Invents organisation names as real ones are — "Buurthuis Deurne-Noord", "Architectenbureau
/// De Smet", "Bouwbedrijf Claes & Maes BV" — none numbered, none twice by the name the duplicates
/// list compares (legal form aside), no two with one website.
#[derive(Default)]
struct OrganisationNames {
    keys: HashSet<String>,
    hosts: HashSet<String>,
    /// Where the walk through every name stands, once random draws keep meeting taken names.
    next: u64,
    /// Random draws met only taken names once: walk from then on.
    walking: bool,
}

impl OrganisationNames {
    fn claim(&mut self, name: &str, host: &str) -> bool {
        let Some(key) = crate::identity_groups::organisation_name_key(name) else {
            return false;
        };
        if self.keys.contains(&key) || self.hosts.contains(host) {
            return false;
        }
        self.keys.insert(key);
        self.hosts.insert(host.to_owned());
        true
    }

    /// The website of an invented organisation: the words of its name, hyphenated.
    fn domain_of(&self, name: &str) -> String {
        let key = crate::identity_groups::organisation_name_key(name).unwrap_or_default();
        format!("{}.be", key.replace(' ', "-"))
    }

    fn invent(&mut self, rng: &mut StdRng) -> (String, Sector, Level) {
        for _ in 0..if self.walking { 0 } else { 100 } {
            let candidate = Self::draw(rng);
            if self.claim(&candidate.0, &self.domain_of(&candidate.0)) {
                return candidate;
            }
        }
        self.walking = true;
        // A very large demo: random draws keep meeting taken names, so walk every name there is
        // (about 390,000 different ones, enough for 2.5 million cards).
        while let Some(candidate) = Self::nth(self.next) {
            self.next += 1;
            if self.claim(&candidate.0, &self.domain_of(&candidate.0)) {
                return candidate;
            }
        }
        unreachable!("more organisations than there are names for: at most 2.5 million cards")
    }

    fn draw(rng: &mut StdRng) -> (String, Sector, Level) {
        let family = |rng: &mut StdRng| *FAMILY_NAMES.choose(rng).expect("names");
        let legal = |rng: &mut StdRng| *LEGAL_FORMS.choose(rng).expect("forms");
        match rng.gen_range(0..10) {
            0..=3 => {
                let (stem, sector, level) = *ORGANISATION_STEMS.choose(rng).expect("stems");
                let place = *PLACES.choose(rng).expect("places");
                let quarter = if rng.gen_bool(0.3) {
                    *QUARTERS.choose(rng).expect("quarters")
                } else {
                    ""
                };
                (format!("{stem} {place}{quarter}"), sector, level)
            }
            4..=6 => {
                let (stem, level) = *FIRM_STEMS.choose(rng).expect("stems");
                let name = format!("{stem} {}{}", family(rng), legal(rng));
                (name, Sector::Business, level)
            }
            7..=8 => {
                let (stem, level) = *FIRM_STEMS.choose(rng).expect("stems");
                let place = *PLACES.choose(rng).expect("places");
                let name = format!("{stem} {} {place}{}", family(rng), legal(rng));
                (name, Sector::Business, level)
            }
            _ => {
                let (stem, level) = *FIRM_STEMS.choose(rng).expect("stems");
                let (a, b) = (family(rng), family(rng));
                let name = format!("{stem} {a} & {b}{}", legal(rng));
                (name, Sector::Business, level)
            }
        }
    }

    /// The `i`th name of the whole space, in a fixed order; none past its end.
    fn nth(i: u64) -> Option<(String, Sector, Level)> {
        let count = |items: usize| items as u64;
        let (places, families) = (count(PLACES.len()), count(FAMILY_NAMES.len()));
        let (stems, firms) = (count(ORGANISATION_STEMS.len()), count(FIRM_STEMS.len()));
        let quarters = count(QUARTERS.len());
        let pick = |items: u64, index: &mut u64| {
            let at = *index % items;
            *index /= items;
            at as usize
        };
        let in_place = stems * places * quarters;
        let founders = firms * families * families;
        if i < in_place {
            let mut index = i;
            let (stem, sector, level) = ORGANISATION_STEMS[pick(stems, &mut index)];
            let place = PLACES[pick(places, &mut index)];
            let quarter = QUARTERS[pick(quarters, &mut index)];
            return Some((format!("{stem} {place}{quarter}"), sector, level));
        }
        let mut index = i - in_place;
        if index >= founders * (1 + places) {
            return None;
        }
        let (stem, level) = FIRM_STEMS[pick(firms, &mut index)];
        let a = FAMILY_NAMES[pick(families, &mut index)];
        let b = FAMILY_NAMES[pick(families, &mut index)];
        let founders_name = if a == b {
            a.to_owned()
        } else {
            format!("{a} & {b}")
        };
        let branch = match pick(1 + places, &mut index) {
            0 => String::new(),
            p => format!(" – vestiging {}", PLACES[p - 1]),
        };
        Some((
            format!("{stem} {founders_name}{branch}"),
            Sector::Business,
            level,
        ))
    }
}

fn local_time(at: DateTime<Utc>) -> DateTime<FixedOffset> {
    // Brussels time without daylight saving rules: good enough for demo data.
    at.with_timezone(&FixedOffset::east_opt(3600).expect("valid offset"))
}

fn email_local(text: &str) -> String {
    text::words(text).collect::<Vec<_>>().join(".")
}

/// Fills the store with a demo network of about `options.cards` people and organisations.
pub fn generate(
    store: &Store,
    options: &DemoOptions,
    now: DateTime<Utc>,
) -> StoreResult<DemoSummary> {
    if options.mark_as_demo {
        store.mark_as_demo()?;
    }
    let words = demo_words(options.language);
    let mut g = Generator {
        rng: StdRng::seed_from_u64(options.seed),
        now,
        words,
    };
    let mut summary = DemoSummary::default();
    let owner = match store.profile()? {
        Some(profile) => profile,
        None => store.init(
            "Lotte Verbruggen",
            "lotte.verbruggen@antwerpen.be",
            Role::Manager,
            now,
        )?,
    };
    let mut pending: Vec<NewRecord> = Vec::new();
    let flush = |pending: &mut Vec<NewRecord>, force: bool| -> StoreResult<()> {
        if pending.len() >= 4_000 || (force && !pending.is_empty()) {
            store.create_many(std::mem::take(pending), now)?;
        }
        Ok(())
    };

    // The owner's own city organisation and the networkers in its departments.
    let city_id = g.id_at(now - Duration::days(800));
    pending.push(NewRecord::new(
        city_id,
        &Organisation {
            name: words.city.into(),
            sector: Some(Sector::Public),
            level: Some(Level::Local),
            parent: None,
            website: Some("https://www.antwerpen.be".into()),
            tags: vec![words.own_organisation_tag.into()],
        },
    ));
    let networker_count = (options.cards / 80).clamp(12, 400);
    let mut networkers: Vec<RecordId> = vec![owner.networker];
    let mut networker_emails: HashSet<String> = HashSet::new();
    for n in 0..networker_count {
        let given = *g.pick(GIVEN_NAMES);
        let family = *g.pick(FAMILY_NAMES);
        let name = format!("{given} {family}");
        // Colleagues may share a name (the lists tell them apart by unit), never an address.
        let mut email = format!("{}@antwerpen.be", email_local(&name));
        if !networker_emails.insert(email.clone()) {
            email = format!("{}{n}@antwerpen.be", email_local(&name));
            networker_emails.insert(email.clone());
        }
        let unit = words.departments[n % words.departments.len()];
        let id = g.id_at(now - Duration::days(790));
        let status = if g.rng.gen_bool(0.05) {
            NetworkerStatus::Left
        } else {
            NetworkerStatus::Active
        };
        pending.push(NewRecord::new(
            id,
            &Networker {
                email: Some(email),
                name,
                unit: Some(unit.into()),
                job_title: Some((*g.pick(&words.job_titles_internal)).into()),
                status: Some(status),
            },
        ));
        networkers.push(id);
    }
    summary.networkers = networkers.len();

    // Organisations: the known ones first, then generated local ones.
    let organisation_count =
        (options.cards * 15 / 100).max(KNOWN_ORGANISATIONS.len().min(options.cards));
    let mut organisations: Vec<(RecordId, String, String)> = Vec::new(); // id, name, domain
    let mut names = OrganisationNames::default();
    // One organisation is planted twice, as two colleagues would each enter it (see below).
    let plant = organisation_count > KNOWN_ORGANISATIONS.len() + 1;
    let generated = organisation_count - usize::from(plant);
    for n in 0..generated {
        let (name, sector, level, domain) = if n < KNOWN_ORGANISATIONS.len() {
            let (name, sector, level, domain) = KNOWN_ORGANISATIONS[n];
            names.claim(name, domain);
            (name.to_owned(), sector, level, domain.to_owned())
        } else {
            let (name, sector, level) = names.invent(&mut g.rng);
            let domain = names.domain_of(&name);
            (name, sector, level, domain)
        };
        let id = g.id_at(g.now - Duration::days(780));
        let mut tags = vec![(*g.pick(&words.topics)).to_owned()];
        if g.rng.gen_bool(0.3) {
            tags.push((*g.pick(&words.topics)).to_owned());
        }
        tags.sort();
        tags.dedup();
        let mut record = NewRecord::new(
            id,
            &Organisation {
                name: name.clone(),
                sector: Some(sector),
                level: Some(level),
                parent: None,
                website: Some(format!("https://www.{domain}")),
                tags,
            },
        );
        record.author = Some(networkers[n % networkers.len()]);
        pending.push(record);
        organisations.push((id, name, domain));
    }
    if plant {
        // The port entered a second time by another colleague, spelled without the hyphen: the
        // duplicates list shows it (same website), for the manager to say they are one.
        let (name, sector, level, domain) = PLANTED_ORGANISATION;
        let id = g.id_at(g.now - Duration::days(300));
        let mut record = NewRecord::new(
            id,
            &Organisation {
                name: name.into(),
                sector: Some(sector),
                level: Some(level),
                parent: None,
                website: Some(format!("https://www.{domain}")),
                tags: vec![words.topics[0].into()],
            },
        );
        record.author = Some(networkers[networkers.len() - 1]);
        pending.push(record);
        organisations.push((id, name.into(), domain.into()));
    }
    summary.organisations = organisations.len();
    flush(&mut pending, true)?;

    // People, each with a current affiliation and sometimes a past one. Two people at one
    // organisation never share a family name, and nobody shares an email or a phone, so the
    // duplicates list holds only the pairs planted on purpose (below).
    let people_count = options.cards.saturating_sub(organisation_count);
    let plant_people = people_count >= 10;
    let generated_people = people_count - if plant_people { 2 } else { 0 };
    let mut people: Vec<(RecordId, String)> = Vec::with_capacity(people_count);
    let mut emails_used: HashSet<String> = HashSet::new();
    let mut family_at: HashSet<(String, RecordId)> = HashSet::new();
    // The first two people, to be entered a second time by another colleague.
    let mut twins: Vec<(Person, (RecordId, String, String), RecordId)> = Vec::new();
    for n in 0..generated_people {
        let (given, family, organisation) = {
            let mut attempt = 0;
            loop {
                let given = *g.pick(GIVEN_NAMES);
                let family = *g.pick(FAMILY_NAMES);
                let organisation = g.pick(&organisations).clone();
                let key =
                    crate::identity_groups::PersonName::of_card("", Some(given), Some(family))
                        .map(|p| p.family)
                        .unwrap_or_default();
                attempt += 1;
                // After many tries (a tiny demo), a namesake is better than no person.
                if family_at.insert((key, organisation.0)) || attempt > 200 {
                    break (given, family, organisation);
                }
            }
        };
        let display = format!("{given} {family}");
        let created = g.days_ago(730);
        let id = g.id_at(created);
        let mut tags = vec![(*g.pick(&words.topics)).to_owned()];
        if g.rng.gen_bool(0.4) {
            tags.push((*g.pick(&words.topics)).to_owned());
        }
        tags.sort();
        tags.dedup();
        let languages = match g.rng.gen_range(0..4) {
            0 => vec!["nl".into()],
            1 => vec!["nl".into(), "en".into()],
            2 => vec!["fr".into(), "nl".into()],
            _ => vec!["en".into()],
        };
        let mut email = format!("{}@{}", email_local(&display), organisation.2);
        if !emails_used.insert(email.clone()) {
            email = format!("{}{n}@{}", email_local(&display), organisation.2);
            emails_used.insert(email.clone());
        }
        let person = Person {
            display_name: display.clone(),
            given_name: Some(given.into()),
            family_name: Some(family.into()),
            honorific: if g.rng.gen_bool(0.1) {
                Some("dr.".into())
            } else {
                None
            },
            job_title: Some((*g.pick(&words.titles)).into()),
            emails: vec![email],
            phones: vec![mobile_number(n)],
            addresses: vec![],
            websites: vec![],
            social_handles: if g.rng.gen_bool(0.3) {
                vec![format!(
                    "linkedin.com/in/{}",
                    email_local(&display).replace('.', "-")
                )]
            } else {
                vec![]
            },
            languages,
            tags,
        };
        let visibility = match g.rng.gen_range(0..100) {
            0..=4 => Visibility::Private,
            5..=9 => Visibility::Summary,
            _ => Visibility::Shared,
        };
        if plant_people && twins.len() < 2 && visibility == Visibility::Shared {
            twins.push((person.clone(), organisation.clone(), id));
        }
        // Only the owner's own cards can be private here: a colleague's private cards never
        // reach this store.
        let author = match visibility {
            Visibility::Private => owner.networker,
            _ => networkers[g.rng.gen_range(0..networkers.len())],
        };
        pending.push(NewRecord {
            visibility: Some(visibility),
            author: Some(author),
            created_at: Some(created),
            ..NewRecord::new(id, &person)
        });
        let started = created.date_naive() - Duration::days(g.rng.gen_range(30..2000));
        if g.rng.gen_bool(0.3) {
            let previous = g.pick(&organisations).clone();
            let past_start = started - Duration::days(g.rng.gen_range(365..3000));
            let affiliation_id = g.id_at(created);
            pending.push(NewRecord::new(
                affiliation_id,
                &Affiliation {
                    person: id,
                    organisation: previous.0,
                    title: Some((*g.pick(&words.titles)).into()),
                    from: Some(past_start),
                    to: Some(started - Duration::days(1)),
                },
            ));
        }
        let affiliation_id = g.id_at(created);
        pending.push(NewRecord::new(
            affiliation_id,
            &Affiliation {
                person: id,
                organisation: organisation.0,
                title: person.job_title.clone(),
                from: Some(started),
                to: None,
            },
        ));
        if g.rng.gen_bool(0.1) {
            let private = g.rng.gen_bool(0.3);
            let text = if private {
                words.private_note.replace("{given}", given)
            } else {
                g.fill(words.shared_note)
            };
            let note_id = g.id_at(created);
            pending.push(NewRecord {
                visibility: Some(if private {
                    Visibility::Private
                } else {
                    Visibility::Shared
                }),
                author: Some(author),
                ..NewRecord::new(note_id, &Note { about: id, text })
            });
            summary.notes += 1;
        }
        people.push((id, display));
        flush(&mut pending, false)?;
    }
    // Two people entered a second time by another colleague, as happens when exports are
    // merged: one as "J. Peeters" with the same email, one under the same name at the same
    // organisation with a private address. The duplicates list shows exactly these pairs (and
    // the port's), for the manager to try `same-as` on.
    for (k, (original, organisation, original_id)) in twins.into_iter().enumerate() {
        let family = original.family_name.clone().unwrap_or_default();
        let given = original.given_name.clone().unwrap_or_default();
        let twin = if k == 0 {
            Person {
                display_name: format!("{}. {family}", given.chars().next().unwrap_or('J')),
                given_name: None,
                family_name: Some(family),
                phones: vec![mobile_number(generated_people + k)],
                social_handles: vec![],
                ..original.clone()
            }
        } else {
            let mut email = format!("{}@telenet.be", email_local(&original.display_name));
            if !emails_used.insert(email.clone()) {
                email = format!("{}.{k}@telenet.be", email_local(&original.display_name));
            }
            Person {
                emails: vec![email],
                phones: vec![mobile_number(generated_people + k)],
                social_handles: vec![],
                ..original.clone()
            }
        };
        let created = g.days_ago(365);
        let id = g.id_at(created);
        let author = networkers[(k + 1) % networkers.len()];
        pending.push(NewRecord {
            visibility: Some(Visibility::Shared),
            author: Some(author),
            created_at: Some(created),
            ..NewRecord::new(id, &twin)
        });
        let affiliation_id = g.id_at(created);
        pending.push(NewRecord::new(
            affiliation_id,
            &Affiliation {
                person: id,
                organisation: organisation.0,
                title: twin.job_title.clone(),
                from: Some(created.date_naive()),
                to: None,
            },
        ));
        debug_assert_ne!(id, original_id);
        people.push((id, twin.display_name));
    }
    summary.people = people.len();
    flush(&mut pending, true)?;

    // Relationships of networkers with people and organisations, with their interactions.
    let stakeholders: Vec<RecordId> = people
        .iter()
        .map(|p| p.0)
        .chain(organisations.iter().map(|o| o.0))
        .collect();
    for stakeholder in &stakeholders {
        let known_by = match g.rng.gen_range(0..100) {
            0..=54 => 1,
            55..=84 => 2,
            _ => 3,
        };
        let mut chosen: Vec<RecordId> = Vec::new();
        for _ in 0..known_by {
            let networker = networkers[g.rng.gen_range(0..networkers.len())];
            if !chosen.contains(&networker) {
                chosen.push(networker);
            }
        }
        for networker in chosen {
            let strength = *g.pick(&[1u8, 2, 2, 3, 3, 3, 4, 4, 5]);
            let cadence = *g.pick(&[30u32, 60, 90, 90, 180]);
            let since = g.days_ago(730);
            let interaction_count = match strength {
                1 => g.rng.gen_range(0..2),
                2 => g.rng.gen_range(1..3),
                3 => g.rng.gen_range(1..5),
                _ => g.rng.gen_range(2..8),
            };
            let mut last_contact: Option<DateTime<Utc>> = None;
            for _ in 0..interaction_count {
                let at = g.office_moment((now - since).num_days().max(1));
                let interaction_id = g.id_at(at);
                let kind = *g.pick(InteractionKind::ALL);
                let summary_text = {
                    let template = *g.pick(&words.summaries);
                    g.fill(template)
                };
                let mut participants = vec![networker, *stakeholder];
                if g.rng.gen_bool(0.1) {
                    let colleague = networkers[g.rng.gen_range(0..networkers.len())];
                    if !participants.contains(&colleague) {
                        participants.push(colleague);
                    }
                }
                let outcomes = if g.rng.gen_bool(0.2) {
                    vec![g.fill(words.outcome)]
                } else {
                    vec![]
                };
                pending.push(NewRecord {
                    author: Some(networker),
                    created_at: Some(at),
                    ..NewRecord::new(
                        interaction_id,
                        &Interaction {
                            kind,
                            at: local_time(at),
                            participants,
                            summary: summary_text,
                            outcomes,
                        },
                    )
                });
                summary.interactions += 1;
                last_contact = last_contact.max(Some(at));
                if (now - at).num_days() < 60 && g.rng.gen_bool(0.35) {
                    let due = at.date_naive() + Duration::days(g.rng.gen_range(3..45));
                    let text = {
                        let template = *g.pick(&words.follow_ups);
                        g.fill(template)
                    };
                    let follow_up_id = g.id_at(at);
                    let done = due < now.date_naive() && g.rng.gen_bool(0.6);
                    pending.push(NewRecord {
                        author: Some(networker),
                        ..NewRecord::new(
                            follow_up_id,
                            &FollowUp {
                                interaction: Some(interaction_id),
                                about: vec![*stakeholder],
                                text,
                                due,
                                done,
                            },
                        )
                    });
                    summary.follow_ups += 1;
                }
            }
            let given: Vec<String> = (0..g.rng.gen_range(0..3))
                .map(|_| (*g.pick(&words.given_items)).to_owned())
                .collect();
            let received: Vec<String> = (0..g.rng.gen_range(0..3))
                .map(|_| (*g.pick(&words.received_items)).to_owned())
                .collect();
            let mut given = given;
            given.sort();
            given.dedup();
            let mut received = received;
            received.sort();
            received.dedup();
            let relationship = Relationship {
                networker,
                stakeholder: *stakeholder,
                strength,
                trust: Some((strength + g.rng.gen_range(0..2)).min(5)),
                given,
                received,
                since: Some(since.date_naive()),
                cadence_days: Some(cadence),
                status: Some(if g.rng.gen_bool(0.08) {
                    RelationshipStatus::Dormant
                } else {
                    RelationshipStatus::Active
                }),
                last_contact: last_contact.map(local_time),
            };
            pending.push(NewRecord {
                author: Some(networker),
                created_at: Some(since),
                ..NewRecord::new(
                    RecordId::for_relationship(networker, *stakeholder),
                    &relationship,
                )
            });
            summary.relationships += 1;
            flush(&mut pending, false)?;
        }
    }

    // Links between stakeholders.
    let link_count = people.len() / 5 + organisations.len() / 3;
    for _ in 0..link_count {
        let (from, to, kind) = if g.rng.gen_bool(0.6) && people.len() > 1 {
            let a = g.pick(&people).0;
            let b = g.pick(&people).0;
            (a, b, *g.pick(&["knows", "works_with", "reports_to"]))
        } else {
            let a = g.pick(&organisations).0;
            let b = g.pick(&organisations).0;
            (a, b, *g.pick(&["partner_of", "member_of"]))
        };
        if from == to {
            continue;
        }
        let id = g.id_at(g.now - Duration::days(400));
        pending.push(NewRecord::new(
            id,
            &Link {
                from,
                to,
                kind: LinkKind(kind.into()),
            },
        ));
        summary.links += 1;
        flush(&mut pending, false)?;
    }
    flush(&mut pending, true)?;
    // Goals, Networking Teams, partnerships with reviews, events (the Manager of the Network).
    crate::manager::demo::generate(store, options.seed, options.language, now)?;
    Ok(summary)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_million_card_demo_finds_a_name_of_its_own_for_each_of_its_150000_organisations() {
        let mut names = OrganisationNames::default();
        let mut rng = StdRng::seed_from_u64(1);
        let mut seen = HashSet::new();
        for _ in 0..150_000 {
            let (name, _, _) = names.invent(&mut rng);
            let last = name.rsplit(' ').next().unwrap_or_default();
            assert!(
                !last.chars().all(|c| c.is_ascii_digit()),
                "a numbered name: {name}"
            );
            let key = crate::identity_groups::organisation_name_key(&name).unwrap();
            assert!(seen.insert(key), "{name} twice");
        }
    }

    #[test]
    fn mobile_numbers_differ_for_every_person() {
        let numbers: HashSet<String> = (0..200_000).map(mobile_number).collect();
        assert_eq!(numbers.len(), 200_000);
        assert!(crate::model::validate_phone("phones", &mobile_number(12_345)).is_ok());
    }
}
