import { describe, expect, it } from 'vitest';
import { isNavKey, moveSelection, pagesFor, revealRow, visibleWindow } from '../src/lib/virtual';

describe('visibleWindow', () => {
  it('renders only the rows in view plus overscan, at 100,000 rows', () => {
    const w = visibleWindow(600_000, 600, 60, 100_000, 5);
    expect(w.start).toBe(10_000 - 5);
    expect(w.end).toBe(10_010 + 5);
    expect(w.offsetY).toBe(w.start * 60);
    expect(w.totalHeight).toBe(6_000_000);
    expect(w.end - w.start).toBeLessThan(30);
  });

  it('clamps at the top and the bottom', () => {
    expect(visibleWindow(-50, 600, 60, 1000, 5)).toMatchObject({ start: 0, end: 15, offsetY: 0 });
    const bottom = visibleWindow(1e9, 600, 60, 1000, 5);
    expect(bottom.end).toBe(1000);
    expect(bottom.start).toBe(990 - 5);
  });

  it('handles short and empty lists', () => {
    expect(visibleWindow(0, 600, 60, 3)).toMatchObject({ start: 0, end: 3, totalHeight: 180 });
    expect(visibleWindow(0, 600, 60, 0)).toMatchObject({ start: 0, end: 0, totalHeight: 0 });
  });
});

describe('pagesFor', () => {
  it('names every page the rows fall in', () => {
    expect(pagesFor(0, 20, 200)).toEqual([0]);
    expect(pagesFor(190, 215, 200)).toEqual([0, 1]);
    expect(pagesFor(400, 401, 200)).toEqual([2]);
    expect(pagesFor(10, 10, 200)).toEqual([]);
  });
});

describe('moveSelection', () => {
  it('moves by one, by a page, and to the ends, within bounds', () => {
    expect(moveSelection('ArrowDown', 0, 100, 10)).toBe(1);
    expect(moveSelection('ArrowUp', 0, 100, 10)).toBe(0);
    expect(moveSelection('ArrowDown', 99, 100, 10)).toBe(99);
    expect(moveSelection('PageDown', 95, 100, 10)).toBe(99);
    expect(moveSelection('PageUp', 5, 100, 10)).toBe(0);
    expect(moveSelection('PageDown', 5, 100, 10)).toBe(15);
    expect(moveSelection('Home', 50, 100, 10)).toBe(0);
    expect(moveSelection('End', 50, 100, 10)).toBe(99);
  });

  it('starts from the first row when nothing is selected, and stays empty on an empty list', () => {
    expect(moveSelection('ArrowDown', -1, 100, 10)).toBe(0);
    expect(moveSelection('End', -1, 100, 10)).toBe(99);
    expect(moveSelection('ArrowDown', -1, 0, 10)).toBe(-1);
  });

  it('knows its keys', () => {
    expect(isNavKey('PageDown')).toBe(true);
    expect(isNavKey('a')).toBe(false);
  });
});

describe('revealRow', () => {
  it('scrolls only as much as needed', () => {
    expect(revealRow(5, 0, 600, 60)).toBe(0);
    expect(revealRow(10, 0, 600, 60)).toBe(60);
    expect(revealRow(2, 600, 600, 60)).toBe(120);
  });
});
