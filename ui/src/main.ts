import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { api, insideTauri, setBackend, type Commands } from './lib/api';
import { detectSystemLanguage } from './lib/i18n.svelte';

async function start() {
  // A plain browser under `npm run dev`: the real core through the development bridge.
  if (import.meta.env.DEV && !insideTauri()) {
    const token: string | undefined = import.meta.env.VITE_KRING_BRIDGE_TOKEN;
    if (token) {
      const { connectBridge } = await import('./lib/bridge');
      connectBridge(token, new URLSearchParams(location.search));
    } else {
      // Vite alone: say how to reach the core instead of failing on every command.
      const absent = async () => ({
        status: 'error' as const,
        error: {
          code: 'store_unavailable' as const,
          message: 'No Kring core here: start the preview with npm run dev, which starts it.',
          field: null,
        },
      });
      setBackend({ commands: new Proxy({}, { get: () => absent }) as Commands });
    }
  }
  // The system's language before the first paint, so a new user reads their own from the start.
  await detectSystemLanguage(() => api.systemLocale());
  mount(App, { target: document.getElementById('app')! });
}

void start();
