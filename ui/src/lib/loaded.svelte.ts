// What a screen reads from the core: read when the screen starts and again after every change to
// the store, with why it could not be read (the screen shows it, with Try again).
import { toAppError, type AppError } from './api';
import { app } from './app.svelte';

export class Loaded<T> {
  /** `null` until first read. */
  value = $state<T | null>(null);
  /** Why it could not be read (`<Status>` shows it). */
  error = $state<AppError | null>(null);

  /** Made while a component starts (its `$effect` reads again when `app.version` moves). */
  constructor(private readonly read: () => Promise<T>) {
    $effect(() => {
      void app.version;
      void this.load();
    });
  }

  load = async () => {
    this.error = null;
    try {
      this.value = await this.read();
    } catch (e) {
      this.error = toAppError(e);
    }
  };
}
