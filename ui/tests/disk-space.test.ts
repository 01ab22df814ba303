// Settings' Disk space: what the store takes, the notice after a forget, and compacting it from
// the app (the same compaction as `kring compact`).
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { app } from '../src/lib/app.svelte';
import type { CompactionDone, DiskUsage } from '../src/lib/bindings';
import { formatBytes } from '../src/lib/format';
import DiskSpace from '../src/components/DiskSpace.svelte';
import Sync from '../src/screens/Sync.svelte';
import { answering, listening, ok, setUpStatus, typeInto } from './ui';

const due: DiskUsage = {
  database_bytes: 1_330_268_099,
  backups_bytes: 52_000_000,
  other_bytes: 21_000_000,
  compaction_due: true,
  imported_since_compaction: 0,
  imports_left_room: false,
  compaction_suggested: true,
};

/** A manager's store after merging ten networkers' exports: nothing forgotten. */
const merged: DiskUsage = {
  database_bytes: 218_224_106,
  backups_bytes: 0,
  other_bytes: 4_000_000,
  compaction_due: false,
  imported_since_compaction: 186_644,
  imports_left_room: true,
  compaction_suggested: true,
};

beforeEach(() => {
  listening();
});

/** A `compactStore` that runs until the test calls `finish` with its answer. */
function compactionUnderWay() {
  let answer: (value: unknown) => void = () => {};
  const compactStore = vi.fn(
    () =>
      new Promise((resolve) => {
        answer = resolve;
      }),
  );
  return { compactStore, finish: (value: unknown) => answer(value) };
}

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
      stopped: false,
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
    expect(compactStore).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId('compaction-due')).toBeInTheDocument();
    expect(screen.queryByTestId('compaction-done')).toBeNull();
    expect(screen.getByTestId('disk-space')).toHaveTextContent(formatBytes(due.database_bytes));
    fail.mockRestore();
  });

  it('advises compacting after large imports, naming how many records they wrote', async () => {
    app.status = setUpStatus({});
    answering({ storageStatus: () => ok(merged) });
    render(DiskSpace);
    const advice = await screen.findByTestId('compaction-suggested');
    expect(advice).toHaveTextContent('186,644 records');
    expect(screen.queryByTestId('compaction-due')).toBeNull();
  });

  it('says nothing when imports left too little to be worth compacting', async () => {
    app.status = setUpStatus({});
    answering({
      storageStatus: () =>
        ok({
          ...merged,
          imported_since_compaction: 40,
          imports_left_room: false,
          compaction_suggested: false,
        }),
    });
    render(DiskSpace);
    const section = await screen.findByTestId('disk-space');
    await waitFor(() => expect(section).toHaveTextContent(formatBytes(merged.database_bytes)));
    expect(screen.queryByTestId('compaction-suggested')).toBeNull();
    expect(screen.queryByTestId('compaction-due')).toBeNull();
  });

  it('shows how far a compaction has copied the store while it runs', async () => {
    app.status = setUpStatus({});
    const events = listening();
    const { compactStore, finish } = compactionUnderWay();
    answering({ storageStatus: () => ok(merged), compactStore });
    render(DiskSpace);
    await fireEvent.click(await screen.findByTestId('compact-open'));
    await fireEvent.click(within(screen.getByRole('dialog')).getByTestId('compact-confirm'));
    const copying = await screen.findByTestId('compaction-progress');
    expect(copying).toHaveTextContent(/Counting/);
    events.emit('compaction-progress', { done: 232_366, total: 929_466 });
    await waitFor(() => expect(copying).toHaveTextContent('232,366 of 929,466 entries copied'));
    expect(within(copying).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '25');
    events.emit('compaction-progress', { done: 929_466, total: 929_466 });
    await waitFor(() =>
      expect(within(copying).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100'),
    );
    finish({
      status: 'ok',
      data: {
        database_bytes_before: merged.database_bytes,
        database_bytes_after: 157_483_410,
        backups_rewritten: 0,
        files_dropped: 0,
        milliseconds: 9_400,
        stopped: false,
        usage: {
          ...merged,
          database_bytes: 157_483_410,
          imported_since_compaction: 0,
          imports_left_room: false,
          compaction_suggested: false,
        },
      },
    });
    await screen.findByTestId('compaction-done');
    expect(screen.queryByTestId('compaction-progress')).toBeNull();
    expect(screen.queryByTestId('compaction-suggested')).toBeNull();
    // A late event after the end is not listened to any more.
    events.emit('compaction-progress', { done: 1, total: 2 });
    expect(screen.queryByTestId('compaction-progress')).toBeNull();
  });

  it('stops a compaction when Cancel is pressed while it copies, and says the store is as it was', async () => {
    app.status = setUpStatus({});
    const events = listening();
    const { compactStore, finish } = compactionUnderWay();
    const stopCompaction = vi.fn(() => ok(null));
    answering({ storageStatus: () => ok(merged), compactStore, stopCompaction });
    render(DiskSpace);
    await fireEvent.click(await screen.findByTestId('compact-open'));
    const dialog = screen.getByRole('dialog');
    expect(dialog).toHaveTextContent(/you can stop it/);
    await fireEvent.click(within(dialog).getByTestId('compact-confirm'));
    events.emit('compaction-progress', { done: 232_366, total: 929_466 });
    const cancel = within(dialog).getByTestId('compact-cancel');
    await waitFor(() => expect(cancel).toHaveTextContent('Stop'));
    expect(cancel).toBeEnabled();
    expect(within(dialog).getByTestId('compact-confirm')).toBeDisabled();

    await fireEvent.click(cancel);
    expect(stopCompaction).toHaveBeenCalledTimes(1);
    // The Stop names the compaction under way, so that the core stops that one and no other.
    const compaction = (compactStore.mock.calls[0] as unknown[])[0];
    expect(compaction).toMatch(/^[0-9a-f]{16}$/);
    expect(stopCompaction).toHaveBeenCalledWith(compaction);
    await waitFor(() => expect(cancel).toHaveTextContent('Stopping…'));
    expect(cancel).toBeDisabled();
    finish({
      status: 'ok',
      data: {
        database_bytes_before: merged.database_bytes,
        database_bytes_after: merged.database_bytes,
        backups_rewritten: 0,
        files_dropped: 0,
        milliseconds: 2_100,
        stopped: true,
        usage: merged,
      },
    });
    const stopped = await screen.findByTestId('compaction-stopped');
    expect(stopped).toHaveTextContent(
      'Compacting stopped: cards and their history are as they were.',
    );
    expect(screen.queryByTestId('compaction-done')).toBeNull();
    expect(screen.queryByRole('dialog')).toBeNull();
    // What imports left is still there to compact.
    expect(screen.getByTestId('compaction-suggested')).toHaveTextContent('186,644 records');
    expect(compactStore).toHaveBeenCalledTimes(1);

    // The next compaction has an identity of its own: a late Stop for the first stops it not.
    await fireEvent.click(screen.getByTestId('compact-open'));
    await fireEvent.click(within(screen.getByRole('dialog')).getByTestId('compact-confirm'));
    await waitFor(() => expect(compactStore).toHaveBeenCalledTimes(2));
    expect((compactStore.mock.calls[1] as unknown[])[0]).not.toBe(compaction);
  });
});

describe('An import that leaves room to compact', () => {
  const report = {
    dry_run: false,
    files: [{ path: '/tmp/an.kring', author: 'An', created_at: '2026-12-06T09:00:00Z' }],
    records_read: 186_644,
    added: 186_644,
    changed: 0,
    deleted: 0,
    unchanged: 0,
    new_conflicts: 0,
    clock_warnings: [],
    clocks_behind: [],
    backup: null,
    refused: [],
    refused_total: 0,
    held: [],
  };

  async function importOne(usage: DiskUsage) {
    app.status = setUpStatus({});
    listening();
    answering({
      importBundles: () => ok(report),
      storageStatus: () => ok(usage),
    });
    render(Sync);
    await typeInto('import-path', '/tmp/an.kring');
    await fireEvent.click(screen.getByTestId('import-run'));
    return screen.findByTestId('import-result');
  }

  it('points to Disk space when the store now suggests compacting', async () => {
    const result = await importOne(merged);
    const advice = await within(result).findByTestId('import-compaction-suggested');
    const go = vi.spyOn(app, 'go');
    await fireEvent.click(within(advice).getByRole('button'));
    expect(go).toHaveBeenCalledWith('settings');
    go.mockRestore();
  });

  it('says nothing of compacting after a small import', async () => {
    const result = await importOne({
      ...merged,
      imported_since_compaction: 40,
      imports_left_room: false,
      compaction_suggested: false,
    });
    expect(result).toBeInTheDocument();
    expect(within(result).queryByTestId('import-compaction-suggested')).toBeNull();
  });

  it('says nothing of imports when only a forget left bytes to compact', async () => {
    const result = await importOne(due);
    expect(result).toBeInTheDocument();
    expect(within(result).queryByTestId('import-compaction-suggested')).toBeNull();
  });
});
