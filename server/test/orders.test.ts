import { startTestServer, type TestServer } from './harness.js';
import {
  createPaidSale,
  getOrderAsStaff,
  json,
  otherOrganizationToken,
  outboxTopics,
  problemOf,
  registerFor,
  scopedToken,
  ticketTypeCounts,
  type Order,
} from '../src/features/payments/test-support/payment-fixtures.js';

interface Page {
  items: Omit<Order, 'tickets' | 'payments' | 'refunds'>[];
  nextCursor: string | null;
}

describe.each(['pglite', 'postgres'] as const)('orders: views and cancellation [%s]', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const asBuyer = (path: string, key: string, method = 'GET') =>
    t.api(path, { method, token: null, headers: { 'x-access-key': key } });
  const cancel = (orderId: string, init: { key?: string; token?: string; reason?: string } = {}) =>
    t.api(`/api/v1/orders/${orderId}/cancel`, {
      method: 'POST',
      ...(init.key ? { token: null, headers: { 'x-access-key': init.key } } : {}),
      ...(init.token ? { token: init.token } : {}),
      ...(init.reason ? { body: { reason: init.reason } } : {}),
    });

  it('lets the buyer cancel an unpaid order with its key: tickets cancelled, held seats available again', async () => {
    const sale = await createPaidSale(t, { quantity: 4 });
    const order = await registerFor(t, sale, 3);
    expect(await ticketTypeCounts(t, sale)).toEqual({ sold: 0, held: 3, available: 1 });

    const cancelled = await json<Order>(await cancel(order.id, { key: order.accessKey }), 200);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.tickets.map((x) => x.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(await ticketTypeCounts(t, sale)).toEqual({ sold: 0, held: 0, available: 4 });
    expect(await outboxTopics(t, order.id)).toEqual([
      'registration.pending_payment',
      'order.cancelled',
    ]);
    const history = await json<{ entries: { action: string; actor: string }[] }>(
      await t.api(`/api/v1/tickets/${order.tickets[0]!.id}/history`),
      200,
    );
    expect(history.entries.at(-1)).toMatchObject({ action: 'cancelled', actor: 'attendee' });
    // Cancelling is done once.
    await problemOf(await cancel(order.id, { key: order.accessKey }), 409, 'order_cancelled');
  });

  it('lets staff cancel a paid order, returning its sold seats, but not the buyer', async () => {
    const sale = await createPaidSale(t, { quantity: 2 });
    const order = await registerFor(t, sale, 2);
    await json(await t.api(`/api/v1/orders/${order.id}/mark-paid`, { method: 'POST' }), 200);
    expect(await ticketTypeCounts(t, sale)).toEqual({ sold: 2, held: 0, available: 0 });

    await problemOf(await cancel(order.id, { key: order.accessKey }), 403, 'order_paid');
    await problemOf(
      await cancel(order.id, { token: await scopedToken(t, ['tickets:read']) }),
      403,
      'insufficient_scope',
    );
    await problemOf(
      await cancel(order.id, { token: await otherOrganizationToken(t) }),
      404,
      'order_not_found',
    );
    expect(await ticketTypeCounts(t, sale)).toEqual({ sold: 2, held: 0, available: 0 });

    const cancelled = await json<Order>(
      await cancel(order.id, { reason: 'duplicate booking' }),
      200,
    );
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      paidCents: 10000,
      refundDueCents: 10000,
    });
    expect(await ticketTypeCounts(t, sale)).toEqual({ sold: 0, held: 0, available: 2 });
  });

  it('lets the buyer cancel a free registration', async () => {
    const sale = await createPaidSale(t, { priceCents: 0, quantity: 1 });
    const order = await registerFor(t, sale);
    expect(order.status).toBe('confirmed');
    await json<Order>(await cancel(order.id, { key: order.accessKey }), 200);
    expect(await ticketTypeCounts(t, sale)).toEqual({ sold: 0, held: 0, available: 1 });
  });

  it('offers the seats of a cancelled order to the waitlist first', async () => {
    const sale = await createPaidSale(t, { priceCents: 0, quantity: 1 });
    const order = await registerFor(t, sale);
    const waiting = await t.api(`/api/v1/events/${sale.eventId}/registrations`, {
      token: null,
      body: {
        ticketTypeId: sale.ticketTypeId,
        quantity: 1,
        attendee: { name: 'Next In Line', email: 'next@example.org' },
        joinWaitlist: true,
      },
    });
    const entry = await json<{ waitlistEntryId: string }>(waiting, 202);

    await json<Order>(await cancel(order.id), 200);
    // The freed seat is held for the waitlist's first entry, not back on public sale.
    expect(await ticketTypeCounts(t, sale)).toEqual({ sold: 0, held: 1, available: 0 });
    const { rows } = await t.server.db.query<{ status: string }>(
      'SELECT status FROM waitlist_entries WHERE id = $1',
      [entry.waitlistEntryId],
    );
    expect(rows[0]!.status).toBe('offered');
  });

  it('shows an order to staff and to its buyer, and to nobody else', async () => {
    const sale = await createPaidSale(t);
    const order = await registerFor(t, sale, 2);
    const staff = await getOrderAsStaff(t, order.id);
    expect(staff).toMatchObject({
      id: order.id,
      eventId: sale.eventId,
      status: 'pending_payment',
      quantity: 2,
      totalCents: 10000,
      paidCents: 0,
      refundedCents: 0,
      currency: 'EUR',
      paymentMethod: 'manual',
      attendee: { name: expect.stringMatching(/^Buyer/) },
      payments: [],
      refunds: [],
    });
    expect(staff.tickets).toHaveLength(2);
    const own = await asBuyer(`/api/v1/orders/${order.id}`, order.accessKey);
    expect(own.headers.get('cache-control')).toBe('private, no-store');
    expect(await json<Order>(own, 200)).toEqual(staff);

    const other = await registerFor(t, sale);
    await problemOf(
      await asBuyer(`/api/v1/orders/${order.id}`, other.accessKey),
      404,
      'order_not_found',
    );
    await problemOf(
      await t.api(`/api/v1/orders/${order.id}`, { token: await otherOrganizationToken(t) }),
      404,
      'order_not_found',
    );
    await problemOf(
      await t.api(`/api/v1/orders/${order.id}`, { token: null }),
      401,
      'missing_credential',
    );
  });

  it('lists an event’s orders newest first, by status, page by page', async () => {
    const sale = await createPaidSale(t);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await registerFor(t, sale)).id);
    await json(await t.api(`/api/v1/orders/${ids[1]}/mark-paid`, { method: 'POST' }), 200);
    await json(await cancel(ids[3]!), 200);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = await json<Page>(
        await t.api(
          `/api/v1/events/${sale.eventId}/orders?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        ),
        200,
      );
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((o) => o.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());

    const confirmed = await json<Page>(
      await t.api(`/api/v1/events/${sale.eventId}/orders?status=confirmed`),
      200,
    );
    expect(confirmed.items.map((o) => o.id)).toEqual([ids[1]]);
    const cancelled = await json<Page>(
      await t.api(`/api/v1/events/${sale.eventId}/orders?status=cancelled`),
      200,
    );
    expect(cancelled.items.map((o) => o.id)).toEqual([ids[3]]);

    await problemOf(
      await t.api(`/api/v1/events/${sale.eventId}/orders?cursor=bogus`),
      400,
      'invalid_cursor',
    );
    await problemOf(
      await t.api(`/api/v1/events/${sale.eventId}/orders?status=paid`),
      400,
      'validation_failed',
    );
    await problemOf(
      await t.api(`/api/v1/events/${sale.eventId}/orders`, {
        token: await otherOrganizationToken(t),
      }),
      404,
      'event_not_found',
    );
  });
});
