import type { RecordId, RelationshipView } from '../src/lib/bindings';

/** A made-up id for a hand-built fixture (the app only ever gets ids from the core). */
export const id = (text: string) => text as RecordId;

/** A card list row as `queryCards` answers it, for a hand-built fixture. */
export const cardRow = (id: string, name: string, kind = 'person') => ({
  id,
  kind,
  name,
  detail: null,
  tags: [],
  sector: null,
  level: null,
  strength: null,
  going_cold: false,
  last_contact: null,
  visibility: null,
});

/** An active relationship of the networker `me` with `stakeholder`, for a hand-built fixture. */
export const relationship = (
  number: number,
  changes: Partial<RelationshipView> = {},
): RelationshipView => ({
  id: id(`rel-${number}`),
  networker: id('me'),
  networker_name: 'Sofie Maes',
  stakeholder: id(`card-${number}`),
  stakeholder_name: `Stakeholder ${number}`,
  strength: 3,
  trust: null,
  given: [],
  received: [],
  reciprocity_balance: 0,
  since: null,
  cadence_days: null,
  status: 'active',
  last_contact: null,
  going_cold: false,
  visibility: null,
  ...changes,
});
