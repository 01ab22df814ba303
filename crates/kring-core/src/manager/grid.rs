//! The stakeholder grid: power × interest per strategic theme.
//!
//! Each networker's rating of one stakeholder for one theme is its own record
//! ([`StakeholderRating`]) with an id derived from the theme, the stakeholder and the networker
//! ([`RecordId::for_rating`]). Ratings by several networkers therefore never overwrite each other —
//! the grid shows every one and their spread — and two stores in which the same networker rated the
//! same stakeholder concurrently hold the same record, which merges like any other (the later
//! rating is current, the other a conflict with a trace).

use super::Named;
use crate::model::is_withdrawn;
use crate::model::{RecordId, RecordKind, Visibility};
use crate::store::{body_of, Store, StoreResult};
use chrono::{DateTime, FixedOffset, Utc};
use serde::Serialize;
use std::collections::BTreeMap;

pub use crate::model::manager::{theme_key, StakeholderRating};

/// Mean and spread of a set of 1–5 scores.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Spread {
    pub mean: f64,
    pub min: u8,
    pub max: u8,
    /// Population standard deviation (0 for a single rating).
    pub std_dev: f64,
}

impl Spread {
    /// None for no scores.
    pub fn of(scores: &[u8]) -> Option<Spread> {
        if scores.is_empty() {
            return None;
        }
        let n = scores.len() as f64;
        let mean = scores.iter().map(|s| f64::from(*s)).sum::<f64>() / n;
        let variance = scores
            .iter()
            .map(|s| (f64::from(*s) - mean).powi(2))
            .sum::<f64>()
            / n;
        Some(Spread {
            mean: round3(mean),
            min: *scores.iter().min()?,
            max: *scores.iter().max()?,
            std_dev: round3(variance.sqrt()),
        })
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// One rating on the grid.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct GridRating {
    pub id: RecordId,
    pub networker: Named,
    pub power: u8,
    pub interest: u8,
    pub note: Option<String>,
    pub rated_at: DateTime<FixedOffset>,
    /// The owner of this store made it.
    pub mine: bool,
    /// Concurrent edits left another value for this rating (the current one is shown).
    pub conflicted: bool,
}

/// A stakeholder on the grid: every rating, and their spread.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct GridStakeholder {
    pub stakeholder: Named,
    /// A person or an organisation.
    pub kind: RecordKind,
    /// By networker name.
    pub ratings: Vec<GridRating>,
    pub power: Spread,
    pub interest: Spread,
}

/// The grid of one theme.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StakeholderGrid {
    /// The theme as first written.
    pub theme: String,
    /// By stakeholder name.
    pub stakeholders: Vec<GridStakeholder>,
}

/// A theme with how much has been rated under it.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct GridTheme {
    pub theme: String,
    pub stakeholders: u32,
    pub ratings: u32,
}

impl Store {
    /// Places the owner's rating of a stakeholder for a theme (creating or moving it). Shared
    /// unless said otherwise, so it reaches the manager and, in the master, every colleague.
    #[allow(clippy::too_many_arguments)]
    pub fn rate_stakeholder(
        &self,
        theme: &str,
        stakeholder: RecordId,
        power: u8,
        interest: u8,
        note: Option<String>,
        visibility: Option<Visibility>,
        now: DateTime<Utc>,
    ) -> StoreResult<RecordId> {
        let networker = self.require_profile()?.networker;
        let theme_text = theme.split_whitespace().collect::<Vec<_>>().join(" ");
        let id = RecordId::for_rating(&theme_text, stakeholder, networker);
        // Keep the theme as it was first written, so a rating moved later does not rename it.
        let theme_text = match self.get::<StakeholderRating>(id) {
            Ok(Some(existing)) => existing.theme,
            _ => theme_text,
        };
        let rating = StakeholderRating {
            theme: theme_text,
            stakeholder,
            networker,
            power,
            interest,
            note: note.map(|n| n.trim().to_owned()).filter(|n| !n.is_empty()),
            rated_at: now.fixed_offset(),
        };
        self.create_with_id(id, &rating, super::shared_by_default(visibility), now)?;
        Ok(id)
    }

    /// Every live rating this store may show, with whether it holds concurrent values.
    fn ratings(&self) -> StoreResult<Vec<(RecordId, StakeholderRating, bool)>> {
        let me = self.profile()?.map(|p| p.networker);
        let mut out = Vec::new();
        self.for_each_live_of_kind(RecordKind::StakeholderRating, |state| {
            if is_withdrawn(&state, me) {
                return Ok(());
            }
            let conflicted = ["power", "interest"].iter().any(|f| {
                state
                    .fields
                    .get(*f)
                    .is_some_and(|r| !r.conflicts().is_empty())
            });
            out.push((RecordId(state.id), body_of(&state)?, conflicted));
            Ok(())
        })?;
        Ok(out)
    }

    /// The themes rated so far, by name.
    pub fn grid_themes(&self) -> StoreResult<Vec<GridTheme>> {
        let mut themes: BTreeMap<String, (String, BTreeMap<RecordId, ()>, u32)> = BTreeMap::new();
        for (_, rating, _) in self.ratings()? {
            let entry = themes
                .entry(theme_key(&rating.theme))
                .or_insert_with(|| (rating.theme.clone(), BTreeMap::new(), 0));
            entry.1.insert(rating.stakeholder, ());
            entry.2 += 1;
        }
        Ok(themes
            .into_values()
            .map(|(theme, stakeholders, ratings)| GridTheme {
                theme,
                stakeholders: stakeholders.len() as u32,
                ratings,
            })
            .collect())
    }

    /// The grid of one theme: per stakeholder, every networker's rating and their spread.
    pub fn stakeholder_grid(&self, theme: &str) -> StoreResult<StakeholderGrid> {
        let key = theme_key(theme);
        let me = self.profile()?.map(|p| p.networker);
        let mut by_stakeholder: BTreeMap<RecordId, Vec<GridRating>> = BTreeMap::new();
        let mut first_theme: Option<(DateTime<FixedOffset>, String)> = None;
        let mut names: BTreeMap<RecordId, Named> = BTreeMap::new();
        for (id, rating, conflicted) in self.ratings()? {
            if theme_key(&rating.theme) != key {
                continue;
            }
            // The theme as first written (ties by text), the same in every store.
            if first_theme
                .as_ref()
                .is_none_or(|(at, text)| (rating.rated_at, &rating.theme) < (*at, text))
            {
                first_theme = Some((rating.rated_at, rating.theme.clone()));
            }
            let networker = match names.get(&rating.networker) {
                Some(named) => named.clone(),
                None => {
                    let named = self.named(rating.networker)?;
                    names.insert(rating.networker, named.clone());
                    named
                }
            };
            by_stakeholder
                .entry(rating.stakeholder)
                .or_default()
                .push(GridRating {
                    id,
                    mine: Some(rating.networker) == me,
                    networker,
                    power: rating.power,
                    interest: rating.interest,
                    note: rating.note,
                    rated_at: rating.rated_at,
                    conflicted,
                });
        }
        let mut stakeholders = Vec::new();
        for (stakeholder, mut ratings) in by_stakeholder {
            let Some(state) = self.live_state(stakeholder)? else {
                continue; // deleted since it was rated
            };
            // A kind a newer Kring added is not placed on this grid.
            let Ok(kind) = state.kind.parse::<RecordKind>() else {
                continue;
            };
            if is_withdrawn(&state, me) {
                continue;
            }
            ratings.sort_by(|a, b| {
                crate::text::fold(&a.networker.name)
                    .cmp(&crate::text::fold(&b.networker.name))
                    .then(a.id.cmp(&b.id))
            });
            let powers: Vec<u8> = ratings.iter().map(|r| r.power).collect();
            let interests: Vec<u8> = ratings.iter().map(|r| r.interest).collect();
            let (Some(power), Some(interest)) = (Spread::of(&powers), Spread::of(&interests))
            else {
                continue;
            };
            stakeholders.push(GridStakeholder {
                stakeholder: Named {
                    id: stakeholder,
                    name: crate::store::search::card_title(&state).0,
                },
                kind,
                ratings,
                power,
                interest,
            });
        }
        stakeholders.sort_by(|a, b| {
            crate::text::fold(&a.stakeholder.name)
                .cmp(&crate::text::fold(&b.stakeholder.name))
                .then(a.stakeholder.id.cmp(&b.stakeholder.id))
        });
        Ok(StakeholderGrid {
            theme: first_theme
                .map(|(_, t)| t)
                .unwrap_or_else(|| theme.trim().to_owned()),
            stakeholders,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::RecordBody;
    use uuid::Uuid;

    #[test]
    fn spread_of_ratings_worked_out_by_hand() {
        // 1, 3, 5: mean 3, variance (4 + 0 + 4) / 3 = 8/3, sd √(8/3) = 1.63299…
        let s = Spread::of(&[1, 3, 5]).unwrap();
        assert_eq!((s.mean, s.min, s.max, s.std_dev), (3.0, 1, 5, 1.633));
        // 2, 2, 5: mean 3, variance (1 + 1 + 4) / 3 = 2, sd √2 = 1.41421…
        let s = Spread::of(&[2, 2, 5]).unwrap();
        assert_eq!((s.mean, s.min, s.max, s.std_dev), (3.0, 2, 5, 1.414));
        // 4, 5: mean 4.5, variance (0.25 + 0.25) / 2 = 0.25, sd 0.5
        let s = Spread::of(&[4, 5]).unwrap();
        assert_eq!((s.mean, s.std_dev), (4.5, 0.5));
        // One rating: no spread.
        let s = Spread::of(&[2]).unwrap();
        assert_eq!((s.mean, s.min, s.max, s.std_dev), (2.0, 2, 2, 0.0));
        assert!(Spread::of(&[]).is_none());
    }

    #[test]
    fn a_rating_id_depends_on_theme_stakeholder_and_networker_not_on_spacing_or_case() {
        let s = RecordId(Uuid::from_u128(1));
        let n = RecordId(Uuid::from_u128(2));
        let m = RecordId(Uuid::from_u128(3));
        assert_eq!(
            RecordId::for_rating("Port  expansion", s, n),
            RecordId::for_rating(" port expansion ", s, n)
        );
        assert_ne!(
            RecordId::for_rating("Port expansion", s, n),
            RecordId::for_rating("Port expansion", s, m)
        );
        assert_ne!(
            RecordId::for_rating("Port expansion", s, n),
            RecordId::for_rating("Climate", s, n)
        );
        assert_ne!(
            RecordId::for_rating("Port expansion", s, n),
            RecordId::for_rating("Port expansion", n, s)
        );
    }

    #[test]
    fn scores_outside_one_to_five_are_refused() {
        let rating = StakeholderRating {
            theme: "Haven".into(),
            stakeholder: RecordId(Uuid::from_u128(1)),
            networker: RecordId(Uuid::from_u128(2)),
            power: 0,
            interest: 3,
            note: None,
            rated_at: DateTime::parse_from_rfc3339("2026-11-23T10:00:00+01:00").unwrap(),
        };
        assert_eq!(
            rating.validate().unwrap_err().to_string(),
            "power: 0 is out of range 1–5"
        );
        let blank = StakeholderRating {
            theme: "  ".into(),
            power: 3,
            ..rating
        };
        assert_eq!(
            blank.validate().unwrap_err().to_string(),
            "theme: must not be empty"
        );
    }
}
