// Settings' list of backups: one line a backup (its time and reason, its size, Restore…), or a
// line saying there is none yet.
import { render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { app } from '../src/lib/app.svelte';
import { formatBytes } from '../src/lib/format';
import Settings from '../src/screens/Settings.svelte';
import { answering, ok, setUpStatus } from './ui';

afterEach(() => {
  app.status = null;
});

describe('the backups in Settings', () => {
  it('lists each backup with its reason, its size and a Restore button', async () => {
    app.status = setUpStatus({ settings: { default_visibility: 'shared' } });
    answering({
      listBackups: () =>
        ok([
          { path: '/b/20261120T091244.000Z-before-import.kring-backup', name: '', bytes: 2048 },
          { path: '/b/my-own-copy.kring-backup', name: 'my-own-copy.kring-backup', bytes: 10 },
        ]),
    });
    render(Settings);
    const first = await screen.findByTitle('/b/20261120T091244.000Z-before-import.kring-backup');
    const rows = [...first.closest('ul')!.querySelectorAll(':scope > li')] as HTMLElement[];
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent(/20 Nov 2026, \d{2}:\d{2} · before import/);
    expect(rows[0]).toHaveTextContent(formatBytes(2048));
    expect(rows[1]).toHaveTextContent('my-own-copy.kring-backup');
    for (const row of rows) within(row).getByRole('button', { name: 'Restore…' });
    expect(screen.queryByText(/No backups yet/)).not.toBeInTheDocument();
  });

  it('says there is none yet when there is no backup', async () => {
    app.status = setUpStatus({ settings: { default_visibility: 'shared' } });
    answering({ listBackups: () => ok([]) });
    render(Settings);
    expect(await screen.findByText(/No backups yet/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Restore…' })).not.toBeInTheDocument();
  });
});
