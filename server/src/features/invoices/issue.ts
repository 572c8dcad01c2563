import type { Queryable } from '../../platform/db/db.js';
import type { OrderRecord } from '../orders/store.js';
import { billOrder, invoiceNumber, type InvoiceDocument, type InvoiceKind } from './document.js';
import * as store from './store.js';

// Issuing happens inside the transaction that pays or cancels the order, under its row lock:
// the document exists exactly when the payment (or cancellation) does, with the next number.

/** The invoice of an order just paid; a free order gets none. Returns its id. */
export async function issueInvoice(tx: Queryable, order: OrderRecord): Promise<string | undefined> {
  if (order.totalCents === 0) return undefined;
  if (await store.findInvoice(tx, order.id, 'invoice')) return undefined;
  return issue(tx, order, 'invoice', null);
}

/** A credit note cancelling the order's invoice, when it has one and none was issued yet. */
export async function issueCreditNote(
  tx: Queryable,
  order: OrderRecord,
): Promise<string | undefined> {
  const invoice = await store.findInvoice(tx, order.id, 'invoice');
  if (!invoice || (await store.findInvoice(tx, order.id, 'credit_note'))) return undefined;
  return issue(tx, order, 'credit_note', invoice.number);
}

async function issue(
  tx: Queryable,
  order: OrderRecord,
  kind: InvoiceKind,
  cancels: string | null,
): Promise<string> {
  const seller = await store.findSeller(tx, order.organizationId);
  const taxRateBp = await store.taxRateOf(tx, order.ticketTypeId);
  const number = await store.takeNumber(tx, order.organizationId);
  const doc: InvoiceDocument = {
    kind,
    number: invoiceNumber(number),
    issuedAt: new Date().toISOString(),
    cancels,
    seller,
    buyer: order.attendee,
    eventName: order.eventName,
    orderId: order.id,
    orderReference: order.reference,
    currency: order.currency,
    ...billOrder(
      {
        id: order.id,
        reference: order.reference,
        eventName: order.eventName,
        ticketTypeName: order.ticketTypeName,
        taxRateBp,
        quantity: order.quantity,
        subtotalCents: order.subtotalCents,
        discountCents: order.discountCents,
        currency: order.currency,
        buyer: order.attendee,
      },
      kind,
    ),
  };
  return store.insertInvoice(tx, order.organizationId, order.id, number, doc);
}
