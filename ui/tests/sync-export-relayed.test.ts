// An export for the manager written on Sync says which colleagues' hand-overs went with it (this
// store passes them on, as their authors signed them), and names each file to hand over too; an
// export with none says nothing of them.
import { fireEvent, render, screen, waitFor } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { setBackend, type Commands } from '../src/lib/api';
import { app } from '../src/lib/app.svelte';
import Sync from '../src/screens/Sync.svelte';
import { id } from './ids';
import { setUpStatus } from './ui';

const preview = {
  records: 3,
  bytes: 2048,
  private_kept_back: 0,
  summarised: 0,
  unchanged_left_out: 0,
};

function backend(relayed: string[]) {
  const ok = (data: unknown) => Promise.resolve({ status: 'ok' as const, data });
  const exported = {
    path: '/tmp/bert.kring',
    kind: 'Delta',
    records: 3,
    bytes: 2048,
    private_kept_back: 0,
    summarised: 0,
    unchanged_left_out: 0,
    sealed_for: 2,
    relayed,
  };
  const answers: Record<string, unknown> = { exportPreview: preview, exportBundle: exported };
  const commands = new Proxy({}, { get: (_, name: string) => () => ok(answers[name] ?? null) });
  setBackend({ commands: commands as Commands });
}

afterEach(() => {
  app.status = null;
});

async function exportTo(path: string) {
  render(Sync);
  const field = await screen.findByTestId('export-path');
  await fireEvent.input(field, { target: { value: path } });
  await fireEvent.click(screen.getByTestId('export-run'));
  return waitFor(() => screen.getByTestId('export-result'));
}

describe('an export that takes colleagues’ hand-overs along', () => {
  it('names each relayed file beside the export', async () => {
    app.status = setUpStatus({
      profile: { networker: id('n2'), name: 'Bert', email: 'bert@stad.gent', role: 'networker' },
    });
    backend(['/tmp/relay-9aa5-0c1d.kring']);
    const result = await exportTo('/tmp/bert.kring');
    expect(screen.getByTestId('export-relayed')).toHaveTextContent(
      '1 colleague’s hand-over went with it, as its author signed it; give it to the manager too:',
    );
    expect(result).toHaveTextContent('/tmp/relay-9aa5-0c1d.kring');
  });

  it('says nothing of hand-overs when there are none', async () => {
    app.status = setUpStatus({
      profile: { networker: id('n2'), name: 'Bert', email: 'bert@stad.gent', role: 'networker' },
    });
    backend([]);
    await exportTo('/tmp/bert.kring');
    expect(screen.queryByTestId('export-relayed')).toBeNull();
  });
});
