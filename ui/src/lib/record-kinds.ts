// A record's kind (a code from the core: "person", "follow_up", …) in the app's language, for
// the screens that name a record by its kind (Review's conflicts, Members' refused changes).
// A kind a newer Kring adds has no label here and is shown as its code.
import { m } from '../paraglide/messages';

const KIND: Record<string, () => string> = {
  person: m.review_kind_person,
  organisation: m.review_kind_organisation,
  org: m.review_kind_organisation,
  organization: m.review_kind_organisation,
  networker: m.review_kind_networker,
  affiliation: m.review_kind_affiliation,
  relationship: m.review_kind_relationship,
  interaction: m.review_kind_interaction,
  follow_up: m.review_kind_follow_up,
  link: m.review_kind_link,
  note: m.review_kind_note,
  same_as: m.review_kind_same_as,
  goal: m.review_kind_goal,
  team: m.review_kind_team,
  partnership: m.review_kind_partnership,
  partnership_review: m.review_kind_partnership_review,
  review: m.review_kind_partnership_review,
  event: m.review_kind_event,
  stakeholder_rating: m.review_kind_stakeholder_rating,
  rating: m.review_kind_stakeholder_rating,
  member: m.review_kind_member,
  purpose: m.review_kind_purpose,
  restriction: m.review_kind_restriction,
  forget: m.review_kind_forget,
  access_request: m.review_kind_access_request,
  retention_rule: m.review_kind_retention_rule,
};

/**
 * "follow-up", "opvolging", "suivi": the kind's name, or its code when Kring does not know it;
 * none (the core could not name it) is a kind only a newer Kring knows.
 */
export function recordKindLabel(kind: string | null): string {
  if (kind === null) return m.review_kind_newer();
  return Object.prototype.hasOwnProperty.call(KIND, kind) ? KIND[kind]() : kind;
}
