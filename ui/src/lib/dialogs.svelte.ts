// The dialogs open now, topmost last. One stack for every dialog (the app's and a screen's own),
// so Escape closes only the topmost and a shortcut that would open another dialog can refuse
// while one is open: a dialog opened behind another is a trap for the keyboard.

class DialogStack {
  private stack = $state<symbol[]>([]);

  /** Registers a dialog as the topmost; answers its handle. */
  push(): symbol {
    const me = Symbol('dialog');
    this.stack = [...this.stack, me];
    return me;
  }

  remove(me: symbol) {
    this.stack = this.stack.filter((d) => d !== me);
  }

  isTop(me: symbol): boolean {
    return this.stack[this.stack.length - 1] === me;
  }

  /** How many dialogs are open. */
  get count(): number {
    return this.stack.length;
  }
}

export const dialogs = new DialogStack();
