import { randomUUID } from 'node:crypto';
import { generateSigningKey, peekTicketClaims, signTicketToken } from '@lanyard/core';
import { startTestServer, type TestServer } from './harness.js';
import {
  json,
  problemOf,
  scopedToken,
} from '../src/features/ticketing/test-support/ticket-fixtures.js';
import {
  checkIn,
  count,
  eventWithTickets,
  strangerCheckinToken,
  type SoldEvent,
} from '../src/features/checkin/test-support/checkin-fixtures.js';

describe.each(['pglite', 'postgres'] as const)('online check-in [%s]', (kind) => {
  let t: TestServer;
  let ev: SoldEvent;
  let other: SoldEvent;

  beforeAll(async () => {
    t = await startTestServer(kind);
    ev = await eventWithTickets(t, 8);
    other = await eventWithTickets(t, 1);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const ticket = (i: number) => ev.tickets[i]!;

  it('admits a ticket exactly once when 50 gates scan it at the same moment', async () => {
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        checkIn(t, ev.eventId, { token: ticket(0).token, gate: `gate-${i}` }),
      ),
    );
    const admitted = answers.filter((a) => a.result === 'admitted');
    expect(admitted).toHaveLength(1);
    const others = answers.filter((a) => a.result !== 'admitted');
    expect(new Set(others.map((a) => a.result))).toEqual(new Set(['already_checked_in']));
    // Every refusal points at the one admission.
    const winner = admitted[0]!;
    const gate = `gate-${answers.indexOf(winner)}`;
    for (const a of others) expect(a.previous?.gate).toBe(gate);
    expect(
      await count(t, 'SELECT count(*) AS n FROM checkin_scans WHERE ticket_id = $1', [
        ticket(0).id,
      ]),
    ).toBe(50);
    expect(
      await count(
        t,
        "SELECT count(*) AS n FROM checkin_scans WHERE ticket_id = $1 AND result = 'admitted'",
        [ticket(0).id],
      ),
    ).toBe(1);
  });

  it('answers with the attendee’s name and the ticket type for the screen', async () => {
    const a = await checkIn(t, ev.eventId, { token: ticket(1).token, gate: 'north' });
    expect(a).toMatchObject({
      result: 'admitted',
      reason: 'entry',
      ticketId: ticket(1).id,
      attendee: { name: expect.stringMatching(/^Attendee/) },
      ticketType: { id: ev.ticketTypeId, name: 'Regular' },
      listId: ev.eventId,
      replayed: false,
    });
    const again = await checkIn(t, ev.eventId, { token: ticket(1).token, gate: 'south' });
    expect(again).toMatchObject({
      result: 'already_checked_in',
      attendee: a.attendee,
      previous: { gate: 'north' },
    });
  });

  it('repeats the stored answer for a retried scanId and stores the scan once', async () => {
    const scanId = randomUUID();
    const first = await checkIn(t, ev.eventId, { token: ticket(2).token, scanId });
    const retry = await checkIn(t, ev.eventId, { token: ticket(2).token, scanId });
    expect(first).toMatchObject({ result: 'admitted', replayed: false });
    expect(retry).toMatchObject({ result: 'admitted', scanId, replayed: true });
    expect(
      await count(t, 'SELECT count(*) AS n FROM checkin_scans WHERE ticket_id = $1', [
        ticket(2).id,
      ]),
    ).toBe(1);
  });

  it('refuses a revoked ticket as revoked', async () => {
    await json(await t.api(`/api/v1/tickets/${ticket(3).id}/revoke`, { body: {} }), 200);
    expect(await checkIn(t, ev.eventId, { token: ticket(3).token })).toMatchObject({
      result: 'revoked',
      reason: 'revoked',
      ticketId: ticket(3).id,
    });
  });

  it('refuses the old token of a reissued ticket and admits the new one', async () => {
    const reissued = await json<{ token: string }>(
      await t.api(`/api/v1/tickets/${ticket(4).id}/reissue`, { body: {} }),
      200,
    );
    expect(await checkIn(t, ev.eventId, { token: ticket(4).token })).toMatchObject({
      result: 'revoked',
      reason: 'superseded',
    });
    expect(await checkIn(t, ev.eventId, { token: reissued.token })).toMatchObject({
      result: 'admitted',
    });
  });

  it('refuses a forged token naming a real ticket as bad_signature, tied to no ticket', async () => {
    // The real ticket's own claims and kid, signed with a key the event never had.
    const { rows } = await t.server.db.query<{ kid: string }>(
      'SELECT kid FROM event_signing_keys WHERE event_id = $1',
      [ev.eventId],
    );
    const forged = signTicketToken(
      peekTicketClaims(ticket(5).token)!,
      generateSigningKey(rows[0]!.kid),
    );
    const answer = await checkIn(t, ev.eventId, { token: forged });
    expect(answer).toMatchObject({ result: 'invalid', reason: 'bad_signature' });
    expect(answer.ticketId).toBeUndefined();
    expect(
      await count(
        t,
        'SELECT count(*) AS n FROM checkin_scans WHERE scan_id = $1 AND ticket_id IS NULL',
        [answer.scanId],
      ),
    ).toBe(1);
    expect(await checkIn(t, ev.eventId, { token: ticket(5).token })).toMatchObject({
      result: 'admitted',
    });
  });

  it('answers invalid for another event’s ticket and for garbage, storing both scans', async () => {
    const before = await count(t, 'SELECT count(*) AS n FROM checkin_scans WHERE event_id = $1', [
      ev.eventId,
    ]);
    const foreign = await checkIn(t, ev.eventId, { token: other.tickets[0]!.token });
    expect(foreign.result).toBe('invalid');
    // Each event signs with its own keys: another event's ticket names a key this one never had.
    expect(foreign.reason).toBe('unknown_key');
    expect(foreign.ticketId).toBeUndefined();
    for (const garbage of [
      '',
      'hello',
      'LY1:!!!!',
      'LY1:' + 'A'.repeat(300),
      '\u0000\ud800',
      'x'.repeat(4096),
    ]) {
      expect(await checkIn(t, ev.eventId, { token: garbage })).toMatchObject({
        result: 'invalid',
        reason: 'malformed',
      });
    }
    expect(
      await count(t, 'SELECT count(*) AS n FROM checkin_scans WHERE event_id = $1', [ev.eventId]),
    ).toBe(before + 7);
  });

  it('refuses malformed requests with 400 and never answers 500', async () => {
    const post = (body: unknown) => t.api(`/api/v1/events/${ev.eventId}/checkins`, { body });
    await problemOf(await post({}), 400, 'validation_failed');
    await problemOf(await post({ token: 'x', scanId: 'not-a-uuid' }), 400, 'validation_failed');
    await problemOf(await post({ token: 'x', direction: 'sideways' }), 400, 'validation_failed');
    await problemOf(await post({ token: 'x'.repeat(5000) }), 400, 'validation_failed');
    await problemOf(await post({ token: 'x', surprise: 1 }), 400, 'validation_failed');
    await problemOf(await post('[[['), 400, 'malformed_json');
    await problemOf(
      await post({ token: 'x', listId: randomUUID() }),
      404,
      'checkin_list_not_found',
    );
    await problemOf(
      await t.api(`/api/v1/events/${randomUUID()}/checkins`, { body: { token: 'x' } }),
      404,
      'event_not_found',
    );
  });

  it('needs the checkin scope, and hides other organizations’ events', async () => {
    const reader = await scopedToken(t, ['events:read']);
    await problemOf(
      await t.api(`/api/v1/events/${ev.eventId}/checkins`, { body: { token: 'x' }, token: reader }),
      403,
      'insufficient_scope',
    );
    await problemOf(
      await t.api(`/api/v1/events/${ev.eventId}/checkins`, { body: { token: 'x' }, token: null }),
      401,
      'missing_token',
    );
    const stranger = await strangerCheckinToken(t);
    await problemOf(
      await t.api(`/api/v1/events/${ev.eventId}/checkins`, {
        body: { token: ticket(5).token },
        token: stranger,
      }),
      404,
      'event_not_found',
    );
    const staff = await scopedToken(t, ['checkin']);
    expect((await checkIn(t, ev.eventId, { token: 'x' }, staff)).result).toBe('invalid');
  });
});
