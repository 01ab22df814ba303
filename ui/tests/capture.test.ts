import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { setBackend, type Dialogs } from '../src/lib/api';
import { app } from '../src/lib/app.svelte';
import type { CaptureOutcome, CapturePlan } from '../src/lib/bindings';
import { outcomeText } from '../src/lib/capture';
import { formatDateTime } from '../src/lib/dates';
import CaptureDialog from '../src/components/CaptureDialog.svelte';
import { useGolden } from './golden';

// The files as the golden scenario wrote them (crates/kring-api/tests/golden.rs, `networker`).
const INVITATION = '/home/lotte/Downloads/Overleg walstroom.ics';
const CALENDAR = '/home/lotte/Downloads/calendar.ics';
const PHOTO = '/home/lotte/Downloads/holiday.jpg';

useGolden('networker');

function open(paths: string[]) {
  const onclose = vi.fn();
  render(CaptureDialog, { paths, onclose });
  return onclose;
}

const texts = (testid: string) => screen.getAllByTestId(testid).map((e) => e.textContent!.trim());

describe('Log from file', () => {
  it('shows an Outlook invitation for review and logs it with the unknown address ticked', async () => {
    app.toasts = [];
    const onclose = open([INVITATION]);
    const [item] = await screen.findAllByTestId('capture-item');
    expect(within(item).getByText('Overleg walstroom')).toBeInTheDocument();
    // 14:00 Romance Standard Time, shown in the user's own time zone.
    expect(within(item).getByTestId('capture-when').textContent).toBe(
      formatDateTime('2026-11-18T13:00:00Z'),
    );
    expect(texts('capture-person').map((t) => t.replace('✕', '').trim())).toEqual([
      'Amélie Dupont',
      'Amélie Kowalski',
    ]);
    const unknown = screen.getByTestId('capture-unknown') as HTMLInputElement;
    expect(unknown.checked).toBe(false);
    const label = unknown.closest('label')!.textContent!.replace(/\s+/g, ' ');
    expect(label).toContain('Koen Claes <koen.claes@buurthuis-hoboken.be> as a new person');
    expect(label).toContain('Buurthuis Hoboken');
    expect(screen.queryByTestId('capture-select-all')).toBeNull();

    await fireEvent.click(unknown);
    await fireEvent.click(screen.getByTestId('capture-confirm'));
    // The replay answers only the very plan the core recorded: the address ticked, nothing else.
    await waitFor(() => expect(onclose).toHaveBeenCalled());
    expect(app.toasts.map((t) => t.text)).toContain(
      'Logged 1 meeting with Amélie Dupont, Amélie Kowalski and Koen Claes; added 1 person',
    );
  });

  it('takes a matched person out of the plan it sends', async () => {
    const sent: CapturePlan[] = [];
    const { commands } = await import('../src/lib/bindings');
    setBackend({
      commands: {
        ...commands,
        applyCapture: (plan: CapturePlan) => {
          sent.push(plan);
          return Promise.resolve({
            status: 'error',
            error: { code: 'failed', message: 'The disk is full.', field: null },
          });
        },
      } as typeof commands,
    });
    const onclose = open([INVITATION]);
    await screen.findAllByTestId('capture-item');
    await fireEvent.click(screen.getByRole('button', { name: 'Remove Amélie Kowalski' }));
    expect(texts('capture-person')).toHaveLength(1);
    await fireEvent.click(screen.getByTestId('capture-confirm'));
    await screen.findByText('The disk is full.');
    expect(sent[0].items[0].people.map((p) => p.name)).toEqual(['Amélie Dupont']);
    expect(onclose).not.toHaveBeenCalled();
  });

  it('lists a calendar export with select-all, and the skipped meeting with its reason', async () => {
    open([CALENDAR]);
    await waitFor(() => expect(screen.getAllByTestId('capture-item')).toHaveLength(2));
    expect(texts('capture-item').join(' ')).toMatch(/Werkgroep haven.*Stuurgroep/s);
    expect(texts('capture-item')[1]).toContain('Follow-up on its day');
    const [skipped] = screen.getAllByTestId('capture-skipped');
    expect(skipped.textContent).toContain('Koffie');
    expect(skipped.textContent).toContain('no known stakeholder took part');
    const confirm = screen.getByTestId('capture-confirm') as HTMLButtonElement;
    expect(confirm.textContent).toBe('Log 2');

    const all = screen.getByTestId('capture-select-all') as HTMLInputElement;
    expect(all.checked).toBe(true);
    await fireEvent.click(all);
    expect(confirm.textContent).toBe('Log 0');
    expect(confirm.disabled).toBe(true);
    await fireEvent.click(all);
    expect(confirm.textContent).toBe('Log 2');

    // The skipped meeting can still be logged by adding the address nobody's card has.
    await fireEvent.click(within(skipped).getByTestId('capture-add-unknown'));
    expect(screen.getAllByTestId('capture-item')).toHaveLength(3);
    expect(screen.queryAllByTestId('capture-skipped')).toHaveLength(0);
    expect(confirm.textContent).toBe('Log 3');
  });

  it('names a file that is no meeting or e-mail and offers nothing to log', async () => {
    open([PHOTO]);
    const problem = await screen.findByTestId('capture-file-error');
    expect(problem.textContent).toContain('holiday.jpg');
    expect(problem.textContent).toContain('(.ics)');
    expect(problem.textContent).toContain('Nothing was logged from it.');
    expect(screen.queryByTestId('capture-confirm')).toBeNull();
    expect(screen.getByTestId('capture-cancel').textContent).toBe('Close');
  });

  it('asks for the files when opened from the button, and reads the ones chosen', async () => {
    const open$ = vi.fn(() => Promise.resolve([INVITATION]));
    setBackend({ dialogs: { open: open$ } as unknown as Dialogs });
    open([]);
    await fireEvent.click(screen.getByTestId('capture-read'));
    expect(await screen.findByText(/Choose one or more \.ics or \.eml files/)).toBeInTheDocument();
    await fireEvent.click(screen.getByRole('button', { name: 'Browse…' }));
    expect(open$).toHaveBeenCalledWith({
      multiple: true,
      filters: [{ name: 'Meetings and e-mails', extensions: ['ics', 'eml'] }],
    });
    await waitFor(() => expect(screen.getAllByTestId('capture-item')).toHaveLength(1));
  });
});

describe('the toast after logging', () => {
  it('counts a calendar’s worth', () => {
    const outcome = {
      logged: 3,
      updated: 0,
      withdrawn: 1,
      follow_ups_planned: 2,
      follow_ups_updated: 0,
      people_created: 0,
      notes_added: 0,
      skipped: 4,
      items: [],
    } as CaptureOutcome;
    expect(outcomeText({ files: [], items: [] }, outcome)).toBe(
      'Logged 3 meetings and e-mails; planned 2 follow-ups; withdrew 1 cancelled meeting',
    );
    const nothing = { ...outcome, logged: 0, withdrawn: 0, follow_ups_planned: 0 };
    expect(outcomeText({ files: [], items: [] }, nothing)).toMatch(/^Nothing new to log/);
  });
});
