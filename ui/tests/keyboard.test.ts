// Keyboard and dialogs: focus kept and returned, Esc asks before throwing typed input away, one
// dialog at a time, every screen a shortcut, long lists one Tab stop.
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { tick } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import { setBackend, type Commands } from '../src/lib/api';
import { app } from '../src/lib/app.svelte';
import { dialogs } from '../src/lib/dialogs.svelte';
import { mainScreens, networkScreens, screenForKey, NETWORK_SCREENS } from '../src/lib/shortcuts';
import { roving } from '../src/lib/roving';
import App from '../src/App.svelte';
import CardForm from '../src/components/CardForm.svelte';
import DialogHarness from './harness/DialogHarness.svelte';
import { cardRow } from './ids';

// The map's renderer needs WebGL, which jsdom lacks; these tests never open the map.
vi.mock('../src/screens/NetworkMap.svelte', () => ({ default: () => {} }));

const ok = <T>(data: T) => Promise.resolve({ status: 'ok' as const, data });

const status = {
  profile: { networker: 'n1', name: 'Koen De Smet', email: 'koen@stad.gent', role: 'manager' },
  store_path: '/tmp/store',
  node_id: 'abc',
  counts: {},
  counts_ready: true,
  settings: { default_visibility: 'shared' as const },
  version: '0.1.0',
};

const org = cardRow('org-1', 'Port of Antwerp-Bruges', 'organisation');

function backend() {
  setBackend({
    commands: {
      appStatus: () => ok(status),
      today: () =>
        ok({ due: [], upcoming: [], going_cold: [], going_cold_total: 0, reviews_due: [] }),
      listConflicts: () => ok([]),
      listDuplicates: () => ok([]),
      queryCards: () => ok({ total: 1, offset: 0, rows: [org] }),
    } as unknown as Commands,
  });
}

describe('a dialog', () => {
  it('returns focus to what opened it when it closes', async () => {
    render(DialogHarness);
    const opener = screen.getByText('Open the form');
    opener.focus();
    await fireEvent.click(opener);
    const name = await screen.findByLabelText('Name');
    await waitFor(() => expect(document.activeElement).toBe(name));
    await fireEvent.keyDown(window, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(opener);
  });

  it('closes on Esc at once when nothing was typed', async () => {
    const onclose = vi.fn();
    render(DialogHarness, { onclose });
    await fireEvent.click(screen.getByText('Open the form'));
    await screen.findByRole('dialog');
    await fireEvent.keyDown(window, { key: 'Escape' });
    expect(onclose).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId('discard-confirm')).toBeNull();
  });

  it('asks "Discard changes?" on Esc after something was typed, and keeps the input', async () => {
    const onclose = vi.fn();
    render(DialogHarness, { onclose });
    await fireEvent.click(screen.getByText('Open the form'));
    const name = (await screen.findByLabelText('Name')) as HTMLInputElement;
    await fireEvent.input(name, { target: { value: 'Jan Peeters' } });
    await fireEvent.keyDown(window, { key: 'Escape' });
    expect(onclose).not.toHaveBeenCalled();
    const ask = await screen.findByTestId('discard-confirm');
    expect(ask.textContent).toMatch(/Discard changes\?/);
    // The safe answer has the focus: a second Esc or Enter keeps editing.
    await waitFor(() => expect(document.activeElement?.textContent).toMatch(/Keep editing/));
    await fireEvent.keyDown(window, { key: 'Escape' });
    await waitFor(() => expect(screen.queryByTestId('discard-confirm')).toBeNull());
    expect(onclose).not.toHaveBeenCalled();
    expect(name.value).toBe('Jan Peeters');
    // The ✕ asks too; Discard then closes.
    await fireEvent.click(screen.getByLabelText('Close'));
    await fireEvent.click(await screen.findByTestId('discard-yes'));
    expect(onclose).toHaveBeenCalledTimes(1);
  });
});

describe('the organisation picker in the person form', () => {
  it('moves focus on to the next field after an organisation is picked', async () => {
    backend();
    app.status = status as never;
    render(CardForm, { kind: 'person', id: null, onclose: () => {} });
    const picker = await screen.findByTestId('person-organisation');
    picker.focus();
    await fireEvent.input(picker, { target: { value: 'Port' } });
    await screen.findByTestId('organisation-option');
    await fireEvent.keyDown(picker, { key: 'Enter' });
    await waitFor(() => expect(screen.queryByTestId('person-organisation')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText('Job title')));
  });
});

describe('one dialog at a time', () => {
  it('refuses Ctrl+L over an open form and says why', async () => {
    backend();
    app.status = null;
    app.logDialog = null;
    app.cardForm = null;
    app.toasts = [];
    render(App);
    await screen.findByTestId('nav-today');
    await fireEvent.keyDown(window, { key: 'n', ctrlKey: true });
    await screen.findByTestId('person-display-name');
    expect(dialogs.count).toBe(1);
    await fireEvent.keyDown(window, { key: 'l', ctrlKey: true });
    await tick();
    expect(app.logDialog).toBeNull();
    expect(screen.getAllByRole('dialog')).toHaveLength(1);
    expect(app.toasts.map((t) => t.text).join(' ')).toMatch(/close the open dialog first/i);
    // With the form closed, Ctrl+L opens the log dialog.
    await fireEvent.keyDown(window, { key: 'Escape' });
    await waitFor(() => expect(dialogs.count).toBe(0));
    await fireEvent.keyDown(window, { key: 'l', ctrlKey: true });
    await waitFor(() => expect(app.logDialog).not.toBeNull());
    app.logDialog = null;
  });
});

describe('screen shortcuts', () => {
  it('give every screen of a manager and of a networker its own key', () => {
    for (const manager of [true, false]) {
      const screens = [...mainScreens(), ...networkScreens(manager)];
      const routes = new Set(screens.map((s) => s.route));
      const keys = new Set(screens.map((s) => s.key));
      expect(keys.size).toBe(screens.length);
      expect(routes.size).toBe(5 + NETWORK_SCREENS.filter((s) => manager || !s.managerOnly).length);
      for (const s of screens) {
        const [, shift, digit] = /^Alt\+(Shift\+)?(\d)$/.exec(s.key)!;
        const event = { altKey: true, ctrlKey: false, metaKey: false, shiftKey: !!shift };
        expect(screenForKey({ ...event, code: `Digit${digit}` }, manager)).toBe(s.route);
      }
    }
  });

  it('reach the last manager screens with Alt+Shift and leave Ctrl+Alt alone', () => {
    const key = { altKey: true, ctrlKey: false, metaKey: false, shiftKey: true, code: 'Digit0' };
    expect(screenForKey(key, true)).toBe('members');
    expect(screenForKey({ ...key, shiftKey: false, code: 'Digit8' }, true)).toBe('teams');
    expect(screenForKey({ ...key, shiftKey: false, code: 'Digit8' }, false)).toBe('insights');
    expect(screenForKey({ ...key, code: 'Digit1' }, true)).toBe('protection');
    expect(screenForKey({ ...key, shiftKey: false, code: 'Digit0' }, false)).toBe('protection');
    expect(screenForKey({ ...key, ctrlKey: true }, true)).toBeNull();
  });
});

describe('a long list', () => {
  it('is one Tab stop, walked with the arrows', async () => {
    const list = document.createElement('ul');
    for (let i = 0; i < 200; i++) {
      const li = document.createElement('li');
      li.innerHTML = `<button>Open ${i}</button><button>Log ${i}</button>`;
      list.append(li);
    }
    document.body.append(list);
    const action = roving(list);
    const stops = [...list.querySelectorAll('button')].filter((b) => b.tabIndex >= 0);
    expect(stops.map((b) => b.textContent)).toEqual(['Open 0']);
    stops[0].focus();
    await fireEvent.keyDown(stops[0], { key: 'ArrowDown' });
    expect(document.activeElement?.textContent).toBe('Open 1');
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowRight' });
    expect(document.activeElement?.textContent).toBe('Log 1');
    await fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement?.textContent).toBe('Log 2');
    await fireEvent.keyDown(document.activeElement!, { key: 'End' });
    expect(document.activeElement?.textContent).toBe('Open 199');
    // Tab comes back to where the arrows left off.
    expect([...list.querySelectorAll('button')].filter((b) => b.tabIndex >= 0)).toEqual([
      document.activeElement,
    ]);
    action?.destroy?.();
    list.remove();
  });
});
