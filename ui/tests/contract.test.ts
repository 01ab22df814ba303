// The typed contract between the UI and the core (`src/lib/bindings.ts`, generated from the Rust
// types). `npm run check` type-checks this file: every `@ts-expect-error` below must meet an
// error, so if enums or ids turned back into free strings, the check would fail.
import { describe, expect, it } from 'vitest';
import { toAppError } from '../src/lib/api';
import { commands } from '../src/lib/bindings';
import type * as Contract from '../src/lib/bindings';

describe('the typed contract', () => {
  it('refuses literals the core does not know (visibility, role, error code, kind, member status, handover risk, KPI scope), and a name where an id belongs', () => {
    // @ts-expect-error 'secret' is not a visibility
    const visibility: Contract.Visibility = 'secret';
    // @ts-expect-error 'boss' is not a role
    const role: Contract.Role = 'boss';
    // @ts-expect-error the core's code is store_unavailable; in_use is not one the UI acts on
    const code: Contract.ErrorCode = 'in_use';
    // @ts-expect-error a name is not a record id
    const card: Contract.RecordId = 'Jan Peeters';
    // @ts-expect-error 'card' is not a kind of record
    const kind: Contract.RecordKind = 'card';
    // @ts-expect-error 'dot' is not a graph format
    const exportDot = () => commands.exportGraph('dot', '/tmp/network.dot');
    // @ts-expect-error 'approved' is not where a store stands: enrolled, pending, removed…
    const status: Contract.MemberView['status'] = 'approved';
    // @ts-expect-error a handover risk is high, medium or low
    const risk: Contract.HandoverItem['risk'] = 'critical';
    // @ts-expect-error KPIs are about the organisation, a networker, a team or a goal
    const scope: Contract.KpiScope['kind'] = 'unit';
    expect([
      visibility,
      role,
      code,
      card,
      kind,
      typeof exportDot,
      status,
      risk,
      scope,
    ]).toHaveLength(9);
  });

  it('refuses literals for the codes and kinds that crossed as free text before (capture note, duplicate clue, held bundle, captured card, swept, reviewed and privately held record, a link made in the app)', () => {
    // @ts-expect-error capture says no_known_stakeholder
    const capture: Contract.CaptureNote['code'] = 'no_stakeholder';
    // @ts-expect-error a clue is same_email
    const clue: Contract.DuplicateClue['code'] = 'same_mail';
    // @ts-expect-error a bundle is held for an unknown_key, a key_replaced or not_accepted
    const held: Contract.HeldBundle['code'] = 'unknown_signer';
    // @ts-expect-error a captured card is a person, an organisation or a networker
    const captured: Contract.CapturedCard['kind'] = 'contact';
    // @ts-expect-error a swept record's kind is a kind of record (or none: a newer Kring's)
    const swept: Contract.SweptRecord['kind'] = 'card';
    // @ts-expect-error a reviewed record's kind is a kind of record
    const reviewed: Contract.ReviewRecord['kind'] = 'followup';
    // @ts-expect-error a privately held record's kind is a kind of record
    const holding: Contract.PrivateHolding['kind'] = 'private_note';
    const id = 'x' as Contract.RecordId;
    // @ts-expect-error the app links with a usual kind: works_with
    const link = () => commands.addLink(id, id, 'works with');
    expect([capture, clue, held, captured, swept, reviewed, holding, typeof link]).toHaveLength(8);
  });

  it('reads a code the UI does not know as a plain failure, keeping the message', () => {
    const error = toAppError({ code: 'in_use', message: 'The store is in use.', field: null });
    expect(error.code).toBe('failed');
    expect(error.message).toBe('The store is in use.');
    expect(toAppError({ code: 'not_found', message: 'Gone.', field: null }).code).toBe('not_found');
  });
});
