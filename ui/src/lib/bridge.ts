// The browser preview's way to the real core: every command the generated bindings invoke goes
// to the development bridge (crates/kring-dev-bridge) that `npm run dev` started, with the token
// it handed this page. The page's URL picks the demo store: `?cards=N` (default 2,000),
// `?manager`, `?fresh` (nobody set up yet: the first-run screen). Loaded by main.ts in
// development only (`import.meta.env.DEV`), never in the app.
import { mockIPC } from '@tauri-apps/api/mocks';
import { setBackend } from './api';

export function connectBridge(token: string, params: URLSearchParams) {
  const preview = {
    cards: Number(params.get('cards') ?? 2000),
    role: params.has('manager') ? 'manager' : 'networker',
    fresh: params.has('fresh'),
  };
  mockIPC(
    async (command, args) => {
      const response = await fetch('/kring-bridge/invoke', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ command, args: args ?? {}, preview }),
      });
      const answer = await response.json();
      // As Tauri does: the error value itself is the rejection (bindings.ts turns it back).
      if (answer.status === 'error') throw answer.error;
      return answer.data;
    },
    // Events stay in the page: the bridge sends none (no import progress, no sync-finished).
    { shouldMockEvents: true },
  );
  // No native file dialogs in a browser: the path is typed.
  setBackend({
    dialogs: {
      save: async (options) => prompt('Save to (a path on this machine):', options.defaultPath),
      open: async (options) => {
        const paths = prompt(
          options.multiple ? 'Open (paths on this machine, one per line):' : 'Open (a path):',
        );
        return paths ? paths.split('\n').filter((p) => p.trim() !== '') : null;
      },
      folder: async () => prompt('Folder (a path on this machine):'),
    },
  });
}
