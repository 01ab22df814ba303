import { render, screen, waitFor } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import { setBackend, type Commands } from '../src/lib/api';
import StakeholderGrid from '../src/components/map/StakeholderGrid.svelte';

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
});
