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

/**
 * What a path field's Browse… asks for: files of one kind to open (`open` is the kind's name),
 * where to save a file of one kind (`save`; `name` is the suggested file, made when asked, so a
 * dated name carries the day of the click), or a folder.
 */
export type PathPick =
  | { open: string; extensions: string[] }
  | { save: string; extension: string; name: () => string }
  | 'folder';

/** The path the person picked for `pick`; null when cancelled. */
export async function pickPath(pick: PathPick): Promise<string | null> {
  if (pick === 'folder') return pickFolder();
  if ('open' in pick) return (await pickFiles(pick.open, pick.extensions))[0] ?? null;
  return pickSavePath(pick.name(), pick.save, pick.extension);
}
