import { startTestServer, type TestServer } from './harness.js';
import { releaseExpiredHolds } from '../src/features/registration/holds.js';
import {
  createSale,
  historyActions,
  json,
  outboxTopics,
  problemOf,
  register,
  scopedToken,
  verifyWithPublishedKeys,
  type Sale,
  type TicketBody,
} from '../src/features/ticketing/test-support/ticket-fixtures.js';

interface HistoryBody {
  ticketId: string;
  entries: { at: string; action: string; actor: string; details: Record<string, unknown> }[];
}

describe.each(['pglite', 'postgres'] as const)('changing tickets over HTTP [%s]', (kind) => {
  let t: TestServer;
  let sale: Sale;

  beforeAll(async () => {
    t = await startTestServer(kind);
    sale = await createSale(t);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const post = (path: string, body?: unknown, init: { token?: string | null } = {}) =>
    t.api(path, { method: 'POST', ...(body === undefined ? {} : { body }), ...init });
  const read = async (ticketId: string) =>
    json<TicketBody>(await t.api(`/api/v1/tickets/${ticketId}`), 200);

  describe('reissue', () => {
    it('gives the ticket a new token of the next revision that verifies, and records the old revision', async () => {
      const order = await register(t, sale);
      const { id, token: oldToken } = order.tickets[0]!;
      const reissued = await json<TicketBody>(
        await post(`/api/v1/tickets/${id}/reissue`, { reason: 'phone lost' }),
        200,
      );
      expect(reissued).toMatchObject({ id, status: 'valid', revision: 1 });
      expect(reissued.token).not.toBe(oldToken);
      expect(await verifyWithPublishedKeys(t, sale.eventId, reissued.token)).toMatchObject({
        ok: true,
        claims: { ticketId: id, revision: 1 },
      });
      // The old token is still authentic; what refuses it is the revision the server now holds.
      expect(await verifyWithPublishedKeys(t, sale.eventId, oldToken)).toMatchObject({
        ok: true,
        claims: { revision: 0 },
      });
      const holderView = await json<TicketBody>(
        await t.api(`/api/v1/tickets/${id}`, {
          token: null,
          headers: { 'x-access-key': order.accessKey },
        }),
        200,
      );
      expect(holderView).toMatchObject({ token: reissued.token, revision: 1 });

      const history = await json<HistoryBody>(await t.api(`/api/v1/tickets/${id}/history`), 200);
      expect(history.entries.map((e) => e.action)).toEqual(['issued', 'reissued']);
      expect(history.entries[1]!.details).toMatchObject({
        previousRevision: 0,
        revision: 1,
        reason: 'phone lost',
      });
      expect(await outboxTopics(t, id)).toEqual(['ticket.reissued']);
    });

    it('ends two or more simultaneous reissues of one ticket with one consistent revision', async () => {
      const { id } = (await register(t, sale)).tickets[0]!;
      const answers = await Promise.all(
        Array.from({ length: 6 }, () => post(`/api/v1/tickets/${id}/reissue`)),
      );
      const bodies = await Promise.all(answers.map((res) => json<TicketBody>(res, 200)));
      expect(bodies.map((b) => b.revision).sort()).toEqual([1, 2, 3, 4, 5, 6]);
      const final = await read(id);
      expect(final.revision).toBe(6);
      expect(final.token).toBe(bodies.find((b) => b.revision === 6)!.token);
      expect(await verifyWithPublishedKeys(t, sale.eventId, final.token)).toMatchObject({
        ok: true,
        claims: { revision: 6 },
      });
      const history = await json<HistoryBody>(await t.api(`/api/v1/tickets/${id}/history`), 200);
      expect(
        history.entries.filter((e) => e.action === 'reissued').map((e) => e.details.revision),
      ).toEqual([1, 2, 3, 4, 5, 6]);
    });
  });

  describe('transfer', () => {
    it('hands the ticket to a new holder with a new key; the previous holder’s key no longer opens it', async () => {
      const order = await register(t, sale, 2);
      const [moving, staying] = order.tickets as [Order['tickets'][0], Order['tickets'][0]];
      const res = await t.api(`/api/v1/tickets/${moving.id}/transfer`, {
        token: null,
        headers: { 'x-access-key': order.accessKey },
        body: { attendee: { name: 'Grace Hopper', email: 'grace@example.org' } },
      });
      expect(res.headers.get('cache-control')).toBe('private, no-store');
      const moved = await json<TicketBody & { accessKey: string }>(res, 200);
      expect(moved).toMatchObject({
        id: moving.id,
        status: 'valid',
        revision: 1,
        orderId: order.id,
        attendee: { name: 'Grace Hopper', email: 'grace@example.org' },
        accessKey: expect.any(String),
      });
      expect(moved.accessKey).not.toBe(order.accessKey);
      expect(moved.token).not.toBe(moving.token);
      expect(await verifyWithPublishedKeys(t, sale.eventId, moved.token)).toMatchObject({
        ok: true,
        claims: { ticketId: moving.id, revision: 1 },
      });

      const asHolder = (ticketId: string, key: string) =>
        t.api(`/api/v1/tickets/${ticketId}`, { token: null, headers: { 'x-access-key': key } });
      await problemOf(await asHolder(moving.id, order.accessKey), 404, 'ticket_not_found');
      expect(await json<TicketBody>(await asHolder(moving.id, moved.accessKey), 200)).toMatchObject(
        {
          token: moved.token,
        },
      );
      // The buyer keeps the ticket that did not move; the new key opens only the moved one.
      expect((await asHolder(staying.id, order.accessKey)).status).toBe(200);
      await problemOf(await asHolder(staying.id, moved.accessKey), 404, 'ticket_not_found');
      // Nor can the previous holder take it back.
      await problemOf(
        await t.api(`/api/v1/tickets/${moving.id}/transfer`, {
          token: null,
          headers: { 'x-access-key': order.accessKey },
          body: { attendee: { name: 'Back', email: 'back@example.org' } },
        }),
        404,
        'ticket_not_found',
      );

      const staffView = await json<HistoryBody>(
        await t.api(`/api/v1/tickets/${moving.id}/history`),
        200,
      );
      expect(staffView.entries.map((e) => e.action)).toEqual(['issued', 'transferred']);
      expect(staffView.entries[1]).toMatchObject({
        actor: 'attendee',
        details: {
          previousRevision: 0,
          revision: 1,
          from: { name: expect.any(String) },
          to: { email: 'grace@example.org' },
        },
      });
      const holderView = await json<HistoryBody>(
        await t.api(`/api/v1/tickets/${moving.id}/history`, {
          token: null,
          headers: { 'x-access-key': moved.accessKey },
        }),
        200,
      );
      expect(holderView.entries.map((e) => e.action)).toEqual(['issued', 'transferred']);
      expect(holderView.entries[1]!.details.from).toBeUndefined();
      expect(await outboxTopics(t, moving.id)).toEqual(['ticket.transferred']);
    });

    it('lets the new holder pass it on, and staff with tickets:write transfer it too', async () => {
      const order = await register(t, sale);
      const id = order.tickets[0]!.id;
      const first = await json<{ accessKey: string }>(
        await t.api(`/api/v1/tickets/${id}/transfer?key=${order.accessKey}`, {
          token: null,
          body: { attendee: { name: 'B', email: 'b@example.org' } },
        }),
        200,
      );
      const second = await json<TicketBody & { accessKey: string }>(
        await t.api(`/api/v1/tickets/${id}/transfer`, {
          token: null,
          headers: { 'x-access-key': first.accessKey },
          body: { attendee: { name: 'C', email: 'c@example.org' } },
        }),
        200,
      );
      expect(second.revision).toBe(2);
      const readOnly = await scopedToken(t, ['tickets:read']);
      await problemOf(
        await t.api(`/api/v1/tickets/${id}/transfer`, {
          token: readOnly,
          body: { attendee: { name: 'D', email: 'd@example.org' } },
        }),
        403,
        'insufficient_scope',
      );
      const byStaff = await json<TicketBody>(
        await post(`/api/v1/tickets/${id}/transfer`, {
          attendee: { name: 'D', email: 'd@example.org' },
        }),
        200,
      );
      expect(byStaff).toMatchObject({ revision: 3, attendee: { name: 'D' } });
      expect(await historyActions(t, id)).toEqual([
        'issued',
        'transferred',
        'transferred',
        'transferred',
      ]);
      await problemOf(
        await t.api(`/api/v1/tickets/${id}`, {
          token: null,
          headers: { 'x-access-key': second.accessKey },
        }),
        404,
        'ticket_not_found',
      );
    });

    it('refuses to transfer a ticket whose order is not paid yet', async () => {
      const paid = await createSale(t, 2500);
      const order = await register(t, paid);
      expect(order.tickets[0]!.status).toBe('pending');
      await problemOf(
        await post(`/api/v1/tickets/${order.tickets[0]!.id}/transfer`, {
          attendee: { name: 'X', email: 'x@example.org' },
        }),
        409,
        'ticket_not_valid',
      );
      expect(await historyActions(t, order.tickets[0]!.id)).toEqual(['issued']);
    });
  });

  describe('revoke', () => {
    it('revokes once: status revoked, history issued → revoked, one outbox message; a second revoke changes nothing', async () => {
      const order = await register(t, sale);
      const id = order.tickets[0]!.id;
      const revoked = await json<TicketBody>(
        await post(`/api/v1/tickets/${id}/revoke`, { reason: 'chargeback' }),
        200,
      );
      expect(revoked).toMatchObject({ id, status: 'revoked', revision: 0 });
      const again = await json<TicketBody>(await post(`/api/v1/tickets/${id}/revoke`), 200);
      expect(again).toEqual(revoked);

      const history = await json<HistoryBody>(await t.api(`/api/v1/tickets/${id}/history`), 200);
      expect(history.entries.map((e) => e.action)).toEqual(['issued', 'revoked']);
      expect(history.entries[1]!.details).toEqual({
        previousStatus: 'valid',
        reason: 'chargeback',
      });
      expect(await outboxTopics(t, id)).toEqual(['ticket.revoked']);
      // The holder still sees the ticket, and that it is revoked.
      expect(
        await json<TicketBody>(
          await t.api(`/api/v1/tickets/${id}`, {
            token: null,
            headers: { 'x-access-key': order.accessKey },
          }),
          200,
        ),
      ).toMatchObject({ status: 'revoked' });
    });

    it('refuses to reissue or transfer a revoked ticket, changing nothing', async () => {
      const order = await register(t, sale);
      const id = order.tickets[0]!.id;
      await json(await post(`/api/v1/tickets/${id}/revoke`), 200);
      const before = await read(id);
      await problemOf(await post(`/api/v1/tickets/${id}/reissue`), 409, 'ticket_revoked');
      await problemOf(
        await t.api(`/api/v1/tickets/${id}/transfer`, {
          token: null,
          headers: { 'x-access-key': order.accessKey },
          body: { attendee: { name: 'X', email: 'x@example.org' } },
        }),
        409,
        'ticket_revoked',
      );
      expect(await read(id)).toEqual(before);
      expect(await historyActions(t, id)).toEqual(['issued', 'revoked']);
    });

    it('refuses a token without tickets:write with 403 and leaves the ticket valid', async () => {
      const id = (await register(t, sale)).tickets[0]!.id;
      const readOnly = await scopedToken(t, ['tickets:read', 'events:write']);
      for (const action of ['revoke', 'reissue']) {
        await problemOf(
          await post(`/api/v1/tickets/${id}/${action}`, undefined, { token: readOnly }),
          403,
          'insufficient_scope',
        );
      }
      expect(await read(id)).toMatchObject({ status: 'valid', revision: 0 });
      expect(await historyActions(t, id)).toEqual(['issued']);
      expect(await outboxTopics(t, id)).toEqual([]);
    });

    it('is not open to the holder’s access key', async () => {
      const order = await register(t, sale);
      const res = await t.api(`/api/v1/tickets/${order.tickets[0]!.id}/revoke`, {
        method: 'POST',
        token: null,
        headers: { 'x-access-key': order.accessKey },
      });
      await problemOf(res, 401, 'missing_token');
      expect((await read(order.tickets[0]!.id)).status).toBe('valid');
    });
  });

  describe('tickets that ended', () => {
    it('refuses to revoke, reissue or transfer a ticket cancelled with its expired order', async () => {
      const paid = await createSale(t, 2500);
      const order = await register(t, paid);
      const id = order.tickets[0]!.id;
      const later = new Date(Date.now() + 365 * 24 * 3600_000);
      expect(
        await releaseExpiredHolds(t.server.db, { ticketTypeId: paid.ticketTypeId, now: later }),
      ).toBe(1);
      const before = await read(id);
      expect(before.status).toBe('cancelled');
      await problemOf(await post(`/api/v1/tickets/${id}/revoke`), 409, 'ticket_cancelled');
      await problemOf(await post(`/api/v1/tickets/${id}/reissue`), 409, 'ticket_cancelled');
      await problemOf(
        await post(`/api/v1/tickets/${id}/transfer`, {
          attendee: { name: 'X', email: 'x@example.org' },
        }),
        409,
        'ticket_cancelled',
      );
      expect(await read(id)).toEqual(before);
      expect(await historyActions(t, id)).toEqual(['issued', 'cancelled']);
    });

    it('refuses a reissue past the last revision a token can carry', async () => {
      const id = (await register(t, sale)).tickets[0]!.id;
      await t.server.db.query('UPDATE tickets SET revision = 65535 WHERE id = $1', [id]);
      await problemOf(await post(`/api/v1/tickets/${id}/reissue`), 409, 'revision_exhausted');
      expect((await read(id)).revision).toBe(65535);
    });
  });

  describe('bad input', () => {
    it('answers a non-UUID ticket id with 400 on every ticket endpoint', async () => {
      const order = await register(t, sale);
      for (const [method, path] of [
        ['GET', ''],
        ['GET', '/qr.png'],
        ['GET', '/qr.svg'],
        ['GET', '/history'],
        ['POST', '/revoke'],
        ['POST', '/reissue'],
        ['POST', '/transfer'],
      ] as const) {
        const res = await t.api(`/api/v1/tickets/not-a-uuid${path}?key=${order.accessKey}`, {
          method,
          ...(path === '/transfer'
            ? { body: { attendee: { name: 'X', email: 'x@example.org' } } }
            : {}),
        });
        await problemOf(res, 400, 'validation_failed');
      }
    });

    it('answers an unknown ticket with 404 on every ticket endpoint', async () => {
      const unknown = '00000000-0000-4000-8000-00000000beef';
      for (const [method, path] of [
        ['GET', ''],
        ['GET', '/qr.png'],
        ['GET', '/history'],
        ['POST', '/revoke'],
        ['POST', '/reissue'],
        ['POST', '/transfer'],
      ] as const) {
        const res = await t.api(`/api/v1/tickets/${unknown}${path}`, {
          method,
          ...(path === '/transfer'
            ? { body: { attendee: { name: 'X', email: 'x@example.org' } } }
            : {}),
        });
        await problemOf(res, 404, 'ticket_not_found');
      }
    });

    it('refuses malformed bodies with 400 and changes nothing', async () => {
      const order = await register(t, sale);
      const id = order.tickets[0]!.id;
      const before = await read(id);
      const cases: [string, unknown][] = [
        ['/revoke', { reason: 'x'.repeat(501) }],
        ['/revoke', { because: 'unknown field' }],
        ['/reissue', { reason: '' }],
        ['/transfer', { attendee: { name: 'X', email: 'not-an-email' } }],
        ['/transfer', { attendee: { name: '', email: 'x@example.org' } }],
        ['/transfer', { attendee: { name: 'X' } }],
        ['/transfer', {}],
        ['/transfer', '{"attendee": '],
      ];
      for (const [path, body] of cases) {
        const res = await post(`/api/v1/tickets/${id}${path}`, body);
        expect(res.status).toBe(400);
        expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      }
      expect(await read(id)).toEqual(before);
      expect(await historyActions(t, id)).toEqual(['issued']);
      expect(await outboxTopics(t, id)).toEqual([]);
    });
  });
});

type Order = Awaited<ReturnType<typeof register>>;
