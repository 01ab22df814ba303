import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { setBackend, type Commands } from '../src/lib/api';
import { app } from '../src/lib/app.svelte';
import type { AppStatus } from '../src/lib/bindings';
import DemoSandbox from '../src/components/DemoSandbox.svelte';
import DemoBanner from '../src/components/DemoBanner.svelte';
import { id } from './ids';

const own: AppStatus = {
  profile: { networker: id('n1'), name: 'Tine', email: 'tine@stad.gent', role: 'networker' },
  demo: false,
  sandbox: true,
  store_path: '/home/tine/.local/share/kring/store',
  node_id: 'abc',
  counts: {},
  counts_ready: true,
  settings: { default_visibility: 'shared', sync_folder: null, sync_every_hours: 24 },
  version: '0.1.0',
};

function backend(overrides: Record<string, unknown>) {
  const ok = <T>(data: T) => Promise.resolve({ status: 'ok' as const, data });
  setBackend({
    commands: {
      appStatus: () => ok(app.status),
      today: () => ok({ due: [], upcoming: [], going_cold: [], going_cold_total: 0 }),
      listConflicts: () => ok([]),
      listDuplicates: () => ok([]),
      ...overrides,
    } as unknown as Commands,
  });
}

describe('The demo sandbox in Settings', () => {
  it('offers to open the demo kept beside the store, or to remove it, in one action', async () => {
    const ok = <T>(data: T) => Promise.resolve({ status: 'ok' as const, data });
    const removeDemo = vi.fn(() => ok({ ...own, sandbox: false }));
    backend({ removeDemo });
    app.status = own;
    render(DemoSandbox);
    expect(screen.getByTestId('demo-open')).toBeVisible();
    await fireEvent.click(screen.getByTestId('demo-remove'));
    await waitFor(() => expect(removeDemo).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(screen.queryByTestId('demo-remove')).toBeNull());
    expect(app.status?.sandbox).toBe(false);
  });

  it('leaves the demo from the banner, back to the person’s own store', async () => {
    const ok = <T>(data: T) => Promise.resolve({ status: 'ok' as const, data });
    const leaveDemo = vi.fn(() => ok(own));
    backend({ leaveDemo });
    app.status = { ...own, demo: true };
    render(DemoBanner);
    expect(screen.getByTestId('demo-banner')).toHaveTextContent('fictional network');
    await fireEvent.click(screen.getByTestId('demo-banner-leave'));
    await waitFor(() => expect(leaveDemo).toHaveBeenCalledTimes(1));
    expect(app.status?.demo).toBe(false);
    expect(app.route).toBe('today');
  });
});
