import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { COMPILER_OPTIONS } from './scripts/i18n-options.mjs';

// Set by scripts/dev.mjs (npm run dev): where the development bridge listens. (Read through
// globalThis: this config is type-checked with the page's types, which have no Node.)
const bridge = (globalThis as { process?: { env: Record<string, string | undefined> } }).process
  ?.env.KRING_BRIDGE_URL;

// Tauri serves the built files from disk (base './') inside WebKitGTK on Linux, WKWebView on
// macOS and WebView2 on Windows; the content security policy allows no network, so nothing here
// may load from a CDN.
export default defineConfig(({ command, mode }) => ({
  base: './',
  // The message catalogue is compiled by scripts/i18n.mjs before a build or a test (npm's
  // pre-scripts); under `npm run dev` Paraglide's plugin compiles it again on every edit.
  plugins: [
    svelte(),
    ...(command === 'serve' && mode !== 'test' ? [paraglideVitePlugin(COMPILER_OPTIONS)] : []),
  ],
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
    watch: { ignored: ['**/src-tauri/**'] },
    // `npm run dev` (scripts/dev.mjs): the page's commands go to the development bridge, the
    // real core on 127.0.0.1, through this server (same origin for the page).
    proxy: bridge
      ? {
          '/kring-bridge': {
            target: bridge,
            rewrite: (path) => path.replace(/^\/kring-bridge/, ''),
          },
        }
      : undefined,
  },
  preview: { port: 1421, strictPort: true },
  envPrefix: ['VITE_', 'TAURI_ENV_'],
  build: {
    target: ['safari15', 'chrome105'],
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
  },
  test: {
    environment: 'jsdom',
    include: ['tests/**/*.test.ts'],
    setupFiles: ['tests/setup.ts'],
    // Screen tests on the golden answers take 4–7 s each on a shared 2-core machine at a load of
    // 20 (vitest's default of 5 s failed five of them there); a hung test still fails.
    testTimeout: 15_000,
  },
  // Svelte's browser build for component tests (jsdom), not its server build.
  resolve: mode === 'test' ? { conditions: ['browser'] } : undefined,
}));
