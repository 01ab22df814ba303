import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setBackend, type Commands } from '../src/lib/api';
import FirstRun from '../src/components/FirstRun.svelte';

const status = {
  profile: { networker: 'n1', name: 'Sofie', email: 'sofie@stad.gent', role: 'manager' as const },
  store_path: '/tmp/store',
  node_id: 'abc',
  counts: {},
  settings: { default_visibility: 'shared' as const },
  version: '0.1.0',
};

function backend(firstRun: (...args: unknown[]) => unknown) {
  const ok = <T>(data: T) => Promise.resolve({ status: 'ok' as const, data });
  setBackend({
    commands: {
      firstRun,
      appStatus: () => ok(status),
      today: () => ok({ due: [], upcoming: [], going_cold: [], going_cold_total: 0 }),
      listConflicts: () => ok([]),
      listDuplicates: () => ok([]),
    } as unknown as Commands,
  });
}

describe('FirstRun', () => {
  beforeEach(() => vi.restoreAllMocks());

  it('checks the email before asking Rust, and shows the error next to the field', async () => {
    const firstRun = vi.fn();
    backend(firstRun);
    render(FirstRun);
    await fireEvent.input(screen.getByTestId('first-run-name'), { target: { value: 'Sofie' } });
    await fireEvent.input(screen.getByTestId('first-run-email'), {
      target: { value: 'sofie@' },
    });
    await fireEvent.click(screen.getByTestId('first-run-submit'));
    const error = await screen.findByTestId('field-error');
    expect(error.textContent).toContain("'sofie@' is not an email address");
    expect(screen.getByTestId('first-run-email').getAttribute('aria-invalid')).toBe('true');
    expect(firstRun).not.toHaveBeenCalled();
  });

  it('sends name, email, role and the demo size, and shows a Rust field error', async () => {
    const firstRun = vi.fn().mockResolvedValue({
      status: 'error',
      error: {
        code: 'invalid',
        message: 'That address is taken by another store.',
        field: 'email',
      },
    });
    backend(firstRun);
    render(FirstRun);
    await fireEvent.click(screen.getByTestId('first-run-manager'));
    await fireEvent.input(screen.getByTestId('first-run-name'), { target: { value: ' Sofie ' } });
    await fireEvent.input(screen.getByTestId('first-run-email'), {
      target: { value: 'sofie@stad.gent' },
    });
    await fireEvent.click(screen.getByTestId('first-run-submit'));
    await waitFor(() =>
      expect(firstRun).toHaveBeenCalledWith('Sofie', 'sofie@stad.gent', 'manager', 2000),
    );
    const error = await screen.findByText('That address is taken by another store.');
    expect(error.dataset.testid).toBe('field-error');
  });

  it('sends no demo size when the box is unticked', async () => {
    const firstRun = vi.fn().mockResolvedValue({ status: 'ok', data: status });
    backend(firstRun);
    render(FirstRun);
    await fireEvent.input(screen.getByTestId('first-run-name'), { target: { value: 'Jan' } });
    await fireEvent.input(screen.getByTestId('first-run-email'), {
      target: { value: 'jan@stad.gent' },
    });
    await fireEvent.click(screen.getByTestId('first-run-demo'));
    await fireEvent.click(screen.getByTestId('first-run-submit'));
    await waitFor(() =>
      expect(firstRun).toHaveBeenCalledWith('Jan', 'jan@stad.gent', 'networker', null),
    );
  });
});
