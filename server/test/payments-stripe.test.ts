import Stripe from 'stripe';
import { createPaymentProviders } from '../src/features/payments/providers.js';
import { retryPendingRefunds } from '../src/features/payments/refund-retry.js';
import { startTestServer, type TestServer } from './harness.js';
import {
  countRows,
  createPaidSale,
  deliverStripeEvent,
  expireHold,
  getOrderAsStaff,
  json,
  outboxTopics,
  problemOf,
  registerFor,
  STRIPE_KEY,
  ticketTypeCounts,
  WEBHOOK_SECRET,
  type Order,
  type PaidSale,
} from '../src/features/payments/test-support/payment-fixtures.js';
import {
  startFakeStripe,
  type FakeStripe,
} from '../src/features/payments/test-support/fake-stripe.js';

interface Checkout {
  provider: string;
  checkoutUrl: string;
  expiresAt: string;
}

describe.each(['pglite', 'postgres'] as const)('Stripe checkout and webhook [%s]', (kind) => {
  let t: TestServer;
  let stripe: FakeStripe;
  let sale: PaidSale;

  beforeAll(async () => {
    stripe = await startFakeStripe();
    t = await startTestServer(kind, {
      STRIPE_SECRET_KEY: STRIPE_KEY,
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_API_URL: stripe.url,
    });
    sale = await createPaidSale(t, { paymentProvider: 'stripe', priceCents: 2500 });
  });
  afterAll(async () => {
    await t?.stop();
    await stripe?.close();
  });

  const checkout = (orderId: string, key: string | null) =>
    t.api(`/api/v1/orders/${orderId}/checkout`, {
      method: 'POST',
      token: null,
      headers: key === null ? {} : { 'x-access-key': key },
    });

  /** The buyer pays on Stripe; Stripe tells the webhook. */
  async function payAndNotify(sessionId: string, eventId = `evt_${sessionId}`) {
    const session = stripe.pay(sessionId);
    return deliverStripeEvent(t, {
      id: eventId,
      type: 'checkout.session.completed',
      data: { object: session },
    });
  }

  it('opens a Checkout Session for the order’s amount and reuses it while it is open', async () => {
    const order = await registerFor(t, sale, 2);
    const before = stripe.requests.length;
    const first = await json<Checkout>(await checkout(order.id, order.accessKey), 200);
    expect(first.checkoutUrl).toMatch(/^https:\/\/checkout\.stripe\.test\/c\/pay\/cs_test_/);
    const created = stripe.requests.slice(before).find((r) => r.path === '/v1/checkout/sessions')!;
    expect(created.authorization).toBe(`Bearer ${STRIPE_KEY}`);
    expect(created.form).toMatchObject({
      mode: 'payment',
      client_reference_id: order.id,
      customer_email: expect.stringContaining('@example.org'),
      'metadata[orderId]': order.id,
      'line_items[0][quantity]': '1',
      'line_items[0][price_data][unit_amount]': '5000',
      'line_items[0][price_data][currency]': 'eur',
      'line_items[0][price_data][product_data][name]': '2 × Regular — DevConf 2027',
    });
    // Stripe refuses sessions shorter than 30 minutes.
    expect(Number(created.form.expires_at) * 1000).toBeGreaterThan(Date.now() + 30 * 60_000);

    const again = await json<Checkout>(await checkout(order.id, order.accessKey), 200);
    expect(again.checkoutUrl).toBe(first.checkoutUrl);
    const sessionCreations = stripe.requests.slice(before).filter((r) => r.method === 'POST');
    expect(sessionCreations).toHaveLength(1);
    const view = await getOrderAsStaff(t, order.id);
    expect(view.payments).toEqual([
      expect.objectContaining({ provider: 'stripe', status: 'pending', amountCents: 5000 }),
    ]);
  });

  it('confirms the order when Stripe reports the session paid, and applies a replayed event once', async () => {
    const order = await registerFor(t, sale);
    await json<Checkout>(await checkout(order.id, order.accessKey), 200);
    const sessionId = (await getOrderAsStaff(t, order.id)).payments[0]!.providerRef!;

    const delivered = await payAndNotify(sessionId);
    expect(await json(delivered, 200)).toEqual({ received: true, duplicate: false });
    const paid = await getOrderAsStaff(t, order.id);
    expect(paid).toMatchObject({
      status: 'confirmed',
      paidCents: 2500,
      payments: [{ providerRef: sessionId, status: 'succeeded', amountCents: 2500 }],
    });
    expect(paid.tickets.map((x) => x.status)).toEqual(['valid']);

    const replay = await payAndNotify(sessionId);
    expect(await json(replay, 200)).toEqual({ received: true, duplicate: true });
    // Another event about the same payment (a new id) changes nothing either.
    const other = await payAndNotify(sessionId, `evt_again_${sessionId}`);
    expect(await json(other, 200)).toEqual({ received: true, duplicate: false });
    expect(await countRows(t, 'payments', order.id)).toBe(1);
    expect(
      (await outboxTopics(t, order.id)).filter((x) => x === 'registration.confirmed'),
    ).toHaveLength(1);
  });

  it('applies one event once when Stripe delivers it twice at the same instant', async () => {
    const order = await registerFor(t, sale);
    await json<Checkout>(await checkout(order.id, order.accessKey), 200);
    const sessionId = (await getOrderAsStaff(t, order.id)).payments[0]!.providerRef!;
    const session = stripe.pay(sessionId);
    const event = {
      id: `evt_twice_${sessionId}`,
      type: 'checkout.session.completed',
      data: { object: session },
    };
    const answers = await Promise.all([deliverStripeEvent(t, event), deliverStripeEvent(t, event)]);
    const bodies = await Promise.all(answers.map((a) => json<{ duplicate: boolean }>(a, 200)));
    expect(bodies.map((b) => b.duplicate).sort()).toEqual([false, true]);
    expect(await countRows(t, 'payments', order.id)).toBe(1);
    const confirmations = (await outboxTopics(t, order.id)).filter(
      (x) => x === 'registration.confirmed',
    );
    expect(confirmations).toHaveLength(1);
  });

  it('answers 400 to a delivery with a bad signature, a changed body or no signature, and applies none of them', async () => {
    const order = await registerFor(t, sale);
    await json<Checkout>(await checkout(order.id, order.accessKey), 200);
    const sessionId = (await getOrderAsStaff(t, order.id)).payments[0]!.providerRef!;
    const session = stripe.pay(sessionId);
    const event = {
      id: `evt_forged_${sessionId}`,
      type: 'checkout.session.completed',
      data: { object: session },
    };

    await problemOf(
      await deliverStripeEvent(t, event, 'whsec_someone_else'),
      400,
      'invalid_signature',
    );
    const payload = JSON.stringify({ object: 'event', ...event });
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
    const post = (body: string, headers: Record<string, string>) =>
      fetch(`${t.url}/api/v1/payments/stripe/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body,
      });
    await problemOf(
      await post(payload.replace('"paid"', '"unpaid"'), { 'stripe-signature': header }),
      400,
      'invalid_signature',
    );
    // Same JSON, other bytes: the signature covers the exact bytes received.
    await problemOf(
      await post(`${payload} `, { 'stripe-signature': header }),
      400,
      'invalid_signature',
    );
    await problemOf(await post(payload, {}), 400, 'invalid_signature');
    await problemOf(await post('', { 'stripe-signature': header }), 400, 'invalid_signature');

    const view = await getOrderAsStaff(t, order.id);
    expect(view.status).toBe('pending_payment');
    expect(view.payments[0]!.status).toBe('pending');
    // The genuine delivery still works afterwards: the forged ones did not burn its event id.
    expect(await json(await deliverStripeEvent(t, event), 200)).toEqual({
      received: true,
      duplicate: false,
    });
    expect((await getOrderAsStaff(t, order.id)).status).toBe('confirmed');
  });

  it('flags a payment that arrives after the hold expired and the seat was sold, without overselling', async () => {
    const scarce = await createPaidSale(t, {
      paymentProvider: 'stripe',
      quantity: 1,
      priceCents: 2500,
    });
    const late = await registerFor(t, scarce);
    await json<Checkout>(await checkout(late.id, late.accessKey), 200);
    const sessionId = (await getOrderAsStaff(t, late.id)).payments[0]!.providerRef!;
    await expireHold(t, late.id);
    await registerFor(t, scarce);

    expect(await json(await payAndNotify(sessionId), 200)).toEqual({
      received: true,
      duplicate: false,
    });
    const view = await getOrderAsStaff(t, late.id);
    expect(view).toMatchObject({ status: 'expired', paidCents: 2500, refundDueCents: 2500 });
    expect(await ticketTypeCounts(t, scarce)).toEqual({ sold: 0, held: 1, available: 0 });
    expect(await outboxTopics(t, late.id)).toContain('payment.needs_refund');
  });

  it('refunds a Stripe payment through Stripe, and keeps nothing when Stripe refuses', async () => {
    const order = await registerFor(t, sale, 2);
    await json<Checkout>(await checkout(order.id, order.accessKey), 200);
    const sessionId = (await getOrderAsStaff(t, order.id)).payments[0]!.providerRef!;
    await json(await payAndNotify(sessionId), 200);

    const refunded = await json<{ refundId: string; order: Order }>(
      await t.api(`/api/v1/orders/${order.id}/refunds`, {
        body: { amountCents: 1000, reason: 'one can’t come' },
      }),
      201,
    );
    const call = stripe.requests.filter((r) => r.path === '/v1/refunds').at(-1)!;
    expect(call.form).toMatchObject({ payment_intent: `pi_${sessionId}`, amount: '1000' });
    expect(call.idempotencyKey).toBe(`refund-${refunded.refundId}`);
    expect(refunded.order).toMatchObject({ refundedCents: 1000, status: 'confirmed' });
    expect(refunded.order.refunds).toEqual([
      expect.objectContaining({
        id: refunded.refundId,
        amountCents: 1000,
        status: 'succeeded',
        providerRef: expect.stringMatching(/^re_test_/),
      }),
    ]);

    stripe.refuseNextRefund('Charge has been disputed.');
    const refused = await problemOf(
      await t.api(`/api/v1/orders/${order.id}/refunds`, { body: { amountCents: 500 } }),
      409,
      'refused_by_provider',
    );
    expect(refused.detail).toContain('Charge has been disputed.');
    const after = await getOrderAsStaff(t, order.id);
    expect(after.refundedCents).toBe(1000);
    expect(after.refunds).toHaveLength(1);
    expect(await outboxTopics(t, order.id)).toEqual(
      expect.arrayContaining(['order.refunded', 'refund.failed']),
    );
  });

  it('keeps a refund whose answer got lost pending, then completes it once when retried', async () => {
    const order = await registerFor(t, sale);
    await json<Checkout>(await checkout(order.id, order.accessKey), 200);
    const sessionId = (await getOrderAsStaff(t, order.id)).payments[0]!.providerRef!;
    await json(await payAndNotify(sessionId), 200);

    stripe.loseNextRefundAnswer();
    const lost = await json<{ refundId: string; pending: boolean; order: Order }>(
      await t.api(`/api/v1/orders/${order.id}/refunds`, { body: { amountCents: 700 } }),
      202,
    );
    expect(lost.pending).toBe(true);
    expect(lost.order.refundedCents).toBe(700);
    expect(lost.order.refunds).toEqual([
      expect.objectContaining({ status: 'pending', providerRef: null }),
    ]);
    expect(await outboxTopics(t, order.id)).not.toContain('order.refunded');

    const { providers } = createPaymentProviders(t.server.config);
    expect(
      await retryPendingRefunds(t.server.db, providers, t.server.log, { olderThanMs: 0 }),
    ).toBe(1);
    const done = await getOrderAsStaff(t, order.id);
    expect(done.refunds).toEqual([
      expect.objectContaining({
        status: 'succeeded',
        providerRef: expect.stringMatching(/^re_test_/),
      }),
    ]);
    // Asked twice with one idempotency key: Stripe made one refund.
    const asked = stripe.requests.filter((r) => r.idempotencyKey === `refund-${lost.refundId}`);
    expect(asked).toHaveLength(2);
    expect(stripe.refunds.has(`refund-${lost.refundId}`)).toBe(true);
    expect((await outboxTopics(t, order.id)).filter((x) => x === 'order.refunded')).toHaveLength(1);
    expect(
      await retryPendingRefunds(t.server.db, providers, t.server.log, { olderThanMs: 0 }),
    ).toBe(0);
  });

  it('marks a checkout that expired unpaid as cancelled', async () => {
    const order = await registerFor(t, sale);
    await json<Checkout>(await checkout(order.id, order.accessKey), 200);
    const sessionId = (await getOrderAsStaff(t, order.id)).payments[0]!.providerRef!;
    const session = { ...stripe.sessions.get(sessionId)!, status: 'expired', url: null };
    const res = await deliverStripeEvent(t, {
      id: `evt_expired_${sessionId}`,
      type: 'checkout.session.expired',
      data: { object: session },
    });
    expect(await json(res, 200)).toEqual({ received: true, duplicate: false });
    const view = await getOrderAsStaff(t, order.id);
    expect(view.status).toBe('pending_payment');
    expect(view.payments).toEqual([expect.objectContaining({ status: 'cancelled' })]);
  });

  it('refuses a checkout without the order’s key, with another key, or for an event paid offline', async () => {
    const order = await registerFor(t, sale);
    await problemOf(await checkout(order.id, null), 401, 'missing_credential');
    await problemOf(await checkout(order.id, 'made-up-key'), 404, 'order_not_found');
    const offline = await createPaidSale(t, { paymentProvider: 'manual' });
    const invoiced = await registerFor(t, offline);
    await problemOf(await checkout(invoiced.id, invoiced.accessKey), 409, 'checkout_not_available');
    await expireHold(t, order.id);
    await problemOf(await checkout(order.id, order.accessKey), 409, 'order_expired');
  });
});
