// The app's languages: the catalogue is complete in all four, the language follows Settings,
// else the system, else English, switching re-renders in place (unsaved input survives), and
// numbers, dates and sorting follow it.
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { app } from '../src/lib/app.svelte';
import type { AppStatus, Settings as SettingsType } from '../src/lib/bindings';
import { formatDate, relativeDay } from '../src/lib/dates';
import { compareText, formatBytes, formatNumber, formatPercent } from '../src/lib/format';
import { detectSystemLanguage, language, languageOf } from '../src/lib/i18n.svelte';
import { m } from '../src/paraglide/messages';
import Settings from '../src/screens/Settings.svelte';
import { answering, ok, setUpStatus } from './ui';

function status(settings: SettingsType = { default_visibility: 'shared' }): AppStatus {
  return setUpStatus({ settings });
}

/** A backend whose saveSettings is `save`; every other command answers an empty success. */
function backend(save: (settings: SettingsType) => unknown) {
  answering({
    saveSettings: (settings: SettingsType) => {
      save(settings);
      return ok(null);
    },
    listBackups: () => ok([]),
  });
}

afterEach(() => {
  app.status = null;
  language.system = null;
});

describe('the language', () => {
  it('is the one chosen in Settings, else the system’s, else English', () => {
    expect(language.current).toBe('en');
    language.system = 'fr';
    expect(language.current).toBe('fr');
    app.status = status({ language: 'de' });
    expect(language.current).toBe('de');
    expect(language.intl).toBe('de-BE');
    app.status = status({ language: null });
    expect(language.current).toBe('fr');
    app.status = status({ language: 'tlh' });
    expect(language.current, 'a language Kring does not speak is ignored').toBe('fr');
  });

  it('reads the system’s locale in any spelling, and falls back to English without one', async () => {
    expect(languageOf('nl-BE')).toBe('nl');
    expect(languageOf('fr_BE.UTF-8')).toBe('fr');
    expect(languageOf('DE')).toBe('de');
    expect(languageOf('es-ES')).toBeNull();
    expect(languageOf('C')).toBeNull();
    await detectSystemLanguage(() => Promise.resolve('nl-BE'));
    expect(language.current).toBe('nl');
    await detectSystemLanguage(() => Promise.reject(new Error('no core')));
    expect(language.current).toBe('nl');
    await detectSystemLanguage(() => Promise.resolve(null));
    expect(language.current).toBe('en');
  });

  it('switches in Settings at once, saved in the settings, without losing what was typed', async () => {
    const saved: SettingsType[] = [];
    backend((s) => saved.push(s));
    app.status = status();
    render(Settings);
    const name = screen.getByLabelText('Name') as HTMLInputElement;
    await fireEvent.input(name, { target: { value: 'Sofie Unsaved' } });
    expect(screen.getByRole('heading', { name: 'Language' })).toBeInTheDocument();

    await fireEvent.click(screen.getByRole('radio', { name: 'Nederlands' }));
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Taal' })).toBeInTheDocument());
    expect(saved[saved.length - 1]).toMatchObject({ language: 'nl', default_visibility: 'shared' });
    expect(language.current).toBe('nl');
    expect(screen.getByLabelText('Naam'), 'the same field, not a new one').toBe(name);
    expect(name.value).toBe('Sofie Unsaved');
    expect(screen.getByRole('radio', { name: 'Nederlands' })).toBeChecked();

    await fireEvent.click(screen.getByTestId('language-system'));
    await waitFor(() =>
      expect(screen.getByRole('heading', { name: 'Language' })).toBeInTheDocument(),
    );
    expect(saved[saved.length - 1]).toMatchObject({ language: null });
    expect(name.value).toBe('Sofie Unsaved');
  });

  it('names each language in itself, whatever the language of the screen', () => {
    backend(() => {});
    app.status = status({ language: 'de' });
    render(Settings);
    for (const [name, lang] of [
      ['Nederlands', 'nl'],
      ['Français', 'fr'],
      ['Deutsch', 'de'],
      ['English', 'en'],
    ]) {
      expect(screen.getByRole('radio', { name }).closest('label')).toHaveAttribute('lang', lang);
    }
    expect(screen.getByRole('radio', { name: 'Wie das System (English)' })).toBeInTheDocument();
  });
});

describe('messages', () => {
  it('speak the current language', () => {
    app.status = status({ language: 'nl' });
    flushSync();
    expect(m.common_language()).toBe('Taal');
    app.status = status({ language: 'fr' });
    expect(m.common_language()).toBe('Langue');
  });
});

describe('formats', () => {
  const at = (lang: 'nl' | 'fr' | 'de' | 'en') => (app.status = status({ language: lang }));

  it('write numbers, percentages and sizes as each language does in Belgium', () => {
    at('nl');
    expect(formatNumber(1234.5)).toBe('1.234,5');
    expect(formatPercent(0.25)).toBe('25%');
    expect(formatBytes(1536)).toBe('1,5 KB');
    at('fr');
    expect(formatNumber(1234.5)).toMatch(/^1\s234,5$/u);
    expect(formatPercent(0.25)).toMatch(/^25\s%$/u);
    at('de');
    expect(formatNumber(1234.5)).toBe('1.234,5');
    at('en');
    expect(formatNumber(1234.5)).toBe('1,234.5');
    expect(formatBytes(1536)).toBe('1.5 KB');
  });

  it('write dates and relative days in the language', () => {
    const now = new Date(2026, 10, 23);
    at('nl');
    expect(formatDate('2026-11-23')).toBe('23 nov 2026');
    expect(relativeDay('2026-11-20', now)).toBe('3 dagen geleden');
    expect(relativeDay('2026-11-24', now)).toBe('morgen');
    expect(relativeDay('2026-12-07', now)).toBe('over 2 weken');
    at('fr');
    expect(relativeDay('2026-11-22', now)).toBe('hier');
    at('de');
    expect(formatDate('2026-11-23')).toBe('23. Nov. 2026');
    expect(relativeDay('2026-11-20', now)).toBe('vor 3 Tagen');
    at('en');
    expect(formatDate('2026-11-23')).toBe('23 Nov 2026');
    expect(relativeDay('2026-11-20', now)).toBe('3 days ago');
  });

  it('sorts with the language’s collation: accents beside their letter, numbers by value', () => {
    at('fr');
    const names = ['Zoë', 'Eva', 'Émile', 'apple', 'Team 10', 'Team 9'];
    expect([...names].sort(compareText)).toEqual([
      'apple',
      'Émile',
      'Eva',
      'Team 9',
      'Team 10',
      'Zoë',
    ]);
  });
});
