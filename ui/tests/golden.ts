// The real core behind the screen tests: answers recorded from it on the demo network by
// `crates/kring-api/tests/golden.rs` (`ui/tests/golden/*.json`), replayed at Tauri's `invoke`, so
// the screens call the generated `commands` exactly as in the app. A call the file does not hold
// fails the test with what to add to the Rust scenario: a screen cannot pass on an answer the
// core never gave.
import { clearMocks, mockIPC } from '@tauri-apps/api/mocks';
import { afterEach, beforeEach, expect, vi } from 'vitest';
import { api, setBackend } from '../src/lib/api';
import { app } from '../src/lib/app.svelte';
import { commands } from '../src/lib/bindings';
import manager from './golden/manager.json';
import networker from './golden/networker.json';

type Call = {
  command: string;
  args: unknown;
  answer: { status: string } & Record<string, unknown>;
};
type Write = Call & { then: Call[] };
type Golden = { now: string; base: Call[]; writes: Write[] };

const FILES: Record<string, Golden> = {
  manager: manager as Golden,
  networker: networker as Golden,
};

/** JSON with its keys sorted, so two argument objects compare by content. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort())
      : v,
  );
}

const same = (call: Call, command: string, args: unknown) =>
  call.command === command && canonical(call.args) === canonical(args ?? {});

/** Every call the replay answered, in order (for tests that check what a screen sent). */
export type Replay = {
  calls: { command: string; args: unknown }[];
  /** Calls the file holds no answer for. */
  missing: string[];
  now: Date;
};

/**
 * Answers the app's commands from the golden file `name` (the manager's demo network, or the
 * networker's), starting from the untouched store. A recorded write moves the replay to the
 * answers taken after it. The page's clock reads the moment the answers were taken (so a date
 * the screen fills in is the one the recording sent), moving on from there.
 */
export function replayGolden(name: 'manager' | 'networker' = 'manager'): Replay {
  const golden = FILES[name];
  let reads = golden.base;
  let after = 'the untouched demo store';
  const replay: Replay = { calls: [], missing: [], now: new Date(golden.now) };
  vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  vi.setSystemTime(replay.now);
  clearMocks();
  setBackend({ commands });
  mockIPC((command, args) => {
    replay.calls.push({ command, args });
    const read = reads.find((c) => same(c, command, args));
    const write = read ? null : golden.writes.find((w) => same(w, command, args));
    const found = read ?? write;
    if (!found) {
      const missing = `${command}(${canonical(args ?? {})}) after ${after}`;
      replay.missing.push(missing);
      // Screens show a failed command in words; this says which call to record.
      console.error(`[golden] no answer for ${missing}`);
      throw new Error(
        `No golden answer for ${command}(${canonical(args ?? {})}) after ${after}: add the call ` +
          `to the scenario in crates/kring-api/tests/golden.rs and run ` +
          `cargo test -p kring-api --test golden`,
      );
    }
    if (write) {
      reads = write.then;
      after = `${command}(${canonical(args ?? {})})`;
    }
    // Tauri rejects with the error value itself; `typedError` in bindings.ts turns it back.
    if (found.answer.status === 'error') return Promise.reject(found.answer.error);
    return found.answer.data;
  });
  return replay;
}

/** After a test: the clock is real again, and every call the screens made had an answer. */
export function expectAllAnswered(replay: Replay) {
  vi.useRealTimers();
  expect(replay.missing, 'every call the screens made has a golden answer').toEqual([]);
}

/**
 * Every test of the file starts on the golden store `name`, signed in as its owner, and ends
 * checking that every call had an answer.
 */
export function useGolden(name: 'manager' | 'networker' = 'manager') {
  let replay: Replay;
  beforeEach(async () => {
    replay = replayGolden(name);
    app.status = await api.appStatus();
  });
  afterEach(() => expectAllAnswered(replay));
}
