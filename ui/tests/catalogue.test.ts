// The message catalogue (messages/<area>/<locale>.json): every language holds exactly English's
// keys, with the same placeholders; every key is used somewhere in src/; the project settings
// list exactly the areas on disk; and the untranslated-text check finds what it must.
import { describe, expect, it } from 'vitest';
import { findRawText } from '../scripts/raw-text.mjs';
import settings from '../project.inlang/settings.json';
import todoList from '../i18n-untranslated.txt?raw';

const LOCALES = ['en', 'nl', 'fr', 'de'];
type Message = string | { declarations?: string[]; match: Record<string, string> }[];
type Catalogue = Record<string, Message>;

/** Every message file, by its path under ui/ ("../messages/today/nl.json"). */
const files = import.meta.glob<Catalogue>('../messages/*/*.json', {
  eager: true,
  import: 'default',
});
const areas = [...new Set(Object.keys(files).map((path) => path.split('/')[2]))].sort();
const read = (area: string, locale: string): Catalogue => {
  const messages = { ...files[`../messages/${area}/${locale}.json`] };
  delete messages.$schema;
  return messages;
};
/** Every source file's text (the compiled catalogue left out). */
const sources = import.meta.glob<string>(['../src/**/*.{svelte,ts}', '!../src/paraglide/**'], {
  eager: true,
  query: '?raw',
  import: 'default',
});

/** The variables a message uses, in every variant: {name}. */
function placeholders(message: Message): string[] {
  const texts =
    typeof message === 'string' ? [message] : message.flatMap((v) => Object.values(v.match));
  const names = new Set<string>();
  for (const text of texts) for (const [, name] of text.matchAll(/\{(\w+)\}/g)) names.add(name);
  return [...names].sort();
}

describe('the message catalogue', () => {
  it('is read from every area folder, and only from those, in the four languages', () => {
    expect(settings.baseLocale).toBe('en');
    expect([...settings.locales].sort()).toEqual([...LOCALES].sort());
    const patterns = settings['plugin.inlang.messageFormat'].pathPattern;
    expect([...patterns].sort()).toEqual(areas.map((a) => `./messages/${a}/{locale}.json`));
    for (const area of areas) {
      const inArea = Object.keys(files).filter((path) => path.split('/')[2] === area);
      expect(inArea.sort(), area).toEqual(
        LOCALES.map((l) => `../messages/${area}/${l}.json`).sort(),
      );
    }
  });

  it('has in every language exactly the keys of English, with the same placeholders', () => {
    const problems: string[] = [];
    for (const area of areas) {
      const en = read(area, 'en');
      for (const locale of LOCALES) {
        const messages = read(area, locale);
        for (const key of Object.keys(en))
          if (!(key in messages)) problems.push(`${area}/${locale}.json lacks ${key}`);
        for (const [key, message] of Object.entries(messages)) {
          if (!(key in en))
            problems.push(`${area}/${locale}.json has ${key}, which en.json has not`);
          else if (placeholders(message).join() !== placeholders(en[key]).join())
            problems.push(
              `${area}/${locale}.json: ${key} uses {${placeholders(message)}}, English {${placeholders(en[key])}}`,
            );
          if (typeof message === 'string' && message.trim() === '')
            problems.push(`${area}/${locale}.json: ${key} is empty`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('names each key after its area, so two areas never hold one key', () => {
    const problems: string[] = [];
    for (const area of areas) {
      const prefix = `${area.replace(/-/g, '_')}_`;
      for (const key of Object.keys(read(area, 'en')))
        if (!key.startsWith(prefix) || !/^[a-z][a-z0-9_]*$/.test(key))
          problems.push(`${area}: ${key} should be ${prefix}… in lower case and underscores`);
    }
    expect(problems).toEqual([]);
  });

  it('holds no key that nothing in src/ uses', () => {
    const code = Object.values(sources).join('\n');
    const used = new Set([...code.matchAll(/\bm\.(\w+)/g)].map((match) => match[1]));
    const unused = areas.flatMap((area) =>
      Object.keys(read(area, 'en')).filter((key) => !used.has(key)),
    );
    expect(unused).toEqual([]);
  });
});

describe('the untranslated-text check', () => {
  it('finds words in text, in user-facing attributes and in what an expression shows', () => {
    const found = findRawText(`<script>let busy = $state(false); let n = 2;</script>
<h1>Settings</h1>
<button title="Save the card" class="btn primary" data-testid="save-button">{busy ? 'Saving…' : m.x()}</button>
<input placeholder={\`\${n} cards\`} aria-label={n > 1 ? m.y() : 'One card'} />
{#if busy}<p>Wait</p>{:else}<Page title="Today" />{/if}`);
    expect(found.map(([, , what, text]) => `${what}: ${text}`)).toEqual([
      'text: Settings',
      'title: Save the card',
      'text: Saving…',
      'placeholder: cards',
      'aria-label: One card',
      'text: Wait',
      'title: Today',
    ]);
  });

  it('passes messages, names Kring keeps in every language, comparisons and text without letters', () => {
    const found = findRawText(`<script>let role = 'manager';</script>
<h1>{m.settings_title()}</h1>
<p class="muted">{role === 'manager' ? m.a() : m.b()} · 42 — Kring</p>
<kbd>Ctrl</kbd>+<kbd>L</kbd>
<Icon name="close" /><div role="radiogroup" lang="nl"></div>
<style>p { content: 'words'; }</style>`);
    expect(found).toEqual([]);
  });

  it('skips only files that exist (the check itself fails on a stale entry)', () => {
    const svelteFiles = new Set(Object.keys(sources).map((path) => path.replace(/^\.\.\//, '')));
    const listed = todoList
      .split('\n')
      .map((line) => line.replace(/#.*/, '').trim())
      .filter(Boolean);
    expect(listed.filter((path) => !svelteFiles.has(path))).toEqual([]);
  });
});
