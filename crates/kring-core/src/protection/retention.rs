//! Retention rules (Art. 5(1)(e) GDPR; in Flanders the *selectieregels* of the archive rules).
//!
//! The Manager of the Network writes the rules, per kind and with their legal reference, as
//! records that sync ("interaction summaries and outcomes older than 6 years are removed, date
//! and participants kept"). Every store applies them the same way, through the sweep
//! ([`super::sweep`]): at open and once a day ([`Store::run_retention_if_due`], the caller passes
//! the time), and to every record it imports, so an old bundle cannot bring back what a rule
//! removed. `kring retention --dry-run` shows what would go before anything goes.
//!
//! A rule never removes a person: `propose_erasure` lists the people with no contact for its
//! period, and a person confirms each proposal ([`Store::confirm_erasure`]), which forgets them
//! (see [`super::erasure`]).

use super::erasure::ForgetReport;
use super::processing_log::Activity;
use super::sweep::{record_date, RuleInForce, Sweep, SweepOutcome};
use super::{ProtectionError, ProtectionResult, RetentionAction, RetentionRule};
use crate::model::{RecordId, RecordKind, Relationship, Visibility};
use crate::store::indexes::Index;
use crate::store::{body_of, Store, StoreResult};
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// When the rules last ran, and which rules they were.
const LAST_RUN_KEY: &[u8] = b"protection/retention_last_run";

#[derive(Debug, Default, PartialEq, Serialize, Deserialize)]
struct LastRun {
    day: Option<NaiveDate>,
    /// A hash of the rules in force then: a changed rule runs again the same day.
    rules: String,
}

/// A rule with who wrote it.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RetentionRuleView {
    pub id: RecordId,
    pub rule: RetentionRule,
    pub by: Option<String>,
    pub created_at: Option<String>,
}

/// What one rule did (or would do) in a run.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RuleOutcome {
    pub id: RecordId,
    pub name: String,
    pub legal_reference: String,
    pub applies_to: RecordKind,
    pub action: RetentionAction,
    pub after_days: u32,
    /// Records it removed or cleared; for `propose_erasure`, people proposed.
    pub records: u64,
}

/// A person a rule proposes for erasure: no contact for the rule's period.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ErasureProposal {
    pub person: RecordId,
    pub name: String,
    pub rule: RecordId,
    pub rule_name: String,
    pub legal_reference: String,
    /// The last day anything happened with them (a meeting, a contact, the card made).
    pub last_activity: Option<NaiveDate>,
    /// Whether this store may forget them (its owner keeps them private, or it is a manager's).
    pub may_forget_here: bool,
}

/// What a retention run did, or would do.
#[derive(Clone, Debug, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RetentionReport {
    pub dry_run: bool,
    pub at: DateTime<Utc>,
    pub rules: Vec<RuleOutcome>,
    pub swept: SweepOutcome,
    pub proposals: Vec<ErasureProposal>,
}

impl Store {
    /// Adds a retention rule (a Manager of the Network's; shared with every store).
    pub fn add_retention_rule(
        &self,
        rule: &RetentionRule,
        now: DateTime<Utc>,
    ) -> ProtectionResult<RecordId> {
        let profile = self.require_profile()?;
        if profile.role != crate::model::Role::Manager {
            return Err(ProtectionError::refused("protection-refused-rules", &[]));
        }
        Ok(self.create(rule, Some(Visibility::Shared), now)?)
    }

    /// The retention rules, by name.
    pub fn retention_rules(&self) -> StoreResult<Vec<RetentionRuleView>> {
        let mut out = Vec::new();
        self.for_each_live_of_kind(RecordKind::RetentionRule, |state| {
            let Ok(rule) = body_of::<RetentionRule>(&state) else {
                return Ok(());
            };
            let text = |field: &str| match state.current(field) {
                Some(serde_json::Value::String(s)) => Some(s),
                _ => None,
            };
            let by = text(crate::crdt::envelope::AUTHOR)
                .and_then(|a| a.parse::<RecordId>().ok())
                .and_then(|a| self.state(a).ok().flatten())
                .map(|n| crate::store::search::card_title(&n).0);
            out.push(RetentionRuleView {
                id: RecordId(state.id),
                rule,
                by,
                created_at: text(crate::crdt::envelope::CREATED_AT),
            });
            Ok(())
        })?;
        out.sort_by(|a, b| a.rule.name.cmp(&b.rule.name).then(a.id.cmp(&b.id)));
        Ok(out)
    }

    /// The rules that remove or clear, with their cutoff on the day of `now`, in id order.
    pub(crate) fn rules_in_force(&self, now: DateTime<Utc>) -> StoreResult<Vec<RuleInForce>> {
        Ok(self
            .retention_rules()?
            .into_iter()
            .filter(|view| view.rule.action != RetentionAction::ProposeErasure)
            .filter(|view| RetentionRule::allowed(view.rule.applies_to, view.rule.action))
            .map(|view| (view.id, RuleInForce::new(view.id, view.rule, now)))
            .collect::<std::collections::BTreeMap<_, _>>()
            .into_values()
            .collect())
    }

    /// Forgets and rules as this store applies them on the day of `now` (also what the import
    /// gate applies).
    pub(crate) fn sweep_at(&self, now: DateTime<Utc>) -> StoreResult<Sweep> {
        Ok(Sweep {
            forgotten: self.forgotten()?,
            rules: self.rules_in_force(now)?,
        })
    }

    /// Applies the retention rules at `now` (with `dry_run`, only says what would go) and lists
    /// the people proposed for erasure.
    pub fn apply_retention(
        &self,
        now: DateTime<Utc>,
        dry_run: bool,
    ) -> ProtectionResult<RetentionReport> {
        self.require_profile()?;
        // The rules this run applies, as they stand before it reads them: a rule added or
        // imported while it runs is not counted as applied, so the next check runs it.
        let fingerprint = self.rules_fingerprint()?;
        let sweep = Sweep {
            forgotten: Default::default(),
            rules: self.rules_in_force(now)?,
        };
        #[cfg(test)]
        tests::AFTER_RULES_READ.with(|hook| hook.borrow_mut().take().map(|hook| hook(self)));
        let swept = self.sweep_store(&sweep, now, dry_run)?;
        let proposals = self.erasure_proposals(now)?;
        let mut rules = Vec::new();
        for view in self.retention_rules()? {
            let records = match view.rule.action {
                RetentionAction::ProposeErasure => {
                    proposals.iter().filter(|p| p.rule == view.id).count() as u64
                }
                _ => swept.by_rule.get(&view.id).copied().unwrap_or(0),
            };
            rules.push(RuleOutcome {
                id: view.id,
                name: view.rule.name,
                legal_reference: view.rule.legal_reference,
                applies_to: view.rule.applies_to,
                action: view.rule.action,
                after_days: view.rule.after_days,
                records,
            });
        }
        if !dry_run {
            let last = LastRun {
                day: Some(now.date_naive()),
                rules: fingerprint,
            };
            self.meta_set(
                LAST_RUN_KEY,
                &serde_json::to_vec(&last).expect("runs serialise"),
            )?;
            if swept.total() > 0 || swept.history_removed > 0 {
                self.mark_compaction_due()?;
            }
            if swept.total() > 0 || !rules.is_empty() {
                self.log_processing(
                    Activity::Retention,
                    super::processing_log::ProcessingWhat::Retention {
                        rules: rules.len() as u64,
                        records: swept.total(),
                        proposals: proposals.len() as u64,
                    },
                    swept.total(),
                    now,
                )?;
            }
        }
        Ok(RetentionReport {
            dry_run,
            at: now,
            rules,
            swept,
            proposals,
        })
    }

    /// Applies the rules when they have not run yet on the day of `now`, or changed since they
    /// last ran: what the app does at start-up and daily, and the command line when it opens a
    /// store. `None` when nothing was due.
    pub fn run_retention_if_due(
        &self,
        now: DateTime<Utc>,
    ) -> ProtectionResult<Option<RetentionReport>> {
        if self.profile()?.is_none() {
            return Ok(None);
        }
        let last: LastRun = self
            .meta_get(LAST_RUN_KEY)?
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default();
        let fingerprint = self.rules_fingerprint()?;
        if last.day == Some(now.date_naive()) && last.rules == fingerprint {
            return Ok(None);
        }
        if fingerprint.is_empty() && last.rules.is_empty() {
            return Ok(None);
        }
        self.apply_retention(now, false).map(Some)
    }

    /// A hash of the rules (their ids and every stamp), empty when there are none.
    fn rules_fingerprint(&self) -> StoreResult<String> {
        let mut hasher = blake3::Hasher::new();
        let mut any = false;
        self.for_each_of_kind(RecordKind::RetentionRule, |state| {
            any = true;
            hasher.update(state.id.as_bytes());
            let mut stamps: Vec<_> = state.stamps().collect();
            stamps.sort();
            for stamp in stamps {
                hasher.update(&stamp.hlc.to_key_bytes());
                hasher.update(&stamp.node.0.to_be_bytes());
            }
            Ok(())
        })?;
        Ok(if any {
            hasher.finalize().to_hex().to_string()
        } else {
            String::new()
        })
    }

    /// The people a `propose_erasure` rule proposes: no meeting, no contact and no new card for
    /// the rule's period (an identity group as one person, by its canonical card). People already
    /// marked objected or restricted are proposed too: the mark does not keep data longer.
    pub fn erasure_proposals(&self, now: DateTime<Utc>) -> StoreResult<Vec<ErasureProposal>> {
        let rules: Vec<RetentionRuleView> = self
            .retention_rules()?
            .into_iter()
            .filter(|v| v.rule.action == RetentionAction::ProposeErasure)
            .collect();
        if rules.is_empty() {
            return Ok(Vec::new());
        }
        let profile = self.require_profile()?;
        let groups = self.identity_groups()?;
        let private_contacts = self.private_contacts()?;
        let mut out = Vec::new();
        let mut seen = std::collections::HashSet::new();
        for person in self.all_of_kind(RecordKind::Person)? {
            let id = RecordId(person.id);
            let canonical = groups.canonical(id);
            if !seen.insert(canonical) {
                continue;
            }
            let members = groups.members(id);
            let mut last: Option<NaiveDate> = None;
            let mut may_forget_here = profile.role == crate::model::Role::Manager;
            for member in &members {
                let Some(state) = self.state(*member)? else {
                    continue;
                };
                may_forget_here |= crate::trust::rights::owner_of(&state)
                    == Some(profile.networker)
                    && crate::model::visibility_of(&state) == Visibility::Private;
                last = last.max(record_date(&state, RecordKind::Person));
                for relationship in self.relationships_of_stakeholder(*member)? {
                    let Ok(mut body) = body_of::<Relationship>(&relationship) else {
                        continue;
                    };
                    private_contacts.apply(RecordId(relationship.id), &mut body);
                    let date = body.last_contact.map(|t| t.date_naive()).or(body.since);
                    last = last.max(date);
                }
                // The interactions index is ordered by time within a card: its last entry is
                // the latest meeting.
                if let Some(latest) = self.latest_interaction_with(*member)? {
                    last = last.max(Some(latest));
                }
            }
            for view in &rules {
                let cutoff = RuleInForce::new(view.id, view.rule.clone(), now).cutoff;
                if last.is_none_or(|day| day < cutoff) {
                    out.push(ErasureProposal {
                        person: canonical,
                        name: crate::store::search::card_title(
                            &self.state(canonical)?.unwrap_or(person.clone()),
                        )
                        .0,
                        rule: view.id,
                        rule_name: view.rule.name.clone(),
                        legal_reference: view.rule.legal_reference.clone(),
                        last_activity: last,
                        may_forget_here,
                    });
                    break;
                }
            }
        }
        out.sort_by(|a, b| {
            a.last_activity
                .cmp(&b.last_activity)
                .then(a.person.cmp(&b.person))
        });
        Ok(out)
    }

    fn latest_interaction_with(&self, card: RecordId) -> StoreResult<Option<NaiveDate>> {
        let mut latest = None;
        for id in self.ids_with_prefix(Index::InteractionsByCard, card.as_bytes())? {
            if let Some(state) = self.live_state(id)? {
                latest = latest.max(record_date(&state, RecordKind::Interaction));
            }
        }
        Ok(latest)
    }

    /// Confirms one erasure proposal: a person (the one running this) checked it, and the person
    /// proposed is forgotten with the rule as the reason. Refused when the person is no longer
    /// proposed (there was contact since).
    pub fn confirm_erasure(
        &self,
        person: RecordId,
        now: DateTime<Utc>,
    ) -> ProtectionResult<ForgetReport> {
        let proposals = self.erasure_proposals(now)?;
        let canonical = self
            .identity_group(person)?
            .first()
            .copied()
            .unwrap_or(person);
        let Some(proposal) = proposals.iter().find(|p| p.person == canonical) else {
            return Err(ProtectionError::refused(
                "protection-refused-not-proposed",
                &[("id", person.to_string())],
            ));
        };
        let reason = format!(
            "retention rule '{}' ({}), confirmed",
            proposal.rule_name, proposal.legal_reference
        );
        self.forget(proposal.person, &reason, now)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{RecordKind, Role};
    use crate::store::test_support::{now, store_of};

    type Hook = Box<dyn FnOnce(&Store)>;

    thread_local! {
        /// Run once by the next retention run on this thread, after it read the rules.
        pub(super) static AFTER_RULES_READ: std::cell::RefCell<Option<Hook>> =
            const { std::cell::RefCell::new(None) };
    }

    fn rule(name: &str, kind: RecordKind) -> RetentionRule {
        RetentionRule {
            name: name.into(),
            applies_to: kind,
            action: RetentionAction::Remove,
            after_days: 365,
            fields: Vec::new(),
            legal_reference: "Selectielijst lokale besturen".into(),
            description: None,
        }
    }

    #[test]
    fn a_rule_added_while_the_rules_run_is_applied_by_the_next_check_that_day() {
        let (_dir, store) = store_of(Role::Manager);
        store
            .add_retention_rule(
                &rule("Opvolgingen na een jaar", RecordKind::FollowUp),
                now(),
            )
            .unwrap();
        AFTER_RULES_READ.with(|hook| {
            *hook.borrow_mut() = Some(Box::new(|store: &Store| {
                store
                    .add_retention_rule(&rule("Notities na een jaar", RecordKind::Note), now())
                    .unwrap();
            }))
        });
        assert!(store.run_retention_if_due(now()).unwrap().is_some());
        assert!(
            AFTER_RULES_READ.with(|hook| hook.borrow().is_none()),
            "the hook ran"
        );
        assert!(
            store.run_retention_if_due(now()).unwrap().is_some(),
            "the rule added while the rules ran was counted as applied"
        );
        assert!(store.run_retention_if_due(now()).unwrap().is_none());
    }
}
