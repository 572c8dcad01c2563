import { referencesIn } from '../orders/payment-reference.js';
import type { OrderStatus } from '../orders/schema.js';

// Matching a bank statement's lines against orders: which order a transfer pays, and whether it
// pays it exactly. Pure; the use case reads the orders and marks the matched ones paid.

export interface StatementEntry {
  /** The statement file's line, to report back. */
  line: number;
  /** The transfer's purpose (and whatever else may carry a reference). */
  text: string;
  amountCents: number;
  currency?: string | undefined;
}

export interface PayableOrder {
  id: string;
  eventId: string;
  reference: string;
  status: OrderStatus;
  totalCents: number;
  paidCents: number;
  currency: string;
}

export type MatchOutcome =
  /** A reference of an unpaid order, and exactly what is still due. */
  | 'matched'
  /** An unpaid order's reference, but another amount or currency: left for a person to judge. */
  | 'amount_mismatch'
  /** The order is paid already (a second transfer, or the statement read twice). */
  | 'already_paid'
  /** The order was cancelled or is free: nothing to pay. */
  | 'not_payable'
  /** No reference, or one that names no order of this organization. */
  | 'unknown';

export interface StatementMatch {
  line: number;
  outcome: MatchOutcome;
  amountCents: number;
  reference?: string;
  orderId?: string;
  eventId?: string;
  /** What the order still wanted, when the outcome names an order. */
  dueCents?: number;
}

/** The outcome of one line, given the orders its references name (keyed by reference). */
export function matchEntry(
  entry: StatementEntry,
  orders: ReadonlyMap<string, PayableOrder>,
): StatementMatch {
  const base = { line: entry.line, amountCents: entry.amountCents };
  const named = referencesIn(entry.text)
    .map((r) => orders.get(r))
    .filter((o): o is PayableOrder => o !== undefined);
  // Several of our references in one purpose: prefer the one still waiting for money.
  const order = named.find((o) => payable(o)) ?? named[0];
  if (!order) {
    const [reference] = referencesIn(entry.text);
    return { ...base, outcome: 'unknown', ...(reference && { reference }) };
  }
  const due = order.totalCents - order.paidCents;
  const found = { reference: order.reference, orderId: order.id, eventId: order.eventId };
  if (order.status === 'confirmed') return { ...base, ...found, outcome: 'already_paid' };
  if (!payable(order)) return { ...base, ...found, outcome: 'not_payable' };
  const sameCurrency =
    entry.currency === undefined || entry.currency.toUpperCase() === order.currency.toUpperCase();
  return {
    ...base,
    ...found,
    dueCents: due,
    outcome: sameCurrency && entry.amountCents === due ? 'matched' : 'amount_mismatch',
  };
}

function payable(o: PayableOrder): boolean {
  return (o.status === 'pending_payment' || o.status === 'expired') && o.totalCents > 0;
}
