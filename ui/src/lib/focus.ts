// Where keyboard focus goes when the element holding it is about to go away (a picker replaced
// by the chip it picked, a dialog whose opener is gone): to the next field, never to the page.

/** What the keyboard can reach with Tab. */
export const TABBABLE =
  'a[href], button:not([disabled]), input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The elements Tab reaches inside `root`, in document order (hidden ones left out). */
export function tabbables(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(TABBABLE)].filter(
    (el) => el.tabIndex >= 0 && !el.closest('[hidden], [inert]'),
  );
}

/**
 * The element Tab would reach after `el` inside `root` (the closest dialog or form, else the
 * document), or null when `el` is the last one.
 */
export function nextTabbable(el: HTMLElement): HTMLElement | null {
  const root: ParentNode = el.closest('[role="dialog"], form') ?? document;
  const all = tabbables(root);
  const i = all.indexOf(el);
  if (i >= 0) return all[i + 1] ?? null;
  // `el` itself is not tabbable: the first one after it in document order.
  return (
    all.find((other) => el.compareDocumentPosition(other) & Node.DOCUMENT_POSITION_FOLLOWING) ??
    null
  );
}

/** Focuses `el` if it is still on the page; otherwise the main region, never nothing. */
export function focusOrMain(el: HTMLElement | null) {
  if (el && el.isConnected && el !== document.body) {
    el.focus();
    if (document.activeElement === el) return;
  }
  document.getElementById('main')?.focus();
}
