// Today's relationships going cold: how many in all, the coldest few with their last contact and
// a way to log one, and the way to all of them in Cards.
import { render, screen, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { app } from '../src/lib/app.svelte';
import type { RelationshipView, Today } from '../src/lib/bindings';
import TodayScreen from '../src/screens/Today.svelte';
import { relationship } from './ids';
import { answering, ok, setUpStatus } from './ui';

const cold = (n: number) => relationship(n, { cadence_days: 30, going_cold: true });

function today(going_cold: RelationshipView[], total: number) {
  app.status = setUpStatus();
  const answer: Today = {
    due: [],
    upcoming: [],
    going_cold,
    going_cold_total: total,
    reviews_due: [],
  };
  answering({ today: () => ok(answer), listConflicts: () => ok([]), listDuplicates: () => ok([]) });
}

afterEach(() => {
  app.status = null;
});

describe("Today's relationships going cold", () => {
  it('counts them all, lists the coldest with their last contact and links to the rest', async () => {
    today([cold(1), cold(2)], 40);
    render(TodayScreen);
    expect(await screen.findByTestId('today-going-cold-total')).toHaveTextContent('40');
    const section = screen.getByRole('region', { name: 'Going cold' });
    expect(within(section).getByText('Stakeholder 1')).toBeInTheDocument();
    expect(within(section).getAllByRole('listitem')).toHaveLength(2);
    expect(within(section).getAllByText(/Last contact/)).toHaveLength(2);
    expect(within(section).getByRole('button', { name: 'See all 40 in Cards' })).toBeVisible();
  });
});
