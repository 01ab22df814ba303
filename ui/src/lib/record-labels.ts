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
