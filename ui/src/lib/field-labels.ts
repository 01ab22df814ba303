// A record's field by its label in the app's language, for the screens that name a field the core
// sends as a code: Review's conflicts ("Functietitel", not `job_title`) and the writes a sync
// refused. One table per kind of record, since the same code says different things in different
// kinds (a follow-up's `about` is whom it concerns, a link's `kind` the kind of tie). A field
// this Kring has no label for (a newer Kring's) is shown as its code, with spaces.
import { m } from '../paraglide/messages';

type Words = Record<string, () => string>;

const CARD: Words = {
  display_name: m.cards_field_name,
  name: m.cards_field_name,
  given_name: m.cards_field_given_name,
  family_name: m.cards_field_family_name,
  honorific: m.cards_field_honorific,
  job_title: m.cards_field_job_title,
  emails: m.cards_form_emails,
  phones: m.cards_form_phones,
  addresses: m.common_field_addresses,
  websites: m.cards_form_websites,
  website: m.cards_website,
  social_handles: m.common_field_social_handles,
  languages: m.common_field_languages,
  tags: m.cards_tags,
  sector: m.cards_sector,
  level: m.cards_level,
  parent: m.cards_field_parent,
  visibility: m.cards_field_visibility,
};

const BY_KIND: Record<string, Words> = {
  person: CARD,
  organisation: CARD,
  networker: CARD,
  affiliation: {
    person: m.common_field_person,
    organisation: m.common_field_organisation,
    title: m.cards_affiliation_title,
    from: m.cards_affiliation_from,
    to: m.cards_affiliation_to,
  },
  relationship: {
    networker: m.common_field_networker,
    stakeholder: m.common_field_stakeholder,
    strength: m.common_strength,
    trust: m.cards_trust,
    given: m.cards_given,
    received: m.cards_received,
    since: m.cards_since,
    cadence_days: m.common_field_cadence,
    status: m.cards_status,
    last_contact: m.common_field_last_contact,
  },
  interaction: {
    kind: m.log_kind,
    at: m.common_field_at,
    participants: m.common_field_participants,
    summary: m.common_field_summary,
    outcomes: m.log_outcomes,
  },
  follow_up: {
    interaction: m.common_field_interaction,
    about: m.common_field_about,
    text: m.common_field_text,
    due: m.log_due,
    done: m.common_field_done,
  },
  link: { from: m.common_field_link_from, to: m.common_field_link_to, kind: m.cards_link_kind },
  note: { about: m.common_field_about, text: m.common_field_text },
  goal: {
    name: m.goals_field_name,
    description: m.goals_field_description,
    vision: m.common_field_vision,
    status: m.goals_field_status,
    until: m.goals_field_until,
    priority_stakeholders: m.common_field_priority_stakeholders,
    relationships: m.common_field_relationships,
    interactions: m.common_field_interactions,
    events: m.common_field_events,
  },
  team: {
    name: m.teams_field_name,
    purpose: m.teams_field_purpose,
    members: m.common_field_members,
    stakeholders: m.common_field_stakeholders,
    accountable: m.common_field_accountable,
  },
  partnership: {
    name: m.partnerships_field_name,
    status: m.partnerships_field_status,
    partners: m.common_field_partners,
    objectives: m.common_field_objectives,
    accountabilities: m.common_field_accountable,
    red_lines: m.common_field_red_lines,
    benefits_and_risks: m.common_field_benefits_and_risks,
    exit_arrangements: m.common_field_exit_arrangements,
    review_every_days: m.partnerships_field_every,
    started: m.partnerships_field_started,
    lead: m.partnerships_field_lead,
  },
  event: {
    name: m.events_field_name,
    kind: m.events_field_kind,
    at: m.common_field_at,
    location: m.common_field_location,
    invited: m.common_field_invited,
    attending: m.common_field_attending,
    outcomes: m.events_outcomes,
    notes: m.events_field_notes,
  },
};

/** The core's other names for a kind (older or English spellings), as `RecordKind` allows. */
const SAME_KIND: Record<string, string> = { org: 'organisation', organization: 'organisation' };

/**
 * "Functietitel" for a person's `job_title`, "Sterkte" for a relationship's `strength`; a field
 * of a kind or name this Kring does not know is its code with spaces ("review every days").
 */
export function recordFieldLabel(kind: string | null | undefined, field: string): string {
  const words = BY_KIND[SAME_KIND[kind ?? ''] ?? kind ?? ''];
  if (words && Object.prototype.hasOwnProperty.call(words, field)) return words[field]();
  return field.replace(/_/g, ' ');
}
