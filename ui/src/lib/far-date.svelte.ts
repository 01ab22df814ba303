// A date far from today (`farDateQuestion` in dates.ts) is asked about once before a form saves:
// the save stops and shows the question; "yes" remembers that value as meant and saves again.
// The same value is not asked about twice; a different one is.

export class FarDateCheck {
  /** The question is shown next to the date field. */
  asking = $state(false);
  /** The value the person said yes to. */
  private confirmed: string | null = null;

  /**
   * `question`: what to ask about the value now (null when it is unremarkable); `value`: the
   * field's value now, which a yes is remembered for.
   */
  constructor(
    private readonly question: () => string | null,
    private readonly value: () => string | null,
  ) {}

  /** The question to show (`<DateConfirm question={check.shown} …>`); null while not asking. */
  get shown(): string | null {
    return this.asking ? this.question() : null;
  }

  /** At a save: whether it must wait for an answer first; if so, the question is shown. */
  holds(): boolean {
    if (this.question() && this.confirmed !== this.value()) {
      this.asking = true;
      return true;
    }
    return false;
  }

  /** The person says the date is the one meant: remember it, and `save` again. */
  confirm(save: () => void) {
    this.confirmed = this.value();
    this.asking = false;
    save();
  }

  /** The form starts over (another record opened): the question goes, unanswered. */
  reset() {
    this.asking = false;
  }
}
