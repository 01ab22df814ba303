//! The Manager of the Network's part of the demo network: goals with priority stakeholders,
//! Networking Teams, partnerships with a year of quarterly reviews, events and a newsletter.
//! Deterministic for a seed, a network, a language and `now`; its words are the language's
//! (`crate::demo_words`).

use super::records::*;
use crate::demo_words::manager_words;
use crate::model::*;
use crate::store::{body_of, NewRecord, Store, StoreResult};
use chrono::{DateTime, Duration, FixedOffset, Utc};
use kring_i18n::Language;
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};

struct Ids {
    rng: StdRng,
}

impl Ids {
    fn at(&mut self, at: DateTime<Utc>) -> RecordId {
        let random: [u8; 10] = self.rng.gen();
        RecordId(
            uuid::Builder::from_unix_timestamp_millis(at.timestamp_millis() as u64, &random)
                .into_uuid(),
        )
    }
}

fn local(at: DateTime<Utc>) -> DateTime<FixedOffset> {
    at.with_timezone(&FixedOffset::east_opt(3600).expect("valid offset"))
}

/// Adds the manager's records to a demo network. Returns how many records it wrote.
pub(crate) fn generate(
    store: &Store,
    seed: u64,
    language: Language,
    now: DateTime<Utc>,
) -> StoreResult<usize> {
    let words = manager_words(language);
    let own_tag = crate::demo_words::demo_words(language).own_organisation_tag;
    let mut ids = Ids {
        rng: StdRng::seed_from_u64(seed ^ 0x6d61_6e61_6765_7200),
    };
    let networkers: Vec<RecordId> = store
        .all_of_kind(RecordKind::Networker)?
        .into_iter()
        .filter(|s| body_of::<Networker>(s).is_ok_and(|n| n.status != Some(NetworkerStatus::Left)))
        .map(|s| RecordId(s.id))
        .collect();
    let organisations: Vec<(RecordId, Organisation)> = store
        .all_of_kind(RecordKind::Organisation)?
        .into_iter()
        .filter_map(|s| Some((RecordId(s.id), body_of::<Organisation>(&s).ok()?)))
        .filter(|(_, o)| !o.tags.iter().any(|t| t == own_tag))
        .collect();
    let relationships: Vec<(RecordId, Relationship)> = store
        .all_of_kind(RecordKind::Relationship)?
        .into_iter()
        .filter_map(|s| Some((RecordId(s.id), body_of::<Relationship>(&s).ok()?)))
        .collect();
    if networkers.len() < 4 || organisations.len() < 6 {
        return Ok(0);
    }
    let mut batch: Vec<NewRecord> = Vec::new();
    let shared = |record: NewRecord| NewRecord {
        visibility: Some(Visibility::Shared),
        ..record
    };
    let mut goal_ids = Vec::new();
    for (n, (name, description, tag, team_name)) in words.goals.iter().enumerate() {
        let mut priority: Vec<RecordId> = organisations
            .iter()
            .filter(|(_, o)| o.tags.iter().any(|t| t == tag))
            .map(|(id, _)| *id)
            .collect();
        priority.shuffle(&mut ids.rng);
        priority.truncate(8);
        if priority.len() < 3 {
            let extra: Vec<RecordId> = organisations
                .choose_multiple(&mut ids.rng, 3)
                .map(|(id, _)| *id)
                .collect();
            priority.extend(extra);
            priority.sort();
            priority.dedup();
        }
        let linked: Vec<RecordId> = relationships
            .iter()
            .filter(|(_, r)| priority.contains(&r.stakeholder))
            .map(|(id, _)| *id)
            .take(5)
            .collect();
        let goal_id = ids.at(now - Duration::days(300));
        batch.push(shared(NewRecord::new(
            goal_id,
            &Goal {
                name: (*name).into(),
                description: Some((*description).into()),
                vision: Some(words.vision.into()),
                status: Some(GoalStatus::Active),
                until: Some(now.date_naive() + Duration::days(365 * (n as i64 + 2))),
                priority_stakeholders: priority.clone(),
                relationships: linked,
                interactions: vec![],
                events: vec![],
            },
        )));
        goal_ids.push(goal_id);

        // The team that looks after the goal's priority stakeholders.
        let mut members: Vec<RecordId> = networkers
            .choose_multiple(&mut ids.rng, 4)
            .copied()
            .collect();
        members.sort();
        let accountable = priority
            .iter()
            .map(|s| {
                let knows = relationships
                    .iter()
                    .find(|(_, r)| r.stakeholder == *s && members.contains(&r.networker))
                    .map(|(_, r)| r.networker);
                Accountability {
                    stakeholder: *s,
                    networker: knows.unwrap_or(members[0]),
                }
            })
            .collect();
        batch.push(shared(NewRecord::new(
            ids.at(now - Duration::days(290)),
            &Team {
                name: (*team_name).into(),
                purpose: Some(words.purpose.replace("{goal}", name)),
                members: members
                    .iter()
                    .enumerate()
                    .map(|(i, m)| TeamMember {
                        networker: *m,
                        role: if i == 0 {
                            TeamRole::Lead
                        } else {
                            TeamRole::Member
                        },
                    })
                    .collect(),
                stakeholders: priority,
                accountable,
            },
        )));
    }

    // Partnerships with a year of quarterly reviews.
    for (name, tag) in words.partnerships {
        let mut partners: Vec<RecordId> = organisations
            .iter()
            .filter(|(_, o)| o.tags.iter().any(|t| t == tag))
            .map(|(id, _)| *id)
            .take(2)
            .collect();
        if partners.is_empty() {
            partners.push(organisations[0].0);
        }
        let id = ids.at(now - Duration::days(400));
        let lead = networkers[ids.rng.gen_range(0..networkers.len())];
        batch.push(shared(NewRecord::new(
            id,
            &Partnership {
                name: name.into(),
                status: Some(PartnershipStatus::Active),
                accountabilities: partners
                    .iter()
                    .map(|p| PartnerAccountability {
                        partner: *p,
                        text: words.accountability.into(),
                    })
                    .collect(),
                partners,
                objectives: vec![
                    words.objective.replace("{topic}", tag),
                    words.objective_for_residents.into(),
                ],
                red_lines: words.red_lines.iter().map(|line| (*line).into()).collect(),
                benefits_and_risks: Some(words.benefits_and_risks.into()),
                exit_arrangements: Some(words.exit_arrangements.into()),
                review_every_days: Some(90),
                started: Some(now.date_naive() - Duration::days(400)),
                lead: Some(lead),
            },
        )));
        for quarter in 0..4i64 {
            let date = now.date_naive() - Duration::days(365 - quarter * 91);
            let mut score = || ids.rng.gen_range(2..=5u8);
            let review = PartnershipReview {
                partnership: id,
                date,
                values_based_leadership: score(),
                sharing_credit: score(),
                outcomes_for_communities: score(),
                communication_and_listening: score(),
                empowering_staff: score(),
                notes: Some(
                    words
                        .review_notes
                        .replace("{quarter}", &(quarter + 1).to_string()),
                ),
                reviewer: Some(lead),
            };
            batch.push(shared(NewRecord::new(
                ids.at(now - Duration::days(365 - quarter * 91)),
                &review,
            )));
        }
    }

    // Events and a newsletter, with invited and attending people.
    let stakeholders: Vec<RecordId> = organisations.iter().map(|(id, _)| *id).collect();
    // Each at the hour such events are held (Brussels winter time), not at the hour the demo ran.
    let [reception, conference, workshop, newsletter] = words.events;
    let events = [
        (reception, EventKind::Reception, 320, (18, 30)),
        (conference, EventKind::Conference, 150, (9, 0)),
        (workshop, EventKind::Workshop, 40, (14, 0)),
        (newsletter, EventKind::Newsletter, 20, (10, 15)),
    ];
    for (name, kind, days_ago, (hour, minute)) in events {
        let day = local(now - Duration::days(days_ago)).date_naive();
        let at = day
            .and_hms_opt(hour, minute, 0)
            .expect("a valid time")
            .and_local_timezone(FixedOffset::east_opt(3600).expect("valid offset"))
            .single()
            .expect("a fixed offset has one local time")
            .with_timezone(&Utc);
        let mut invited: Vec<RecordId> = networkers
            .choose_multiple(&mut ids.rng, 4)
            .copied()
            .collect();
        invited.extend(stakeholders.choose_multiple(&mut ids.rng, 10).copied());
        let attending: Vec<RecordId> = if kind == EventKind::Newsletter {
            vec![]
        } else {
            invited.iter().copied().step_by(2).collect()
        };
        let event_id = ids.at(at);
        batch.push(shared(NewRecord::new(
            event_id,
            &Event {
                name: name.into(),
                kind,
                at: local(at),
                location: (kind != EventKind::Newsletter).then(|| words.location.into()),
                invited,
                attending,
                outcomes: if kind == EventKind::Newsletter {
                    vec![]
                } else {
                    vec![words.event_outcome.into()]
                },
                notes: None,
            },
        )));
    }
    let written = batch.len();
    store.create_many(batch, now)?;
    Ok(written)
}
