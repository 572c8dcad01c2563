import type { Order, OrderSummary } from '../client/orders-api.js';

// How orders read on a terminal: one line in a list, a block for one order.

export const money = (cents: number, currency: string) => `${(cents / 100).toFixed(2)} ${currency}`;

const STATUS: Record<OrderSummary['status'], string> = {
  pending_payment: 'awaiting payment',
  confirmed: 'paid',
  expired: 'expired',
  cancelled: 'cancelled',
};

/** `LY-7KQ2-M9XD  awaiting payment  2 × Regular  98.00 EUR  Ana Li <ana@x.org>  ID` */
export function orderLine(o: OrderSummary): string {
  const status = o.status === 'confirmed' && o.totalCents === 0 ? 'free' : STATUS[o.status];
  return [
    o.reference,
    status.padEnd(16),
    `${o.quantity} × ${o.ticketTypeName}`,
    money(o.totalCents, o.currency),
    `${o.attendee.name} <${o.attendee.email}>`,
    o.id,
  ].join('  ');
}

export function orderBlock(o: Order): string[] {
  return [
    `Order ${o.id} (${o.reference}): ${STATUS[o.status]}`,
    `  Buyer: ${o.attendee.name} <${o.attendee.email}>`,
    `  ${o.quantity} × ${o.ticketTypeName}: total ${money(o.totalCents, o.currency)}` +
      (o.discountCents ? ` (discount ${money(o.discountCents, o.currency)})` : '') +
      `, paid ${money(o.paidCents, o.currency)}` +
      (o.refundedCents ? `, refunded ${money(o.refundedCents, o.currency)}` : '') +
      (o.refundDueCents ? `, refund due ${money(o.refundDueCents, o.currency)}` : ''),
    `  Payment: ${o.paymentMethod}` +
      (o.holdExpiresAt && o.status === 'pending_payment'
        ? `, seats held until ${o.holdExpiresAt}`
        : ''),
    ...o.tickets.map(
      (t) => `  Ticket ${t.id}: ${t.status}${t.attendee ? `, ${t.attendee.name}` : ''}`,
    ),
    ...o.payments.map(
      (p) =>
        `  Payment ${p.id}: ${p.provider} ${money(p.amountCents, o.currency)} ${p.status}${p.providerRef ? ` (${p.providerRef})` : ''}`,
    ),
    ...o.invoices.map(
      (i) =>
        `  ${i.kind === 'invoice' ? 'Invoice' : 'Credit note'} ${i.number}: ${money(i.totalCents, o.currency)} (lanyard orders invoice ${o.id}${i.kind === 'invoice' ? '' : ' --credit-note'} -o FILE)`,
    ),
    ...o.refunds.map(
      (r) =>
        `  Refund ${r.id}: ${money(r.amountCents, o.currency)} ${r.status}${r.reason ? ` (${r.reason})` : ''}`,
    ),
  ];
}
