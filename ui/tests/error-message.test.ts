// Screens that show why something failed in their own place (not a toast, not a form's refusal)
// do it through ErrorMessage: after a failed write (`writes_stopped`) the message comes with Quit
// Kring, the only way back, and after any other failure the message comes alone. Each screen keeps
// the test id the end-to-end tests read.
import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../src/lib/api';
import { app } from '../src/lib/app.svelte';
import type { Identity } from '../src/lib/bindings';
import ErrorMessage from '../src/components/ErrorMessage.svelte';
import StakeholderGrid from '../src/components/map/StakeholderGrid.svelte';
import SyncFolder from '../src/components/SyncFolder.svelte';
import Members from '../src/screens/Members.svelte';
import Transparency from '../src/screens/Transparency.svelte';
import { id } from './ids';
import { answering, ok, setUpStatus, typeInto } from './ui';

const STOPPED =
  'Kring stopped writing to the store when a write failed (a full disk, or a disk that went away): close Kring and open it again once that is fixed (what was saved before is intact)';
const DISK_FULL = 'The disk is full: free some space and try again.';

/** A command's refusal, as the generated bindings give it. */
const refused = (code: string, message: string) =>
  Promise.resolve({ status: 'error' as const, error: { code, message, field: null } });

/** The failures every screen is tried with: the one that offers Quit Kring, and one that does not. */
const FAILURES = [
  { code: 'writes_stopped', message: STOPPED, quits: true },
  { code: 'failed', message: DISK_FULL, quits: false },
] as const;

/** The message is shown in `shown`, with Quit Kring (which quits) only when `quits`. */
async function expectWayOut(
  shown: HTMLElement,
  failure: (typeof FAILURES)[number],
  quitApp: () => unknown,
) {
  expect(shown).toHaveTextContent(failure.message);
  expect(shown).toHaveAttribute('role', 'alert');
  const quit = within(shown).queryByRole('button', { name: 'Quit Kring' });
  if (!failure.quits) {
    expect(quit).toBeNull();
    expect(quitApp).not.toHaveBeenCalled();
    return;
  }
  expect(quit).not.toBeNull();
  await fireEvent.click(quit!);
  expect(quitApp).toHaveBeenCalledTimes(1);
}

afterEach(() => {
  app.status = null;
  app.syncStatus = null;
  app.toasts = [];
});

describe('ErrorMessage', () => {
  it('shows nothing without an error, and a sentence of the screen’s own without Quit Kring', () => {
    const { rerender } = render(ErrorMessage, { error: null, testid: 'shown' });
    expect(screen.queryByTestId('shown')).toBeNull();
    rerender({ error: 'Choose a file first.', testid: 'shown' });
    expect(screen.getByTestId('shown')).toHaveTextContent('Choose a file first.');
    expect(screen.queryByTestId('quit-kring')).toBeNull();
  });

  it('reads the code of an error as the core sent it, not only of an AppError', () => {
    render(ErrorMessage, { error: { code: 'writes_stopped', message: STOPPED }, testid: 'shown' });
    expect(within(screen.getByTestId('shown')).getByTestId('quit-kring')).toBeInTheDocument();
  });

  it('offers Quit Kring beside an AppError with writes_stopped only', () => {
    render(ErrorMessage, {
      error: new AppError('not_found', 'The card is gone.'),
      testid: 'shown',
    });
    expect(screen.getByTestId('shown')).toHaveTextContent('The card is gone.');
    expect(screen.queryByTestId('quit-kring')).toBeNull();
  });
});

describe.each(FAILURES)('a screen’s own error after $code', (failure) => {
  it('Sync now on the shared folder', async () => {
    app.status = setUpStatus({
      settings: { default_visibility: 'shared', sync_folder: '/mnt/share', sync_every_hours: 24 },
    } as never);
    const quitApp = vi.fn(() => ok(null));
    answering({
      quitApp,
      syncStatus: () => ok(null),
      syncNow: () => refused(failure.code, failure.message),
    });
    render(SyncFolder);
    await fireEvent.click(screen.getByTestId('sync-now'));
    await expectWayOut(await screen.findByTestId('field-error'), failure, quitApp);
  });

  it('the transparency register that could not be read', async () => {
    const quitApp = vi.fn(() => ok(null));
    answering({ quitApp, transparencyRegister: () => refused(failure.code, failure.message) });
    render(Transparency);
    await expectWayOut(await screen.findByTestId('field-error'), failure, quitApp);
  });

  it('joining an organisation with an invitation (PathForm)', async () => {
    const me: Identity = {
      node: 'abc',
      name: 'Sofie',
      email: 'sofie@stad.gent',
      networker: id('n1'),
      role: 'networker',
      signing_key: 'k',
      encryption_key: 'k',
      fingerprint: 'ab:cd',
    };
    app.status = setUpStatus({
      profile: { networker: id('n1'), name: 'Sofie', email: 'sofie@stad.gent', role: 'networker' },
    });
    const quitApp = vi.fn(() => ok(null));
    answering({
      quitApp,
      listMembers: () => ok({ organisation: null, me, members: [], refusals: [] }),
      joinOrganisation: () => refused(failure.code, failure.message),
    });
    render(Members);
    const form = await screen.findByTestId('members-join');
    await typeInto('invitation-path', '/tmp/stad-gent.kring-invitation');
    await fireEvent.click(within(form).getByTestId('join-run'));
    await expectWayOut(await within(form).findByTestId('join-error'), failure, quitApp);
  });

  it('the members that could not be read (Status, with Try again)', async () => {
    app.status = setUpStatus({});
    const quitApp = vi.fn(() => ok(null));
    answering({ quitApp, listMembers: () => refused(failure.code, failure.message) });
    render(Members);
    const box = await screen.findByTestId('members-error');
    expect(within(box).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
    await expectWayOut(within(box).getByRole('alert'), failure, quitApp);
  });

  it('the stakeholder grid’s themes that could not be read', async () => {
    const quitApp = vi.fn(() => ok(null));
    answering({ quitApp, gridThemes: () => refused(failure.code, failure.message) });
    render(StakeholderGrid);
    await expectWayOut(await screen.findByRole('alert'), failure, quitApp);
  });
});
