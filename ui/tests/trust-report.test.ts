import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { app } from '../src/lib/app.svelte';
import type { HeldBundle, RecordId, RefusedWrite } from '../src/lib/bindings';
import TrustReport from '../src/components/TrustReport.svelte';
import { englishAfterEach, speakAsSystem } from './languages';

// The shapes of `ImportReport.held` and `.refused` as the core fills them (see
// crates/kring-core/tests/trust.rs for the imports that produce them).
const stranger: HeldBundle = {
  path: '/sync/kring-delta-a.kring',
  author: 'Mallory',
  email: 'mallory@example.org',
  node: '0123456789abcdef',
  fingerprint: 'ABCD EF01 2345 6789',
  reason: 'signed by a store that is not on the roster',
};
const refused = (n: number): RefusedWrite => ({
  record: `0190a0b0-0000-7000-8000-00000000000${n}` as RecordId,
  kind: 'goal',
  field: 'name',
  writer: 'Pieter Rousseau',
  reason: 'only a Manager of the Network can change goals',
  code: 'managers_only',
});

describe('TrustReport', () => {
  englishAfterEach();

  it('names each store whose files were held once, with its fingerprint, and leads to Members', async () => {
    render(TrustReport, {
      held: [stranger, { ...stranger, path: '/sync/kring-delta-b.kring' }],
      refused: [],
      refusedTotal: 0,
    });
    const held = screen.getByTestId('held-bundles');
    expect(held.textContent).toMatch(/2 files not merged/);
    expect(within(held).getAllByRole('listitem')).toHaveLength(1);
    expect(held.textContent).toContain('ABCD EF01 2345 6789');
    expect(screen.queryByTestId('refused-writes')).not.toBeInTheDocument();
    await fireEvent.click(screen.getByTestId('held-open-members'));
    expect(app.route).toBe('members');
  });

  it('counts every refused change and says how many are not listed', () => {
    render(TrustReport, { held: [], refused: [refused(1), refused(2)], refusedTotal: 250 });
    const box = screen.getByTestId('refused-writes');
    expect(box.textContent).toMatch(/250 changes refused/);
    expect(screen.getAllByTestId('refused-write')).toHaveLength(2);
    expect(box.textContent).toMatch(/And 248 more/);
    expect(screen.queryByTestId('held-bundles')).not.toBeInTheDocument();
  });

  it("names a refused write's field by its label in the reader's language, and an unknown one by its code", () => {
    const writes = [
      { ...refused(1), kind: 'person' as const, field: 'job_title' },
      { ...refused(2), kind: 'person' as const, field: 'shoe_size' },
    ];
    render(TrustReport, { held: [], refused: writes, refusedTotal: 2 });
    const [title, unknown] = screen.getAllByTestId('refused-write');
    expect(title.textContent).toContain('Job title');
    expect(title.textContent).not.toContain('job_title');
    expect(unknown.textContent).toContain('shoe size');
  });

  it("names a refused write's field in Dutch for a Dutch reader", () => {
    speakAsSystem('nl');
    render(TrustReport, {
      held: [],
      refused: [{ ...refused(1), kind: 'person', field: 'job_title' }],
      refusedTotal: 1,
    });
    const row = screen.getByTestId('refused-write');
    expect(row.textContent).toContain('Functietitel');
    expect(row.textContent).not.toContain('job_title');
  });

  it("names a relationship's, a follow-up's and a goal's refused fields by their labels, by kind", () => {
    speakAsSystem('nl');
    render(TrustReport, {
      held: [],
      refused: [
        { ...refused(1), kind: 'relationship', field: 'strength' },
        { ...refused(2), kind: 'relationship', field: 'cadence_days' },
        { ...refused(3), kind: 'follow_up', field: 'due' },
        { ...refused(4), kind: 'goal', field: 'until' },
        // The same code in another kind says something else.
        { ...refused(5), kind: 'link', field: 'kind' },
        { ...refused(6), kind: 'event', field: 'kind' },
      ],
      refusedTotal: 6,
    });
    const fields = screen
      .getAllByTestId('refused-write')
      .map((row) => row.querySelectorAll('td')[2].textContent);
    expect(fields).toEqual([
      'Sterkte',
      'Contactritme',
      'Vervaldatum',
      'Tot',
      'Soort koppeling',
      'Soort',
    ]);
  });

  it('shows nothing for an import that held and refused nothing', () => {
    const { container } = render(TrustReport, { held: [], refused: [], refusedTotal: 0 });
    expect(container.textContent?.trim()).toBe('');
  });
});
