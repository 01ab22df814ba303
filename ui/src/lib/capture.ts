// What the capture review says in words: an item's planned action, and the toast after logging.
// The decisions themselves (who matches, what is logged or skipped and why) are kring-core's.
// Words come from messages/log in the app's language, read when a function is called.
import type {
  CaptureAction,
  CaptureItem,
  CaptureOutcome,
  CapturePlan,
  InteractionKind,
} from './bindings';
import { counted } from './card-labels';
import { formatNumber } from './format';
import { m } from '../paraglide/messages';

const ACTIONS: Record<CaptureAction, () => string> = {
  log: m.log_action_log,
  update: m.log_action_update,
  withdraw: m.log_action_withdraw,
  follow_up: m.log_action_follow_up,
  update_follow_up: m.log_action_update_follow_up,
  skip: m.log_action_skip,
};

/** What the review will do with an item: "Log", "Update", "Skip" … */
export function actionLabel(action: CaptureAction): string {
  return ACTIONS[action]?.() ?? action;
}

const NOUNS: Record<InteractionKind, () => string> = {
  meeting: m.log_kind_meeting,
  call: m.log_kind_call,
  email: m.log_kind_email,
  event: m.log_kind_event,
  visit: m.log_kind_visit,
  social: m.log_kind_social,
  other: m.log_kind_other,
};

/** An interaction's kind as a noun inside a sentence: "meeting", "e-mail" ("vergadering"). */
export function kindNoun(kind: InteractionKind | string): string {
  return NOUNS[kind as InteractionKind]?.() ?? kind;
}

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
    const what = kindNoun(item.kind);
    const updated = result.action === 'update';
    parts.push(
      names.length
        ? (updated ? m.log_outcome_updated_one_with : m.log_outcome_logged_one_with)({
            what,
            names: joinNames(names),
          })
        : (updated ? m.log_outcome_updated_one : m.log_outcome_logged_one)({ what }),
    );
  } else {
    if (outcome.logged) parts.push(counted(m.log_outcome_logged, outcome.logged));
    if (outcome.updated) parts.push(m.log_outcome_updated({ n: formatNumber(outcome.updated) }));
  }
  const planned = outcome.follow_ups_planned + outcome.follow_ups_updated;
  if (planned) parts.push(counted(m.log_outcome_planned, planned));
  if (outcome.withdrawn) parts.push(counted(m.log_outcome_withdrawn, outcome.withdrawn));
  if (outcome.people_created) parts.push(counted(m.log_outcome_people, outcome.people_created));
  if (parts.length === 0) return m.log_outcome_nothing();
  const text = parts.join('; ');
  return text[0].toUpperCase() + text.slice(1);
}

function joinNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return m.log_names_and({ names: names.slice(0, -1).join(', '), last: names[names.length - 1] });
}
