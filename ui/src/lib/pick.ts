// The native file dialogs as the screens use them: ask for a path to save to or files to open; a
// dialog that fails says so in a toast and answers as if cancelled.
import { dialogs } from './api';
import { app } from './app.svelte';

/** Where to save a file of one kind (`name`, `extension`), starting at `defaultPath`. */
export async function pickSavePath(
  defaultPath: string,
  name: string,
  extension: string,
): Promise<string | null> {
  try {
    return await dialogs().save({ defaultPath, filters: [{ name, extensions: [extension] }] });
  } catch (e) {
    app.fail(e);
    return null;
  }
}

/** Files to open, of the kinds `extensions`; empty when cancelled. */
export async function pickFiles(
  name: string,
  extensions: string[],
  multiple = false,
): Promise<string[]> {
  try {
    return (await dialogs().open({ multiple, filters: [{ name, extensions }] })) ?? [];
  } catch (e) {
    app.fail(e);
    return [];
  }
}

/** A folder. */
export async function pickFolder(): Promise<string | null> {
  try {
    return await dialogs().folder();
  } catch (e) {
    app.fail(e);
    return null;
  }
}
