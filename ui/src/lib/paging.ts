// Rows of a long result fetched a page at a time as the list scrolls. A new query starts a new
// generation: pages that arrive for an older query are dropped, so rows never mix.
import { pagesFor } from './virtual';

export type Page<R> = { total: number; rows: R[] };
export type FetchPage<Q, R> = (query: Q, offset: number, limit: number) => Promise<Page<R>>;

export class PagedRows<Q, R> {
  readonly pageSize: number;
  total = 0;
  loaded = false;
  error: unknown = null;
  private query: Q | null = null;
  private generation = 0;
  private pages = new Map<number, R[]>();
  private pending = new Set<number>();
  private readonly fetchPage: FetchPage<Q, R>;
  private readonly onChange: () => void;

  constructor(fetchPage: FetchPage<Q, R>, onChange: () => void, pageSize = 200) {
    this.fetchPage = fetchPage;
    this.onChange = onChange;
    this.pageSize = pageSize;
  }

  /** Start over with a new query: fetches the first page, which also says the total. */
  async reset(query: Q): Promise<void> {
    this.query = query;
    const generation = ++this.generation;
    this.pending.clear();
    this.error = null;
    try {
      const page = await this.fetchPage(query, 0, this.pageSize);
      if (generation !== this.generation) return;
      this.pages = new Map([[0, page.rows]]);
      this.total = page.total;
      this.loaded = true;
    } catch (error) {
      if (generation !== this.generation) return;
      this.error = error;
      this.pages = new Map();
      this.total = 0;
      this.loaded = true;
    }
    this.onChange();
  }

  /** Fetch whatever pages rows `start`..`end` need and do not have yet. */
  ensure(start: number, end: number): void {
    if (this.query === null) return;
    const query = this.query;
    const generation = this.generation;
    for (const page of pagesFor(start, Math.min(end, this.total), this.pageSize)) {
      if (this.pages.has(page) || this.pending.has(page)) continue;
      this.pending.add(page);
      this.fetchPage(query, page * this.pageSize, this.pageSize)
        .then((result) => {
          if (generation !== this.generation) return;
          this.pages.set(page, result.rows);
          this.total = result.total;
          this.onChange();
        })
        .catch((error) => {
          if (generation !== this.generation) return;
          this.error = error;
          this.onChange();
        })
        .finally(() => {
          if (generation === this.generation) this.pending.delete(page);
        });
    }
  }

  /** The row at `index`, or undefined while its page is on its way. */
  row(index: number): R | undefined {
    const page = this.pages.get(Math.floor(index / this.pageSize));
    return page?.[index % this.pageSize];
  }

  /** Every loaded row's index, for finding a row by id. */
  indexWhere(predicate: (row: R) => boolean): number {
    for (const [page, rows] of this.pages) {
      const i = rows.findIndex(predicate);
      if (i >= 0) return page * this.pageSize + i;
    }
    return -1;
  }
}
