// The one door to the Rust side. Every command of `bindings.ts` resolves to
// `{status:"ok",data}` or `{status:"error",error}`; `api.x(...)` returns the data or throws an
// `AppError`, so screens can `try { await api.x() } catch (e) { show(e.message) }`.
// Tests and the browser preview swap the backend with `setBackend`.
import { listen as tauriEventListen } from '@tauri-apps/api/event';
import { commands as tauriCommands } from './bindings';
import type { AppError as AppErrorData, ErrorCode, SyncFinished } from './bindings';
import { m } from '../paraglide/messages';

export type Result<T, E> = { status: 'ok'; data: T } | { status: 'error'; error: E };

export type Commands = typeof tauriCommands;

type Unwrapped<C> = {
  [K in keyof C]: C[K] extends (...args: infer A) => Promise<Result<infer T, AppErrorData>>
    ? (...args: A) => Promise<T>
    : never;
};

export type Api = Unwrapped<Commands>;

/** A failed command: `code` to branch on, `message` to show, `field` for forms. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly field: string | null;
  constructor(code: ErrorCode, message: string, field: string | null = null) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.field = field;
  }
}

/** Every code the core sends (the check fails when the core adds one the UI does not know). */
const CODES: Record<ErrorCode, true> = {
  invalid: true,
  not_found: true,
  no_profile: true,
  store_unavailable: true,
  writes_stopped: true,
  failed: true,
};

/** Turns anything thrown or returned as an error into an `AppError` with words in it. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error && typeof error === 'object') {
    const e = error as Partial<AppErrorData> & { message?: unknown };
    if (typeof e.message === 'string' && e.message.trim() !== '') {
      const code = typeof e.code === 'string' && e.code in CODES ? (e.code as ErrorCode) : 'failed';
      const field = typeof e.field === 'string' ? e.field : null;
      return new AppError(code, e.message, field);
    }
  }
  if (typeof error === 'string' && error.trim() !== '') return new AppError('failed', error);
  return new AppError('failed', m.common_error_unknown());
}

export function unwrap<T>(result: Result<T, AppErrorData>): T {
  if (result.status === 'ok') return result.data;
  throw toAppError(result.error);
}

/** How far a long command is: an import's records merged, a compaction's entries copied. */
export type Progress = { done: number; total: number };
export type ImportProgress = Progress;
export type Unlisten = () => void;
export type ListenFn = <T>(event: string, handler: (payload: T) => void) => Promise<Unlisten>;

export type DialogFilter = { name: string; extensions: string[] };
export type Dialogs = {
  save(options: { defaultPath?: string; filters?: DialogFilter[] }): Promise<string | null>;
  open(options: { multiple: boolean; filters?: DialogFilter[] }): Promise<string[] | null>;
  folder(): Promise<string | null>;
};

export type Backend = { commands: Commands; listen: ListenFn; dialogs: Dialogs };

const tauriListen: ListenFn = (event, handler) =>
  tauriEventListen(event, (e) => handler(e.payload as never));

const tauriDialogs: Dialogs = {
  async save(options) {
    const dialog = await import('@tauri-apps/plugin-dialog');
    return dialog.save(options);
  },
  async open(options) {
    const dialog = await import('@tauri-apps/plugin-dialog');
    const picked = await dialog.open({ ...options, directory: false });
    if (picked === null) return null;
    return Array.isArray(picked) ? picked : [picked];
  },
  async folder() {
    const dialog = await import('@tauri-apps/plugin-dialog');
    const picked = await dialog.open({ directory: true, multiple: false });
    return typeof picked === 'string' ? picked : null;
  },
};

let backend: Backend = { commands: tauriCommands, listen: tauriListen, dialogs: tauriDialogs };

export function setBackend(next: Partial<Backend>): void {
  backend = { ...backend, ...next };
}

/** Wraps a set of commands so each call returns its data or throws an `AppError`. */
export function wrap(get: () => Commands): Api {
  return new Proxy({} as Api, {
    get(_target, name) {
      return async (...args: unknown[]) => {
        const command = (get() as unknown as Record<string, unknown>)[name as string];
        if (typeof command !== 'function') {
          throw new AppError('failed', `Kring has no command ${String(name)}.`);
        }
        let result: Result<unknown, AppErrorData>;
        try {
          result = await command(...args);
        } catch (error) {
          throw toAppError(error);
        }
        return unwrap(result);
      };
    },
  });
}

export const api: Api = wrap(() => backend.commands);

export function onSyncFinished(handler: (event: SyncFinished) => void): Promise<Unlisten> {
  return backend.listen<SyncFinished>('sync-finished', handler);
}

export function onImportProgress(handler: (progress: ImportProgress) => void): Promise<Unlisten> {
  return backend.listen<ImportProgress>('import-progress', handler);
}

export function onCompactionProgress(handler: (progress: Progress) => void): Promise<Unlisten> {
  return backend.listen<Progress>('compaction-progress', handler);
}

export function dialogs(): Dialogs {
  return backend.dialogs;
}

/** Whether this page runs inside the Tauri shell (false in a plain browser preview). */
export function insideTauri(): boolean {
  return typeof window !== 'undefined' && '__TAURI_INTERNALS__' in window;
}
