// The core's codes (a card's kind, sector and level, a visibility, an interaction's kind, a
// transparency register entry's kind, a map tie's kind, a relationship's status, a person's mark,
// a link's kind) in the app's language: the one place a code gets its label. Each is a function,
// not a table of texts, so a template that calls it reads the current language and renders again
// when it changes. A code this Kring does not know
// (a newer one wrote it) is shown as it is.
import type {
  EdgeKind,
  InteractionKind,
  LinkKindView,
  RegisterKind,
  UsualLink,
  Visibility,
} from './bindings';
import { recordFieldLabel } from './field-labels';
import { eventKindLabel, goalStatusLabel, partnershipStatusLabel } from './record-labels';
import { m } from '../paraglide/messages';
import { formatNumber } from './format';

type Words = Record<string, () => string>;

function label(words: Words, code: string | null | undefined): string {
  if (!code) return '';
  const word = words[code];
  return word ? word() : code.replace(/_/g, ' ');
}

const KINDS: Words = {
  person: m.cards_kind_person,
  organisation: m.cards_kind_organisation,
  networker: m.cards_kind_networker,
};

const SECTORS: Words = {
  public: m.cards_sector_public,
  business: m.cards_sector_business,
  social: m.cards_sector_social,
  voluntary: m.cards_sector_voluntary,
  community: m.cards_sector_voluntary,
  'voluntary/community': m.cards_sector_voluntary,
  knowledge: m.cards_sector_knowledge,
  media: m.cards_sector_media,
  other: m.cards_sector_other,
};

const LEVELS: Words = {
  local: m.cards_level_local,
  regional: m.cards_level_regional,
  national: m.cards_level_national,
  eu: m.cards_level_eu,
  international: m.cards_level_international,
};

const VISIBILITIES: Words = {
  private: m.cards_visibility_private,
  summary: m.cards_visibility_summary,
  shared: m.cards_visibility_shared,
};

const VISIBILITY_HELP_WORDS: Words = {
  private: m.common_visibility_private,
  summary: m.common_visibility_summary,
  shared: m.common_visibility_shared,
};

const INTERACTIONS: Words = {
  meeting: m.cards_interaction_meeting,
  call: m.cards_interaction_call,
  email: m.cards_interaction_email,
  event: m.cards_interaction_event,
  visit: m.cards_interaction_visit,
  social: m.cards_interaction_social,
  other: m.cards_interaction_other,
};

/** The kinds of interaction a person may log, in the order offered. */
export const INTERACTION_KINDS = [
  'meeting',
  'call',
  'email',
  'event',
  'visit',
  'social',
  'other',
] as const;

const REGISTER_KINDS: Record<RegisterKind, () => string> = {
  meeting: m.common_register_meeting,
  call: m.common_register_call,
  email: m.common_register_email,
  event: m.common_register_event,
  visit: m.common_register_visit,
  social: m.common_register_social,
  other: m.common_register_other,
  'event: event': m.common_register_event,
  'event: conference': m.common_register_conference,
  'event: reception': m.common_register_reception,
  'event: workshop': m.common_register_workshop,
  'event: webinar': m.common_register_webinar,
};

const EDGES: Record<EdgeKind, () => string> = {
  relationship: m.common_edge_relationship,
  affiliation: m.common_edge_affiliation,
  link: m.common_edge_link,
  interaction: m.common_edge_interaction,
};

const STATUSES: Words = {
  active: m.cards_status_active,
  dormant: m.cards_status_dormant,
  ended: m.cards_status_ended,
};

const RESTRICTIONS: Words = {
  objected: m.cards_restriction_objected,
  restricted: m.cards_restriction_restricted,
  lifted: m.cards_restriction_lifted,
};

const RESTRICTIONS_WITH_ARTICLE: Words = {
  objected: m.cards_restriction_objected_article,
  restricted: m.cards_restriction_restricted_article,
};

const LINKS: Words = {
  works_with: m.cards_link_works_with,
  reports_to: m.cards_link_reports_to,
  partner_of: m.cards_link_partner_of,
  member_of: m.cards_link_member_of,
  knows: m.cards_link_knows,
};

/** "Person", "Organisation", "Colleague" (a networker's card). */
export const kindLabel = (kind: string | null | undefined) => label(KINDS, kind);
/** An organisation's sector ("Public", "Voluntary & community" …). */
export const sectorLabel = (sector: string | null | undefined) => label(SECTORS, sector);
/** An organisation's level ("Local" … "International"). */
export const levelLabel = (level: string | null | undefined) => label(LEVELS, level);

/**
 * A card row's second line in the language: the core writes an organisation's as its codes,
 * "business · local", which are named here; a person's job title or a colleague's unit is the
 * user's own text and stays as written.
 */
export function rowDetail(kind: string, detail: string | null | undefined): string {
  if (!detail) return '';
  if (kind !== 'organisation') return detail;
  return detail
    .split(' · ')
    .map((code) => (code in SECTORS ? sectorLabel(code) : code in LEVELS ? levelLabel(code) : code))
    .join(' · ');
}
/** "Private", "Summary", "Shared". */
export const visibilityLabel = (v: Visibility | string | null | undefined) =>
  label(VISIBILITIES, v);
/** What a visibility means, in one line ("Private — never leaves this machine"). */
export const visibilityHelp = (v: Visibility | string | null | undefined) =>
  label(VISIBILITY_HELP_WORDS, v);
/** "Meeting", "Call", "Email" … */
export const interactionLabel = (kind: InteractionKind | string | null | undefined) =>
  label(INTERACTIONS, kind);
/** What a transparency register entry was, in a word: "Meeting", "E-mail", "Conference" … */
export const registerKindLabel = (kind: RegisterKind | string | null | undefined) =>
  label(REGISTER_KINDS, kind);
/** Why two nodes of the map are tied, in lower case: "relationship", "affiliation" … */
export const edgeKindLabel = (kind: EdgeKind | string | null | undefined) => label(EDGES, kind);
/** A relationship's status: "Active", "Dormant", "Ended". */
export const statusLabel = (status: string | null | undefined) => label(STATUSES, status);
/** A person's mark: "Objected", "Restricted", "Lifted". */
export const restrictionLabel = (status: string | null | undefined) => label(RESTRICTIONS, status);
/** A person's mark with its GDPR article: "Objected (Art. 21)". */
export const restrictionWithArticle = (status: string | null | undefined) =>
  label(RESTRICTIONS_WITH_ARTICLE, status);
/**
 * A link between two cards, as read from the first: a usual kind in words ("works with",
 * "werkt samen met"), a label of the user's own as typed.
 */
export const linkLabel = (kind: LinkKindView | null | undefined) =>
  kind && Object.prototype.hasOwnProperty.call(LINKS, kind) ? LINKS[kind]() : (kind ?? '');

/** The sectors an organisation is given, in the order offered (the others are older names). */
export const SECTOR_CODES = Object.keys(SECTORS).filter((code) => !code.includes('community'));
/** The levels an organisation is given, in the order offered. */
export const LEVEL_CODES = Object.keys(LEVELS);

/** A card's field by its name in the store ("display_name" → "Name"), as a conflict names it. */
export const fieldLabel = (field: string | null | undefined) =>
  field ? recordFieldLabel('person', field) : '';

/** A value of a card's field in words: a sector, level or visibility by its label, "(empty)". */
export function fieldValue(field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return m.cards_empty_value();
  if (typeof value === 'string') {
    if (field === 'sector') return sectorLabel(value);
    if (field === 'level') return levelLabel(value);
    if (field === 'visibility') return visibilityLabel(value);
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => fieldValue(field, v)).join(', ');
  return JSON.stringify(value);
}

/**
 * A value of any record's field in words, as Review shows a conflict's values: codes by their
 * labels (a relationship's status, an interaction's or event's kind, a goal's or partnership's
 * status, a link's kind, a card's sector, level or visibility), "(leeg)" for nothing, a list
 * joined; text as it was written.
 */
export function recordFieldValue(kind: string | null, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return m.cards_empty_value();
  if (Array.isArray(value)) return value.map((v) => recordFieldValue(kind, field, v)).join(', ');
  if (typeof value !== 'string')
    return typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (field === 'visibility') return visibilityLabel(value);
  switch (`${kind}.${field}`) {
    case 'relationship.status':
      return statusLabel(value);
    case 'interaction.kind':
      return interactionLabel(value);
    case 'goal.status':
      return goalStatusLabel(value);
    case 'event.kind':
      return eventKindLabel(value);
    case 'partnership.status':
      return partnershipStatusLabel(value);
    case 'link.kind':
      return linkLabel(value as LinkKindView);
    case 'organisation.sector':
    case 'organisation.level':
      return fieldValue(field, value);
    default:
      return value;
  }
}

/**
 * Who wrote a value, as Review and the card name them: by name where this store's roster knows
 * the writer; otherwise (a record that arrived before its writer's member record) in words that
 * say why there is no name, with the node id to look up in Members.
 */
export function writerName(name: string | null, node: string): string {
  return name ?? m.common_writer_not_on_roster({ node });
}

/** The usual kinds of link a person may pick, in the order offered. */
export const LINK_KINDS = Object.keys(LINKS) as UsualLink[];

/**
 * A plural message for `n`, its number written as the language writes numbers ("1.234 kaarten"),
 * with the message's other inputs (`{ name }`) where it has more.
 */
export function counted<More extends object = object>(
  message: (inputs: { count: number; n: string } & NoInfer<More>) => string,
  n: number,
  more?: More,
) {
  return message({ ...(more as More), count: n, n: formatNumber(n) });
}

/** What a template passes for a placeholder it fills with markup itself (see `cut`). */
export const MARK = '\u0000';

/**
 * A message cut where the placeholders given `MARK` go, so a template can put markup there (a
 * name in bold, a key in <kbd>): `cut(m.some_key({ name: MARK }))` → [before, after]. Every
 * language keeps such placeholders in the same order.
 */
export function cut(text: string): string[] {
  return text.split(MARK);
}

/** `cut` for a message with one such placeholder: `around((x) => m.key({ name: x }))`. */
export function around(message: (mark: string) => string): [string, string] {
  const [before, after = ''] = cut(message(MARK));
  return [before, after];
}
