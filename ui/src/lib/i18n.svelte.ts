// The language the app speaks, as reactive state: the one chosen in Settings (kept in the store,
// `Settings.language`), else the operating system's (`system_locale`, read once at start), else
// English. Paraglide's message functions read it through `overwriteGetLocale`, so a template that
// calls `m.some_key()` renders again in place when it changes: no reload, no re-mount, and what
// a form holds unsaved stays. Messages live in ui/messages/<area>/<locale>.json
// (docs/architecture.md, "Languages").
import { app } from './app.svelte';
import {
  baseLocale,
  locales,
  overwriteGetLocale,
  overwriteSetLocale,
  type Locale,
} from '../paraglide/runtime';

export type { Locale };

/** The languages on offer, each named in itself (the picker shows them so). */
export const LANGUAGES: { code: Locale; name: string }[] = [
  { code: 'nl', name: 'Nederlands' },
  { code: 'fr', name: 'Français' },
  { code: 'de', name: 'Deutsch' },
  { code: 'en', name: 'English' },
];

/** The `Intl` locale of each language: Belgian formats, British for English. */
export const INTL_LOCALES: Record<Locale, string> = {
  nl: 'nl-BE',
  fr: 'fr-BE',
  de: 'de-BE',
  en: 'en-GB',
};

/** The app's language for a BCP 47 tag or a POSIX locale ("nl-BE", "fr_BE.UTF-8", "de"). */
export function languageOf(tag: string | null | undefined): Locale | null {
  const primary = tag
    ?.trim()
    .toLowerCase()
    .split(/[-_.@]/)[0];
  return primary && (locales as readonly string[]).includes(primary) ? (primary as Locale) : null;
}

class Language {
  /** The operating system's language, once `detectSystemLanguage` has asked. */
  system = $state<Locale | null>(null);
  /** The language chosen in Settings, none to follow the system. */
  readonly chosen = $derived(languageOf(app.status?.settings.language));
  /** The language every message and format uses now. */
  readonly current: Locale = $derived(this.chosen ?? this.system ?? baseLocale);
  /** The `Intl` locale of `current`. */
  readonly intl = $derived(INTL_LOCALES[this.current]);
}

export const language = new Language();

overwriteGetLocale(() => language.current);
// Paraglide's own setLocale reloads the page; here a choice is a setting, saved by Settings.
overwriteSetLocale(() => {
  throw new Error('Change the language through Settings (setLanguage), not setLocale');
});

/** Asks the operating system once for its language (the start, before the first paint). */
export async function detectSystemLanguage(ask: () => Promise<string | null>): Promise<void> {
  try {
    language.system = languageOf(await ask());
  } catch {
    // No answer (the browser preview without its bridge): English, or what Settings say.
  }
}
