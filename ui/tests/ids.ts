import type { RecordId } from '../src/lib/bindings';

/** A made-up id for a hand-built fixture (the app only ever gets ids from the core). */
export const id = (text: string) => text as RecordId;
