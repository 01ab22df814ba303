import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { insideTauri, setBackend } from './lib/api';

async function start() {
  if (!insideTauri()) {
    // A plain browser (npm run dev, screenshots): an in-memory Kring with a demo network.
    const { createMock } = await import('./lib/mock');
    const params = new URLSearchParams(location.search);
    const cards = Number(params.get('cards') ?? '100000');
    const role = params.has('manager') ? 'manager' : undefined;
    setBackend(createMock({ cards, fresh: params.has('fresh'), role }));
  }
  mount(App, { target: document.getElementById('app')! });
}

void start();
