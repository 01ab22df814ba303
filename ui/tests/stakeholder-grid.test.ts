import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { setBackend, type Commands } from '../src/lib/api';
import type { GridRating, StakeholderGrid as StakeholderGridAnswer } from '../src/lib/bindings';
import StakeholderGrid from '../src/components/map/StakeholderGrid.svelte';
import { id } from './ids';
import { inLanguage } from './languages';

describe('The stakeholder grid', () => {
  it('fills in no theme for the person, and says how to choose one', async () => {
    const ok = <T>(data: T) => Promise.resolve({ status: 'ok' as const, data });
    const gridThemes = vi.fn(() =>
      ok([{ theme: 'Havenuitbreiding', stakeholders: 3, ratings: 5 }]),
    );
    const stakeholderGrid = vi.fn();
    setBackend({ commands: { gridThemes, stakeholderGrid } as unknown as Commands });
    render(StakeholderGrid);
    await waitFor(() => expect(gridThemes).toHaveBeenCalled());
    const input = screen.getByTestId('grid-theme') as HTMLInputElement;
    expect(input.value).toBe('');
    await waitFor(() =>
      expect(screen.getByTestId('grid-theme-needed')).toHaveTextContent(
        'Choose a theme already rated (1 so far',
      ),
    );
    expect(stakeholderGrid, 'no grid is read for a theme nobody chose').not.toHaveBeenCalled();
  });

  it('speaks Dutch: theme, axes, quadrants and every rating in words and Belgian numbers', async () => {
    const ok = <T>(data: T) => Promise.resolve({ status: 'ok' as const, data });
    const rating = (who: string, power: number, interest: number, mine: boolean): GridRating => ({
      id: id(`rating-${who}`),
      networker: { id: id(who), name: who },
      power,
      interest,
      note: null,
      rated_at: '2026-11-20T10:00:00Z',
      mine,
      conflicted: false,
    });
    const grid: StakeholderGridAnswer = {
      theme: 'Havenuitbreiding',
      stakeholders: [
        {
          stakeholder: { id: id('haven'), name: 'Havenbedrijf' },
          kind: 'organisation',
          ratings: [rating('An Peeters', 3, 4, true), rating('Bram De Smet', 4, 5, false)],
          power: { mean: 3.5, min: 3, max: 4, std_dev: 0.5 },
          interest: { mean: 4.5, min: 4, max: 5, std_dev: 0.5 },
        },
      ],
    };
    setBackend({
      commands: {
        gridThemes: vi.fn(() => ok([{ theme: 'Havenuitbreiding', stakeholders: 1, ratings: 2 }])),
        stakeholderGrid: vi.fn(() => ok(grid)),
      } as unknown as Commands,
    });
    await inLanguage('nl', async () => {
      render(StakeholderGrid);
      await waitFor(() =>
        expect(screen.getByTestId('grid-theme-needed')).toHaveTextContent(
          'Kies een thema dat al beoordeeld is (tot nu toe 1',
        ),
      );
      expect(screen.getByText('Strategisch thema')).toBeInTheDocument();
      expect(screen.getByText('Invloed →')).toBeInTheDocument();
      expect(screen.getByText('Belang →')).toBeInTheDocument();
      expect(screen.getByText('Tevreden houden')).toBeInTheDocument();
      expect(screen.queryByText('Strategic theme')).toBeNull();
      expect(screen.queryByText('Keep satisfied')).toBeNull();
      const cell = screen
        .getAllByTestId('grid-cell')
        .find((c) => c.dataset.power === '4' && c.dataset.interest === '5')!;
      expect(cell).toHaveAttribute('title', 'nauw betrekken: invloed 4, belang 5');
      expect(cell).toHaveAccessibleName('Invloed 4, belang 5 (selecteer eerst een stakeholder)');

      await fireEvent.change(screen.getByTestId('grid-theme'), {
        target: { value: 'Havenuitbreiding' },
      });
      const row = await screen.findByTestId('grid-stakeholder');
      expect(row).toHaveTextContent('2 beoordelingen · invloed 3–4, belang 4–5');
      await fireEvent.click(row);
      // The mean with a decimal comma, the advice for it, and the owner's own rating marked.
      expect(
        await screen.findByText(/gemiddelde invloed 3,5 \(sd 0,5\), belang 4,5/),
      ).toHaveTextContent('nauw betrekken');
      expect(screen.getByText('An Peeters (u): invloed 3, belang 4')).toBeInTheDocument();
    });
  });
});
