//! The session: one open store and what the app keeps in memory about it (the card list, the
//! organisation graph), the clock every command reads its time from, and where a command sends
//! what it reports while it runs (import progress, the end of a sync pass). Commands are plain
//! functions over a `&Session`; the Tauri shell runs them on its blocking pool, the development
//! bridge on its own threads, tests directly.

use crate::error::{AppError, AppResult};
use chrono::{DateTime, FixedOffset, Local, NaiveDate, NaiveDateTime, TimeZone, Utc};
use kring_core::browse::CardList;
use kring_core::model::RecordId;
use kring_core::store::{OpenOptions, Store};
use kring_core::sync::folder::SyncStatus;
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
}

/// What a command reports while it runs. The Tauri shell sends these to the window as events;
/// elsewhere they are dropped.
pub trait Announce: Send + Sync {
    /// An import has merged `done` of `total` records (at most about ten calls a second).
    fn import_progress(&self, _done: u64, _total: u64) {}
    /// A sync pass finished (scheduled or asked for); the folder's state now.
    fn sync_finished(&self, _status: &SyncStatus) {}
}

/// Announces nothing.
pub struct Quiet;

impl Announce for Quiet {}

/// One open store and what the app keeps in memory about it.
pub struct Session {
    pub store: Store,
    clock: Clock,
    announce: Box<dyn Announce>,
    /// Built on first use (about a second at 100,000 cards), refreshed row by row after edits.
    cards: Mutex<Option<CardList>>,
    /// The organisation graph and its analytics (seconds to build at 100,000 cards), kept until
    /// the store's version vector or the day changes (`commands::network`).
    pub(crate) graph: Mutex<Option<crate::commands::network::CachedGraph>>,
    /// Sync passes never overlap, whoever starts them.
    pub(crate) sync_pass: Mutex<()>,
}

impl Session {
    /// A session over an open store.
    pub fn new(store: Store, clock: Clock, announce: Box<dyn Announce>) -> Session {
        Session {
            store,
            clock,
            announce,
            cards: Mutex::new(None),
            graph: Mutex::new(None),
            sync_pass: Mutex::new(()),
        }
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
        std::thread::spawn(move || {
            drop(session.cards());
            let _ = session.store.load_search_index();
        });
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

    /// The card list, built when first needed.
    pub fn cards(&self) -> AppResult<MutexGuard<'_, Option<CardList>>> {
        let mut cards = self.cards.lock().unwrap_or_else(|p| p.into_inner());
        if cards.is_none() {
            *cards = Some(CardList::build(&self.store, self.now())?);
        }
        Ok(cards)
    }

    /// Runs `read` over the card list, built when first needed.
    pub fn with_cards<T>(&self, read: impl FnOnce(&CardList) -> AppResult<T>) -> AppResult<T> {
        let cards = self.cards()?;
        match cards.as_ref() {
            Some(list) => read(list),
            None => Err(AppError::failed("The card list could not be built.")),
        }
    }

    /// The card list's counts per kind; `None` only while the list is being built elsewhere
    /// (the background build at start-up, about a second at 100,000 cards), so the window's
    /// first answer never waits for it. A list dropped by an import is rebuilt here.
    pub fn card_counts_now(&self) -> Option<std::collections::BTreeMap<String, u32>> {
        let mut cards = self.cards.try_lock().ok()?;
        if cards.is_none() {
            *cards = CardList::build(&self.store, self.now()).ok();
        }
        cards.as_ref().map(CardList::count_by_kind)
    }

    /// After an edit: bring the rows of these cards up to date.
    pub fn cards_changed(&self, changed: &[RecordId]) -> AppResult<()> {
        let mut cards = self.cards.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(list) = cards.as_mut() {
            list.refresh(&self.store, changed, self.now())?;
        }
        Ok(())
    }

    /// After an import, a demo or a restore: rebuild the whole list when next needed.
    pub fn cards_replaced(&self) {
        *self.cards.lock().unwrap_or_else(|p| p.into_inner()) = None;
    }
}
