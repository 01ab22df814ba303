//! Kring's core: the domain of strategic relationship management, the embedded store, and (as they
//! arrive) sync, graph analytics and import/export. It knows nothing of Tauri or the command line;
//! both are thin layers over this API.
//!
//! ```no_run
//! use kring_core::{model::{Person, Role}, store::{OpenOptions, Store}};
//! let store = Store::open(std::path::Path::new("/tmp/kring-example"), &OpenOptions::default())?;
//! let now = chrono::Utc::now();
//! store.init("An Peeters", "an.peeters@stad.antwerpen.be", Role::Networker, now)?;
//! let id = store.create(&Person { display_name: "Jan-Willem Müller".into(), ..Person::default() }, None, now)?;
//! assert_eq!(store.search("muller jan", 10)?[0].id, id);
//! # Ok::<(), kring_core::store::StoreError>(())
//! ```

pub mod browse;
pub mod capture;
pub mod cards;
pub mod clock;
pub mod compaction;
pub mod contacts;
pub use kring_interop;
pub mod crdt;
pub mod demo;
mod demo_words;
mod error;

pub mod files;
pub mod graph;
pub mod identity_groups;
pub mod manager;
pub mod model;
mod open;
pub mod protection;
pub mod spoken_days;
pub mod store;
pub mod sync;
pub mod text;
pub mod today;
pub mod trust;

// The kind tables and bounds are part of the record model, the figures part of the manager's
// feature; these paths stay for the other crates (inside kring-core, use the real ones).
pub use manager::figures;
pub use model::{bounds, schema};
