import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// Tauri serves the built files from disk (base './') inside WebKitGTK on Linux, WKWebView on
// macOS and WebView2 on Windows; the content security policy allows no network, so nothing here
// may load from a CDN.
export default defineConfig(({ mode }) => ({
  base: './',
  plugins: [svelte()],
  clearScreen: false,
  server: {
    port: 1420,
    strictPort: true,
    watch: { ignored: ['**/src-tauri/**'] },
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
  },
  // Svelte's browser build for component tests (jsdom), not its server build.
  resolve: mode === 'test' ? { conditions: ['browser'] } : undefined,
}));
