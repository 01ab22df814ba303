// Types for raw-text.mjs (a plain Node module the tests import).
/** [line, column, what (text, or the attribute's name), the text]. */
export type RawText = [number, number, string, string];
export function findRawText(source: string): RawText[];
export const USER_FACING: Set<string>;
export const ALLOWED: Set<string>;
