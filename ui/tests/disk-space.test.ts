// Settings' Disk space: what the store takes, the notice after a forget, and compacting it from
// the app (the same compaction as `kring compact`).
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { app } from '../src/lib/app.svelte';
import type { CompactionDone, DiskUsage } from '../src/lib/bindings';
import { formatBytes } from '../src/lib/format';
import DiskSpace from '../src/components/DiskSpace.svelte';
import { answering, ok, setUpStatus } from './ui';

const due: DiskUsage = {
  database_bytes: 1_330_268_099,
  backups_bytes: 52_000_000,
  other_bytes: 21_000_000,
  compaction_due: true,
};

afterEach(() => {
  app.status = null;
});

describe('Disk space in Settings', () => {
  it('shows what the store takes and that a forget left bytes to compact', async () => {
    app.status = setUpStatus({});
    answering({ storageStatus: () => ok(due) });
    render(DiskSpace);
    const section = await screen.findByTestId('disk-space');
    await waitFor(() => expect(section).toHaveTextContent(formatBytes(due.database_bytes)));
    expect(section).toHaveTextContent(formatBytes(due.backups_bytes));
    expect(screen.getByTestId('compaction-due')).toHaveTextContent(/until it is compacted/);
  });

  it('compacts after a confirmation and says what it gave back', async () => {
    app.status = setUpStatus({});
    const done: CompactionDone = {
      database_bytes_before: due.database_bytes,
      database_bytes_after: 810_025_665,
      backups_rewritten: 1,
      files_dropped: 0,
      milliseconds: 48_600,
      usage: { ...due, database_bytes: 810_025_665, compaction_due: false },
    };
    const compactStore = vi.fn(() => ok(done));
    answering({ storageStatus: () => ok(due), compactStore });
    render(DiskSpace);
    await fireEvent.click(await screen.findByTestId('compact-open'));
    expect(compactStore).not.toHaveBeenCalled();
    const dialog = screen.getByRole('dialog');
    expect(dialog).toHaveTextContent(/without what was erased/);
    await fireEvent.click(within(dialog).getByTestId('compact-confirm'));
    await waitFor(() => expect(compactStore).toHaveBeenCalledTimes(1));
    const result = await screen.findByTestId('compaction-done');
    expect(result).toHaveTextContent(
      `${formatBytes(due.database_bytes)} → ${formatBytes(810_025_665)}`,
    );
    expect(result).toHaveTextContent('48.6 s');
    expect(screen.queryByTestId('compaction-due')).toBeNull();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('leaves the sizes as they were when the store is still busy', async () => {
    app.status = setUpStatus({});
    const compactStore = vi.fn(() =>
      Promise.resolve({
        status: 'error' as const,
        error: {
          code: 'failed' as const,
          message: 'Kring is still busy with the store: nothing was compacted.',
          field: null,
        },
      }),
    );
    answering({ storageStatus: () => ok(due), compactStore });
    const fail = vi.spyOn(app, 'fail');
    render(DiskSpace);
    await fireEvent.click(await screen.findByTestId('compact-open'));
    await fireEvent.click(within(screen.getByRole('dialog')).getByTestId('compact-confirm'));
    await waitFor(() => expect(fail).toHaveBeenCalled());
    expect(screen.getByTestId('compaction-due')).toBeInTheDocument();
    expect(screen.queryByTestId('compaction-done')).toBeNull();
    expect(screen.getByTestId('disk-space')).toHaveTextContent(formatBytes(due.database_bytes));
    fail.mockRestore();
  });
});
