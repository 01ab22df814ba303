// The core's codes on the Manager of the Network's record screens (a goal's status, a team
// member's role, an event's kind, a partnership's status and health band, the five behaviours a
// partnership review scores) in the app's language. Functions, so a template that calls one reads
// the current language; a code this Kring does not know (a newer one wrote it) is shown as it is.
import { m } from '../paraglide/messages';

type Words = Record<string, () => string>;

function label(words: Words, code: string | null | undefined): string {
  if (!code) return '';
  return Object.prototype.hasOwnProperty.call(words, code) ? words[code]() : code;
}

const GOAL_STATUSES: Words = {
  active: m.goals_status_active,
  achieved: m.goals_status_achieved,
  dropped: m.goals_status_dropped,
};

/** A goal's status: "Active", "Achieved", "Dropped". */
export const goalStatusLabel = (status: string | null | undefined) => label(GOAL_STATUSES, status);

const TEAM_ROLES: Words = {
  lead: m.teams_role_lead,
  member: m.teams_role_member,
  advisor: m.teams_role_advisor,
};

/** A team member's role: "Lead", "Member", "Advisor". */
export const teamRoleLabel = (role: string | null | undefined) => label(TEAM_ROLES, role);

const EVENT_KINDS: Words = {
  event: m.events_kind_event,
  conference: m.events_kind_conference,
  reception: m.events_kind_reception,
  workshop: m.events_kind_workshop,
  webinar: m.events_kind_webinar,
  newsletter: m.events_kind_newsletter,
};

/** An event's kind: "Event", "Conference" … "Newsletter". */
export const eventKindLabel = (kind: string | null | undefined) => label(EVENT_KINDS, kind);

const PARTNERSHIP_STATUSES: Words = {
  prospective: m.partnerships_status_prospective,
  active: m.partnerships_status_active,
  paused: m.partnerships_status_paused,
  ended: m.partnerships_status_ended,
};

/** A partnership's status: "Prospective", "Active", "Paused", "Ended". */
export const partnershipStatusLabel = (status: string | null | undefined) =>
  label(PARTNERSHIP_STATUSES, status);

const BANDS: Words = {
  healthy: m.partnerships_band_healthy,
  'needs attention': m.partnerships_band_needs_attention,
  'at risk': m.partnerships_band_at_risk,
};

/** A partnership's health band (docs/kpis.md): "healthy", "needs attention", "at risk". */
export const bandLabel = (band: string | null | undefined) => label(BANDS, band);

/** What a record screen says around its records (RecordScreen). */
export type RecordScreenWords = {
  title: () => string;
  /** What the screen is for, under its title. */
  intro: () => string;
  /** The "New …" button. */
  create: () => string;
  /** The heading when the records could not be read. */
  failed: () => string;
  /** The form's save button for a new record ("Set goal"); editing, it says "Save". */
  save: () => string;
  /** While there is no record: a heading, a line, and the button that starts the first. */
  empty: { title: () => string; text: () => string; action: () => string };
};

/**
 * The words of the four record screens, by the kind of record (also their test ids' stem:
 * `goal-new`, `goal-row`): one table, so RecordScreen and RecordForm draw each screen's title, buttons and
 * empty state from its kind instead of every screen passing the same eight messages.
 */
export const RECORD_SCREENS = {
  goal: {
    title: m.goals_title,
    intro: m.goals_intro,
    create: m.goals_new,
    failed: m.goals_failed,
    save: m.goals_set_goal,
    empty: {
      title: m.goals_empty_title,
      text: m.goals_empty_text,
      action: m.goals_empty_action,
    },
  },
  team: {
    title: m.teams_title,
    intro: m.teams_intro,
    create: m.teams_new,
    failed: m.teams_failed,
    save: m.teams_form_team,
    empty: {
      title: m.teams_empty_title,
      text: m.teams_empty_text,
      action: m.teams_empty_action,
    },
  },
  event: {
    title: m.events_title,
    intro: m.events_intro,
    create: m.events_new,
    failed: m.events_failed,
    save: m.events_record_event,
    empty: {
      title: m.events_empty_title,
      text: m.events_empty_text,
      action: m.events_empty_action,
    },
  },
  partnership: {
    title: m.partnerships_title,
    intro: m.partnerships_intro,
    create: m.partnerships_new,
    failed: m.partnerships_failed,
    save: m.partnerships_create,
    empty: {
      title: m.partnerships_empty_title,
      text: m.partnerships_empty_text,
      action: m.partnerships_new,
    },
  },
} satisfies Record<string, RecordScreenWords>;

/** A kind of record the Manager of the Network keeps on a screen of its own. */
export type RecordScreenKind = keyof typeof RECORD_SCREENS;
