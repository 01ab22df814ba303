import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LatestWins } from '../src/lib/search';
import { PagedRows } from '../src/lib/paging';

function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('LatestWins', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('waits for the typing to pause and asks once', async () => {
    const fetch = vi.fn(async (q: string) => q.toUpperCase());
    const onResult = vi.fn();
    const search = new LatestWins(fetch, { delayMs: 40, onResult });
    search.schedule('j');
    search.schedule('ja');
    search.schedule('jan');
    expect(fetch).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(39);
    expect(fetch).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledWith('jan');
    expect(onResult).toHaveBeenCalledWith('JAN');
  });

  it('drops answers that arrive after a newer question', async () => {
    const answers = new Map<string, ReturnType<typeof deferred<string>>>();
    const fetch = (q: string) => {
      const d = deferred<string>();
      answers.set(q, d);
      return d.promise;
    };
    const results: string[] = [];
    const search = new LatestWins(fetch, { delayMs: 0, onResult: (r) => results.push(r) });
    search.schedule('ja');
    search.schedule('jan');
    answers.get('jan')!.resolve('rows for jan');
    await vi.advanceTimersByTimeAsync(0);
    answers.get('ja')!.resolve('rows for ja');
    await vi.advanceTimersByTimeAsync(0);
    expect(results).toEqual(['rows for jan']);
  });

  it('reports only the latest error, and cancel forgets everything', async () => {
    const onError = vi.fn();
    const onResult = vi.fn();
    const d = deferred<string>();
    const search = new LatestWins(() => d.promise, { delayMs: 0, onResult, onError });
    search.schedule('x');
    search.cancel();
    d.reject(new Error('late'));
    await vi.advanceTimersByTimeAsync(0);
    expect(onError).not.toHaveBeenCalled();
    expect(onResult).not.toHaveBeenCalled();
  });
});

describe('PagedRows', () => {
  type Row = { id: number };
  const pageOf = (offset: number, limit: number, total: number) => ({
    total,
    rows: Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => ({
      id: offset + i,
    })),
  });

  it('fetches the first page, then only the pages that come into view', async () => {
    const fetch = vi.fn(async (_q: string, offset: number, limit: number) =>
      pageOf(offset, limit, 100_000),
    );
    const rows = new PagedRows<string, Row>(fetch, () => {}, 200);
    await rows.reset('');
    expect(rows.total).toBe(100_000);
    expect(rows.row(5)).toEqual({ id: 5 });
    expect(rows.row(450)).toBeUndefined();
    rows.ensure(390, 420);
    rows.ensure(390, 420);
    await Promise.resolve();
    await Promise.resolve();
    expect(fetch.mock.calls.map((c) => c[1])).toEqual([0, 200, 400]);
    expect(rows.row(450)).toEqual({ id: 450 });
  });

  it('never mixes rows of an older query into a newer one', async () => {
    const pending: { q: string; d: ReturnType<typeof deferred<{ total: number; rows: Row[] }>> }[] =
      [];
    const fetch = (q: string) => {
      const d = deferred<{ total: number; rows: Row[] }>();
      pending.push({ q, d });
      return d.promise;
    };
    const rows = new PagedRows<string, Row>(fetch, () => {}, 10);
    const first = rows.reset('a');
    const second = rows.reset('ab');
    pending[1].d.resolve({ total: 1, rows: [{ id: 2 }] });
    pending[0].d.resolve({ total: 50, rows: [{ id: 1 }] });
    await Promise.all([first, second]);
    expect(rows.total).toBe(1);
    expect(rows.row(0)).toEqual({ id: 2 });
  });
});
