import type { Db, Queryable } from '../../platform/db/db.js';
import { appendAudit } from '../audit/service.js';
import { forbidden, notFound } from '../../platform/errors.js';
import type { Principal } from '../identity/principal.js';
import { actorName, opens, type Accessor } from '../ticketing/access.js';
import { decodeCursor, encodeCursor } from '../ticketing/cursor.js';
import { eventInOrganization } from '../ticketing/store.js';
import { listOrderInvoices } from '../invoices/store.js';
import { cancelLockedOrder } from './cancellation.js';
import { idSuffixOf } from './payment-reference.js';
import type { ListOrdersQuery, Order, OrderPage } from './schema.js';
import * as store from './store.js';

// Use cases of order administration: one exported function each, one transaction each. Orders the
// caller may not open answer "not found", so their existence does not leak.

/** An order with its tickets, payments and refunds, for staff or for the buyer (access key). */
export async function getOrder(db: Db, accessor: Accessor, orderId: string): Promise<Order> {
  const order = await openOrder(db, accessor, orderId);
  return orderView(db, accessor, order);
}

/**
 * The buyer switched the portal's language: the order's messages are written in it from now on.
 * Only their own key changes it: it is their choice, not a record an organizer keeps.
 */
export async function changeOrderLocale(
  db: Db,
  holder: Accessor,
  orderId: string,
  locale: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const order = await openOrder(tx, holder, orderId, true);
    if (order.attendee.locale !== locale) await store.setOrderLocale(tx, order.id, locale);
  });
}

/** Orders of an event, newest first, optionally by status and by a search text. */
export async function listOrders(
  db: Db,
  actor: Principal,
  eventId: string,
  opts: ListOrdersQuery,
): Promise<OrderPage> {
  if (!(await eventInOrganization(db, actor.organizationId, eventId))) {
    throw notFound('event', eventId);
  }
  const page = await store.listEventOrders(db, eventId, {
    limit: opts.limit + 1,
    after: opts.cursor === undefined ? undefined : decodeCursor(opts.cursor),
    status: opts.status,
    search: opts.q === undefined ? undefined : orderSearch(opts.q),
  });
  const items = page.slice(0, opts.limit);
  const last = items.at(-1);
  return {
    items: items.map((p) => store.toSummary(p.order)),
    nextCursor: page.length > opts.limit && last ? encodeCursor(last.cursor) : null,
  };
}

/**
 * Cancels an order: tickets cancelled, seats back (and offered to the waitlist). Staff cancel
 * unpaid and confirmed orders; the buyer, with the order's access key, only orders with nothing
 * paid (awaiting payment, or free). Money already paid is given back with a refund.
 */
export async function cancelOrder(
  db: Db,
  accessor: Accessor,
  orderId: string,
  reason: string | undefined,
): Promise<Order> {
  await db.transaction(async (tx) => {
    const order = await openOrder(tx, accessor, orderId, true);
    const paid = order.totalCents > 0 || order.paidCents > 0;
    if (accessor.kind === 'holder' && order.status === 'confirmed' && paid) {
      throw forbidden(
        'order_paid',
        'A paid order can only be cancelled by the organizer, who refunds it.',
      );
    }
    await cancelLockedOrder(tx, order, actorName(accessor), reason);
    // The buyer cancelling their own unpaid order is not a staff change.
    if (accessor.kind === 'staff')
      await appendAudit(tx, accessor.principal, {
        action: 'order.cancelled',
        objectType: 'order',
        objectId: orderId,
        eventId: order.eventId,
        before: { status: order.status },
        after: { status: 'cancelled' },
        details: reason ? { reason } : undefined,
      });
  });
  return getOrder(db, accessor, orderId);
}

/** A search text as what it may name: a name or email part, a payment reference, an order id. */
function orderSearch(q: string): store.OrderSearch {
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(q);
  return {
    like: `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`,
    idSuffix: uuid ? q.toLowerCase().slice(-10) : idSuffixOf(q),
  };
}

/** The order if the accessor may open it; `forUpdate` locks its row. */
export async function openOrder(
  db: Queryable,
  accessor: Accessor,
  orderId: string,
  forUpdate = false,
): Promise<store.OrderRecord> {
  const order = await store.findOrder(db, orderId, forUpdate);
  if (!order || !opens(accessor, order)) throw notFound('order', orderId);
  return order;
}

/** The full view of an order; the buyer does not see who holds a ticket they transferred away. */
export async function orderView(
  db: Queryable,
  accessor: Accessor,
  order: store.OrderRecord,
): Promise<Order> {
  const [tickets, payments, refunds, invoices] = await Promise.all([
    store.listOrderTickets(db, order.id),
    store.listPayments(db, order.id),
    store.listRefunds(db, order.id),
    listOrderInvoices(db, order.id),
  ]);
  return {
    ...store.toSummary(order),
    tickets: tickets.map((t) => ({
      id: t.id,
      status: t.status,
      revision: t.revision,
      ...(accessor.kind === 'staff' || !t.transferred ? { attendee: t.attendee } : {}),
    })),
    payments,
    refunds,
    invoices,
  };
}
