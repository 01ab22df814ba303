//! Today: what the store's owner should act on now. Follow-ups due and coming up, relationships
//! whose keep-in-touch cadence has run out, and partnership reviews due. The app's Today screen
//! and `kring today` both show this one answer.

use crate::cards::views::{FollowUpView, RelationshipView};
use crate::manager::ReviewReminder;
use crate::store::{Store, StoreResult};
use chrono::{DateTime, Duration, NaiveDate, Utc};
use serde::Serialize;

/// How far ahead follow-ups count as coming up, and partnership reviews as due.
pub const LOOK_AHEAD_DAYS: i64 = 14;

/// How many relationships going cold are listed (the coldest); the total is counted in full.
pub const GOING_COLD_LISTED: usize = 100;

/// What to act on today.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Today {
    /// Open follow-ups due today or earlier, earliest first.
    pub due: Vec<FollowUpView>,
    /// Open follow-ups due in the next 14 days.
    pub upcoming: Vec<FollowUpView>,
    /// Relationships whose cadence has run out, coldest first (at most 100): a networker's own,
    /// or, for a manager, everyone's.
    pub going_cold: Vec<RelationshipView>,
    pub going_cold_total: u32,
    /// Partnership reviews due within 14 days or overdue, most overdue first.
    pub reviews_due: Vec<ReviewReminder>,
}

impl Store {
    /// What to act on, on the day `today` (the owner's local date) at `now`.
    pub fn today(&self, today: NaiveDate, now: DateTime<Utc>) -> StoreResult<Today> {
        let open = |views: Vec<FollowUpView>| -> Vec<FollowUpView> {
            views.into_iter().filter(|f| !f.done).collect()
        };
        let due = open(self.follow_ups(Some(today + Duration::days(1)))?);
        let upcoming = open(self.follow_ups(Some(today + Duration::days(LOOK_AHEAD_DAYS + 1)))?)
            .into_iter()
            .filter(|f| f.due > today)
            .collect();
        // A networker keeps their own relationships warm; a manager looks after everyone's.
        let (going_cold, total) = self.going_cold_today(GOING_COLD_LISTED, now)?;
        let reviews_due = self.review_reminders(today + Duration::days(LOOK_AHEAD_DAYS), now)?;
        Ok(Today {
            due,
            upcoming,
            going_cold,
            going_cold_total: u32::try_from(total).unwrap_or(u32::MAX),
            reviews_due,
        })
    }
}
