//! The app's one managed state: the open store and the in-memory card list, shared by every
//! command. Store work runs on Tauri's blocking pool so that the window never waits on the disk.

use crate::error::{AppError, AppResult};
use chrono::Utc;
use kring_core::browse::CardList;
use kring_core::model::RecordId;
use kring_core::store::{OpenOptions, Store};
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};

/// The open store, or why it could not be opened (shown by every command until the app restarts).
pub struct AppState {
    session: Result<Arc<Session>, AppError>,
}

/// One open store and what the app keeps in memory about it.
pub struct Session {
    pub store: Store,
    /// Built on first use (about a second at 100,000 cards), refreshed row by row after edits.
    cards: Mutex<Option<CardList>>,
    /// The organisation graph and its analytics (seconds to build at 100,000 cards), kept until
    /// the store's version vector or the day changes (`commands::network`).
    pub(crate) graph: Mutex<Option<crate::commands::network::CachedGraph>>,
}

impl AppState {
    /// Opens the store in `path` and, in the background, loads its search index and card list.
    pub fn open(path: &Path) -> AppState {
        let session = Store::open(path, &OpenOptions::default())
            .map(|store| {
                Arc::new(Session {
                    store,
                    cards: Mutex::new(None),
                    graph: Mutex::new(None),
                })
            })
            .map_err(AppError::from);
        if let Ok(session) = &session {
            let session = Arc::clone(session);
            std::thread::spawn(move || {
                // The card list first: the app's status counts from it. Search works without the
                // memory index (from sled), so a failure here only costs speed.
                drop(session.cards());
                let _ = session.store.load_search_index();
            });
        }
        AppState { session }
    }

    /// Runs store work off the main thread.
    pub async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce(&Session) -> AppResult<T> + Send + 'static,
    ) -> AppResult<T> {
        let session = self.session.clone()?;
        tauri::async_runtime::spawn_blocking(move || work(&session))
            .await
            .map_err(|e| AppError::new("internal", format!("The operation stopped: {e}")))?
    }
}

impl AppState {
    /// Runs store work on this thread (when the app quits and no runtime is left to wait on).
    pub fn run_blocking(&self, work: impl FnOnce(&Session) -> AppResult<()>) {
        if let Ok(session) = &self.session {
            let _ = work(session);
        }
    }
}

impl Session {
    /// The card list, built when first needed.
    pub fn cards(&self) -> AppResult<MutexGuard<'_, Option<CardList>>> {
        let mut cards = self.cards.lock().unwrap_or_else(|p| p.into_inner());
        if cards.is_none() {
            *cards = Some(CardList::build(&self.store, Utc::now())?);
        }
        Ok(cards)
    }

    /// The card list's counts per kind; `None` only while the list is being built elsewhere
    /// (the background build at start-up, about a second at 100,000 cards), so the window's
    /// first answer never waits for it. A list dropped by an import is rebuilt here.
    pub fn card_counts_now(&self) -> Option<std::collections::BTreeMap<String, u32>> {
        let mut cards = self.cards.try_lock().ok()?;
        if cards.is_none() {
            *cards = CardList::build(&self.store, Utc::now()).ok();
        }
        cards.as_ref().map(CardList::count_by_kind)
    }

    /// After an edit: bring the rows of these cards up to date.
    pub fn cards_changed(&self, changed: &[RecordId]) -> AppResult<()> {
        let mut cards = self.cards.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(list) = cards.as_mut() {
            list.refresh(&self.store, changed, Utc::now())?;
        }
        Ok(())
    }

    /// After an import, a demo or a restore: rebuild the whole list when next needed.
    pub fn cards_replaced(&self) {
        *self.cards.lock().unwrap_or_else(|p| p.into_inner()) = None;
    }
}
