// The question before a step that cannot be taken back: Cancel first and focused, the red confirm
// button waiting (and saying so) while busy, Esc cancelling.
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import ConfirmDialog from './harness/ConfirmHarness.svelte';

describe('a confirm dialog', () => {
  it('opens with the focus on Cancel, so Enter does not confirm by accident', async () => {
    render(ConfirmDialog);
    const cancel = screen.getByTestId('harness-cancel');
    await waitFor(() => expect(document.activeElement).toBe(cancel));
    expect(cancel.textContent).toBe('Cancel');
    expect(cancel.className).toBe('btn');
    expect(screen.getByRole('dialog')).toHaveAttribute('aria-modal', 'true');
  });

  it('confirms with the red button and cancels with Cancel or Esc', async () => {
    const onconfirm = vi.fn();
    const onclose = vi.fn();
    render(ConfirmDialog, { onconfirm, onclose });
    const confirm = screen.getByTestId('harness-confirm');
    expect(confirm.className).toBe('btn danger solid');
    expect(confirm.textContent).toBe('Delete card');
    await fireEvent.click(confirm);
    expect(onconfirm).toHaveBeenCalledTimes(1);
    await fireEvent.click(screen.getByTestId('harness-cancel'));
    await fireEvent.keyDown(window, { key: 'Escape' });
    expect(onclose).toHaveBeenCalledTimes(2);
    expect(onconfirm).toHaveBeenCalledTimes(1);
  });

  it('waits while busy and says the busy text when it has one', async () => {
    render(ConfirmDialog, { busy: true, busyLabel: 'Deleting…' });
    const confirm = screen.getByTestId('harness-confirm');
    expect(confirm).toBeDisabled();
    expect(confirm.textContent).toBe('Deleting…');
    // What is under way cannot be cancelled halfway: Cancel waits too.
    expect(screen.getByTestId('harness-cancel')).toBeDisabled();
  });

  it('keeps its label while busy without a busy text, and takes another word for Cancel', () => {
    render(ConfirmDialog, { busy: true, cancelLabel: 'Keep it' });
    expect(screen.getByTestId('harness-confirm')).toBeDisabled();
    expect(screen.getByTestId('harness-confirm').textContent).toBe('Delete card');
    expect(screen.getByTestId('harness-cancel').textContent).toBe('Keep it');
  });
});
