// Words and checks of data protection: the card's Data protection menu and the Data protection
// screen. The rights (who may forget, who writes rules) are the core's; these only say things
// in words and catch what a form can see is missing before it asks.
import type {
  Activity,
  LawfulBasis,
  Purpose,
  PurposeView,
  RecordKind,
  RetentionAction,
  RetentionRule,
} from './bindings';
import type { FieldErrors } from './validate';
import { counted } from './card-labels';
import { recordKindLabel } from './record-kinds';
import { m } from '../paraglide/messages';

type Words = Record<string, () => string>;

/** A word from `words`, or the code as it is when this Kring does not know it. */
function word(words: Words, code: string): string {
  return Object.prototype.hasOwnProperty.call(words, code)
    ? words[code]()
    : code.replace(/_/g, ' ');
}

const ACTIVITIES: Record<Activity, () => string> = {
  subject_access: m.protection_activity_subject_access,
  access_request: m.protection_activity_access_request,
  erasure: m.protection_activity_erasure,
  restriction: m.protection_activity_restriction,
  retention: m.protection_activity_retention,
  compaction: m.protection_activity_compaction,
  export: m.protection_activity_export,
  report: m.protection_activity_report,
  transparency: m.protection_activity_transparency,
  contacts_export: m.protection_activity_contacts_export,
};

/** What a processing log entry was, in words ("Subject access report", "Erasure" …). */
export const activityLabel = (activity: Activity) => word(ACTIVITIES, activity);

const BASES: Record<LawfulBasis, () => string> = {
  public_task: m.protection_basis_public_task,
  legal_obligation: m.protection_basis_legal_obligation,
  consent: m.protection_basis_consent,
  contract: m.protection_basis_contract,
  vital_interests: m.protection_basis_vital_interests,
  legitimate_interests: m.protection_basis_legitimate_interests,
};

/** A lawful basis with its article ("Public task — Art. 6(1)(e)"). */
export const basisLabel = (basis: LawfulBasis) => word(BASES, basis);

/** The lawful bases to choose from, in the current language (call where it is shown). */
export const basisChoices = () =>
  (Object.keys(BASES) as LawfulBasis[]).map((value) => ({ value, label: basisLabel(value) }));

const ACTIONS: Record<RetentionAction, () => string> = {
  clear: m.protection_action_clear,
  remove: m.protection_action_remove,
  propose_erasure: m.protection_action_propose_erasure,
};

/** What a retention rule does, as the rule form offers it. */
export const actionLabel = (action: RetentionAction) => word(ACTIONS, action);

/** The kinds a rule may apply to, with each action (as `RetentionRule::allowed` says). */
export const RULE_KINDS: { kind: RecordKind; label: () => string; fields: string[] }[] = [
  { kind: 'interaction', label: m.protection_kind_interaction, fields: ['summary', 'outcomes'] },
  { kind: 'note', label: m.protection_kind_note, fields: ['text'] },
  { kind: 'follow_up', label: m.protection_kind_follow_up, fields: ['text'] },
  { kind: 'relationship', label: m.protection_kind_relationship, fields: ['given', 'received'] },
  { kind: 'affiliation', label: m.protection_kind_affiliation, fields: ['title'] },
  { kind: 'link', label: m.protection_kind_link, fields: [] },
  { kind: 'event', label: m.protection_kind_event, fields: ['notes', 'outcomes'] },
  {
    kind: 'partnership_review',
    label: m.protection_kind_partnership_review,
    fields: ['notes'],
  },
  { kind: 'stakeholder_rating', label: m.protection_kind_stakeholder_rating, fields: ['note'] },
  { kind: 'person', label: m.protection_kind_person, fields: [] },
];

/** A record's kind in words; none is a kind only a newer Kring knows. */
export function kindLabel(kind: RecordKind | null): string {
  if (kind === null) return recordKindLabel(null);
  return RULE_KINDS.find((k) => k.kind === kind)?.label() ?? kind.replace(/_/g, ' ');
}

const FIELDS: Words = {
  summary: m.protection_field_summary,
  outcomes: m.protection_field_outcomes,
  text: m.protection_field_text,
  given: m.protection_field_given,
  received: m.protection_field_received,
  title: m.protection_field_title,
  notes: m.protection_field_notes,
  note: m.protection_field_note,
};

/** A field a rule may clear, in words (the store's name in English: "summary", "outcomes"). */
export const ruleFieldLabel = (field: string) => word(FIELDS, field);

/** Fields a rule clears, in words and in the order given ("outcomes, summary"). */
export const ruleFieldList = (fields: string[]) => fields.map(ruleFieldLabel).join(', ');

/**
 * What a rule does, in a line: "Notes older than 6 years: removed". With `fields` (a rule as
 * set) a clearing rule names them ("clear outcomes, summary"); without (the review's count of
 * what it would do) it says "fields cleared".
 */
export function ruleLine(
  rule: { applies_to: RecordKind; after_days: number; action: RetentionAction },
  fields?: string[],
): string {
  const action =
    rule.action === 'propose_erasure'
      ? m.protection_rule_proposed()
      : rule.action === 'remove'
        ? m.protection_rule_removed()
        : fields
          ? m.protection_rule_clears({ fields: ruleFieldList(fields) })
          : m.protection_retention_fields_cleared();
  return m.protection_rule_line({
    kind: kindLabel(rule.applies_to),
    period: period(rule.after_days),
    action,
  });
}

/** The actions a rule on `kind` may take: people are only proposed, records cleared or removed. */
export function actionsFor(kind: RecordKind): RetentionAction[] {
  return kind === 'person' ? ['propose_erasure'] : ['clear', 'remove'];
}

/** A period in days, said as years when it is a whole number of them. */
export function period(days: number): string {
  if (days % 365 === 0) return counted(m.protection_years, days / 365);
  return counted(m.protection_days, days);
}

/** "6y" or "2190" (days) as the rule form takes it; null when it is neither. */
export function parsePeriod(text: string): number | null {
  const t = text.trim().toLowerCase();
  // The short form the field suggests (6y) and the words of each language, spelled out.
  const years = /^(\d+)\s*(y|years?|jaar|jaren|ans?|années?|jahre?n?)$/.exec(t);
  if (years) return Number(years[1]) * 365;
  const days = /^(\d+)\s*(d|days?|dag|dagen|jours?|tage?n?)?$/.exec(t);
  if (days) return Number(days[1]);
  return null;
}

export type RuleDraft = {
  name: string;
  kind: RecordKind;
  action: RetentionAction;
  after: string;
  fields: string[];
  legalReference: string;
  description: string;
};

/** What is wrong with a rule before it is sent, by field; the core checks it again. */
export function checkRule(draft: RuleDraft): FieldErrors {
  const errors: FieldErrors = {};
  if (!draft.name.trim()) errors.name = m.protection_rule_name_missing();
  const days = parsePeriod(draft.after);
  if (days === null || days < 1) errors.after_days = m.protection_rule_after_invalid();
  if (!draft.legalReference.trim()) errors.legal_reference = m.protection_rule_reference_missing();
  if (!actionsFor(draft.kind).includes(draft.action))
    errors.action = m.protection_rule_action_invalid();
  if (draft.action === 'clear' && draft.fields.length === 0)
    errors.fields = m.protection_rule_fields_missing();
  return errors;
}

export function ruleOf(draft: RuleDraft): RetentionRule {
  return {
    name: draft.name.trim(),
    applies_to: draft.kind,
    action: draft.action,
    after_days: parsePeriod(draft.after) ?? 0,
    fields: draft.action === 'clear' ? draft.fields : [],
    legal_reference: draft.legalReference.trim(),
    description: draft.description.trim() || null,
  };
}

export type PurposeDraft = {
  name: string;
  basis: LawfulBasis;
  legalReference: string;
  description: string;
  recipients: string;
  categories: string;
};

/** One per line, blanks left out. */
export function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

export function checkPurpose(draft: PurposeDraft): FieldErrors {
  const errors: FieldErrors = {};
  if (!draft.name.trim()) errors.name = m.protection_purpose_name_missing();
  return errors;
}

export function purposeOf(draft: PurposeDraft): Purpose {
  return {
    name: draft.name.trim(),
    description: draft.description.trim() || null,
    lawful_basis: draft.basis,
    legal_reference: draft.legalReference.trim() || null,
    recipients: lines(draft.recipients),
    data_categories: lines(draft.categories),
  };
}

/** The first characters of an id, as the command line accepts it. */
export function shortId(id: string): string {
  return id.slice(0, 8);
}

/**
 * A purpose as the screen shows it. Kring's default (`default`: shown while the organisation has
 * recorded none, never stored) is written by the core in English: its words here are the
 * catalogue's, in the language. A recorded purpose is the manager's own text and stays as written.
 */
export function purposeShown(purpose: PurposeView): PurposeView {
  if (!purpose.default) return purpose;
  return {
    ...purpose,
    name: m.protection_default_purpose_name(),
    description: m.protection_default_purpose_description(),
    recipients: [
      m.protection_default_recipient_keeper(),
      m.protection_default_recipient_manager(),
      m.protection_default_recipient_colleagues(),
    ],
    data_categories: [
      m.protection_default_data_identity(),
      m.protection_default_data_affiliations(),
      m.protection_default_data_contacts(),
    ],
  };
}
