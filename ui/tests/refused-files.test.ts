// The Members screen's refused changes (RefusedFiles): a line while nothing was refused, else each
// import's refusals, when and from whom, opening to the writes (each field by its label) and why
// each was refused.
import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import type { Refusals } from '../src/lib/bindings';
import RefusedFiles from '../src/components/RefusedFiles.svelte';
import { id } from './ids';

const REFUSAL: Refusals = {
  at: '2026-11-23T10:15:00Z',
  from: ['Koen Peeters'],
  total: 2,
  writes: [
    {
      record: id('goal-1'),
      kind: 'goal',
      field: 'name',
      writer: 'Koen Peeters',
      reason: 'only a Manager of the Network may change a goal',
      code: 'managers_only',
    },
  ],
};

describe('The refused changes on Members', () => {
  it('say that nothing was refused while no import refused a change', () => {
    render(RefusedFiles, { refusals: [] });
    const section = screen.getByTestId('members-refusals');
    expect(within(section).getByRole('heading', { name: 'Refused changes' })).toBeVisible();
    expect(section.textContent).toContain('No import has refused a change.');
    expect(screen.queryByTestId('refusal')).toBeNull();
  });

  it('count each import’s refused changes, name where they came from and list why', () => {
    render(RefusedFiles, { refusals: [REFUSAL] });
    const refusal = screen.getByTestId('refusal');
    expect(refusal.querySelector('summary')!.textContent).toMatch(
      /· 2 changes refused in files from Koen Peeters$/,
    );
    const cells = [...refusal.querySelectorAll('td')].map((cell) => cell.textContent);
    expect(cells).toEqual([
      'Koen Peeters',
      'goal',
      'Name',
      'only a Manager of the Network may change a goal',
    ]);
  });
});
