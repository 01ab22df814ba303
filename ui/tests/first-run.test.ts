import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { setBackend, type Commands } from '../src/lib/api';
import FirstRun from '../src/components/FirstRun.svelte';
import { setUpStatus, typeInto } from './ui';

const status = setUpStatus();

function backend(
  firstRun: (...args: unknown[]) => unknown,
  openDemo: (...args: unknown[]) => unknown = vi.fn(),
) {
  const ok = <T>(data: T) => Promise.resolve({ status: 'ok' as const, data });
  setBackend({
    commands: {
      firstRun,
      openDemo,
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
    await typeInto('first-run-name', 'Sofie');
    await typeInto('first-run-email', 'sofie@');
    await fireEvent.click(screen.getByTestId('first-run-submit'));
    const error = await screen.findByTestId('field-error');
    expect(error.textContent).toContain("'sofie@' is not an email address");
    expect(screen.getByTestId('first-run-email').getAttribute('aria-invalid')).toBe('true');
    expect(firstRun).not.toHaveBeenCalled();
  });

  it('sends name, email and role, and shows a Rust field error', async () => {
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
    await typeInto('first-run-name', ' Sofie ');
    await typeInto('first-run-email', 'sofie@stad.gent');
    await fireEvent.click(screen.getByTestId('first-run-submit'));
    await waitFor(() =>
      expect(firstRun).toHaveBeenCalledWith('Sofie', 'sofie@stad.gent', 'manager'),
    );
    const error = await screen.findByText('That address is taken by another store.');
    expect(error.dataset.testid).toBe('field-error');
  });

  it('offers the demo to a networker without ticking it, and sets up only her own store', async () => {
    const firstRun = vi.fn().mockResolvedValue({ status: 'ok', data: status });
    const openDemo = vi.fn();
    backend(firstRun, openDemo);
    render(FirstRun);
    const box = screen.getByTestId('first-run-demo') as HTMLInputElement;
    expect(box.checked).toBe(false);
    await fireEvent.click(screen.getByTestId('first-run-manager'));
    expect(box.checked, 'a manager is offered it ticked').toBe(true);
    await fireEvent.click(screen.getByTestId('first-run-networker'));
    expect(box.checked).toBe(false);
    await typeInto('first-run-name', 'Jan');
    await typeInto('first-run-email', 'jan@stad.gent');
    await fireEvent.click(screen.getByTestId('first-run-submit'));
    await waitFor(() => expect(firstRun).toHaveBeenCalledWith('Jan', 'jan@stad.gent', 'networker'));
    expect(openDemo).not.toHaveBeenCalled();
  });

  it('opens the demo in its sandbox after setting up the store when the box is ticked', async () => {
    const firstRun = vi.fn().mockResolvedValue({ status: 'ok', data: status });
    const openDemo = vi
      .fn()
      .mockResolvedValue({ status: 'ok', data: { ...status, demo: true, sandbox: true } });
    backend(firstRun, openDemo);
    render(FirstRun);
    await fireEvent.click(screen.getByTestId('first-run-demo'));
    await typeInto('first-run-name', 'Jan');
    await typeInto('first-run-email', 'jan@stad.gent');
    await fireEvent.click(screen.getByTestId('first-run-submit'));
    await waitFor(() => expect(openDemo).toHaveBeenCalledWith(2000));
    expect(firstRun).toHaveBeenCalledWith('Jan', 'jan@stad.gent', 'networker');
    expect(firstRun.mock.invocationCallOrder[0]).toBeLessThan(openDemo.mock.invocationCallOrder[0]);
  });
});
