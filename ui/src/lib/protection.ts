// Words and checks of data protection: the card's Data protection menu and the Data protection
// screen. The rights (who may forget, who writes rules) are the core's; these only say things
// in words and catch what a form can see is missing before it asks.
import type {
  Activity,
  LawfulBasis,
  Purpose,
  RecordKind,
  RestrictionStatus,
  RetentionAction,
  RetentionRule,
} from './bindings';
import type { FieldErrors } from './validate';

export const ACTIVITY_LABELS: Record<Activity, string> = {
  subject_access: 'Subject access report',
  access_request: 'Access request',
  erasure: 'Erasure',
  restriction: 'Objection or restriction',
  retention: 'Retention run',
  compaction: 'Compaction',
  export: 'Export',
  report: 'Report',
  transparency: 'Transparency register',
  contacts_export: 'Contacts or calendar',
};

export const BASIS_LABELS: Record<LawfulBasis, string> = {
  public_task: 'Public task — Art. 6(1)(e)',
  legal_obligation: 'Legal obligation — Art. 6(1)(c)',
  consent: 'Consent — Art. 6(1)(a)',
  contract: 'Contract — Art. 6(1)(b)',
  vital_interests: 'Vital interests — Art. 6(1)(d)',
  legitimate_interests: 'Legitimate interests — Art. 6(1)(f)',
};

export const RESTRICTION_LABELS: Record<Exclude<RestrictionStatus, 'lifted'>, string> = {
  objected: 'Objected (Art. 21)',
  restricted: 'Restricted (Art. 18)',
};

export const ACTION_LABELS: Record<RetentionAction, string> = {
  clear: 'Clear fields (the record, its date and participants stay)',
  remove: 'Remove the records',
  propose_erasure: 'Propose people for erasure (a person confirms each)',
};

/** The kinds a rule may apply to, with each action (as `RetentionRule::allowed` says). */
export const RULE_KINDS: { kind: RecordKind; label: string; fields: string[] }[] = [
  { kind: 'interaction', label: 'Meetings and contacts', fields: ['summary', 'outcomes'] },
  { kind: 'note', label: 'Notes', fields: ['text'] },
  { kind: 'follow_up', label: 'Follow-ups', fields: ['text'] },
  { kind: 'relationship', label: 'Relationships', fields: ['given', 'received'] },
  { kind: 'affiliation', label: 'Affiliations (past)', fields: ['title'] },
  { kind: 'link', label: 'Links between cards', fields: [] },
  { kind: 'event', label: 'Events', fields: ['notes', 'outcomes'] },
  { kind: 'partnership_review', label: 'Partnership reviews', fields: ['notes'] },
  { kind: 'stakeholder_rating', label: 'Stakeholder ratings', fields: ['note'] },
  { kind: 'person', label: 'People (no relationship, no contact)', fields: [] },
];

export function kindLabel(kind: string): string {
  return RULE_KINDS.find((k) => k.kind === kind)?.label ?? kind.replace(/_/g, ' ');
}

/** The actions a rule on `kind` may take: people are only proposed, records cleared or removed. */
export function actionsFor(kind: RecordKind): RetentionAction[] {
  return kind === 'person' ? ['propose_erasure'] : ['clear', 'remove'];
}

/** A period in days, said as years when it is a whole number of them. */
export function period(days: number): string {
  if (days % 365 === 0) {
    const years = days / 365;
    return years === 1 ? '1 year' : `${years} years`;
  }
  return days === 1 ? '1 day' : `${days} days`;
}

/** "6y" or "2190" (days) as the rule form takes it; null when it is neither. */
export function parsePeriod(text: string): number | null {
  const t = text.trim().toLowerCase();
  const years = /^(\d+)\s*(y|years?)$/.exec(t);
  if (years) return Number(years[1]) * 365;
  const days = /^(\d+)\s*(d|days?)?$/.exec(t);
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
  if (!draft.name.trim()) errors.name = 'Name the rule (for example: Meeting summaries).';
  const days = parsePeriod(draft.after);
  if (days === null || days < 1) errors.after_days = 'Say the period in years (6y) or days (2190).';
  if (!draft.legalReference.trim())
    errors.legal_reference =
      'Give the legal reference (the selection list, the decree, the article): the rule has to rest on one.';
  if (!actionsFor(draft.kind).includes(draft.action))
    errors.action = 'People are only proposed for erasure; records are cleared or removed.';
  if (draft.action === 'clear' && draft.fields.length === 0)
    errors.fields = 'Choose the fields to clear.';
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
  if (!draft.name.trim()) errors.name = 'Name the purpose (for example: Strategic networking).';
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
