// The paths on Members: Browse… asks the native dialog for what the form needs (an invitation
// file to open, where to save a new one, dated the day of the click) and the answer becomes the
// path; joining without a path says so under it; the test ids the end-to-end tests drive stay.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setBackend, type Dialogs } from '../src/lib/api';
import { app } from '../src/lib/app.svelte';
import type { Identity } from '../src/lib/bindings';
import { isoDate } from '../src/lib/dates';
import Members from '../src/screens/Members.svelte';
import { id } from './ids';
import { answering, ok, setUpStatus } from './ui';

function members(role: 'manager' | 'networker', organisation: string | null) {
  const me: Identity = {
    node: 'abc',
    name: 'Sofie',
    email: 'sofie@stad.gent',
    networker: id('n1'),
    role,
    signing_key: 'k',
    encryption_key: 'k',
    fingerprint: 'ab:cd',
  };
  app.status = setUpStatus({
    profile: { networker: id('n1'), name: 'Sofie', email: 'sofie@stad.gent', role },
  });
  answering({ listMembers: () => ok({ organisation, me, members: [], refusals: [] }) });
}

function dialogs(answers: Partial<Dialogs>) {
  const open = vi.fn(answers.open ?? (async () => null));
  const save = vi.fn(answers.save ?? (async () => null));
  setBackend({ dialogs: { open, save, folder: vi.fn() } as unknown as Dialogs });
  return { open, save };
}

afterEach(() => {
  app.status = null;
});

describe('the paths on Members', () => {
  it('joins with the invitation file picked, and says a path is missing before', async () => {
    members('networker', null);
    render(Members);
    const form = (await screen.findByTestId('members-join')) as HTMLElement;
    await fireEvent.click(within(form).getByTestId('join-run'));
    expect(await within(form).findByTestId('join-error')).toHaveTextContent(/.+/);

    const { open } = dialogs({ open: async () => ['/tmp/lotte.kring-invitation'] });
    await fireEvent.click(within(form).getByRole('button', { name: 'Browse…' }));
    await waitFor(() =>
      expect(within(form).getByTestId('invitation-path')).toHaveValue(
        '/tmp/lotte.kring-invitation',
      ),
    );
    expect(open.mock.calls[0][0].filters![0].extensions).toEqual(['kring-invitation', 'json']);
  });

  it('saves a new invitation where the dialog says, suggesting a dated name', async () => {
    members('manager', 'org');
    render(Members);
    const form = (await screen.findByTestId('members-invite')) as HTMLElement;
    const { save } = dialogs({ save: async () => '/tmp/new.kring-invitation' });
    await fireEvent.click(within(form).getByRole('button', { name: 'Browse…' }));
    await waitFor(() =>
      expect(within(form).getByTestId('invite-path')).toHaveValue('/tmp/new.kring-invitation'),
    );
    expect(save.mock.calls[0][0].defaultPath).toBe(
      `kring-invitation-${isoDate(new Date())}.kring-invitation`,
    );
    expect(within(form).getByTestId('invite-run')).toBeEnabled();
  });

  it('keeps the path typed when the dialog is cancelled', async () => {
    members('manager', 'org');
    render(Members);
    const form = (await screen.findByTestId('members-invite')) as HTMLElement;
    dialogs({ save: async () => null });
    await fireEvent.input(within(form).getByTestId('invite-path'), {
      target: { value: '/typed.kring-invitation' },
    });
    await fireEvent.click(within(form).getByRole('button', { name: 'Browse…' }));
    await Promise.resolve();
    expect(within(form).getByTestId('invite-path')).toHaveValue('/typed.kring-invitation');
  });
});
