// Compiles the message catalogue (messages/<area>/<locale>.json, listed in
// project.inlang/settings.json) into typed message functions in src/paraglide/ with Paraglide JS.
// The output is generated, not committed: `npm run build`, `check`, `lint` and `test` run this
// first (npm's pre-scripts), and it does nothing when no message file changed since the last
// compile. `npm run dev` recompiles on every edit through Paraglide's Vite plugin.
// Usage: node scripts/i18n.mjs [--force]
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMPILER_OPTIONS } from './i18n-options.mjs';

const ui = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(ui, 'src/paraglide/.compiled');

/** The newest modification time among the catalogue's inputs. */
function newestInput() {
  let newest = statSync(join(ui, 'project.inlang/settings.json')).mtimeMs;
  const walk = (dir) => {
    // A folder's time changes when a file in it is added or removed.
    newest = Math.max(newest, statSync(dir).mtimeMs);
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  walk(join(ui, 'messages'));
  return newest;
}

const force = process.argv.includes('--force');
if (!force && existsSync(stamp) && statSync(stamp).mtimeMs >= newestInput()) process.exit(0);

process.chdir(ui);
// Imported only when there is work: loading the compiler takes a second.
const { compile } = await import('@inlang/paraglide-js');
await compile(COMPILER_OPTIONS);
writeFileSync(stamp, '');
console.log('[i18n] messages compiled into src/paraglide');
// The inlang SDK leaves work pending for half a minute after compiling; nothing of it is needed.
process.exit(0);
