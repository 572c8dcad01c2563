import Stripe from 'stripe';
import { DomainError } from '../../platform/errors.js';
import { readStripeEvent, verifyStripeEvent } from './stripe-events.js';

const ORDER = '7d7e3f0e-8a53-4b8e-9d55-0c3f2b1a9e11';
const SECRET = 'whsec_unit_test_secret';
const stripe = new Stripe('sk_test_unit');

const sessionEvent = (type: string, session: Record<string, unknown>) =>
  ({
    id: 'evt_1',
    object: 'event',
    type,
    data: {
      object: {
        id: 'cs_test_1',
        object: 'checkout.session',
        payment_status: 'paid',
        amount_total: 4200,
        currency: 'eur',
        metadata: { orderId: ORDER },
        client_reference_id: ORDER,
        ...session,
      },
    },
  }) as unknown as Stripe.Event;

describe('readStripeEvent', () => {
  it('reads a paid Checkout Session as a payment of its order, in upper-case currency', () => {
    expect(readStripeEvent(sessionEvent('checkout.session.completed', {}))).toEqual({
      kind: 'paid',
      sessionId: 'cs_test_1',
      orderId: ORDER,
      amountCents: 4200,
      currency: 'EUR',
    });
  });

  it('takes the order from client_reference_id when metadata lacks it', () => {
    const notice = readStripeEvent(
      sessionEvent('checkout.session.async_payment_succeeded', { metadata: {} }),
    );
    expect(notice).toMatchObject({ kind: 'paid', orderId: ORDER });
  });

  it('waits for a delayed payment method instead of treating a completed, unpaid session as paid', () => {
    const notice = readStripeEvent(
      sessionEvent('checkout.session.completed', { payment_status: 'unpaid' }),
    );
    expect(notice).toEqual({ kind: 'ignored' });
  });

  it('ignores sessions whose order reference is not one of ours', () => {
    for (const ref of ['order-42', '', null]) {
      const event = sessionEvent('checkout.session.completed', {
        metadata: { orderId: ref },
        client_reference_id: ref,
      });
      expect(readStripeEvent(event)).toEqual({ kind: 'ignored' });
    }
  });

  it('reads an expired session as cancelled and a failed delayed payment as failed', () => {
    expect(readStripeEvent(sessionEvent('checkout.session.expired', {}))).toEqual({
      kind: 'checkout_ended',
      sessionId: 'cs_test_1',
      status: 'cancelled',
    });
    expect(readStripeEvent(sessionEvent('checkout.session.async_payment_failed', {}))).toEqual({
      kind: 'checkout_ended',
      sessionId: 'cs_test_1',
      status: 'failed',
    });
  });

  it('ignores events it does not act on', () => {
    expect(readStripeEvent(sessionEvent('charge.refunded', {}))).toEqual({ kind: 'ignored' });
  });

  it('ignores signed events of an unexpected shape instead of failing', () => {
    const odd = [
      { id: 'evt_2', type: 'checkout.session.completed' },
      { id: 'evt_3', type: 'checkout.session.completed', data: { object: null } },
      { id: 'evt_4', type: 'checkout.session.expired', data: { object: 'cs_1' } },
    ] as unknown as Stripe.Event[];
    for (const event of odd) expect(readStripeEvent(event)).toEqual({ kind: 'ignored' });
    const weird = sessionEvent('checkout.session.completed', { amount_total: '4200' });
    expect(readStripeEvent(weird)).toEqual({ kind: 'ignored' });
  });
});

describe('verifyStripeEvent', () => {
  const payload = JSON.stringify({ id: 'evt_9', object: 'event', type: 'ping', data: {} });
  const refusal = (fn: () => unknown) => {
    try {
      fn();
    } catch (err) {
      return err as DomainError;
    }
    throw new Error('expected a refusal');
  };

  it('accepts a delivery signed with the endpoint secret', () => {
    const header = stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET });
    expect(verifyStripeEvent(stripe, Buffer.from(payload), header, SECRET).id).toBe('evt_9');
  });

  it('refuses another secret, a stale timestamp, a missing header or body, with invalid_signature', () => {
    const foreign = stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_other' });
    const stale = stripe.webhooks.generateTestHeaderString({
      payload,
      secret: SECRET,
      timestamp: Math.floor(Date.now() / 1000) - 3600,
    });
    const good = stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET });
    const cases: [Buffer | undefined, string | string[] | undefined][] = [
      [Buffer.from(payload), foreign],
      [Buffer.from(payload), stale],
      [Buffer.from(payload), undefined],
      [Buffer.from(payload), [good, good]],
      [undefined, good],
      [Buffer.from('garbage'), 'garbage'],
    ];
    for (const [body, header] of cases) {
      const err = refusal(() => verifyStripeEvent(stripe, body, header, SECRET));
      expect(err).toBeInstanceOf(DomainError);
      expect(err.code).toBe('invalid_signature');
    }
  });
});
