// A toast goes by itself after a few seconds, but not while someone reads it: under the pointer
// or with the keyboard's focus on it, it stays, and goes on counting down once left (WCAG 2.2.1,
// timing adjustable).
import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { app } from '../src/lib/app.svelte';
import Toasts from '../src/components/Toasts.svelte';

beforeEach(() => {
  vi.useFakeTimers();
  render(Toasts);
});

afterEach(() => {
  for (const toast of app.toasts) app.dismiss(toast.id);
  vi.useRealTimers();
});

/** Lets the timers run `ms` and Svelte render what they changed. */
async function after(ms: number) {
  await vi.advanceTimersByTimeAsync(ms);
}

describe('toasts', () => {
  it('go by themselves after a few seconds', async () => {
    app.toast('Saved');
    await after(100);
    expect(screen.getByTestId('toast')).toHaveTextContent('Saved');
    await after(3500);
    expect(screen.queryByTestId('toast')).toBeNull();
  });

  it('stay while the pointer is on them and go once it has left', async () => {
    app.toast('Added 4 people from your contacts');
    await after(3000);
    await fireEvent.mouseEnter(screen.getByTestId('toast'));
    await after(20_000);
    expect(screen.getByTestId('toast')).toHaveTextContent('Added 4 people');
    await fireEvent.mouseLeave(screen.getByTestId('toast'));
    // At least a second more to move the eyes away, then gone.
    await after(900);
    expect(screen.queryByTestId('toast')).not.toBeNull();
    await after(200);
    expect(screen.queryByTestId('toast')).toBeNull();
  });

  it('stay while the keyboard is on their close button', async () => {
    app.toast('The disk is full: free some space and try again.', 'error');
    await after(100);
    const close = screen.getByRole('button', { name: 'Dismiss' });
    await fireEvent.focusIn(close);
    await after(30_000);
    expect(screen.getByTestId('toast')).toHaveTextContent('The disk is full');
    await fireEvent.focusOut(close);
    await after(7000);
    expect(screen.queryByTestId('toast')).toBeNull();
  });

  it('keep the newest three, which go in their time', async () => {
    for (const n of [1, 2, 3, 4]) app.toast(`Toast ${n}`);
    await after(100);
    expect(screen.getAllByTestId('toast').map((t) => t.textContent?.trim())).toEqual([
      'Toast 2',
      'Toast 3',
      'Toast 4',
    ]);
    await after(3500);
    expect(screen.queryByTestId('toast')).toBeNull();
  });

  it('stay while the keyboard is on them though the pointer crossed them and left', async () => {
    app.toast('Saved');
    await after(100);
    const close = screen.getByRole('button', { name: 'Dismiss' });
    await fireEvent.focusIn(close);
    await fireEvent.mouseEnter(screen.getByTestId('toast'));
    await fireEvent.mouseLeave(screen.getByTestId('toast'));
    await after(20_000);
    expect(screen.getByTestId('toast')).toHaveTextContent('Saved');
    await fireEvent.focusOut(close);
    await after(3500);
    expect(screen.queryByTestId('toast')).toBeNull();
  });
});
