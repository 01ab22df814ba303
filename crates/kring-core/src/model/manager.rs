//! The record kinds of the Manager of the Network: strategic goals, Networking Teams,
//! partnerships and their reviews, events and newsletters.
//!
//! They live in the same envelope as every other record (see [`crate::model`]): scalar fields are
//! registers, the multi-valued ones (listed in [`RecordKind::set_fields`]) are add-wins sets, so
//! they merge, sync and export with no code of their own. Team membership and accountability are
//! set elements rather than one list, so two stores adding members concurrently keep both.

use crate::model::bounds::{self, check_list};
use crate::model::{RecordBody, RecordId, RecordKind, ValidationError};
use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

word_enum!(
    /// Where a goal stands.
    GoalStatus { Active => "active", Achieved => "achieved", Dropped => "dropped" }
);

word_enum!(
    /// A networker's role in a Networking Team.
    TeamRole { Lead => "lead", Member => "member", Advisor => "advisor" }
);

word_enum!(
    /// Where a partnership stands.
    PartnershipStatus {
        Prospective => "prospective",
        Active => "active",
        Paused => "paused",
        Ended => "ended",
    }
);

word_enum!(
    /// What kind of networking activity an event is. A newsletter is sent to its `invited`.
    EventKind {
        Event => "event",
        Conference => "conference",
        Reception => "reception",
        Workshop => "workshop",
        Webinar => "webinar",
        Newsletter => "newsletter",
    }
);

/// A strategic goal of the organisation, and what of the network serves it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct Goal {
    pub name: String,
    pub description: Option<String>,
    /// The networking vision: how the network should serve this goal.
    pub vision: Option<String>,
    pub status: Option<GoalStatus>,
    /// Until when the goal runs.
    pub until: Option<NaiveDate>,
    /// The stakeholders the organisation must have an active, healthy relationship with.
    pub priority_stakeholders: Vec<RecordId>,
    /// Relationships, interactions and events linked to the goal.
    pub relationships: Vec<RecordId>,
    pub interactions: Vec<RecordId>,
    pub events: Vec<RecordId>,
}

/// A member of a Networking Team with a role.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TeamMember {
    pub networker: RecordId,
    pub role: TeamRole,
}

/// Who in the organisation is accountable for a stakeholder a team looks after.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Accountability {
    pub stakeholder: RecordId,
    pub networker: RecordId,
}

/// A Networking Team: internal networkers linked to the external stakeholders of one network.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct Team {
    pub name: String,
    pub purpose: Option<String>,
    pub members: Vec<TeamMember>,
    /// The stakeholders the team looks after.
    pub stakeholders: Vec<RecordId>,
    pub accountable: Vec<Accountability>,
}

impl Team {
    /// A networker's role; when concurrent edits left two roles, the strongest (lead first).
    pub fn role_of(&self, networker: RecordId) -> Option<TeamRole> {
        self.members
            .iter()
            .filter(|m| m.networker == networker)
            .map(|m| m.role)
            .min()
    }

    /// The distinct members, in the order of their first mention.
    pub fn member_ids(&self) -> Vec<RecordId> {
        let mut out: Vec<RecordId> = Vec::new();
        for member in &self.members {
            if !out.contains(&member.networker) {
                out.push(member.networker);
            }
        }
        out
    }

    /// Who is accountable for a stakeholder (more than one when concurrent edits disagreed).
    pub fn accountable_for(&self, stakeholder: RecordId) -> Vec<RecordId> {
        self.accountable
            .iter()
            .filter(|a| a.stakeholder == stakeholder)
            .map(|a| a.networker)
            .collect()
    }
}

/// What one partner is accountable and responsible for.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PartnerAccountability {
    pub partner: RecordId,
    pub text: String,
}

/// A partnership with one or more partner organisations, and its 'nuptial agreement'.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(default)]
pub struct Partnership {
    pub name: String,
    pub status: Option<PartnershipStatus>,
    pub partners: Vec<RecordId>,
    pub objectives: Vec<String>,
    pub accountabilities: Vec<PartnerAccountability>,
    /// Criteria the organisation will not cross. `tag:WORD` and `sector:SECTOR` are checked
    /// against a prospective partner's card; other text is a reminder for people.
    pub red_lines: Vec<String>,
    /// The agreement on sharing benefits and risks.
    pub benefits_and_risks: Option<String>,
    pub exit_arrangements: Option<String>,
    /// A review every so many days, counted from the last review (or the start).
    pub review_every_days: Option<u32>,
    pub started: Option<NaiveDate>,
    /// The networker who leads the partnership for the organisation.
    pub lead: Option<RecordId>,
}

/// A review of a partnership: the five behaviours scored 1–5, and notes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PartnershipReview {
    pub partnership: RecordId,
    pub date: NaiveDate,
    /// Strategic, values-based leadership.
    pub values_based_leadership: u8,
    /// A willingness to share and give credit to others.
    pub sharing_credit: u8,
    /// A focus on outcomes for communities rather than on one's ego.
    pub outcomes_for_communities: u8,
    /// Excellent communication, which includes listening.
    pub communication_and_listening: u8,
    /// The empowerment of staff and other stakeholders.
    pub empowering_staff: u8,
    #[serde(default)]
    pub notes: Option<String>,
    #[serde(default)]
    pub reviewer: Option<RecordId>,
}

impl PartnershipReview {
    pub const BEHAVIOURS: [&'static str; 5] = [
        "values_based_leadership",
        "sharing_credit",
        "outcomes_for_communities",
        "communication_and_listening",
        "empowering_staff",
    ];

    pub fn scores(&self) -> [u8; 5] {
        [
            self.values_based_leadership,
            self.sharing_credit,
            self.outcomes_for_communities,
            self.communication_and_listening,
            self.empowering_staff,
        ]
    }

    /// The health score of the review: the mean of the five behaviour scores.
    pub fn health(&self) -> f64 {
        f64::from(self.scores().iter().map(|s| u32::from(*s)).sum::<u32>()) / 5.0
    }
}

/// A networking event or newsletter: who was invited (a newsletter's recipients) and who came.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Event {
    pub name: String,
    pub kind: EventKind,
    pub at: DateTime<FixedOffset>,
    #[serde(default)]
    pub location: Option<String>,
    /// Networkers and stakeholders invited (for a newsletter: sent to).
    #[serde(default)]
    pub invited: Vec<RecordId>,
    /// Networkers and stakeholders who attended.
    #[serde(default)]
    pub attending: Vec<RecordId>,
    #[serde(default)]
    pub outcomes: Vec<String>,
    #[serde(default)]
    pub notes: Option<String>,
}

const STAKEHOLDER_KINDS: &[RecordKind] = &[RecordKind::Person, RecordKind::Organisation];
const PEOPLE_KINDS: &[RecordKind] = &[
    RecordKind::Person,
    RecordKind::Organisation,
    RecordKind::Networker,
];

fn require_text(field: &str, value: &str) -> Result<(), ValidationError> {
    if value.trim().is_empty() {
        return Err(ValidationError::worded(field, "empty", &[]));
    }
    Ok(())
}

impl RecordBody for Goal {
    const KIND: RecordKind = RecordKind::Goal;
    fn validate(&self) -> Result<(), ValidationError> {
        require_text("name", &self.name)?;
        bounds::check_optional_day("until", self.until)
    }
    fn references(&self) -> Vec<(&'static str, RecordId, &'static [RecordKind])> {
        let mut refs: Vec<(&'static str, RecordId, &'static [RecordKind])> = Vec::new();
        for id in &self.priority_stakeholders {
            refs.push(("priority_stakeholders", *id, STAKEHOLDER_KINDS));
        }
        for id in &self.relationships {
            refs.push(("relationships", *id, &[RecordKind::Relationship]));
        }
        for id in &self.interactions {
            refs.push(("interactions", *id, &[RecordKind::Interaction]));
        }
        for id in &self.events {
            refs.push(("events", *id, &[RecordKind::Event]));
        }
        refs
    }
}

impl RecordBody for Team {
    const KIND: RecordKind = RecordKind::Team;
    fn validate(&self) -> Result<(), ValidationError> {
        require_text("name", &self.name)?;
        for accountable in &self.accountable {
            if !self.stakeholders.contains(&accountable.stakeholder) {
                return Err(ValidationError::worded(
                    "accountable",
                    "not_a_team_stakeholder",
                    &[("id", accountable.stakeholder.to_string().into())],
                ));
            }
        }
        Ok(())
    }
    fn references(&self) -> Vec<(&'static str, RecordId, &'static [RecordKind])> {
        let mut refs: Vec<(&'static str, RecordId, &'static [RecordKind])> = Vec::new();
        for member in &self.members {
            refs.push(("members", member.networker, &[RecordKind::Networker]));
        }
        for id in &self.stakeholders {
            refs.push(("stakeholders", *id, STAKEHOLDER_KINDS));
        }
        for a in &self.accountable {
            refs.push(("accountable", a.networker, &[RecordKind::Networker]));
        }
        refs
    }
}

impl RecordBody for Partnership {
    const KIND: RecordKind = RecordKind::Partnership;
    fn validate(&self) -> Result<(), ValidationError> {
        require_text("name", &self.name)?;
        check_list("objectives", &self.objectives)?;
        check_list("red_lines", &self.red_lines)?;
        check_list("accountabilities", &self.accountabilities)?;
        bounds::check_optional_day("started", self.started)?;
        if self.review_every_days == Some(0) {
            return Err(ValidationError::worded(
                "review_every_days",
                "at_least_one_day",
                &[],
            ));
        }
        for objective in &self.objectives {
            require_text("objectives", objective)?;
        }
        for line in &self.red_lines {
            require_text("red_lines", line)?;
        }
        for a in &self.accountabilities {
            require_text("accountabilities", &a.text)?;
            if !self.partners.contains(&a.partner) {
                return Err(ValidationError::worded(
                    "accountabilities",
                    "not_a_partner",
                    &[("id", a.partner.to_string().into())],
                ));
            }
        }
        Ok(())
    }
    fn references(&self) -> Vec<(&'static str, RecordId, &'static [RecordKind])> {
        let mut refs: Vec<(&'static str, RecordId, &'static [RecordKind])> = self
            .partners
            .iter()
            .map(|p| ("partners", *p, &[RecordKind::Organisation][..]))
            .collect();
        if let Some(lead) = self.lead {
            refs.push(("lead", lead, &[RecordKind::Networker]));
        }
        refs
    }
}

impl RecordBody for PartnershipReview {
    const KIND: RecordKind = RecordKind::PartnershipReview;
    fn validate(&self) -> Result<(), ValidationError> {
        bounds::check_day("date", self.date)?;
        for (field, score) in Self::BEHAVIOURS.iter().zip(self.scores()) {
            if !(1..=5).contains(&score) {
                return Err(ValidationError::worded(
                    *field,
                    "score_out_of_range",
                    &[("value", i64::from(score).into())],
                ));
            }
        }
        Ok(())
    }
    fn references(&self) -> Vec<(&'static str, RecordId, &'static [RecordKind])> {
        let mut refs: Vec<(&'static str, RecordId, &'static [RecordKind])> =
            vec![("partnership", self.partnership, &[RecordKind::Partnership])];
        if let Some(reviewer) = self.reviewer {
            refs.push(("reviewer", reviewer, &[RecordKind::Networker]));
        }
        refs
    }
}

impl RecordBody for Event {
    const KIND: RecordKind = RecordKind::Event;
    fn validate(&self) -> Result<(), ValidationError> {
        require_text("name", &self.name)?;
        check_list("outcomes", &self.outcomes)?;
        bounds::check_moment("at", self.at)?;
        for outcome in &self.outcomes {
            require_text("outcomes", outcome)?;
        }
        Ok(())
    }
    fn references(&self) -> Vec<(&'static str, RecordId, &'static [RecordKind])> {
        self.invited
            .iter()
            .map(|id| ("invited", *id, PEOPLE_KINDS))
            .chain(
                self.attending
                    .iter()
                    .map(|id| ("attending", *id, PEOPLE_KINDS)),
            )
            .collect()
    }
}

/// One networker's view of how much power a stakeholder has over a theme and how interested it
/// is, each 1–5.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct StakeholderRating {
    /// The strategic theme (free text; a goal's name, say). Compared case- and space-insensitively.
    pub theme: String,
    pub stakeholder: RecordId,
    pub networker: RecordId,
    pub power: u8,
    pub interest: u8,
    #[serde(default)]
    pub note: Option<String>,
    pub rated_at: DateTime<FixedOffset>,
}

const RATING_NAMESPACE: uuid::Uuid =
    uuid::Uuid::from_u128(0x6b72_696e_672d_7261_7469_6e67_0000_0000);

/// A theme as ids and comparisons see it: trimmed, inner spaces collapsed, lower case.
pub fn theme_key(theme: &str) -> String {
    theme
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

impl RecordId {
    /// The id of one networker's rating of one stakeholder for one theme.
    pub fn for_rating(theme: &str, stakeholder: RecordId, networker: RecordId) -> Self {
        let key = theme_key(theme);
        let mut name = Vec::with_capacity(32 + key.len());
        name.extend_from_slice(stakeholder.as_bytes());
        name.extend_from_slice(networker.as_bytes());
        name.extend_from_slice(key.as_bytes());
        RecordId(uuid::Uuid::new_v5(&RATING_NAMESPACE, &name))
    }
}

impl RecordBody for StakeholderRating {
    const KIND: RecordKind = RecordKind::StakeholderRating;
    fn validate(&self) -> Result<(), ValidationError> {
        if theme_key(&self.theme).is_empty() {
            return Err(ValidationError::worded("theme", "empty", &[]));
        }
        crate::model::bounds::check_moment("rated_at", self.rated_at)?;
        for (field, score) in [("power", self.power), ("interest", self.interest)] {
            if !(1..=5).contains(&score) {
                return Err(ValidationError::worded(
                    field,
                    "score_out_of_range",
                    &[("value", i64::from(score).into())],
                ));
            }
        }
        Ok(())
    }
    fn references(&self) -> Vec<(&'static str, RecordId, &'static [RecordKind])> {
        vec![
            (
                "stakeholder",
                self.stakeholder,
                &[RecordKind::Person, RecordKind::Organisation],
            ),
            ("networker", self.networker, &[RecordKind::Networker]),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_review_scores_each_behaviour_from_one_to_five_and_its_health_is_their_mean() {
        let review = PartnershipReview {
            partnership: RecordId(uuid::Uuid::nil()),
            date: NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
            values_based_leadership: 4,
            sharing_credit: 3,
            outcomes_for_communities: 5,
            communication_and_listening: 2,
            empowering_staff: 4,
            notes: None,
            reviewer: None,
        };
        assert!(review.validate().is_ok());
        // (4 + 3 + 5 + 2 + 4) / 5 = 18 / 5 = 3.6
        assert!((review.health() - 3.6).abs() < 1e-9);
        let bad = PartnershipReview {
            sharing_credit: 6,
            ..review
        };
        assert_eq!(
            bad.validate().unwrap_err().to_string(),
            "sharing_credit: 6 is out of range 1–5"
        );
    }

    #[test]
    fn concurrent_roles_read_as_the_strongest_one() {
        let n = RecordId(uuid::Uuid::from_u128(1));
        let team = Team {
            name: "Haven".into(),
            members: vec![
                TeamMember {
                    networker: n,
                    role: TeamRole::Member,
                },
                TeamMember {
                    networker: n,
                    role: TeamRole::Lead,
                },
            ],
            ..Team::default()
        };
        assert_eq!(team.role_of(n), Some(TeamRole::Lead));
        assert_eq!(team.member_ids(), vec![n]);
    }
}
