// A card row's second line: an organisation's sector and level arrive from the core as codes
// ("business · local") and must be named in the language; a person's job title is the user's
// own text and must stay as written.
import { afterEach, describe, expect, it } from 'vitest';
import { rowDetail } from '../src/lib/card-labels';
import { language } from '../src/lib/i18n.svelte';

afterEach(() => {
  language.system = null;
});

describe('rowDetail', () => {
  it('names an organisation’s sector and level in Dutch, not as codes', () => {
    language.system = 'nl';
    const shown = rowDetail('organisation', 'business · local');
    expect(shown).not.toContain('business');
    expect(shown).not.toContain('local');
    expect(shown.split(' · ')).toHaveLength(2);
  });

  it('keeps a person’s job title as the user wrote it', () => {
    language.system = 'nl';
    expect(rowDetail('person', 'head of public affairs')).toBe('head of public affairs');
  });

  it('shows a code it does not know as it is', () => {
    expect(rowDetail('organisation', 'galactic')).toBe('galactic');
  });
});
