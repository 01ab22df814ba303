// Helpers for the tests that render a screen in another language: choose the language as
// Settings (or the system) does, answer a few commands, list every text a person reads or hears,
// and list the English texts of an area that another language writes differently (none of which
// may be on screen in that language).
import { render, screen } from '@testing-library/svelte';
import { flushSync, type Component } from 'svelte';
import { afterEach, expect } from 'vitest';
import { setBackend, type Commands } from '../src/lib/api';
import { app } from '../src/lib/app.svelte';
import { language as current } from '../src/lib/i18n.svelte';

export type Locale = 'nl' | 'fr' | 'de' | 'en';
type Catalogue = Record<string, unknown>;

/** Chooses the language as Settings does: in the store's settings, read by `language`. */
export function speak(language: Locale) {
  app.status = { ...app.status!, settings: { ...app.status!.settings, language } };
  flushSync();
}

/**
 * Speaks `locale` as a system in that language does, with no choice in Settings: it needs no
 * status, and the core's fresh status after a write (which holds no language) keeps it. Pair it
 * with `englishAfterEach`.
 */
export function speakAsSystem(locale: Locale) {
  current.system = locale;
  flushSync();
}

/** Renders a screen as a system in `locale` shows it; its heading must be `title`, in that language. */
export function renderSpeaking(locale: Locale, view: Component, title: string) {
  speakAsSystem(locale);
  render(view);
  expect(screen.getByRole('heading', { name: title })).toBeInTheDocument();
}

/** Every test of the file ends in English again (after `speakAsSystem`). */
export function englishAfterEach() {
  afterEach(() => {
    current.system = null;
  });
}

/** A backend whose named commands answer these values; any other command is not there. */
export function answering(answers: Record<string, unknown>) {
  const commands = Object.fromEntries(
    Object.entries(answers).map(([name, data]) => [
      name,
      () => Promise.resolve({ status: 'ok' as const, data }),
    ]),
  );
  setBackend({ commands: commands as unknown as Commands });
}

/**
 * The area's English texts (`en`, placeholders left out) that the language `other` writes
 * differently: none of them may be on screen once the screen speaks `other`.
 */
export function englishOnly(en: Catalogue, other: Catalogue): string[] {
  return Object.entries(en)
    .filter(([key, text]) => key !== '$schema' && typeof text === 'string' && !text.includes('{'))
    .filter(([key, text]) => other[key] !== text)
    .map(([, text]) => text as string);
}

/** Every text a person reads or hears on screen: each element's own text and its labels. */
export function shownTexts(root: HTMLElement): Set<string> {
  const texts = new Set<string>();
  for (const el of [root, ...root.querySelectorAll<HTMLElement>('*')]) {
    const own = [...el.childNodes]
      .filter((n) => n.nodeType === Node.TEXT_NODE)
      .map((n) => n.textContent ?? '')
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim();
    if (own) texts.add(own);
    for (const attribute of ['title', 'aria-label', 'placeholder']) {
      const value = el.getAttribute(attribute);
      if (value) texts.add(value.trim());
    }
  }
  return texts;
}

/**
 * Runs part of a test in `locale` as a system set to it would, with or without a store open
 * (`language.system`, what the app falls back to when Settings choose none), and puts the
 * system's language back afterwards.
 */
export async function inLanguage(locale: Locale, run: () => unknown): Promise<void> {
  const before = current.system;
  current.system = locale;
  try {
    await run();
  } finally {
    current.system = before;
  }
}
