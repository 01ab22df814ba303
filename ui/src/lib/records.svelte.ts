// What a record screen (goals, teams, events, partnerships) keeps: the records, read again
// whenever the store changes, or why they could not be read; the record open in the list; and the
// form that makes a new record or edits one. The screen says how to read, how to fill its fields
// from a record, and how to write them.
import type { AppError } from './api';
import { app } from './app.svelte';
import { FormState } from './form.svelte';
import { Loaded } from './loaded.svelte';

export class RecordList<V extends { id: string }> {
  private readonly read: Loaded<V[]>;
  /** The record opened (or selected) in the list. */
  open = $state<string | null>(null);
  /** The form is showing. */
  creating = $state(false);
  /** The record the form edits; `null` for a new one. */
  editing = $state<V | null>(null);
  readonly form = new FormState({ unfielded: (e) => app.fail(e) });

  /**
   * Made while a screen starts (it reads at once, and again after each change to the store).
   * `order` keeps the list in order when an edited record comes back.
   */
  constructor(
    read: () => Promise<V[]>,
    private readonly fill: (record: V | null) => void,
    private readonly order: (a: V, b: V) => number,
  ) {
    this.read = new Loaded(read);
  }

  /** `null` while loading. */
  get records(): V[] | null {
    return this.read.value;
  }
  set records(records: V[] | null) {
    this.read.value = records;
  }
  get error(): AppError | null {
    return this.read.error;
  }
  load = () => this.read.load();

  toggle = (id: string) => {
    this.open = this.open === id ? null : id;
  };

  /** Opens the form on `record`, or empty for a new one. */
  start = (record: V | null) => {
    this.editing = record;
    this.fill(record);
    this.form.check({});
    this.creating = true;
  };

  close = () => {
    this.creating = false;
    this.editing = null;
  };

  /**
   * Writes the form (the screen checked it): `write` saves the edited record and answers its new
   * view, which takes its place in the list, or makes a new record and answers its id (or `null`:
   * nothing to open), and the list is read again. The dialog closes at once.
   */
  async save(
    write: (editing: V | null) => Promise<{ said: string } & ({ view: V } | { id: string | null })>,
  ) {
    const editing = this.editing;
    await this.form.submit(async () => {
      const done = await write(editing);
      app.toast(done.said);
      if ('view' in done) {
        const view = done.view;
        this.records = (this.records ?? [])
          .map((r) => (r.id === view.id ? view : r))
          .sort(this.order);
        this.open = view.id;
        this.close();
        return;
      }
      if (done.id) this.open = done.id;
      this.close();
      await this.load();
    });
  }
}
