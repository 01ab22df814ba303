// Search as you type: wait a few milliseconds for the typing to pause, then ask; when answers
// come back out of order, only the answer to the latest question is used. And the card list's
// filter, empty.
import type { CardQuery } from './bindings';

export type LatestOptions<T> = {
  delayMs: number;
  onResult: (value: T) => void;
  onError?: (error: unknown) => void;
  onBusy?: (busy: boolean) => void;
};

export class LatestWins<Q, T> {
  private generation = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly fetch: (query: Q) => Promise<T>;
  private readonly options: LatestOptions<T>;

  constructor(fetch: (query: Q) => Promise<T>, options: LatestOptions<T>) {
    this.fetch = fetch;
    this.options = options;
  }

  /** Ask after the typing pauses for `delayMs`. */
  schedule(query: Q): void {
    this.cancelTimer();
    const generation = ++this.generation;
    if (this.options.delayMs <= 0) {
      void this.run(query, generation);
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.run(query, generation);
    }, this.options.delayMs);
  }

  /** Ask now; anything asked before is superseded. */
  now(query: Q): Promise<void> {
    this.cancelTimer();
    return this.run(query, ++this.generation);
  }

  /** Forget pending and in-flight questions. */
  cancel(): void {
    this.cancelTimer();
    this.generation++;
  }

  /** Whether an answer for `generation` would still be used. */
  isCurrent(generation: number): boolean {
    return generation === this.generation;
  }

  get current(): number {
    return this.generation;
  }

  private cancelTimer() {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
  }

  private async run(query: Q, generation: number): Promise<void> {
    this.options.onBusy?.(true);
    try {
      const value = await this.fetch(query);
      if (generation === this.generation) this.options.onResult(value);
    } catch (error) {
      if (generation === this.generation) this.options.onError?.(error);
    } finally {
      if (generation === this.generation) this.options.onBusy?.(false);
    }
  }
}

/** What the card list is asked for, without the page (`offset`, `limit`). */
export type CardFilter = Omit<CardQuery, 'offset' | 'limit'>;

/** No filter: every card, or those matching `text`. */
export function noCardFilter(text = ''): CardFilter {
  return {
    text,
    kind: null,
    tag: null,
    sector: null,
    level: null,
    min_strength: null,
    going_cold: false,
  };
}
