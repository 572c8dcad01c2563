import Stripe from 'stripe';
import type { TestServer } from '../../../../test/harness.js';
import { eventBody, ticketTypeBody } from '../../../../test/harness.js';
import { releaseExpiredHolds } from '../../registration/holds.js';
import { json } from '../../ticketing/test-support/ticket-fixtures.js';
import type { Order } from '../../orders/schema.js';

// Test support for the payment and order end-to-end tests: a paid sale, registrations, holds
// run out on demand, counts read back, and Stripe webhook deliveries signed with Stripe's library.

export {
  json,
  problemOf,
  otherOrganizationToken,
  scopedToken,
} from '../../ticketing/test-support/ticket-fixtures.js';
export type { Order };

export interface PaidSale {
  eventId: string;
  ticketTypeId: string;
}

export interface Registered {
  id: string;
  status: string;
  accessKey: string;
  totalCents: number;
  tickets: { id: string; token: string; status: string }[];
}

export async function createPaidSale(
  t: TestServer,
  opts: { priceCents?: number; quantity?: number; paymentProvider?: 'manual' | 'stripe' } = {},
): Promise<PaidSale> {
  const event = await json<{ id: string }>(
    await t.api('/api/v1/events', {
      body: eventBody({ paymentProvider: opts.paymentProvider ?? 'manual' }),
    }),
    201,
  );
  const type = await json<{ id: string }>(
    await t.api(`/api/v1/events/${event.id}/ticket-types`, {
      body: ticketTypeBody({ priceCents: opts.priceCents ?? 5000, quantity: opts.quantity ?? 100 }),
    }),
    201,
  );
  return { eventId: event.id, ticketTypeId: type.id };
}

let buyers = 0;

export async function registerFor(
  t: TestServer,
  sale: PaidSale,
  quantity = 1,
): Promise<Registered> {
  const n = ++buyers;
  return json<Registered>(
    await t.api(`/api/v1/events/${sale.eventId}/registrations`, {
      token: null,
      body: {
        ticketTypeId: sale.ticketTypeId,
        quantity,
        attendee: { name: `Buyer ${n}`, email: `buyer${n}@example.org` },
      },
    }),
    201,
  );
}

/** Lets an order's hold run out and the sweeper end it, as if its time had passed. */
export async function expireHold(t: TestServer, orderId: string): Promise<void> {
  await t.server.db.query(
    `UPDATE orders SET hold_expires_at = now() - interval '1 minute' WHERE id = $1`,
    [orderId],
  );
  await releaseExpiredHolds(t.server.db);
}

export async function getOrderAsStaff(t: TestServer, orderId: string): Promise<Order> {
  return json<Order>(await t.api(`/api/v1/orders/${orderId}`), 200);
}

export async function ticketTypeCounts(t: TestServer, sale: PaidSale) {
  const list = await json<{ id: string; sold: number; held: number; available: number }[]>(
    await t.api(`/api/v1/events/${sale.eventId}/ticket-types`),
    200,
  );
  const row = list.find((r) => r.id === sale.ticketTypeId)!;
  return { sold: row.sold, held: row.held, available: row.available };
}

export async function outboxTopics(t: TestServer, orderId: string): Promise<string[]> {
  const { rows } = await t.server.db.query<{ topic: string }>(
    'SELECT topic FROM outbox WHERE aggregate_id = $1 ORDER BY id',
    [orderId],
  );
  return rows.map((r) => r.topic);
}

export async function countRows(t: TestServer, table: 'payments' | 'refunds', orderId: string) {
  const { rows } = await t.server.db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${table} WHERE order_id = $1`,
    [orderId],
  );
  return rows[0]!.n;
}

export const WEBHOOK_SECRET = 'whsec_test_lanyard_0123456789';
export const STRIPE_KEY = 'sk_test_lanyard_0123456789';

/** A Stripe event delivered to the webhook, signed the way Stripe signs it. */
export async function deliverStripeEvent(
  t: TestServer,
  event: { id: string; type: string; data: { object: unknown } },
  secret = WEBHOOK_SECRET,
): Promise<Response> {
  const payload = JSON.stringify({ object: 'event', api_version: Stripe.API_VERSION, ...event });
  const signature = Stripe.webhooks.generateTestHeaderString({ payload, secret });
  return fetch(`${t.url}/api/v1/payments/stripe/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': signature },
    body: payload,
  });
}
