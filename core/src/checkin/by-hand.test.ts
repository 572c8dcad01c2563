import { decideCheckin } from './decide.js';
import { verifiedByHand } from './by-hand.js';

const eventId = '0a1b2c3d-0000-4000-8000-000000000001';
const ticket = {
  id: '0a1b2c3d-0000-4000-8000-000000000002',
  eventId,
  ticketTypeId: '0a1b2c3d-0000-4000-8000-000000000003',
  revision: 2,
};
const list = { id: eventId, eventId, ticketTypeIds: 'all' as const, entryRule: 'single' as const };
const at = new Date('2030-06-01T09:00:00Z');

describe('a check-in by hand', () => {
  it('admits a valid ticket once, by the rule a scan of its code meets', () => {
    const token = verifiedByHand(ticket);
    const known = {
      id: ticket.id,
      status: 'valid' as const,
      ticketTypeId: ticket.ticketTypeId,
      revision: 2,
    };
    expect(decideCheckin({ token, ticket: known, list, previousScans: [], at })).toMatchObject({
      result: 'admitted',
      ticketId: ticket.id,
    });
    const inside = [{ direction: 'entry' as const, result: 'admitted' as const, scannedAt: at }];
    expect(decideCheckin({ token, ticket: known, list, previousScans: inside, at }).result).toBe(
      'already_checked_in',
    );
  });

  it('refuses a revoked ticket, and one not on the list', () => {
    const token = verifiedByHand(ticket);
    const revoked = {
      id: ticket.id,
      status: 'revoked' as const,
      ticketTypeId: ticket.ticketTypeId,
    };
    expect(decideCheckin({ token, ticket: revoked, list, previousScans: [], at }).result).toBe(
      'revoked',
    );
    const vipOnly = { ...list, ticketTypeIds: ['0a1b2c3d-0000-4000-8000-000000000009'] };
    const known = { id: ticket.id, status: 'valid' as const, ticketTypeId: ticket.ticketTypeId };
    expect(
      decideCheckin({ token, ticket: known, list: vipOnly, previousScans: [], at }),
    ).toMatchObject({
      result: 'invalid',
      reason: 'not_on_list',
    });
  });
});
