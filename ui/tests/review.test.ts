// The Review screen: a conflicting field shows its current value first (marked, kept with the
// primary button) and then each other value (taken instead), and says what was done; a part with
// nothing left says so.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setBackend, type Commands } from '../src/lib/api';
import { app } from '../src/lib/app.svelte';
import type { RecordConflicts } from '../src/lib/bindings';
import Review from '../src/screens/Review.svelte';
import { id } from './ids';
import { englishAfterEach, speakAsSystem } from './languages';

const CONFLICT: RecordConflicts = {
  id: id('card-1'),
  kind: 'person',
  name: 'Jan Peeters',
  fields: [
    {
      field: 'job_title',
      current: 'Schepen',
      current_by: '6fa5d1cd069bd109',
      current_by_name: 'Sofie Maes',
      current_at: '2026-11-20T09:00:00Z',
      losing: [
        {
          value: 'Burgemeester',
          node: '9aa5debcb6871b0b',
          by_name: 'Koen Peeters',
          at: '2026-11-21T09:00:00Z',
        },
      ],
    },
  ],
};

function backend(conflicts: RecordConflicts[] = [CONFLICT]) {
  const ok = (data: unknown) => Promise.resolve({ status: 'ok' as const, data });
  const resolveConflict = vi.fn(() => ok(null));
  setBackend({
    commands: {
      listConflicts: () => ok(conflicts),
      listDuplicates: () => ok([]),
      resolveConflict,
    } as unknown as Commands,
  });
  return resolveConflict;
}

afterEach(() => {
  app.toasts = [];
});

describe('The Review screen', () => {
  englishAfterEach();

  it('shows the current value first and each other after it, and keeps or takes the one pressed', async () => {
    const resolveConflict = backend();
    render(Review);
    const values = await waitFor(() => {
      const found = document.querySelectorAll<HTMLElement>('.field-conflict .value:not(.typed)');
      expect(found).toHaveLength(2);
      return [...found];
    });
    const [current, other] = values;
    expect(current).toHaveClass('current');
    expect(within(current).getByText('current')).toHaveClass('badge', 'accent');
    expect(current.textContent).toContain('Schepen');
    expect(within(current).getByRole('button', { name: 'Keep current' })).toHaveClass('primary');
    expect(other).not.toHaveClass('current');
    expect(within(other).getByText('other')).not.toHaveClass('accent');
    expect(other.textContent).toContain('Burgemeester');
    expect(other.textContent).toContain('Koen Peeters');
    expect(current.textContent).toContain('Sofie Maes');
    expect(other.textContent, 'a writer the roster knows is named, not numbered').not.toContain(
      '9aa5debcb6871b0b',
    );
    const take = within(other).getByRole('button', { name: 'Take this' });
    expect(take).not.toHaveClass('primary');

    await fireEvent.click(take);
    expect(resolveConflict).toHaveBeenCalledWith(id('card-1'), 'job_title', { take_losing: 0 });
    await waitFor(() => expect(app.toasts.map((t) => t.text)).toContain('Took “Burgemeester”'));

    await fireEvent.click(within(current).getByRole('button', { name: 'Keep current' }));
    expect(resolveConflict).toHaveBeenLastCalledWith(id('card-1'), 'job_title', 'keep_current');
    await waitFor(() => expect(app.toasts.map((t) => t.text)).toContain('Kept “Schepen”'));
    expect(screen.getByText('No likely duplicates')).toBeVisible();
  });

  it('names a conflicting field by its label, not its code', async () => {
    backend();
    render(Review);
    const field = await waitFor(() => {
      const label = document.querySelector<HTMLElement>('.field-conflict .label');
      expect(label).not.toBeNull();
      return label!;
    });
    expect(field.textContent).toBe('Job title');
    expect(screen.getByRole('textbox', { name: /Job title/ })).toBeInTheDocument();
  });

  it('says a relationship’s conflicting status and an empty value in the reader’s language', async () => {
    speakAsSystem('nl');
    backend([
      {
        id: id('relationship-1'),
        kind: 'relationship',
        name: 'Jan Peeters',
        fields: [
          {
            field: 'status',
            current: 'dormant',
            current_by: '6fa5d1cd069bd109',
            current_by_name: 'Sofie Maes',
            current_at: '2026-11-20T09:00:00Z',
            // A writer the roster does not know (yet): said so, with their node.
            losing: [
              { value: null, node: '9aa5debcb6871b0b', by_name: null, at: '2026-11-21T09:00:00Z' },
            ],
          },
        ],
      },
    ]);
    render(Review);
    const values = await waitFor(() => {
      const found = document.querySelectorAll<HTMLElement>('.field-conflict .value .v');
      expect(found).toHaveLength(2);
      return [...found].map((v) => v.textContent);
    });
    expect(values).toEqual(['Slapend', '(leeg)']);
    const writers = [...document.querySelectorAll('.field-conflict .value .who')].map(
      (w) => w.textContent,
    );
    expect(writers[0]).toContain('Sofie Maes');
    expect(writers[1]).toContain(
      'een collega die nog niet in de ledenlijst van deze opslag staat (node 9aa5debcb6871b0b)',
    );
    expect(document.querySelector('.field-conflict .label')?.textContent).toBe('Status');
  });
});
