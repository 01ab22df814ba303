// The keyboard help: each shortcut's keys, joined by "+" when pressed together and by "/" when
// they are alternatives, beside what they do; the screens' own shortcuts in a second list.
import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import HelpOverlay from '../src/components/HelpOverlay.svelte';

describe('The keyboard help', () => {
  it('joins keys pressed together with + and alternatives with /, and lists the screens', () => {
    render(HelpOverlay, { onclose: () => {} });
    const lines = [...document.querySelectorAll('dt')].map((dt) => dt.textContent?.trim());
    expect(lines).toContain('↑/↓');
    expect(lines.some((line) => /^(Ctrl|⌘)\+K$/.test(line ?? ''))).toBe(true);
    const screens = screen.getByTestId('screen-shortcuts');
    expect(screens.querySelectorAll('dt').length).toBeGreaterThan(3);
    expect(screens.querySelectorAll('dd')[0].textContent).not.toBe('');
  });
});
