import { startTestServer, type TestServer } from './harness.js';
import {
  countRows,
  createPaidSale,
  expireHold,
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

interface MarkPaid {
  outcome: string;
  paymentId: string;
  order: Order;
}

describe.each(['pglite', 'postgres'] as const)('marking orders paid by hand [%s]', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const markPaid = (orderId: string, body?: unknown, token?: string) =>
    t.api(`/api/v1/orders/${orderId}/mark-paid`, {
      method: 'POST',
      ...(body === undefined ? {} : { body }),
      ...(token ? { token } : {}),
    });

  it('confirms an order awaiting payment: tickets become valid, held seats sold, one payment, a confirmation in the outbox', async () => {
    const sale = await createPaidSale(t, { priceCents: 4500 });
    const order = await registerFor(t, sale, 2);
    expect(order.status).toBe('pending_payment');
    expect(await ticketTypeCounts(t, sale)).toEqual({ sold: 0, held: 2, available: 98 });

    const paid = await json<MarkPaid>(await markPaid(order.id, { reference: 'INV-2027-001' }), 200);
    expect(paid.outcome).toBe('confirmed');
    expect(paid.order).toMatchObject({
      status: 'confirmed',
      totalCents: 9000,
      paidCents: 9000,
      refundDueCents: 0,
      holdExpiresAt: null,
      payments: [
        { provider: 'manual', providerRef: 'INV-2027-001', amountCents: 9000, status: 'succeeded' },
      ],
    });
    expect(paid.order.tickets.map((x) => x.status)).toEqual(['valid', 'valid']);
    expect(await ticketTypeCounts(t, sale)).toEqual({ sold: 2, held: 0, available: 98 });
    expect(await outboxTopics(t, order.id)).toEqual([
      'registration.pending_payment',
      'registration.confirmed',
    ]);
    const history = await json<{ entries: { action: string; actor: string }[] }>(
      await t.api(`/api/v1/tickets/${order.tickets[0]!.id}/history`),
      200,
    );
    expect(history.entries.map((e) => e.action)).toEqual(['issued', 'paid']);
  });

  it('makes one payment when the organizer marks the same order paid twice at the same instant', async () => {
    const sale = await createPaidSale(t);
    const order = await registerFor(t, sale);
    const answers = await Promise.all([markPaid(order.id), markPaid(order.id), markPaid(order.id)]);
    const statuses = answers.map((a) => a.status).sort();
    expect(statuses).toEqual([200, 409, 409]);
    for (const a of answers.filter((x) => x.status === 409)) {
      await problemOf(a, 409, 'order_already_paid');
    }
    expect(await countRows(t, 'payments', order.id)).toBe(1);
    expect(await ticketTypeCounts(t, sale)).toEqual({ sold: 1, held: 0, available: 99 });
  });

  it('confirms a payment that arrives after the hold expired when seats are still free', async () => {
    const sale = await createPaidSale(t, { quantity: 3 });
    const order = await registerFor(t, sale, 2);
    await expireHold(t, order.id);
    expect((await getOrderAsStaff(t, order.id)).status).toBe('expired');
    expect(await ticketTypeCounts(t, sale)).toEqual({ sold: 0, held: 0, available: 3 });

    const paid = await json<MarkPaid>(await markPaid(order.id), 200);
    expect(paid.outcome).toBe('reinstated');
    expect(paid.order.status).toBe('confirmed');
    expect(paid.order.tickets.map((x) => x.status)).toEqual(['valid', 'valid']);
    expect(await ticketTypeCounts(t, sale)).toEqual({ sold: 2, held: 0, available: 1 });
    const history = await json<{ entries: { action: string }[] }>(
      await t.api(`/api/v1/tickets/${order.tickets[0]!.id}/history`),
      200,
    );
    expect(history.entries.map((e) => e.action)).toEqual(['issued', 'cancelled', 'reinstated']);
  });

  it('records a late payment for refund, and sells nothing, when the expired order’s seats went to someone else', async () => {
    const sale = await createPaidSale(t, { quantity: 1 });
    const late = await registerFor(t, sale);
    await expireHold(t, late.id);
    const other = await registerFor(t, sale);
    expect(await ticketTypeCounts(t, sale)).toEqual({ sold: 0, held: 1, available: 0 });

    const paid = await json<MarkPaid>(await markPaid(late.id, { reference: 'CASH-17' }), 200);
    expect(paid.outcome).toBe('needs_refund');
    expect(paid.order).toMatchObject({
      status: 'expired',
      paidCents: 5000,
      refundDueCents: 5000,
      payments: [{ providerRef: 'CASH-17', status: 'succeeded' }],
    });
    expect(paid.order.tickets.map((x) => x.status)).toEqual(['cancelled']);
    expect(await ticketTypeCounts(t, sale)).toEqual({ sold: 0, held: 1, available: 0 });
    expect(await outboxTopics(t, late.id)).toContain('payment.needs_refund');
    // The seat stays with the buyer who took it.
    expect((await json<MarkPaid>(await markPaid(other.id), 200)).outcome).toBe('confirmed');
    expect(await ticketTypeCounts(t, sale)).toEqual({ sold: 1, held: 0, available: 0 });
  });

  it('refuses free, cancelled and unknown orders, other organizations, and a reference used by another order', async () => {
    const free = await createPaidSale(t, { priceCents: 0 });
    const freeOrder = await registerFor(t, free);
    await problemOf(await markPaid(freeOrder.id), 409, 'nothing_to_pay');

    const sale = await createPaidSale(t);
    const a = await registerFor(t, sale);
    const b = await registerFor(t, sale);
    await json(await markPaid(a.id, { reference: 'INV-9' }), 200);
    await problemOf(await markPaid(b.id, { reference: 'INV-9' }), 409, 'payment_reference_used');
    expect(await countRows(t, 'payments', b.id)).toBe(0);
    expect((await getOrderAsStaff(t, b.id)).status).toBe('pending_payment');

    await json(await t.api(`/api/v1/orders/${b.id}/cancel`, { method: 'POST' }), 200);
    await problemOf(await markPaid(b.id), 409, 'order_cancelled');

    await problemOf(await markPaid('00000000-0000-4000-8000-000000000000'), 404, 'order_not_found');
    await problemOf(await markPaid('not-a-uuid'), 400, 'validation_failed');
    await problemOf(await markPaid(b.id, { reference: '' }), 400, 'validation_failed');
    await problemOf(await markPaid(b.id, { amount: 5 }), 400, 'validation_failed');

    const c = await registerFor(t, sale);
    await problemOf(
      await markPaid(c.id, undefined, await otherOrganizationToken(t)),
      404,
      'order_not_found',
    );
    await problemOf(
      await markPaid(c.id, undefined, await scopedToken(t, ['tickets:read'])),
      403,
      'insufficient_scope',
    );
    const anonymous = await t.api(`/api/v1/orders/${c.id}/mark-paid`, {
      method: 'POST',
      token: null,
    });
    expect(anonymous.status).toBe(401);
    expect((await getOrderAsStaff(t, c.id)).status).toBe('pending_payment');
  });

  it('answers 503 to a checkout for a Stripe event when Stripe is not configured', async () => {
    const sale = await createPaidSale(t, { paymentProvider: 'stripe' });
    const order = await registerFor(t, sale);
    const res = await t.api(`/api/v1/orders/${order.id}/checkout`, {
      method: 'POST',
      token: null,
      headers: { 'x-access-key': order.accessKey },
    });
    await problemOf(res, 503, 'payment_provider_unavailable');
    expect(await countRows(t, 'payments', order.id)).toBe(0);
  });

  it('answers 404 to Stripe webhooks when Stripe is not configured', async () => {
    const res = await t.api('/api/v1/payments/stripe/webhook', {
      token: null,
      body: { id: 'evt_1', object: 'event' },
      headers: { 'stripe-signature': 't=1,v1=00' },
    });
    await problemOf(res, 404, 'payment_provider_not_found');
  });
});
