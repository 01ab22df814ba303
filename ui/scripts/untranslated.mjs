// The untranslated-text check: fails on words a person would read that a .svelte file writes
// itself instead of taking from the message catalogue (messages/<area>/<locale>.json). It parses
// every template with svelte/compiler and looks at
//   - text between tags ("<h1>Settings</h1>"),
//   - the user-facing attributes and props in USER_FACING ("title", "aria-label", "placeholder",
//     "label", …), whether written as text or as an expression,
//   - string literals an expression puts on screen ({busy ? 'Saving…' : 'Save'}, {`${n} cards`}):
//     the whole expression, both sides of a ?: or ??/||/&&, a + of texts, a template's text.
// Text with no letter ("·", "—", "42") passes, and so do the words of ALLOWED (names and keys
// that are the same in every language).
//
// Files still to translate are listed in i18n-untranslated.txt (one path under ui/ a line): the
// check skips them, and fails when a listed file has no raw text any more (take it off the list)
// or does not exist, so the list only shrinks and any new raw text elsewhere fails at once.
//
// Usage: node scripts/untranslated.mjs [file.svelte ...]   (no argument: every file under src/)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findRawText } from './raw-text.mjs';

const ui = join(dirname(fileURLToPath(import.meta.url)), '..');
const TODO_FILE = 'i18n-untranslated.txt';

function svelteFiles(dir) {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...svelteFiles(path));
    else if (entry.name.endsWith('.svelte')) out.push(path);
  }
  return out.sort();
}

/** The files still to translate, from i18n-untranslated.txt (paths under ui/). */
function untranslatedList() {
  return readFileSync(join(ui, TODO_FILE), 'utf8')
    .split('\n')
    .map((line) => line.replace(/#.*/, '').trim())
    .filter(Boolean);
}

function main() {
  const todo = untranslatedList();
  const problems = [];
  for (const listed of todo) {
    if (!existsSync(join(ui, listed))) problems.push(`${TODO_FILE}: ${listed} does not exist`);
  }
  const given = process.argv.slice(2);
  const files = given.length
    ? given.map((f) => join(process.cwd(), f))
    : svelteFiles(join(ui, 'src'));
  let raw = 0;
  let checked = 0;
  for (const file of files) {
    const path = relative(ui, file);
    const found = findRawText(readFileSync(file, 'utf8'));
    if (todo.includes(path)) {
      if (found.length === 0)
        problems.push(`${path} has no untranslated text any more: take it off ${TODO_FILE}`);
      continue;
    }
    checked++;
    for (const [line, column, what, text] of found) {
      raw++;
      problems.push(`${path}:${line}:${column}: untranslated ${what}: "${text}"`);
    }
  }
  if (problems.length) {
    for (const p of problems) console.error(p);
    if (raw)
      console.error(
        `\n${raw} text(s) a person reads are written in the template: put each in the catalogue ` +
          `(messages/<area>/<locale>.json, all four languages) and call m.<key>() ` +
          `(docs/architecture.md, "Languages").`,
      );
    // exitCode, not exit(): exit() drops what is still to be written to a pipe.
    process.exitCode = 1;
    return;
  }
  console.log(
    `[untranslated] ${checked} .svelte files checked, no raw text; ` +
      `${todo.length} still to translate (${TODO_FILE})`,
  );
}

main();
