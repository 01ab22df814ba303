// What many screen tests do the same way, written once: typing into a field found by its test id,
// and the status of a set-up app (a manager's store on this machine) for tests without the core.
import { fireEvent, screen } from '@testing-library/svelte';
import type { AppStatus } from '../src/lib/bindings';

/** Types `value` into the field whose test id is `testid`, as one input event. */
export async function typeInto(testid: string, value: string) {
  await fireEvent.input(screen.getByTestId(testid), { target: { value } });
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
