import { startTestServer, type TestServer } from './harness.js';
import {
  createSale,
  json,
  otherOrganizationToken,
  problemOf,
  publishedKeys,
  register,
  scopedToken,
  verifyWithPublishedKeys,
  type Order,
  type Sale,
  type TicketBody,
} from '../src/features/ticketing/test-support/ticket-fixtures.js';
import { decodeQr, rasterize } from '../src/features/ticketing/test-support/qr-decode.js';

describe.each(['pglite', 'postgres'] as const)('reading tickets over HTTP [%s]', (kind) => {
  let t: TestServer;
  let sale: Sale;
  let order: Order;
  let ticketId: string;

  beforeAll(async () => {
    t = await startTestServer(kind);
    sale = await createSale(t);
    order = await register(t, sale, 2);
    ticketId = order.tickets[0]!.id;
  });
  afterAll(async () => {
    await t?.stop();
  });

  const asHolder = (path: string, key: string) =>
    t.api(path, { token: null, headers: { 'x-access-key': key } });

  it('shows the holder their ticket with the order’s access key, in the header or the query', async () => {
    const viaHeader = await asHolder(`/api/v1/tickets/${ticketId}`, order.accessKey);
    expect(viaHeader.headers.get('cache-control')).toBe('private, no-store');
    const ticket = await json<TicketBody>(viaHeader, 200);
    expect(ticket).toMatchObject({
      id: ticketId,
      status: 'valid',
      token: order.tickets[0]!.token,
      revision: 0,
      eventId: sale.eventId,
      ticketTypeId: sale.ticketTypeId,
      ticketTypeName: 'Regular',
      orderId: order.id,
      attendee: { name: expect.stringMatching(/^Attendee/), email: expect.any(String) },
    });
    const viaQuery = await t.api(
      `/api/v1/tickets/${ticketId}?key=${encodeURIComponent(order.accessKey)}`,
      { token: null },
    );
    expect(await json<TicketBody>(viaQuery, 200)).toEqual(ticket);
  });

  it('shows staff of the event’s organization the ticket with a tickets:read token', async () => {
    const token = await scopedToken(t, ['tickets:read']);
    const ticket = await json<TicketBody>(
      await t.api(`/api/v1/tickets/${ticketId}`, { token }),
      200,
    );
    expect(ticket).toMatchObject({ id: ticketId, token: order.tickets[0]!.token });
  });

  it('answers "not found" to another order’s key, a made-up key and another organization’s staff, as to an unknown ticket', async () => {
    const other = await register(t, sale);
    const elsewhere = await otherOrganizationToken(t);
    const unknown = await problemOf(
      await asHolder('/api/v1/tickets/00000000-0000-4000-8000-000000000000', order.accessKey),
      404,
      'ticket_not_found',
    );
    const refusals = [
      await asHolder(`/api/v1/tickets/${ticketId}`, other.accessKey),
      await asHolder(`/api/v1/tickets/${ticketId}`, 'made-up-key'),
      await t.api(`/api/v1/tickets/${ticketId}`, { token: elsewhere }),
      await asHolder(`/api/v1/tickets/${ticketId}/qr.png`, other.accessKey),
      await asHolder(`/api/v1/tickets/${ticketId}/history`, other.accessKey),
    ];
    for (const res of refusals) {
      const body = await problemOf(res, 404, 'ticket_not_found');
      expect(body.title).toBe(unknown.title);
    }
  });

  it('asks for a credential when none is sent, and refuses a bad bearer token', async () => {
    for (const path of ['', '/qr.png', '/qr.svg', '/history']) {
      await problemOf(
        await t.api(`/api/v1/tickets/${ticketId}${path}`, { token: null }),
        401,
        'missing_credential',
      );
    }
    const bad = await t.api(`/api/v1/tickets/${ticketId}`, { token: 'not.a.jwt' });
    expect(bad.status).toBe(401);
    // A bearer token is the credential when sent: a valid access key beside a bad token does not help.
    const both = await t.api(`/api/v1/tickets/${ticketId}?key=${order.accessKey}`, {
      token: 'not.a.jwt',
    });
    expect(both.status).toBe(401);
  });

  it('refuses a staff token without tickets:read with 403, before looking the ticket up', async () => {
    const token = await scopedToken(t, ['events:read']);
    for (const id of [ticketId, '00000000-0000-4000-8000-000000000000']) {
      await problemOf(await t.api(`/api/v1/tickets/${id}`, { token }), 403, 'insufficient_scope');
    }
  });

  it('serves the QR code as a PNG that a scanner reads back as exactly the ticket’s token', async () => {
    const res = await asHolder(`/api/v1/tickets/${ticketId}/qr.png?scale=4`, order.accessKey);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const image = await rasterize(Buffer.from(await res.arrayBuffer()), 'png');
    expect(decodeQr(image)).toEqual({ text: order.tickets[0]!.token, errorCorrection: 'M' });
  });

  it('serves the QR code as an SVG that reads back as exactly the token, to staff too', async () => {
    const res = await t.api(`/api/v1/tickets/${ticketId}/qr.svg`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^image\/svg\+xml/);
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const image = await rasterize(await res.text(), 'svg');
    expect(decodeQr(image)).toEqual({ text: order.tickets[0]!.token, errorCorrection: 'M' });
  });

  it('refuses a QR scale out of range', async () => {
    for (const scale of ['0', '33', 'big', '2.5']) {
      await problemOf(
        await asHolder(`/api/v1/tickets/${ticketId}/qr.png?scale=${scale}`, order.accessKey),
        400,
        'validation_failed',
      );
    }
  });

  it('issues tokens that core’s verifier accepts offline with the keys the signing-keys endpoint publishes', async () => {
    const keys = await publishedKeys(t, sale.eventId);
    expect(keys).toEqual([
      { kid: expect.any(String), alg: 'Ed25519', publicKey: expect.any(String), retired: false },
    ]);
    for (const issued of order.tickets) {
      const verdict = await verifyWithPublishedKeys(t, sale.eventId, issued.token);
      expect(verdict).toEqual({
        ok: true,
        claims: expect.objectContaining({
          eventId: sale.eventId,
          ticketId: issued.id,
          ticketTypeId: sale.ticketTypeId,
          revision: 0,
          kid: keys[0]!.kid,
        }),
      });
    }
  });

  it('rotates the signing key: new tokens use the new key, older tokens still verify with the retired one', async () => {
    const before = await publishedKeys(t, sale.eventId);
    const reader = await scopedToken(t, ['tickets:read', 'tickets:write']);
    await problemOf(
      await t.api(`/api/v1/events/${sale.eventId}/signing-keys/rotate`, {
        method: 'POST',
        token: reader,
      }),
      403,
      'insufficient_scope',
    );
    const rotated = await json<{ kid: string; retired: boolean }>(
      await t.api(`/api/v1/events/${sale.eventId}/signing-keys/rotate`, { method: 'POST' }),
      201,
    );
    expect(rotated.retired).toBe(false);
    expect(rotated.kid).not.toBe(before[0]!.kid);
    const after = await publishedKeys(t, sale.eventId);
    expect(after.map((k) => [k.kid, (k as unknown as { retired: boolean }).retired])).toEqual([
      [rotated.kid, false],
      [before[0]!.kid, true],
    ]);
    expect(JSON.stringify(after)).not.toMatch(/privateKey|"d"/);

    const fresh = await register(t, sale);
    const verdict = await verifyWithPublishedKeys(t, sale.eventId, fresh.tickets[0]!.token);
    expect(verdict).toMatchObject({ ok: true, claims: { kid: rotated.kid } });
    const old = await verifyWithPublishedKeys(t, sale.eventId, order.tickets[1]!.token);
    expect(old).toMatchObject({ ok: true, claims: { kid: before[0]!.kid } });
  });

  it('does not show another organization the event’s keys, nor let it rotate them', async () => {
    const elsewhere = await otherOrganizationToken(t);
    await problemOf(
      await t.api(`/api/v1/events/${sale.eventId}/signing-keys`, { token: elsewhere }),
      404,
      'event_not_found',
    );
    const keysBefore = await publishedKeys(t, sale.eventId);
    await problemOf(
      await t.api(`/api/v1/events/${sale.eventId}/signing-keys/rotate`, {
        method: 'POST',
        token: elsewhere,
      }),
      404,
      'event_not_found',
    );
    expect(await publishedKeys(t, sale.eventId)).toEqual(keysBefore);
  });

  it('lists an event’s tickets to staff page by page, without repeats or gaps, and by status', async () => {
    const own = await createSale(t);
    const orders = [await register(t, own, 3), await register(t, own, 2)];
    const all = orders.flatMap((o) => o.tickets.map((x) => x.id));
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `&cursor=${cursor}` : '';
      const page: { items: TicketBody[]; nextCursor: string | null } = await json(
        await t.api(`/api/v1/events/${own.eventId}/tickets?limit=2${query}`),
        200,
      );
      seen.push(...page.items.map((x) => x.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen.sort()).toEqual([...all].sort());

    await json(await t.api(`/api/v1/tickets/${all[0]}/revoke`, { method: 'POST' }), 200);
    const revoked = await json<{ items: TicketBody[] }>(
      await t.api(`/api/v1/events/${own.eventId}/tickets?status=revoked`),
      200,
    );
    expect(revoked.items.map((x) => x.id)).toEqual([all[0]]);
  });

  it('says in the ticket list when each ticket was first admitted, and null for the others', async () => {
    const own = await createSale(t);
    const [first, second] = (await register(t, own, 2)).tickets;
    const checkin = await json<{ result: string }>(
      await t.api(`/api/v1/events/${own.eventId}/checkins`, { body: { token: first!.token } }),
      200,
    );
    expect(checkin.result).toBe('admitted');
    const page = await json<{ items: (TicketBody & { checkedInAt: string | null })[] }>(
      await t.api(`/api/v1/events/${own.eventId}/tickets`),
      200,
    );
    const at = (id: string) => page.items.find((x) => x.id === id)!.checkedInAt;
    expect(Date.parse(at(first!.id)!)).toBeGreaterThan(Date.now() - 60_000);
    expect(at(second!.id)).toBeNull();
  });

  it('refuses the ticket list to another organization, a bad cursor and an unknown status', async () => {
    await problemOf(
      await t.api(`/api/v1/events/${sale.eventId}/tickets`, {
        token: await otherOrganizationToken(t),
      }),
      404,
      'event_not_found',
    );
    await problemOf(
      await t.api(`/api/v1/events/${sale.eventId}/tickets?cursor=bogus`),
      400,
      'invalid_cursor',
    );
    await problemOf(
      await t.api(`/api/v1/events/${sale.eventId}/tickets?status=lost`),
      400,
      'validation_failed',
    );
  });
});
