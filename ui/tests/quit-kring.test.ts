// After a failed write (a full disk) the store takes no more writes until Kring is opened again,
// which the message says: the error offers a Quit Kring button wherever errors are shown (the
// toasts app.fail raises, a form's refusal), and only for that error.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../src/lib/api';
import { app } from '../src/lib/app.svelte';
import CardForm from '../src/components/CardForm.svelte';
import Toasts from '../src/components/Toasts.svelte';
import { answering, ok, setUpStatus, typeInto } from './ui';

const STOPPED =
  'Kring stopped writing to the store when a write failed (a full disk, or a disk that went away): close Kring and open it again once that is fixed (what was saved before is intact)';

/** A command's refusal, as the generated bindings give it. */
const refused = (code: string, message: string) =>
  Promise.resolve({ status: 'error' as const, error: { code, message, field: null } });

afterEach(() => {
  app.toasts = [];
  app.status = null;
});

describe('Quit Kring after a failed write', () => {
  it('is offered on a writes_stopped toast, which stays, and quits the app', async () => {
    vi.useFakeTimers();
    try {
      const quitApp = vi.fn(() => ok(null));
      answering({ quitApp });
      render(Toasts);
      app.fail(new AppError('writes_stopped', STOPPED));
      const toast = await screen.findByTestId('toast');
      expect(toast).toHaveTextContent('close Kring and open it again');
      // Nothing else helps, so it does not go away by itself as other errors do.
      vi.advanceTimersByTime(60_000);
      const quit = within(screen.getByTestId('toast')).getByRole('button', { name: 'Quit Kring' });
      await fireEvent.click(quit);
      expect(quitApp).toHaveBeenCalledTimes(1);
    } finally {
      vi.useRealTimers();
    }
  });

  it('is not offered on any other error', async () => {
    const quitApp = vi.fn(() => ok(null));
    answering({ quitApp });
    render(Toasts);
    app.fail(new AppError('failed', 'The disk is full: free some space and try again.'));
    app.fail(new AppError('store_unavailable', 'Another Kring has the store open.'));
    app.fail(new AppError('invalid', 'A name is needed.'));
    await waitFor(() => expect(screen.getAllByTestId('toast')).toHaveLength(3));
    expect(screen.queryByTestId('quit-kring')).toBeNull();
    expect(quitApp).not.toHaveBeenCalled();
  });

  it('is offered beside a form’s refusal when the save hit writes_stopped, and not after another', async () => {
    app.status = setUpStatus({});
    const quitApp = vi.fn(() => ok(null));
    const savePerson = vi
      .fn()
      .mockImplementationOnce(() => refused('failed', 'The disk is full: free some space.'))
      .mockImplementation(() => refused('writes_stopped', STOPPED));
    answering({ quitApp, savePerson, queryCards: () => ok({ total: 0, offset: 0, rows: [] }) });
    render(CardForm, { kind: 'person', id: null, onclose: () => {} });
    await typeInto('person-display-name', 'Jan Peeters');

    await fireEvent.click(screen.getByTestId('form-save'));
    const first = await screen.findByTestId('form-refused');
    expect(first).toHaveTextContent('The disk is full');
    expect(within(first).queryByTestId('quit-kring')).toBeNull();

    await fireEvent.click(screen.getByTestId('form-save'));
    await waitFor(() =>
      expect(screen.getByTestId('form-refused')).toHaveTextContent('close Kring and open it again'),
    );
    await fireEvent.click(within(screen.getByTestId('form-refused')).getByTestId('quit-kring'));
    expect(quitApp).toHaveBeenCalledTimes(1);
  });

  it('says Quit Kring in the person’s language', async () => {
    const { m } = await import('../src/paraglide/messages');
    expect(m.common_quit_kring({}, { locale: 'nl' })).toBe('Kring afsluiten');
    expect(m.common_quit_kring({}, { locale: 'fr' })).toBe('Quitter Kring');
    expect(m.common_quit_kring({}, { locale: 'de' })).toBe('Kring beenden');
  });
});
