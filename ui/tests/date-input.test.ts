// The app's own date field: a day is typed and shown in the order of the language chosen in
// Kring (day first in Belgium), not of the operating system, and a change of language rewrites
// it at once; the value it binds is always YYYY-MM-DD (with the hour: YYYY-MM-DDTHH:MM).
import { fireEvent, render, screen } from '@testing-library/svelte';
import { flushSync } from 'svelte';
import { afterEach, describe, expect, it } from 'vitest';
import DateInput from '../src/components/DateInput.svelte';
import { language } from '../src/lib/i18n.svelte';
import type { Locale } from './languages';

afterEach(() => {
  language.system = null;
});

/** The date field in a system of `system`'s language; `seen`: every value it passed on. */
function field(system: Locale, props: Record<string, unknown>) {
  language.system = system;
  const seen: string[] = [];
  render(DateInput, {
    props: { id: 'd', testid: 'd', onchange: (v: string) => seen.push(v), ...props },
  });
  return { box: screen.getByTestId('d') as HTMLInputElement, seen };
}

/** Types `text` into the box and leaves it, as a person does (the field reads it on change). */
async function typeDay(box: HTMLInputElement, text: string) {
  await fireEvent.input(box, { target: { value: text } });
  await fireEvent.change(box);
}

describe('DateInput', () => {
  it('reads figures typed in Dutch day first and shows a day it was given day first', async () => {
    const { box, seen } = field('nl', { value: '2026-03-01' });
    expect(box.value).toBe('1/3/2026');
    await typeDay(box, '5/12/2026');
    expect(seen).toEqual(['2026-12-05']);
    expect(box.value).toBe('5/12/2026');
  });

  it('reads the same figures month first in no language of Kring but follows the chosen one', async () => {
    const { box, seen } = field('en', { value: '' });
    await typeDay(box, '5/12/2026');
    // British English writes the day first too: never the operating system's 12/5.
    expect(seen).toEqual(['2026-12-05']);
  });

  it('rewrites the day in the new order when the language changes', () => {
    const { box } = field('de', { value: '2026-12-05' });
    expect(box.value).toBe('5.12.2026');
    language.system = 'fr';
    flushSync();
    expect(box.value).toBe('05/12/2026');
  });

  it('passes on what it cannot read, so that the save names the mistake', async () => {
    const { box, seen } = field('fr', { value: '' });
    await typeDay(box, '31/02/2026');
    expect(seen).toEqual(['31/02/2026']);
    expect(box.placeholder).toMatch(/^05\/12\/\d{4}$/);
  });

  it('with the hour, a day and a 24-hour time make a local moment, and a whole moment fills both boxes', async () => {
    const { box, seen } = field('nl', { value: '2026-12-05T09:30', time: true });
    const hour = screen.getByTestId('d-hour') as HTMLInputElement;
    expect([box.value, hour.value]).toEqual(['5/12/2026', '09:30']);
    await fireEvent.input(hour, { target: { value: '14:05' } });
    await fireEvent.change(hour);
    expect(seen[seen.length - 1]).toBe('2026-12-05T14:05');
    await typeDay(box, '2099-12-31T10:00');
    expect(seen[seen.length - 1]).toBe('2099-12-31T10:00');
    expect([box.value, hour.value]).toEqual(['31/12/2099', '10:00']);
  });

  it('reads a day in words in the language', async () => {
    const { box, seen } = field('nl', { value: '' });
    await typeDay(box, 'morgen');
    const tomorrow = new Date();
    tomorrow.setDate(tomorrow.getDate() + 1);
    const iso = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, '0')}-${String(tomorrow.getDate()).padStart(2, '0')}`;
    expect(seen).toEqual([iso]);
  });
});
