import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { api } from '../src/lib/api';
import { app } from '../src/lib/app.svelte';
import Today from '../src/screens/Today.svelte';
import App from '../src/App.svelte';
import { useGolden } from './golden';

// The window imports the map, whose drawing needs WebGL, which jsdom has not.
vi.mock('sigma', () => ({ default: class {} }));
vi.mock('sigma/rendering', () => ({ EdgeLineProgram: class {}, EdgeRectangleProgram: class {} }));
vi.mock('@sigma/export-image', () => ({ toBlob: () => null }));

// Events from the Rust side (a sync pass finished) are not commands the golden answers hold.
vi.mock('../src/lib/api', async (original) => ({
  ...(await original<typeof import('../src/lib/api')>()),
  onSyncFinished: () => Promise.resolve(() => {}),
}));

useGolden('networker');

describe('A networker’s partnership reminder', () => {
  it('opens the partnership to read, not Settings, and offers no review she cannot save', async () => {
    expect(app.status?.profile?.role).toBe('networker');
    const today = await api.today();
    const first = today.reviews_due[0];
    const { unmount } = render(Today);
    const row = (await screen.findAllByTestId('review-reminder'))[0];
    expect(within(row).queryByRole('button', { name: 'Review' })).toBeNull();
    await fireEvent.click(within(row).getByRole('button', { name: 'Open' }));
    expect(app.route).toBe('partnerships');
    expect(app.selectedPartnership).toBe(first.partnership.id);
    unmount();

    // The whole window: the main area shows that partnership, read-only.
    render(App);
    const detail = await screen.findByTestId('partnership-detail');
    expect(detail.textContent).toContain(first.partnership.name);
    expect(screen.queryByRole('heading', { name: 'Settings' })).toBeNull();
    expect(screen.getByTestId('partnership-read-only')).toBeVisible();
    expect(screen.queryByTestId('partnership-review')).toBeNull();
    expect(screen.queryByTestId('partnership-new')).toBeNull();
  });
});
