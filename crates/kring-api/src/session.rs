//! The session: one open store and what the app keeps in memory about it (the card list, the
//! organisation graph), the clock every command reads its time from, and where a command sends
//! what it reports while it runs (import progress, the end of a sync pass). Commands are plain
//! functions over a `&Session`; the Tauri shell runs them on its blocking pool, the development
//! bridge on its own threads, tests directly.

use crate::error::{AppError, AppResult, ErrorCode};
use chrono::{DateTime, FixedOffset, Local, NaiveDate, NaiveDateTime, TimeZone, Utc};
use kring_core::browse::CardList;
use kring_core::model::RecordId;
use kring_core::store::{OpenOptions, Store};
use kring_core::sync::folder::SyncStatus;
use kring_i18n::Language;
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};

/// Where a session's time comes from. Commands read it at the edge and pass it into kring-core,
/// which never reads the clock itself.
#[derive(Clone, Copy, Debug)]
pub enum Clock {
    /// The machine's clock, and its time zone for "today" and for times typed without an offset.
    System,
    /// A fixed moment in UTC (tests, golden answers).
    Fixed(DateTime<Utc>),
}

impl Clock {
    pub fn now(&self) -> DateTime<Utc> {
        match self {
            Clock::System => Utc::now(),
            Clock::Fixed(at) => *at,
        }
    }

    /// The user's date today.
    pub fn today(&self) -> NaiveDate {
        match self {
            Clock::System => Local::now().date_naive(),
            Clock::Fixed(at) => at.date_naive(),
        }
    }

    /// A date and time as the user typed it, without an offset, in the user's time zone.
    pub fn local(&self, at: NaiveDateTime) -> Option<DateTime<FixedOffset>> {
        match self {
            Clock::System => Local
                .from_local_datetime(&at)
                .earliest()
                .map(|at| at.fixed_offset()),
            Clock::Fixed(_) => Some(Utc.from_utc_datetime(&at).fixed_offset()),
        }
    }

    /// The user's time zone by name (IANA), for readers that meet times without a zone: `TZ`
    /// when set (chrono's local time honours it too), else the system's. `None` (UTC) for a
    /// fixed clock, which is in UTC.
    pub fn zone(&self) -> Option<String> {
        match self {
            Clock::System => std::env::var("TZ")
                .ok()
                .map(|tz| tz.trim_start_matches(':').to_owned())
                .filter(|tz| !tz.is_empty())
                .or_else(|| iana_time_zone::get_timezone().ok()),
            Clock::Fixed(_) => None,
        }
    }
}

/// What a command reports while it runs. The Tauri shell sends these to the window as events;
/// elsewhere they are dropped.
pub trait Announce: Send + Sync {
    /// An import has merged `done` of `total` records (at most about ten calls a second).
    fn import_progress(&self, _done: u64, _total: u64) {}
    /// A compaction has copied `done` of `total` entries (at most about ten calls a second).
    fn compaction_progress(&self, _done: u64, _total: u64) {}
    /// A sync pass finished (scheduled or asked for); the folder's state now.
    fn sync_finished(&self, _status: &SyncStatus) {}
}

/// Passes `progress(done, total)` on at most ten times a second, and always the last call: a
/// few updates a second are enough for a progress bar, and the window need not redraw for each
/// of a million records.
pub(crate) fn every_tenth_of_a_second(mut send: impl FnMut(u64, u64)) -> impl FnMut(u64, u64) {
    let interval = std::time::Duration::from_millis(100);
    let mut last_sent: Option<std::time::Instant> = None;
    move |done, total| {
        if done == total || last_sent.is_none_or(|at| at.elapsed() >= interval) {
            last_sent = Some(std::time::Instant::now());
            send(done, total);
        }
    }
}

/// Announces nothing.
pub struct Quiet;

impl Announce for Quiet {}

/// One open store and what the app keeps in memory about it.
pub struct Session {
    pub store: Store,
    clock: Clock,
    announce: Box<dyn Announce>,
    /// Built on first use (about a second at 100,000 cards); follows the store's commits.
    cards: Mutex<Option<CardList>>,
    /// What commits wrote since the card list last looked (`Store::observe_commits`).
    written: Arc<Mutex<Written>>,
    /// The organisation graph and its analytics (seconds to build at 100,000 cards), kept until
    /// the store's version vector or the day changes (`commands::network`).
    pub(crate) graph: Mutex<Option<crate::commands::network::CachedGraph>>,
    /// Sync passes never overlap, whoever starts them.
    pub(crate) sync_pass: Mutex<()>,
    /// The language the person reads the app in (`set_language`): errors leave commands worded
    /// in it. Shared with the demo sandbox's session, so that switching stores keeps it.
    language: Arc<Mutex<Language>>,
    /// The thread `warm_up_in_background` started, until someone waits for it: whoever removes
    /// the store's folder first waits, or the term file's writer puts it back half-written.
    warm_up: Mutex<Option<std::thread::JoinHandle<()>>>,
}

/// Records written since the card list last looked, or "too many to refresh one by one".
#[derive(Default)]
struct Written {
    ids: Vec<RecordId>,
    too_many: bool,
}

/// Above this many written records (an import, the demo, a restore) the list is rebuilt (about a
/// second at 100,000 cards) instead of refreshed row by row.
const REFRESH_AT_MOST: usize = 20_000;

impl Written {
    fn note(&mut self, ids: &[RecordId]) {
        if self.too_many {
            return;
        }
        self.ids.extend_from_slice(ids);
        if self.ids.len() > REFRESH_AT_MOST {
            self.ids = Vec::new();
            self.too_many = true;
        }
    }
}

impl Session {
    /// A session over an open store: the card list follows every commit from now on.
    pub fn new(store: Store, clock: Clock, announce: Box<dyn Announce>) -> Session {
        let written = Arc::new(Mutex::new(Written::default()));
        let noted = Arc::clone(&written);
        store.observe_commits(Box::new(move |ids| {
            noted.lock().unwrap_or_else(|p| p.into_inner()).note(ids)
        }));
        Session {
            store,
            clock,
            announce,
            cards: Mutex::new(None),
            written,
            graph: Mutex::new(None),
            sync_pass: Mutex::new(()),
            language: Arc::new(Mutex::new(Language::default())),
            warm_up: Mutex::new(None),
        }
    }

    /// The language errors are worded in (English until the app says otherwise).
    pub fn language(&self) -> Language {
        *self.language.lock().unwrap_or_else(|p| p.into_inner())
    }

    pub(crate) fn set_language(&self, language: Language) {
        *self.language.lock().unwrap_or_else(|p| p.into_inner()) = language;
    }

    /// This session speaking `language`, shared with the other sessions of its workspace, so
    /// that switching stores keeps it.
    pub(crate) fn speaking_through(mut self, language: Arc<Mutex<Language>>) -> Session {
        self.language = language;
        self
    }

    /// The language this session speaks, as a handle other sessions can share.
    pub(crate) fn language_shared(&self) -> Arc<Mutex<Language>> {
        Arc::clone(&self.language)
    }

    /// The store and what the session was opened with, the session closed (its card list and
    /// caches dropped).
    pub(crate) fn into_parts(self) -> (Store, Clock, Box<dyn Announce>) {
        (self.store, self.clock, self.announce)
    }

    /// Runs `command` on this session; an error leaves it worded in the session's language.
    pub fn run<T>(&self, command: impl FnOnce(&Session) -> AppResult<T>) -> AppResult<T> {
        command(self).map_err(|error| {
            // After a write failed (a full disk), sled answers every later write, and often
            // reads too, with the first failure's "free some space and try again", which no
            // longer helps: what does is opening Kring again.
            let error = if error.code == ErrorCode::Failed && self.store.writes_stopped() {
                AppError::from(kring_core::store::StoreError::WritesStopped)
            } else {
                error
            };
            error.in_language(self.language())
        })
    }

    /// Opens the store in `path`; a store that cannot be opened (in use by another Kring, too
    /// new) is the error every command then answers.
    pub fn open(path: &Path, clock: Clock, announce: Box<dyn Announce>) -> AppResult<Session> {
        let store = Store::open(path, &OpenOptions::default())?;
        Ok(Session::new(store, clock, announce))
    }

    /// Loads the search index and builds the card list on a background thread, so that the
    /// window paints at once. The card list first: the app's status counts from it. Search
    /// works without the memory index (from sled), so a failure here only costs speed.
    pub fn warm_up_in_background(self: &Arc<Session>) {
        let session = Arc::clone(self);
        let warm_up = std::thread::spawn(move || {
            drop(session.cards());
            let _ = session.store.load_search_index();
        });
        *self.warm_up.lock().unwrap_or_else(|p| p.into_inner()) = Some(warm_up);
    }

    /// Returns once the background warm-up (if one was started) has finished writing to the
    /// store's folder.
    pub fn wait_for_warm_up(&self) {
        let warm_up = self
            .warm_up
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take();
        if let Some(warm_up) = warm_up {
            let _ = warm_up.join();
        }
    }

    /// Writes the search term file with this session's edits when the app closes, so that the
    /// next start opens it in milliseconds instead of rebuilding it from the store.
    pub fn save_for_next_start(&self) -> AppResult<()> {
        Ok(self.store.save_search_index()?)
    }

    pub fn now(&self) -> DateTime<Utc> {
        self.clock.now()
    }

    pub fn clock(&self) -> Clock {
        self.clock
    }

    pub(crate) fn announce(&self) -> &dyn Announce {
        self.announce.as_ref()
    }

    /// The card list as the store is now: built when first needed, then brought up to date
    /// with what commits wrote since (row by row, or rebuilt after an import or a same-as).
    fn cards(&self) -> AppResult<MutexGuard<'_, Option<CardList>>> {
        let mut cards = self.cards.lock().unwrap_or_else(|p| p.into_inner());
        self.follow_writes(&mut cards)?;
        Ok(cards)
    }

    fn follow_writes(&self, cards: &mut Option<CardList>) -> AppResult<()> {
        // Taken before reading the store: what is written meanwhile is seen next time.
        let written = std::mem::take(&mut *self.written.lock().unwrap_or_else(|p| p.into_inner()));
        let now = self.now();
        let rows = match (cards.as_ref(), written.too_many) {
            (Some(_), false) if written.ids.is_empty() => return Ok(()),
            (Some(_), false) => CardList::rows_written(&self.store, &written.ids)?,
            _ => None,
        };
        match (cards.as_mut(), rows) {
            (Some(list), Some(rows)) if rows.len() <= list.len() / 4 + 1_000 => {
                let rows: Vec<RecordId> = rows.into_iter().collect();
                list.refresh(&self.store, &rows, now)?;
            }
            _ => *cards = Some(CardList::build(&self.store, now)?),
        }
        Ok(())
    }

    /// Runs `read` over the card list as the store is now.
    pub fn with_cards<T>(&self, read: impl FnOnce(&CardList) -> AppResult<T>) -> AppResult<T> {
        let cards = self.cards()?;
        match cards.as_ref() {
            Some(list) => read(list),
            None => Err(AppError::failed("")
                .worded(|language| kring_i18n::t!(language, "app-card-list-failed"))),
        }
    }

    /// The card list's counts per kind; `None` only while the list is being built elsewhere
    /// (the background build at start-up, about a second at 100,000 cards), so the window's
    /// first answer never waits for it.
    pub fn card_counts_now(&self) -> Option<std::collections::BTreeMap<String, u32>> {
        let mut cards = self.cards.try_lock().ok()?;
        self.follow_writes(&mut cards).ok()?;
        cards.as_ref().map(CardList::count_by_kind)
    }
}

#[cfg(test)]
mod tests {
    use super::{every_tenth_of_a_second, Clock, Quiet, Session};

    #[test]
    fn after_a_write_failed_the_session_says_to_open_kring_again_not_to_try_again() {
        let dir = tempfile::tempdir().unwrap();
        let session =
            Session::open(&dir.path().join("store"), Clock::System, Box::new(Quiet)).unwrap();
        crate::commands::first_run(
            &session,
            "An Peeters".into(),
            "an@antwerpen.be".into(),
            kring_core::model::Role::Networker,
        )
        .unwrap();
        let person = || crate::wire::PersonInput {
            display_name: "Jan Peeters".into(),
            ..Default::default()
        };
        session
            .run(|session| crate::commands::save_person(session, None, person()))
            .unwrap();
        // What a full disk leaves: sled takes no write until the store is opened again.
        session.store.stop_writes_as_after_a_failure();
        let refused = session
            .run(|session| crate::commands::save_person(session, None, person()))
            .unwrap_err();
        assert!(
            refused.message.contains("close Kring and open it again"),
            "{}",
            refused.message
        );
        // The code the window offers to quit on.
        assert_eq!(refused.code, crate::error::ErrorCode::WritesStopped);
        // A form's own mistake is still said as such.
        let invalid = session
            .run(|session| {
                let mut blank = person();
                blank.display_name = " ".into();
                crate::commands::save_person(session, None, blank)
            })
            .unwrap_err();
        assert_eq!(invalid.code, crate::error::ErrorCode::Invalid);
    }

    #[test]
    fn progress_is_passed_on_at_most_ten_times_a_second_and_always_at_its_end() {
        let mut sent = Vec::new();
        {
            let mut progress = every_tenth_of_a_second(|done, total| sent.push((done, total)));
            for done in 0..=100_000 {
                progress(done, 100_000);
            }
        }
        assert_eq!(
            sent.first(),
            Some(&(0, 100_000)),
            "the first call goes at once"
        );
        assert_eq!(
            sent.last(),
            Some(&(100_000, 100_000)),
            "and the last always"
        );
        assert!(sent.len() < 100, "{} calls passed on", sent.len());
    }
}
