// A card's fields as the card screen reads them: the record as stored (`CardDetail.fields`).
import type { CardDetail } from './bindings';

export function cardFields(card: CardDetail | null) {
  const fields = (card?.fields ?? {}) as Record<string, unknown>;
  return {
    /** A text field, or '' when absent. */
    text: (key: string) => (typeof fields[key] === 'string' ? (fields[key] as string) : ''),
    /** A list field (emails, phones, tags …), or [] when absent. */
    list: (key: string) => (Array.isArray(fields[key]) ? (fields[key] as string[]) : []),
  };
}
