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

pub mod bounds;
pub mod browse;
pub mod capture;
pub mod clock;
pub mod contacts;
pub use kring_interop;
pub mod crdt;
pub mod demo;
mod error;
pub mod figures;
pub mod files;
pub mod graph;
pub mod identity_groups;
pub mod manager;
pub mod model;
pub mod protection;
pub mod schema;
pub mod store;
pub mod sync;
pub mod text;
pub mod today;
pub mod trust;
