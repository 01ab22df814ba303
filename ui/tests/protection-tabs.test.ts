// The Data protection screen's tabs of records (erasures, access requests, processing log): each
// says there is nothing yet in its own words, and why it could not be read, with Try again.
import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { app } from '../src/lib/app.svelte';
import DataProtection from '../src/screens/DataProtection.svelte';
import { answering, ok, setUpStatus } from './ui';

afterEach(() => {
  app.status = null;
});

describe('The Data protection tabs of records', () => {
  it('each say in their own words that there is nothing yet', async () => {
    app.status = setUpStatus();
    answering({
      listErasures: () => ok([]),
      listAccessRequests: () => ok([]),
      processingLog: () => ok([]),
    });
    render(DataProtection);
    await fireEvent.click(screen.getByTestId('protection-tab-erasures'));
    expect(await screen.findByRole('heading', { name: 'No one was erased' })).toBeVisible();
    expect(screen.getByText(/A person is forgotten from their card/)).toBeVisible();
    await fireEvent.click(screen.getByTestId('protection-tab-requests'));
    expect(await screen.findByRole('heading', { name: 'No access requests' })).toBeVisible();
    expect(screen.getByText(/Raise one from the person’s card/)).toBeVisible();
    await fireEvent.click(screen.getByTestId('protection-tab-log'));
    expect(await screen.findByRole('heading', { name: 'Nothing logged yet' })).toBeVisible();
  });

  it('says why the log could not be read and offers Try again', async () => {
    app.status = setUpStatus();
    answering({
      processingLog: () =>
        Promise.resolve({ status: 'error', error: { code: 'io', message: 'Disk gone.' } }),
    });
    render(DataProtection);
    await fireEvent.click(screen.getByTestId('protection-tab-log'));
    expect(
      await screen.findByRole('heading', { name: 'The processing log could not be read' }),
    ).toBeVisible();
    expect(screen.getByText('Disk gone.')).toBeVisible();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeVisible();
  });
});
