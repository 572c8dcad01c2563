import { startTestServer, type TestServer } from './harness.js';
import {
  countRows,
  createPaidSale,
  expireHold,
  getOrderAsStaff,
  json,
  outboxTopics,
  problemOf,
  registerFor,
  ticketTypeCounts,
  type Order,
  type PaidSale,
} from '../src/features/payments/test-support/payment-fixtures.js';

interface Refunded {
  refundId: string;
  order: Order;
}

describe.each(['pglite', 'postgres'] as const)('refunds [%s]', (kind) => {
  let t: TestServer;
  let sale: PaidSale;
  beforeAll(async () => {
    t = await startTestServer(kind);
    sale = await createPaidSale(t, { priceCents: 3000 });
  });
  afterAll(async () => {
    await t?.stop();
  });

  const refund = (orderId: string, body: unknown) =>
    t.api(`/api/v1/orders/${orderId}/refunds`, { body });

  async function paidOrder(quantity = 1, on = sale) {
    const order = await registerFor(t, on, quantity);
    await json(await t.api(`/api/v1/orders/${order.id}/mark-paid`, { method: 'POST' }), 200);
    return order;
  }

  async function refundState(orderId: string) {
    const o = await getOrderAsStaff(t, orderId);
    return {
      refundedCents: o.refundedCents,
      refunds: await countRows(t, 'refunds', orderId),
      outbox: (await outboxTopics(t, orderId)).length,
    };
  }

  it('refunds part, then the rest, each recorded, and refuses a cent more with nothing written', async () => {
    const order = await paidOrder(2);
    const first = await json<Refunded>(
      await refund(order.id, { amountCents: 2000, reason: 'one attendee cannot come' }),
      201,
    );
    expect(first.order).toMatchObject({
      status: 'confirmed',
      paidCents: 6000,
      refundedCents: 2000,
    });
    expect(first.order.refunds).toEqual([
      expect.objectContaining({
        id: first.refundId,
        amountCents: 2000,
        reason: 'one attendee cannot come',
        status: 'succeeded',
      }),
    ]);
    const rest = await json<Refunded>(await refund(order.id, { amountCents: 4000 }), 201);
    expect(rest.order.refundedCents).toBe(6000);
    expect(rest.order.refunds.map((r) => r.amountCents)).toEqual([2000, 4000]);
    // Refunding money does not by itself take the tickets away.
    expect(rest.order.tickets.map((x) => x.status)).toEqual(['valid', 'valid']);
    expect((await outboxTopics(t, order.id)).filter((x) => x === 'order.refunded')).toHaveLength(2);

    const before = await refundState(order.id);
    const tooMuch = await problemOf(
      await refund(order.id, { amountCents: 1 }),
      409,
      'refund_exceeds_paid',
    );
    expect(tooMuch.refundableCents).toBe(0);
    expect(await refundState(order.id)).toEqual(before);
  });

  it('refuses a refund above what was paid on a fresh order, and any refund of an unpaid one', async () => {
    const order = await paidOrder();
    const before = await refundState(order.id);
    const over = await problemOf(
      await refund(order.id, { amountCents: 3001 }),
      409,
      'refund_exceeds_paid',
    );
    expect(over.refundableCents).toBe(3000);
    expect(await refundState(order.id)).toEqual(before);

    const unpaid = await registerFor(t, sale);
    await problemOf(await refund(unpaid.id, { amountCents: 100 }), 409, 'refund_exceeds_paid');
    expect(await countRows(t, 'refunds', unpaid.id)).toBe(0);
  });

  it('lets only one of two refunds at the same instant through when together they exceed the payment', async () => {
    const order = await paidOrder();
    const answers = await Promise.all([
      refund(order.id, { amountCents: 2000 }),
      refund(order.id, { amountCents: 2000 }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect((await refundState(order.id)).refundedCents).toBe(2000);
    expect(await countRows(t, 'refunds', order.id)).toBe(1);
  });

  it('cancels the tickets and frees the seats with a full refund when asked, and refuses that with a partial one', async () => {
    const own = await createPaidSale(t, { priceCents: 3000, quantity: 5 });
    const order = await paidOrder(2, own);
    expect(await ticketTypeCounts(t, own)).toEqual({ sold: 2, held: 0, available: 3 });
    await problemOf(
      await refund(order.id, { amountCents: 3000, cancelTickets: true }),
      400,
      'cancel_needs_full_refund',
    );
    expect(await countRows(t, 'refunds', order.id)).toBe(0);

    const full = await json<Refunded>(
      await refund(order.id, { amountCents: 6000, cancelTickets: true }),
      201,
    );
    expect(full.order).toMatchObject({
      status: 'cancelled',
      refundedCents: 6000,
      refundDueCents: 0,
    });
    expect(full.order.tickets.map((x) => x.status)).toEqual(['cancelled', 'cancelled']);
    expect(await ticketTypeCounts(t, own)).toEqual({ sold: 0, held: 0, available: 5 });
    expect(await outboxTopics(t, order.id)).toEqual(
      expect.arrayContaining(['order.cancelled', 'order.refunded']),
    );
  });

  it('settles a late payment that could not be honoured with a refund of all of it', async () => {
    const scarce = await createPaidSale(t, { priceCents: 3000, quantity: 1 });
    const late = await registerFor(t, scarce);
    await expireHold(t, late.id);
    await registerFor(t, scarce);
    const marked = await json<{ outcome: string }>(
      await t.api(`/api/v1/orders/${late.id}/mark-paid`, { method: 'POST' }),
      200,
    );
    expect(marked.outcome).toBe('needs_refund');
    expect((await getOrderAsStaff(t, late.id)).refundDueCents).toBe(3000);

    const settled = await json<Refunded>(
      await refund(late.id, { amountCents: 3000, reason: 'sold out' }),
      201,
    );
    expect(settled.order).toMatchObject({
      status: 'expired',
      refundedCents: 3000,
      refundDueCents: 0,
    });
  });

  it('rejects malformed refund requests field by field', async () => {
    const order = await paidOrder();
    for (const body of [
      {},
      { amountCents: 0 },
      { amountCents: 12.5 },
      { amountCents: '100' },
      { amountCents: 100, extra: 1 },
    ]) {
      await problemOf(await refund(order.id, body), 400, 'validation_failed');
    }
    await problemOf(
      await refund('00000000-0000-4000-8000-000000000000', { amountCents: 1 }),
      404,
      'order_not_found',
    );
    expect(await countRows(t, 'refunds', order.id)).toBe(0);
  });
});
