// A date far from today is asked about once before saving: the save waits for a yes, a yes saves,
// no answer saves nothing.
import { describe, expect, it, vi } from 'vitest';
import { farDateQuestion } from '../src/lib/dates';
import { FarDateCheck } from '../src/lib/far-date.svelte';

const now = new Date(2026, 10, 23);

/** A form with one date field and a save that goes through the check, as the event form's. */
function form(start: string) {
  const field = { value: start };
  const check = new FarDateCheck(
    () => farDateQuestion(field.value, 'event', now),
    () => field.value,
  );
  const saved = vi.fn();
  const save = () => {
    if (check.holds()) return;
    saved(field.value);
  };
  return { field, check, save, saved };
}

describe('the far-date check', () => {
  it('asks about a far date instead of saving', () => {
    const { check, save, saved } = form('2099-11-23');
    expect(check.shown).toBeNull();
    save();
    expect(saved).not.toHaveBeenCalled();
    expect(check.asking).toBe(true);
    expect(check.shown).toMatch(/2099/);
  });

  it('saves on confirm, and does not ask about that date again', () => {
    const { check, save, saved } = form('2099-11-23');
    save();
    check.confirm(save);
    expect(saved).toHaveBeenCalledTimes(1);
    expect(saved).toHaveBeenCalledWith('2099-11-23');
    expect(check.shown).toBeNull();
    save();
    expect(saved).toHaveBeenCalledTimes(2);
    expect(check.asking).toBe(false);
  });

  it('saves nothing when the question is left unanswered, and asks again at the next save', () => {
    const { check, save, saved } = form('2099-11-23');
    save();
    check.reset();
    expect(check.shown).toBeNull();
    save();
    expect(saved).not.toHaveBeenCalled();
    expect(check.asking).toBe(true);
  });

  it('asks again when the date is changed to another far one after a yes', () => {
    const { field, check, save, saved } = form('2099-11-23');
    save();
    check.confirm(save);
    field.value = '2098-11-23';
    save();
    expect(saved).toHaveBeenCalledTimes(1);
    expect(check.shown).toMatch(/2098/);
  });

  it('saves an ordinary date at once, without asking', () => {
    const { check, save, saved } = form('2026-12-01');
    save();
    expect(saved).toHaveBeenCalledWith('2026-12-01');
    expect(check.asking).toBe(false);
  });
});
