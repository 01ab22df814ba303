//! The stakeholder grid across stores: several networkers' ratings of one stakeholder all survive
//! a merge (and the manager sees their spread); one networker's concurrent ratings from two
//! stores merge into one rating with a trace of the other. Numbers worked out by hand.

use chrono::{DateTime, Duration, TimeZone, Utc};
use kring_core::manager::StakeholderGrid;
use kring_core::model::*;
use kring_core::store::{OpenOptions, Store};
use std::path::{Path, PathBuf};

mod common;

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 2, 9, 0, 0).unwrap()
}

struct World {
    dir: tempfile::TempDir,
    files: usize,
}

fn open(path: &Path) -> Store {
    Store::open(
        path,
        &OpenOptions {
            cache_bytes: 1 << 20,
        },
    )
    .unwrap()
}

impl World {
    fn store(&self, name: &str, role: Role) -> Store {
        let store = open(&self.dir.path().join(name));
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

    fn send(&mut self, from: &Store, to: &Store, now: DateTime<Utc>) {
        self.files += 1;
        let path: PathBuf = self.dir.path().join(format!("{}.kring", self.files));
        from.export_bundle(&path, true, now).unwrap();
        to.import_bundles(&[path], false, now).unwrap();
    }
}

fn ratings_of(grid: &StakeholderGrid, name: &str) -> Vec<(String, u8, u8)> {
    grid.stakeholders
        .iter()
        .find(|s| s.stakeholder.name == name)
        .unwrap()
        .ratings
        .iter()
        .map(|r| (r.networker.name.clone(), r.power, r.interest))
        .collect()
}

#[test]
fn two_networkers_ratings_of_one_stakeholder_both_survive_the_merge_with_their_spread() {
    let mut world = World {
        dir: tempfile::tempdir().unwrap(),
        files: 0,
    };
    let manager = world.store("Mia", Role::Manager);
    let an = world.store("An", Role::Networker);
    let bo = world.store("Bo", Role::Networker);
    common::one_organisation(&[&manager, &an, &bo], t0());
    let mut now = t0();
    let port = manager
        .create(
            &Organisation {
                name: "Port of Antwerp".into(),
                ..Organisation::default()
            },
            Some(Visibility::Shared),
            now,
        )
        .unwrap();
    world.send(&manager, &an, now);
    world.send(&manager, &bo, now);

    // Each rates the port for the same theme, written a little differently.
    now += Duration::minutes(5);
    an.rate_stakeholder(
        "Port expansion",
        port,
        5,
        2,
        Some("Decides".into()),
        None,
        now,
    )
    .unwrap();
    bo.rate_stakeholder("port  Expansion ", port, 3, 4, None, None, now)
        .unwrap();
    manager
        .rate_stakeholder("Port expansion", port, 1, 3, None, None, now)
        .unwrap();
    now += Duration::minutes(1);
    world.send(&an, &manager, now);
    world.send(&bo, &manager, now);

    let grid = manager.stakeholder_grid("PORT EXPANSION").unwrap();
    assert_eq!(grid.theme, "Port expansion");
    assert_eq!(grid.stakeholders.len(), 1);
    assert_eq!(
        ratings_of(&grid, "Port of Antwerp"),
        vec![
            ("An".to_owned(), 5, 2),
            ("Bo".to_owned(), 3, 4),
            ("Mia".to_owned(), 1, 3)
        ]
    );
    let port_row = &grid.stakeholders[0];
    // Power 5, 3, 1: mean 3, variance (4 + 0 + 4) / 3 = 8/3, sd 1.633.
    assert_eq!(
        (
            port_row.power.mean,
            port_row.power.min,
            port_row.power.max,
            port_row.power.std_dev
        ),
        (3.0, 1, 5, 1.633)
    );
    // Interest 2, 4, 3: mean 3, variance (1 + 1 + 0) / 3 = 2/3, sd 0.816.
    assert_eq!(
        (
            port_row.interest.mean,
            port_row.interest.min,
            port_row.interest.max,
            port_row.interest.std_dev
        ),
        (3.0, 2, 4, 0.816)
    );
    assert_eq!(
        port_row.ratings.iter().filter(|r| r.mine).count(),
        1,
        "only Mia's own rating is hers"
    );
    let themes = manager.grid_themes().unwrap();
    assert_eq!(themes.len(), 1);
    assert_eq!((themes[0].stakeholders, themes[0].ratings), (1, 3));

    // The master goes back: An sees all three, and moving her own rating moves only hers.
    world.send(&manager, &an, now);
    now += Duration::minutes(1);
    an.rate_stakeholder("Port expansion", port, 4, 2, None, None, now)
        .unwrap();
    world.send(&an, &manager, now);
    assert_eq!(
        ratings_of(
            &manager.stakeholder_grid("Port expansion").unwrap(),
            "Port of Antwerp"
        ),
        vec![
            ("An".to_owned(), 4, 2),
            ("Bo".to_owned(), 3, 4),
            ("Mia".to_owned(), 1, 3)
        ]
    );
    assert_eq!(manager.digest().unwrap(), {
        world.send(&manager, &an, now);
        an.digest().unwrap()
    });
}

#[test]
fn one_networkers_concurrent_ratings_from_two_stores_merge_into_one_with_a_trace() {
    let mut world = World {
        dir: tempfile::tempdir().unwrap(),
        files: 0,
    };
    let manager = world.store("Mia", Role::Manager);
    let an = world.store("An", Role::Networker);
    common::one_organisation(&[&manager, &an], t0());
    let mut now = t0();
    let alderman = manager
        .create(
            &Person {
                display_name: "Schepen Peeters".into(),
                ..Person::default()
            },
            Some(Visibility::Shared),
            now,
        )
        .unwrap();
    world.send(&manager, &an, now);
    // An copies her store to a second laptop: it takes a new node id, same networker.
    let an_path = an.path().to_path_buf();
    drop(an);
    let copy_path = world.dir.path().join("An-laptop2");
    common::copy_dir(&an_path, &copy_path);
    let an = open(&an_path);
    let an2 = open(&copy_path);
    assert_ne!(an.node_id(), an2.node_id());
    // The second laptop is a new store: the manager approves it as An's.
    manager
        .enrol(&an2.identity().unwrap(), Role::Networker, now)
        .unwrap();

    now += Duration::minutes(1);
    an.rate_stakeholder("Climate", alderman, 2, 5, None, None, now)
        .unwrap();
    an2.rate_stakeholder(
        "Climate",
        alderman,
        4,
        5,
        None,
        None,
        now + Duration::seconds(1),
    )
    .unwrap();
    now += Duration::minutes(1);
    world.send(&an, &manager, now);
    world.send(&an2, &manager, now);

    let grid = manager.stakeholder_grid("climate").unwrap();
    let row = &grid.stakeholders[0];
    assert_eq!(row.ratings.len(), 1, "one networker, one rating");
    // The later write is current; the other stays as a conflict.
    assert_eq!((row.ratings[0].power, row.ratings[0].interest), (4, 5));
    assert!(row.ratings[0].conflicted);
}
