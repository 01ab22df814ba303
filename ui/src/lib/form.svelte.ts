// What every form needs: busy while it saves (so a second click does not save twice), the
// core's refusals next to the field they name (or elsewhere when they name none), and
// Ctrl+Enter (⌘+Enter) to save from anywhere in it.
import { AppError, toAppError } from './api';
import { app } from './app.svelte';
import type { FieldErrors } from './validate';

export class FormState {
  busy = $state(false);
  /** What is wrong, by field: shown next to it (`<FieldError message={form.errors.name} />`). */
  errors = $state<FieldErrors>({});
  /**
   * A refusal that names no field, when the form shows it itself (`<ErrorMessage>`, which offers
   * Quit Kring beside it after `writes_stopped`).
   */
  error = $state<AppError | null>(null);

  /**
   * `aliases`: the form's name of a field the core names otherwise (`email` → `emails`).
   * `unfielded`: where a refusal naming no field goes (a toast); by default `error`.
   */
  constructor(
    private readonly options: {
      aliases?: Record<string, string>;
      unfielded?: (error: AppError) => void;
    } = {},
  ) {}

  /** Starts a save: clears the errors; answers whether the checks the form made still pass. */
  check(errors: FieldErrors): boolean {
    this.errors = errors;
    this.error = null;
    return Object.keys(errors).length === 0;
  }

  /** Runs `save` unless one is running; a refusal shows where it belongs. Answers whether it saved. */
  async submit(save: () => Promise<void>): Promise<boolean> {
    if (this.busy) return false;
    this.busy = true;
    this.error = null;
    try {
      await save();
      return true;
    } catch (e) {
      this.refused(e);
      return false;
    } finally {
      this.busy = false;
    }
  }

  /**
   * The save of a form that changes the store, as the dialogs end it: `write` (see `submit`); once
   * written, a toast says `said()`, every screen reads again, and `done` runs (closing the form).
   */
  async write(write: () => Promise<unknown>, said: () => string, done: () => void = () => {}) {
    const saved = await this.submit(async () => {
      await write();
    });
    if (saved) {
      app.toast(said());
      app.changed();
      done();
    }
    return saved;
  }

  /** Shows a refusal next to the field it names, or where refusals without a field go. */
  refused(e: unknown) {
    const error = toAppError(e);
    const field = error.field ? (this.options.aliases?.[error.field] ?? error.field) : null;
    if (field) this.errors = { ...this.errors, [field]: error.message };
    else if (this.options.unfielded) this.options.unfielded(error);
    else this.error = error;
  }

  /** A keydown handler for the form: Ctrl+Enter (⌘+Enter) runs `save`. */
  keys(save: () => void) {
    return (event: KeyboardEvent) => {
      if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        save();
      }
    };
  }
}

/** A select's choices from a table of labels (`{ public_task: 'Public task', … }`), in its order. */
export function choices<T extends string>(
  labels: Record<T, string>,
): { value: T; label: string }[] {
  return (Object.entries(labels) as [T, string][]).map(([value, label]) => ({ value, label }));
}

/**
 * An action on a path the person typed or browsed to (join with an invitation, write one, export
 * the store): refused at once without a path, busy while it runs, its result or its error in words
 * afterwards, and every screen reads again once it is done. Members and Sync wrote these lines for
 * each of them.
 */
export class PathAction<T> {
  busy = $state(false);
  /** Why it failed, shown with `<ErrorMessage>`. */
  error = $state<AppError | null>(null);
  result = $state<T | null>(null);

  /** `missing`: what to say when no path was given. */
  constructor(private readonly missing: () => string) {}

  /** A form's submit handler that runs `work` on the trimmed `path()`. */
  submit(path: () => string, work: (path: string) => Promise<T>) {
    return async (event: SubmitEvent) => {
      event.preventDefault();
      this.error = null;
      this.result = null;
      const trimmed = path().trim();
      if (trimmed === '') {
        this.error = new AppError('invalid', this.missing());
        return;
      }
      this.busy = true;
      try {
        this.result = await work(trimmed);
        app.changed();
      } catch (e) {
        this.error = toAppError(e);
      } finally {
        this.busy = false;
      }
    };
  }
}
