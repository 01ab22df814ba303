// A long list as one Tab stop: Tab enters the list at the item last used and leaves it with the
// next Tab; ↑/↓ move between items (to the control in the same place), ←/→ between an item's
// controls, Home/End to the first or last item. (The "roving tabindex" of the WAI-ARIA
// Authoring Practices.) Without it, "Going cold" on Today sat behind hundreds of Tab presses.
import type { Action } from 'svelte/action';
import { TABBABLE } from './focus';

function items(list: HTMLElement): HTMLElement[] {
  return [...list.children].filter((c): c is HTMLElement => c instanceof HTMLElement);
}

function controls(item: HTMLElement): HTMLElement[] {
  // Every control, also the ones this action took out of the Tab order.
  return [...item.querySelectorAll<HTMLElement>(`${TABBABLE}, [data-roving]`)];
}

export const roving: Action<HTMLElement> = (list) => {
  let current: HTMLElement | null = null;

  function apply() {
    const all = items(list).flatMap(controls);
    if (!current || !all.includes(current)) current = all[0] ?? null;
    for (const el of all) {
      el.dataset.roving = '';
      el.tabIndex = el === current ? 0 : -1;
    }
  }

  function move(to: HTMLElement | undefined) {
    if (!to) return;
    current = to;
    apply();
    to.focus();
  }

  function onfocusin(event: FocusEvent) {
    const target = event.target as HTMLElement;
    if (target !== current && target.hasAttribute('data-roving')) {
      current = target;
      apply();
    }
  }

  function onkeydown(event: KeyboardEvent) {
    const target = event.target as HTMLElement;
    if (!target.hasAttribute('data-roving') || event.altKey || event.ctrlKey || event.metaKey)
      return;
    const rows = items(list).filter((r) => controls(r).length > 0);
    const row = rows.findIndex((r) => r.contains(target));
    if (row < 0) return;
    const inRow = controls(rows[row]);
    const col = inRow.indexOf(target);
    const at = (r: number) => {
      const c = controls(rows[r]);
      return c[Math.min(col, c.length - 1)];
    };
    const moves: Record<string, () => HTMLElement | undefined> = {
      ArrowDown: () => (row + 1 < rows.length ? at(row + 1) : undefined),
      ArrowUp: () => (row > 0 ? at(row - 1) : undefined),
      ArrowRight: () => inRow[col + 1],
      ArrowLeft: () => inRow[col - 1],
      Home: () => controls(rows[0])[0],
      End: () => controls(rows[rows.length - 1])[0],
    };
    const next = moves[event.key];
    if (!next) return;
    event.preventDefault();
    move(next());
  }

  const observer = new MutationObserver(apply);
  observer.observe(list, { childList: true, subtree: true });
  list.addEventListener('focusin', onfocusin);
  list.addEventListener('keydown', onkeydown);
  apply();
  return {
    destroy() {
      observer.disconnect();
      list.removeEventListener('focusin', onfocusin);
      list.removeEventListener('keydown', onkeydown);
    },
  };
};
