//! What the app has open: the session over the user's own store and, while the demo is open, the
//! session over its demo sandbox (`kring_core::demo::open_sandbox`, a store of its own beside the
//! real one). Every command runs on [`Workspace::current`]; only opening, leaving and removing the
//! demo (`commands::sandbox`) switch between the two, so the demo never writes to the real store.
//! The app's scheduled work (`commands::sync::scheduled`) runs on [`Workspace::real`] whatever is
//! open, so the real store keeps syncing while the demo is open.

use crate::error::{AppError, AppResult};
use crate::session::{Announce, Clock, Session};
use kring_core::store::Store;
use kring_core::sync::folder::SyncStatus;
use kring_i18n::Language;
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};

/// How many Stops the workspace keeps for compactions that have not asked for them (yet).
const COMPACTION_STOPS_KEPT: usize = 16;

/// The real store's session and the demo sandbox's while it is open.
pub struct Workspace {
    /// Swapped only by a compaction (`reopen_current`), which closes the store to rewrite it;
    /// an error only when it could not be opened again, said by every command from then on.
    real: Mutex<Result<Arc<Session>, AppError>>,
    demo: Mutex<Option<Arc<Session>>>,
    announce: Arc<dyn Announce>,
    /// The language the person reads, shared by every session the workspace opens.
    language: Arc<Mutex<Language>>,
    /// The compactions the person asked to stop, by the identity the window gave each one
    /// (`storage::compact_store`); a compaction asks between batches whether its own is here.
    /// Kept by identity, not as one flag, so that a Stop that arrives before its compaction has
    /// begun still stops it, and a Stop for a compaction that already ended stops no later one.
    /// Outside the slots, since the compaction holds them while it runs.
    compaction_stops: Mutex<std::collections::VecDeque<String>>,
}

/// Passes what a session announces on to the workspace's one receiver (the window).
struct Relay(Arc<dyn Announce>);

impl Announce for Relay {
    fn import_progress(&self, done: u64, total: u64) {
        self.0.import_progress(done, total)
    }

    fn compaction_progress(&self, done: u64, total: u64) {
        self.0.compaction_progress(done, total)
    }

    fn sync_finished(&self, status: &SyncStatus) {
        self.0.sync_finished(status)
    }
}

impl Workspace {
    /// Opens the user's store in `path`; the demo is not open. Until the app says which
    /// language the person reads (`set_language`, from Settings), the operating system's
    /// decides: a store that cannot be opened (in use, a missing folder, a full disk) is said in
    /// it, since the store's own setting cannot be read.
    pub fn open(path: &Path, clock: Clock, announce: Arc<dyn Announce>) -> AppResult<Workspace> {
        Workspace::open_speaking(path, clock, announce, system_language())
    }

    /// [`Workspace::open`] for a person who reads `language`.
    pub fn open_speaking(
        path: &Path,
        clock: Clock,
        announce: Arc<dyn Announce>,
        language: Language,
    ) -> AppResult<Workspace> {
        let real = Session::open(path, clock, Box::new(Relay(Arc::clone(&announce))))
            .map_err(|error| error.in_language(language))?;
        real.set_language(language);
        Ok(Workspace::over(real, announce))
    }

    /// A workspace over a session already open (tests, the development bridge).
    pub fn over(real: Session, announce: Arc<dyn Announce>) -> Workspace {
        Workspace {
            language: real.language_shared(),
            real: Mutex::new(Ok(Arc::new(real))),
            demo: Mutex::new(None),
            announce,
            compaction_stops: Mutex::new(std::collections::VecDeque::new()),
        }
    }

    /// Asks the compaction `compaction` to stop, whether it is under way or has yet to begin:
    /// it gives up its copy after the batch it is writing and leaves the store as it was. A
    /// compaction that already ended is not stopped again and no other one is.
    pub fn stop_compaction(&self, compaction: &str) {
        let mut stops = self.compaction_stops();
        if !stops.iter().any(|asked| asked == compaction) {
            // Stops for compactions that had ended stay until pushed out; a few suffice, since
            // the window asks for one compaction at a time.
            if stops.len() == COMPACTION_STOPS_KEPT {
                stops.pop_front();
            }
            stops.push_back(compaction.to_owned());
        }
    }

    /// Whether the person asked the compaction `compaction` to stop.
    pub(crate) fn compaction_stop_asked(&self, compaction: &str) -> bool {
        self.compaction_stops()
            .iter()
            .any(|asked| asked == compaction)
    }

    /// Forgets the Stop for `compaction` once it ended: its identity is not used again.
    pub(crate) fn compaction_ended(&self, compaction: &str) {
        self.compaction_stops().retain(|asked| asked != compaction);
    }

    fn compaction_stops(&self) -> MutexGuard<'_, std::collections::VecDeque<String>> {
        self.compaction_stops
            .lock()
            .unwrap_or_else(|p| p.into_inner())
    }

    /// The session commands run on: the demo sandbox's while it is open, else the real store's.
    pub fn current(&self) -> AppResult<Arc<Session>> {
        match self.demo().as_ref() {
            Some(demo) => Ok(Arc::clone(demo)),
            None => self.real(),
        }
    }

    /// Returns once the background work its sessions started (the card list, the term file) has
    /// finished, so that their folders can be removed.
    pub fn wait_for_background_work(&self) {
        if let Ok(real) = self.real() {
            real.wait_for_warm_up();
        }
        let demo = self.demo().clone();
        if let Some(demo) = demo {
            demo.wait_for_warm_up();
        }
    }

    /// The session over the user's own store, whatever is open.
    pub fn real(&self) -> AppResult<Arc<Session>> {
        self.real_slot().clone()
    }

    fn real_slot(&self) -> MutexGuard<'_, Result<Arc<Session>, AppError>> {
        self.real.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The language the person reads the app in.
    pub fn language(&self) -> Language {
        *self.language.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Closes the session commands run on (waiting up to `patience` for what still runs on it),
    /// hands its store to `change`, and opens a session over the store `change` answers, or, when
    /// it answers none (it failed after closing the store), over the store's folder again. What
    /// `change` answers is the command's answer. Commands that arrive meanwhile wait for the new
    /// session.
    pub(crate) fn reopen_current<T>(
        &self,
        patience: std::time::Duration,
        change: impl FnOnce(Store, &Clock, &dyn Announce) -> (AppResult<T>, Option<Store>),
    ) -> AppResult<T> {
        let mut demo = self.demo();
        if let Some(session) = demo.take() {
            let (answer, reopened) = self.reopen(session, patience, change);
            // A sandbox that cannot be opened again is left closed: the real store is open.
            *demo = reopened.ok();
            return answer;
        }
        drop(demo);
        let mut real = self.real_slot();
        // Taken out of its slot, so that the slot holds no second handle on it; nobody can look
        // in the slot meanwhile, since this holds its lock.
        let session = match std::mem::replace(&mut *real, Err(AppError::failed(""))) {
            Ok(session) => session,
            Err(error) => {
                *real = Err(error.clone());
                return Err(error);
            }
        };
        let (answer, reopened) = self.reopen(session, patience, change);
        *real = reopened;
        answer
    }

    fn reopen<T>(
        &self,
        session: Arc<Session>,
        patience: std::time::Duration,
        change: impl FnOnce(Store, &Clock, &dyn Announce) -> (AppResult<T>, Option<Store>),
    ) -> (AppResult<T>, Result<Arc<Session>, AppError>) {
        let session = match wait_for_sole(session, patience) {
            Ok(session) => session,
            Err(held) => {
                let busy = AppError::failed("")
                    .worded(|language| kring_i18n::t!(language, "app-store-busy"));
                return (Err(busy), Ok(held));
            }
        };
        // The term file written with this session's edits: the rewrite keeps the store's state,
        // so the next session opens it instead of rebuilding it.
        let _ = session.save_for_next_start();
        let folder = session.store.path().to_owned();
        let (store, clock, announce) = session.into_parts();
        let (answer, changed) = change(store, &clock, announce.as_ref());
        let opened = match changed {
            Some(store) => Ok(Session::new(store, clock, announce)),
            None => Session::open(&folder, clock, announce),
        };
        let reopened = opened.map(|session| {
            let session = Arc::new(session.speaking_through(Arc::clone(&self.language)));
            session.warm_up_in_background();
            session
        });
        (answer, reopened)
    }

    /// Whether the demo sandbox is open (commands run on it).
    pub fn demo_open(&self) -> bool {
        self.demo().is_some()
    }

    pub(crate) fn demo(&self) -> MutexGuard<'_, Option<Arc<Session>>> {
        self.demo.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// A session over the sandbox store `store`, announcing where the real one does.
    pub(crate) fn sandbox_session(&self, store: kring_core::store::Store) -> Session {
        let clock = match &*self.real_slot() {
            Ok(real) => real.clock(),
            Err(_) => Clock::System,
        };
        Session::new(store, clock, Box::new(Relay(Arc::clone(&self.announce))))
            .speaking_through(Arc::clone(&self.language))
    }

    /// A command that stopped before it answered (`cause`: the runtime's account), in the
    /// person's language.
    pub fn stopped(&self, cause: impl std::fmt::Display) -> AppError {
        AppError::stopped(cause).in_language(self.language())
    }

    /// Runs `command` on the workspace; an error leaves it worded in the person's language.
    pub fn run<T>(&self, command: impl FnOnce(&Workspace) -> AppResult<T>) -> AppResult<T> {
        command(self).map_err(|error| error.in_language(self.language()))
    }
}

/// The language the operating system names (`LANGUAGE`, `LC_ALL`, `LC_MESSAGES`, `LANG` on
/// Linux; the user's preferred language on macOS and Windows), English when it names none Kring
/// speaks: what errors are said in before a session knows better.
pub fn system_language() -> Language {
    language_of(crate::commands::system_locale().as_deref())
}

/// The language a locale tag names, English for none or one Kring does not speak.
fn language_of(locale: Option<&str>) -> Language {
    locale.and_then(Language::from_locale).unwrap_or_default()
}

/// Waits until nobody else holds `session` (a command still running on it, the background
/// warm-up), then closes it, so that its store's folder can be removed. Gives up after `patience`.
pub(crate) fn close(session: Arc<Session>, patience: std::time::Duration) -> AppResult<()> {
    match wait_for_sole(session, patience) {
        Ok(session) => {
            drop(session);
            Ok(())
        }
        Err(_) => {
            Err(AppError::failed("").worded(|language| kring_i18n::t!(language, "app-demo-busy")))
        }
    }
}

/// `session` once nobody else holds it, or back after `patience`.
fn wait_for_sole(
    mut session: Arc<Session>,
    patience: std::time::Duration,
) -> Result<Session, Arc<Session>> {
    let deadline = std::time::Instant::now() + patience;
    loop {
        match Arc::try_unwrap(session) {
            Ok(session) => return Ok(session),
            Err(held) if std::time::Instant::now() < deadline => {
                session = held;
                std::thread::sleep(std::time::Duration::from_millis(50));
            }
            Err(held) => return Err(held),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::Quiet;

    #[test]
    fn the_system_locale_names_the_language_and_an_unknown_one_means_english() {
        assert_eq!(language_of(Some("nl-BE")), Language::Dutch);
        assert_eq!(language_of(Some("fr_BE.UTF-8")), Language::French);
        assert_eq!(language_of(Some("de-DE")), Language::German);
        assert_eq!(language_of(Some("es-ES")), Language::English);
        assert_eq!(language_of(None), Language::English);
    }

    #[test]
    fn a_store_in_use_is_refused_at_start_up_in_the_systems_language() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("store");
        let _holder = Session::open(&path, Clock::System, Box::new(Quiet)).unwrap();
        let refused = |language| {
            Workspace::open_speaking(&path, Clock::System, Arc::new(Quiet), language)
                .err()
                .expect("the store is in use")
        };
        let dutch = refused(Language::Dutch);
        assert_eq!(dutch.code, crate::error::ErrorCode::StoreUnavailable);
        assert!(
            dutch.message.starts_with("Databank ")
                && dutch
                    .message
                    .contains("in gebruik door een ander Kring-proces"),
            "{}",
            dutch.message
        );
        let french = refused(Language::French);
        assert_ne!(french.message, dutch.message);
        assert!(!french.message.contains("in use"), "{}", french.message);
        let english = refused(Language::English);
        assert!(english
            .message
            .contains("is in use by another Kring process"));
    }

    #[test]
    fn an_opened_store_speaks_the_systems_language_until_the_app_says_otherwise() {
        let dir = tempfile::tempdir().unwrap();
        let workspace = Workspace::open_speaking(
            &dir.path().join("store"),
            Clock::System,
            Arc::new(Quiet),
            Language::German,
        )
        .unwrap();
        assert_eq!(workspace.real().unwrap().language(), Language::German);
    }
}
