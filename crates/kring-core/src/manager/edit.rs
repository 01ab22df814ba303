//! Editing goals, teams, partnerships and events from a form (the app's Edit dialogs).
//!
//! A form is opened on a record's body (`base`) and saved as `edited`. Only what the user changed
//! is written: a scalar field takes the edited value when it differs from `base`, otherwise it
//! keeps what the store holds now; a multi-valued field (an add-wins set) gets the additions and
//! removals between `base` and `edited` applied to its current elements. So a sync that lands
//! while the form is open (a colleague's new priority stakeholder, the manager marking the goal
//! achieved) is neither reverted nor lost, and [`Store::update`] stamps only the fields that
//! changed. The merged body is validated as creation validates it.

use super::records::{Event, Goal, Partnership, Team};
use crate::model::visibility_of;
use crate::model::{ReasonCode, RecordBody, RecordId, ValidationError, Visibility};
use crate::store::{body_json, Store, StoreResult};
use chrono::{DateTime, Utc};
use serde_json::Value;

/// The body to write: `current` with the changes from `base` to `edited` applied, field by field.
fn three_way<T: RecordBody>(current: &T, base: &T, edited: &T) -> StoreResult<T> {
    let (Value::Object(mut merged), Value::Object(base), Value::Object(edited)) =
        (body_json(current), body_json(base), body_json(edited))
    else {
        return Err(ValidationError::worded("body", ReasonCode::NotARecordBody, &[]).into());
    };
    let set_fields = T::KIND.set_fields();
    for (field, wanted) in edited {
        let before = base.get(&field).cloned().unwrap_or(Value::Null);
        if set_fields.contains(&field.as_str()) {
            let items = |v: &Value| v.as_array().cloned().unwrap_or_default();
            let (before, wanted) = (items(&before), items(&wanted));
            let mut now = items(merged.get(&field).unwrap_or(&Value::Null));
            now.retain(|item| wanted.contains(item) || !before.contains(item));
            for item in wanted {
                if !before.contains(&item) && !now.contains(&item) {
                    now.push(item);
                }
            }
            merged.insert(field, Value::Array(now));
        } else if wanted != before {
            merged.insert(field, wanted);
        }
    }
    serde_json::from_value(Value::Object(merged))
        .map_err(|e| ValidationError::new("body", e.to_string()).into())
}

impl Store {
    /// The record's current body and visibility, and the body an edit from `base` to `edited`
    /// makes of it.
    fn edited<T: RecordBody>(
        &self,
        id: RecordId,
        base: &T,
        edited: &T,
    ) -> StoreResult<(T, Visibility, T)> {
        let (current, visibility) = self.typed::<T>(id)?;
        let merged = three_way(&current, base, edited)?;
        Ok((current, visibility, merged))
    }

    /// Saves an edited goal (name, description, vision, status, until, priority stakeholders …).
    /// As [`Store::link_to_goal`], a private stakeholder cannot be added to a goal that is not
    /// private: its id would leave this machine with the goal.
    pub fn edit_goal(
        &self,
        id: RecordId,
        base: &Goal,
        edited: &Goal,
        now: DateTime<Utc>,
    ) -> StoreResult<Goal> {
        let (current, visibility, goal) = self.edited(id, base, edited)?;
        if visibility != Visibility::Private {
            for added in goal
                .priority_stakeholders
                .iter()
                .filter(|s| !current.priority_stakeholders.contains(s))
            {
                let private = self
                    .live_state(*added)?
                    .is_some_and(|s| visibility_of(&s) == Visibility::Private);
                if private {
                    return Err(ValidationError::worded(
                        "priority_stakeholders",
                        ReasonCode::PrivateOnSharedGoal,
                        &[("name", self.named(*added)?.name.into())],
                    )
                    .into());
                }
            }
        }
        self.update(id, &goal, now)?;
        Ok(goal)
    }

    /// Saves an edited team (its name and purpose; members and stakeholders as the form left
    /// them).
    pub fn edit_team(
        &self,
        id: RecordId,
        base: &Team,
        edited: &Team,
        now: DateTime<Utc>,
    ) -> StoreResult<Team> {
        let (_, _, team) = self.edited(id, base, edited)?;
        self.update(id, &team, now)?;
        Ok(team)
    }

    /// Saves an edited partnership: its status (ended …), objectives, red lines, agreement on
    /// benefits and risks, exit arrangements, review interval, lead, partners. A partner the edit
    /// adds is refused when it crosses a red line, as at creation.
    pub fn edit_partnership(
        &self,
        id: RecordId,
        base: &Partnership,
        edited: &Partnership,
        now: DateTime<Utc>,
    ) -> StoreResult<Partnership> {
        let (_, _, partnership) = self.edited(id, base, edited)?;
        self.update_partnership(id, &partnership, now)?;
        Ok(partnership)
    }

    /// Saves an edited event: name, kind, time, location, invited and attending, outcomes, notes.
    pub fn edit_event(
        &self,
        id: RecordId,
        base: &Event,
        edited: &Event,
        now: DateTime<Utc>,
    ) -> StoreResult<Event> {
        let (_, _, event) = self.edited(id, base, edited)?;
        // Those the edit adds must not have objected (those already on it stay as they were).
        let added: Vec<RecordId> = event
            .invited
            .iter()
            .chain(&event.attending)
            .filter(|p| !base.invited.contains(p) && !base.attending.contains(p))
            .copied()
            .collect();
        self.check_may_invite(&added)?;
        self.update(id, &event, now)?;
        Ok(event)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manager::records::GoalStatus;

    fn id(n: u128) -> RecordId {
        RecordId(uuid::Uuid::from_u128(n))
    }

    #[test]
    fn an_edit_applies_only_what_changed_between_base_and_edited_onto_the_current_body() {
        let base = Goal {
            name: "Haven".into(),
            description: Some("old".into()),
            status: Some(GoalStatus::Active),
            priority_stakeholders: vec![id(1), id(2)],
            ..Goal::default()
        };
        // Since the form opened: a sync renamed the goal and added stakeholder 3.
        let current = Goal {
            name: "Haven 2030".into(),
            priority_stakeholders: vec![id(1), id(2), id(3)],
            ..base.clone()
        };
        // The user marked it achieved, removed 1 and added 4.
        let edited = Goal {
            status: Some(GoalStatus::Achieved),
            priority_stakeholders: vec![id(2), id(4)],
            ..base.clone()
        };
        let merged = three_way(&current, &base, &edited).unwrap();
        assert_eq!(merged.name, "Haven 2030", "the synced rename is kept");
        assert_eq!(merged.status, Some(GoalStatus::Achieved));
        assert_eq!(merged.description.as_deref(), Some("old"));
        assert_eq!(
            merged.priority_stakeholders,
            vec![id(2), id(3), id(4)],
            "1 removed, 3 (synced) kept, 4 added"
        );
    }
}
