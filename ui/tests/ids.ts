import type { RecordId } from '../src/lib/bindings';

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
