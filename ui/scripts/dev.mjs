// `npm run dev`: the browser preview on the real core. Builds and starts the development bridge
// (crates/kring-dev-bridge) with a random token, then Vite, which passes the page's commands to
// the bridge (`/kring-bridge`, vite.config.ts) and hands the page the token
// (VITE_KRING_BRIDGE_TOKEN). The bridge listens on 127.0.0.1 only, refuses requests without the
// token, and removes its demo stores when this script ends. Arguments go to Vite.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const target = process.env.CARGO_TARGET_DIR ?? join(root, 'target');
const say = (text) => console.log(`\x1b[1m[dev]\x1b[0m ${text}`);

say('building the development bridge (cargo build -p kring-dev-bridge)');
execFileSync('cargo', ['build', '--quiet', '-p', 'kring-dev-bridge'], {
  cwd: root,
  stdio: 'inherit',
});

const token = randomBytes(32).toString('hex');
// Its own process group: Ctrl+C reaches this script, which then closes the bridge's input.
const bridge = spawn(join(target, 'debug', 'kring-dev-bridge'), [], {
  env: { ...process.env, KRING_BRIDGE_TOKEN: token },
  stdio: ['pipe', 'pipe', 'inherit'],
  detached: true,
});
bridge.on('exit', (code) => {
  if (code) {
    console.error(`[dev] the bridge stopped (exit ${code})`);
    process.exit(1);
  }
});

const line = await new Promise((resolve) =>
  createInterface({ input: bridge.stdout }).once('line', resolve),
);
const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(line)?.[1];
if (!url) {
  console.error(`[dev] the bridge said: ${line}`);
  process.exit(1);
}
say(`the real core answers through ${url} (demo stores made on first use)`);

const vite = spawn(join(root, 'ui', 'node_modules', '.bin', 'vite'), process.argv.slice(2), {
  cwd: join(root, 'ui'),
  env: { ...process.env, KRING_BRIDGE_URL: url, VITE_KRING_BRIDGE_TOKEN: token },
  stdio: 'inherit',
});
const stop = () => {
  bridge.stdin.end();
  vite.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
vite.on('exit', (code) => {
  bridge.stdin.end();
  process.exit(code ?? 0);
});
