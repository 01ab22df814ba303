// The roster names the nodes a restored or copied store wrote under before, and warns where
// another person's store claims the same node (two managers approved at once, or a false claim):
// what that node wrote counts for nobody until a manager drops the wrong claim, here, after
// confirming. A networker sees the warning without the button.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { app } from '../src/lib/app.svelte';
import type { Members as MembersList, MemberView, Role } from '../src/lib/bindings';
import Members from '../src/screens/Members.svelte';
import { id } from './ids';
import { answering, managerMia, memberView, ok, setUpStatus } from './ui';

const me = managerMia;

function enrolled(
  node: string,
  name: string,
  claims: string[],
  contestedBy: string[],
  uncontested: string[] = [],
): MemberView {
  return memberView(node, name, {
    earlier_nodes: [...claims, ...uncontested],
    contested_nodes: contestedBy.length
      ? claims.map((node) => ({ node, also_claimed_by: contestedBy }))
      : [],
  });
}

const OLD = '00a1b2c3d4e5f607';
const COPY = '1122334455667788';

function contested(): MembersList {
  return {
    organisation: 'org',
    me,
    members: [
      enrolled('a2a2a2a2a2a2a2a2', 'An', [OLD], ['Bert'], [COPY]),
      enrolled('b2b2b2b2b2b2b2b2', 'Bert', [OLD], ['An']),
    ],
    refusals: [],
  };
}

function as(role: Role) {
  app.status = setUpStatus({
    profile: { networker: id('n1'), name: 'Mia', email: 'mia@stad.gent', role },
  });
}

afterEach(() => {
  app.status = null;
});

describe('claims on earlier nodes in the roster', () => {
  it('names the earlier nodes and warns where another person claims one', async () => {
    as('manager');
    answering({ listMembers: () => ok(contested()) });
    render(Members);
    const rows = await screen.findAllByTestId('roster-member');
    const an = rows.find((row) => row.textContent?.includes('an@stad.gent'))!;
    // Only what counts as hers: the contested node is named in the warning instead.
    expect(within(an).getByTestId('roster-earlier-nodes')).toHaveTextContent(
      `what it wrote before as node ${COPY} counts as this store`,
    );
    expect(within(an).getByTestId('roster-earlier-nodes')).not.toHaveTextContent(OLD);
    const bert = rows.find((row) => row.textContent?.includes('bert@stad.gent'))!;
    expect(within(bert).queryByTestId('roster-earlier-nodes')).toBeNull();
    expect(within(an).getByTestId('roster-contested-node')).toHaveTextContent(
      `Node ${OLD} is also claimed by Bert: what it wrote counts for nobody`,
    );
  });

  it('drops the claim a manager confirms, and shows the roster the core answers', async () => {
    as('manager');
    const asked: [string, string][] = [];
    let members = contested();
    answering({
      listMembers: () => ok(members),
      dropClaim: (member: string, node: string) => {
        asked.push([member, node]);
        members = {
          ...members,
          members: [
            enrolled('a2a2a2a2a2a2a2a2', 'An', [OLD], [], [COPY]),
            enrolled('b2b2b2b2b2b2b2b2', 'Bert', [], []),
          ],
        };
        return ok(members);
      },
    });
    render(Members);
    const rows = await screen.findAllByTestId('roster-member');
    const bert = rows.find((row) => row.textContent?.includes('bert@stad.gent'))!;
    await fireEvent.click(within(bert).getByTestId('drop-claim'));
    const confirm = within(bert).getByTestId('drop-claim-confirm');
    expect(confirm).toHaveTextContent(`Drop Bert’s claim on node ${OLD}?`);
    expect(asked).toEqual([]);
    await fireEvent.click(within(confirm).getByTestId('drop-claim-run'));
    expect(asked).toEqual([['b2b2b2b2b2b2b2b2', OLD]]);
    expect(screen.queryAllByTestId('roster-contested-node')).toHaveLength(0);
    expect(screen.getByTestId('roster-earlier-nodes')).toHaveTextContent(`node ${OLD}, ${COPY}`);
    expect(screen.queryByTestId('drop-claim-confirm')).toBeNull();
    expect(app.toasts.map((toast) => toast.text)).toContain(`Bert’s claim on node ${OLD} dropped.`);
  });

  it('says why a claim could not be dropped and keeps the question open', async () => {
    as('manager');
    answering({
      listMembers: () => ok(contested()),
      dropClaim: () => ({
        status: 'error',
        error: {
          code: 'failed',
          message: 'The store could not be written: disk full.',
          field: null,
        },
      }),
    });
    render(Members);
    const rows = await screen.findAllByTestId('roster-member');
    const bert = rows.find((row) => row.textContent?.includes('bert@stad.gent'))!;
    await fireEvent.click(within(bert).getByTestId('drop-claim'));
    await fireEvent.click(within(bert).getByTestId('drop-claim-run'));
    const confirm = within(bert).getByTestId('drop-claim-confirm');
    expect(await within(confirm).findByText(/disk full/)).toBeVisible();
    expect(within(bert).getByTestId('roster-contested-node')).toBeVisible();
  });

  it('reads the roster again when the claim is gone already', async () => {
    as('manager');
    let reads = 0;
    answering({
      listMembers: () => {
        reads += 1;
        return ok(contested());
      },
      dropClaim: () => ({
        status: 'error',
        error: {
          code: 'not_found',
          message: `Bert's store does not name node ${OLD} as one it wrote under before`,
          field: null,
        },
      }),
    });
    render(Members);
    const rows = await screen.findAllByTestId('roster-member');
    const bert = rows.find((row) => row.textContent?.includes('bert@stad.gent'))!;
    const button = within(bert).getByTestId('drop-claim');
    expect(button).toHaveAccessibleName(`Drop Bert’s claim on node ${OLD}…`);
    await fireEvent.click(button);
    const before = reads;
    await fireEvent.click(within(bert).getByTestId('drop-claim-run'));
    await waitFor(() => expect(reads).toBeGreaterThan(before));
    expect(screen.queryByTestId('drop-claim-confirm')).toBeNull();
    expect(app.toasts.map((toast) => toast.text)).toContain(
      `Bert's store does not name node ${OLD} as one it wrote under before`,
    );
  });

  it('shows a networker the warning without the button', async () => {
    as('networker');
    answering({ listMembers: () => ok({ ...contested(), me: { ...me, role: 'networker' } }) });
    render(Members);
    await screen.findAllByTestId('roster-member');
    expect(screen.getAllByTestId('roster-contested-node')).toHaveLength(2);
    expect(screen.queryByTestId('drop-claim')).toBeNull();
  });
});
