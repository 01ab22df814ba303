// PathAction, the join / invite / export actions of Members and Sync: no path is refused in words
// before anything runs, a refusal of the core shows in words, a success keeps its result.
import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../src/lib/api';
import { PathAction } from '../src/lib/form.svelte';

const submitted = () => ({ preventDefault: vi.fn() }) as unknown as SubmitEvent;

describe('an action on a path', () => {
  it('says the path is missing and runs nothing when only spaces were typed', async () => {
    const action = new PathAction<string>(() => 'Choose a file first.');
    const work = vi.fn();
    await action.submit(() => '   ', work)(submitted());
    expect(action.error?.message).toBe('Choose a file first.');
    expect(work).not.toHaveBeenCalled();
  });

  it('runs on the trimmed path and keeps what it answered, clearing an earlier error', async () => {
    const action = new PathAction<string>(() => 'missing');
    action.error = new AppError('failed', 'an earlier refusal');
    await action.submit(
      () => ' /tmp/invitation.kring-invitation ',
      async (path) => `wrote ${path}`,
    )(submitted());
    expect(action.result).toBe('wrote /tmp/invitation.kring-invitation');
    expect(action.error).toBeNull();
    expect(action.busy).toBe(false);
  });

  it("shows the core's refusal in words and keeps no result", async () => {
    const action = new PathAction<string>(() => 'missing');
    await action.submit(
      () => '/nowhere',
      async () => {
        throw new AppError('not_found', 'The folder /nowhere does not exist.');
      },
    )(submitted());
    expect(action.error?.message).toBe('The folder /nowhere does not exist.');
    // The code stays with the words, for what is offered beside them (Quit Kring).
    expect(action.error?.code).toBe('not_found');
    expect(action.result).toBeNull();
  });
});
