// A store waiting for approval that says it writes for a member already enrolled (a restored
// backup, a new computer, or someone posing as them) is flagged in its row before the manager
// approves it; a newcomer's row carries no such warning. A store that says it wrote under earlier
// nodes (restored or copied) names them, since approving it makes their writes its own.
import { fireEvent, render, screen, waitFor, within } from '@testing-library/svelte';
import { afterEach, describe, expect, it } from 'vitest';
import { app } from '../src/lib/app.svelte';
import type { MemberView } from '../src/lib/bindings';
import Members from '../src/screens/Members.svelte';
import { id } from './ids';
import { answering, managerMia, memberView, ok, setUpStatus } from './ui';

const me = managerMia;

function pendingMember(
  node: string,
  name: string,
  earlier: MemberView['earlier_store'],
  earlierNodes: string[] = [],
): MemberView {
  return memberView(node, name, {
    status: 'pending',
    reason: "signed by a key that is not on the organisation's roster",
    earlier_store: earlier,
    earlier_nodes: earlierNodes,
  });
}

afterEach(() => {
  app.status = null;
});

describe('stores waiting for approval', () => {
  it('flags a store that says it writes for an enrolled member, and not a newcomer', async () => {
    app.status = setUpStatus({
      profile: { networker: id('n1'), name: 'Mia', email: 'mia@stad.gent', role: 'manager' },
    });
    const members = [
      pendingMember('9aa5', 'An', {
        name: 'An',
        email: 'an@stad.gent',
        node: '77b1',
        fingerprint: '12:34:56',
      }),
      pendingMember('c3d4', 'Bert', null),
    ];
    answering({
      listMembers: () => ok({ organisation: 'org', me, members, refusals: [] }),
    });
    render(Members);
    const rows = await screen.findAllByTestId('pending-member');
    expect(rows).toHaveLength(2);
    const an = rows.find((row) => row.textContent?.includes('an@stad.gent'))!;
    const bert = rows.find((row) => row.textContent?.includes('bert@stad.gent'))!;
    const warning = within(an).getByTestId('pending-earlier-store');
    expect(warning).toHaveTextContent('Says it writes for An (an@stad.gent)');
    expect(warning).toHaveTextContent('fingerprint 12:34:56');
    expect(warning).toHaveTextContent('Compare the fingerprint with An before approving');
    expect(within(bert).queryByTestId('pending-earlier-store')).toBeNull();
    expect(within(an).queryByTestId('pending-earlier-nodes')).toBeNull();
  });

  it('names the earlier nodes a restored or copied store says it wrote under', async () => {
    app.status = setUpStatus({
      profile: { networker: id('n1'), name: 'Mia', email: 'mia@stad.gent', role: 'manager' },
    });
    const members = [pendingMember('e5f6', 'Cara', null, ['00a1b2c3d4e5f607', '1122334455667788'])];
    answering({
      listMembers: () => ok({ organisation: 'org', me, members, refusals: [] }),
    });
    render(Members);
    const [cara] = await screen.findAllByTestId('pending-member');
    expect(within(cara).getByTestId('pending-earlier-nodes')).toHaveTextContent(
      'what it wrote as node 00a1b2c3d4e5f607, 1122334455667788 counts as this store',
    );
  });

  it('reads the list again when an approval enrolled the store but its held bundle did not merge', async () => {
    app.status = setUpStatus({
      profile: { networker: id('n1'), name: 'Mia', email: 'mia@stad.gent', role: 'manager' },
    });
    const waiting = pendingMember('9aa5', 'An', null);
    const enrolled = memberView('9aa5', 'An', { status: 'enrolled' });
    let approved = false;
    const listMembers = () =>
      ok({ organisation: 'org', me, members: [approved ? enrolled : waiting], refusals: [] });
    answering({
      listMembers,
      approveMember: () => {
        approved = true;
        return Promise.resolve({
          status: 'error' as const,
          error: {
            code: 'bundle_truncated',
            message: 'an.kring: the file is cut short; nothing was imported',
            field: null,
          },
        });
      },
    });
    render(Members);
    await fireEvent.click(await screen.findByTestId('approve-member'));
    await fireEvent.click(await screen.findByTestId('approve-run'));
    expect(await screen.findByText(/the file is cut short/)).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByTestId('pending-member')).toBeNull());
  });
});
