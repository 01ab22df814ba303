// Windowing for long lists with a fixed row height: which rows to render for a scroll position,
// which pages to fetch for them, and where the keyboard moves the selection.

export type Window = {
  /** First row to render (inclusive). */
  start: number;
  /** Row after the last one to render (exclusive). */
  end: number;
  /** Where the first rendered row sits, in pixels from the top of the list. */
  offsetY: number;
  /** Height of the whole list, so the scrollbar is true. */
  totalHeight: number;
};

export function visibleWindow(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  total: number,
  overscan = 6,
): Window {
  const totalHeight = Math.max(0, total) * rowHeight;
  if (total <= 0 || rowHeight <= 0) return { start: 0, end: 0, offsetY: 0, totalHeight };
  const maxTop = Math.max(0, totalHeight - viewportHeight);
  const top = Math.min(Math.max(0, scrollTop), maxTop);
  const first = Math.floor(top / rowHeight);
  const last = Math.ceil((top + Math.max(0, viewportHeight)) / rowHeight);
  const start = Math.max(0, first - overscan);
  const end = Math.min(total, last + overscan);
  return { start, end, offsetY: start * rowHeight, totalHeight };
}

/** The page numbers holding rows `start` to `end` (exclusive). */
export function pagesFor(start: number, end: number, pageSize: number): number[] {
  if (end <= start || pageSize <= 0) return [];
  const first = Math.floor(start / pageSize);
  const last = Math.floor((end - 1) / pageSize);
  const pages: number[] = [];
  for (let page = first; page <= last; page++) pages.push(page);
  return pages;
}

export type NavKey = 'ArrowUp' | 'ArrowDown' | 'PageUp' | 'PageDown' | 'Home' | 'End';

export function isNavKey(key: string): key is NavKey {
  return ['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End'].includes(key);
}

/** Where the selection goes for a key; -1 (nothing selected) moves to the first row. */
export function moveSelection(key: NavKey, index: number, total: number, pageRows: number): number {
  if (total <= 0) return -1;
  const page = Math.max(1, pageRows);
  const last = total - 1;
  const clamp = (i: number) => Math.min(last, Math.max(0, i));
  if (index < 0) return key === 'End' ? last : 0;
  switch (key) {
    case 'ArrowUp':
      return clamp(index - 1);
    case 'ArrowDown':
      return clamp(index + 1);
    case 'PageUp':
      return clamp(index - page);
    case 'PageDown':
      return clamp(index + page);
    case 'Home':
      return 0;
    case 'End':
      return last;
  }
}

/** The scroll position that shows row `index` whole, moving as little as possible. */
export function revealRow(
  index: number,
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
): number {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return scrollTop;
}
