// What many screen tests do the same way, written once: typing into a field found by its test id,
// filling a new record's form, the status of a set-up app (a manager's store on this machine) and a
// core that answers only what a test names, for tests without the core.
import { fireEvent, screen } from '@testing-library/svelte';
import { setBackend, type Commands } from '../src/lib/api';
import type { AppStatus, Identity, MemberView } from '../src/lib/bindings';
import { id } from './ids';

/** Types `value` into the field whose test id is `testid`, as one input event. */
export async function typeInto(testid: string, value: string) {
  await fireEvent.input(screen.getByTestId(testid), { target: { value } });
}

/**
 * Opens the `record`'s new form (its button `${record}-new`), types each value into the field
 * `${record}-${field}`, and presses `save`.
 */
export async function fillNew(record: string, values: Record<string, string>, save: string) {
  await fireEvent.click(await screen.findByTestId(`${record}-new`));
  for (const [field, value] of Object.entries(values)) await typeInto(`${record}-${field}`, value);
  await fireEvent.click(screen.getByTestId(save));
}

/** A manager's app, set up and not a demo; `changes` replaces what a test needs otherwise. */
export function setUpStatus(changes: Partial<AppStatus> = {}): AppStatus {
  return {
    profile: { networker: 'n1', name: 'Sofie', email: 'sofie@stad.gent', role: 'manager' },
    store_path: '/tmp/store',
    node_id: 'abc',
    counts: {},
    counts_ready: true,
    demo: false,
    sandbox: false,
    settings: { default_visibility: 'shared' },
    version: '0.1.0',
    ...changes,
  } as AppStatus;
}

/** A command's successful answer, as the generated bindings give it. */
export const ok = (data: unknown) => Promise.resolve({ status: 'ok' as const, data });

/** A core whose commands are `known`; every other command answers an empty success. */
export function answering(known: Record<string, (...args: never[]) => unknown>) {
  setBackend({
    commands: new Proxy(known, {
      get: (target, name: string) => target[name] ?? (() => ok(null)),
    }) as unknown as Commands,
  });
}

/**
 * A core that can send events (`import-progress`, `compaction-progress`, …) as the Tauri shell
 * does: `emit` calls every handler a screen registered for the event and has not let go of.
 */
export function listening(): { emit: (event: string, payload: unknown) => void } {
  const handlers = new Map<string, Set<(payload: never) => void>>();
  setBackend({
    listen: (event, handler) => {
      const set = handlers.get(event) ?? new Set();
      set.add(handler as (payload: never) => void);
      handlers.set(event, set);
      return Promise.resolve(() => set.delete(handler as (payload: never) => void));
    },
  });
  return {
    emit: (event, payload) => handlers.get(event)?.forEach((h) => h(payload as never)),
  };
}

/** A networker's store on the Members screen (name@stad.gent), with what a test `changes`. */
export function memberView(node: string, name: string, changes: Partial<MemberView>): MemberView {
  return {
    node,
    name,
    email: `${name.toLowerCase()}@stad.gent`,
    role: 'networker',
    status: 'enrolled',
    fingerprint: `${node}:ff`,
    is_me: false,
    reason: null,
    earlier_store: null,
    earlier_nodes: [],
    contested_nodes: [],
    ...changes,
  };
}

/** The manager on the Members screen: Mia, whose store is this one. */
export const managerMia: Identity = {
  node: 'abc',
  name: 'Mia',
  email: 'mia@stad.gent',
  networker: id('n1'),
  role: 'manager',
  signing_key: 'k',
  encryption_key: 'k',
  fingerprint: 'ab:cd',
  earlier_nodes: [],
};
