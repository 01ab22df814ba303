// What the capture review says in words: an item's planned action, and the toast after logging.
// The decisions themselves (who matches, what is logged or skipped and why) are kring-core's.
import type { CaptureAction, CaptureItem, CaptureOutcome, CapturePlan } from './bindings';
import { count } from './format';

export const ACTION_LABELS: Record<CaptureAction, string> = {
  log: 'Log',
  update: 'Update',
  withdraw: 'Withdraw',
  follow_up: 'Follow-up on its day',
  update_follow_up: 'Update the follow-up',
  skip: 'Skip',
};

/** Whether the review offers an item to act on (the rest are listed as skipped, with why). */
export function actionable(item: CaptureItem): boolean {
  return item.action !== 'skip';
}

/**
 * A skipped item the user can still log by adding the addresses no card has (the core's reason
 * says so: no known stakeholder took part, but someone unknown did).
 */
export function loggableByAdding(item: CaptureItem): boolean {
  return (
    item.action === 'skip' && item.reason.code === 'no_known_stakeholder' && item.unknown.length > 0
  );
}

/** A file's name without its folder, as the review names it. */
export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

/**
 * The toast after logging: "Logged 1 meeting with Jan Janssens and Marie Dubois; added 1 person"
 * for one item, counts for a calendar's worth.
 */
export function outcomeText(plan: CapturePlan, outcome: CaptureOutcome): string {
  const parts: string[] = [];
  const done = outcome.items
    .map((result, index) => ({ result, item: plan.items[index] }))
    .filter(({ result, item }) => item && (result.action === 'log' || result.action === 'update'));
  if (outcome.logged + outcome.updated === 1 && done.length === 1) {
    const { item, result } = done[0];
    const names = item.people.map((p) => p.name);
    names.push(...item.unknown.filter((u) => u.create).map((u) => u.name ?? u.address));
    const what = item.kind === 'email' ? 'e-mail' : item.kind;
    const verb = result.action === 'update' ? 'Updated' : 'Logged';
    parts.push(names.length ? `${verb} 1 ${what} with ${joinNames(names)}` : `${verb} 1 ${what}`);
  } else {
    if (outcome.logged)
      parts.push(`Logged ${count(outcome.logged, 'meeting or e-mail', 'meetings and e-mails')}`);
    if (outcome.updated) parts.push(`updated ${outcome.updated}`);
  }
  const planned = outcome.follow_ups_planned + outcome.follow_ups_updated;
  if (planned) parts.push(`planned ${count(planned, 'follow-up')}`);
  if (outcome.withdrawn) parts.push(`withdrew ${count(outcome.withdrawn, 'cancelled meeting')}`);
  if (outcome.people_created)
    parts.push(`added ${count(outcome.people_created, 'person', 'people')}`);
  if (parts.length === 0) return 'Nothing new to log: everything was logged before or skipped';
  const text = parts.join('; ');
  return text[0].toUpperCase() + text.slice(1);
}

function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
