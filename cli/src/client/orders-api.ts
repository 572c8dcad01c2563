import type { Http } from './http.js';

// The order calls of the API: listing, one order, and what the organizer does to orders.

export type OrderStatus = 'pending_payment' | 'confirmed' | 'expired' | 'cancelled';

export interface OrderSummary {
  id: string;
  eventId: string;
  ticketTypeId: string;
  ticketTypeName: string;
  status: OrderStatus;
  reference: string;
  quantity: number;
  attendee: { name: string; email: string };
  subtotalCents: number;
  discountCents: number;
  totalCents: number;
  paidCents: number;
  refundedCents: number;
  refundDueCents: number;
  currency: string;
  paymentMethod: 'free' | 'manual' | 'stripe';
  holdExpiresAt: string | null;
  createdAt: string;
}

export interface Order extends OrderSummary {
  tickets: { id: string; status: string; attendee?: { name: string; email: string } }[];
  payments: {
    id: string;
    provider: string;
    providerRef: string | null;
    amountCents: number;
    status: string;
    createdAt: string;
  }[];
  refunds: { id: string; amountCents: number; reason: string | null; status: string }[];
  invoices: { kind: 'invoice' | 'credit_note'; number: string; totalCents: number }[];
}

export interface MarkPaidResult {
  outcome: 'confirmed' | 'reinstated' | 'needs_refund' | 'already_applied';
  paymentId: string;
  order: Order;
}

export interface RefundResult {
  refundId: string;
  pending: boolean;
  order: Order;
}

export interface StatementEntry {
  line: number;
  text: string;
  amountCents: number;
  currency?: string;
}

export interface StatementMatch {
  line: number;
  outcome: 'matched' | 'amount_mismatch' | 'already_paid' | 'not_payable' | 'unknown';
  amountCents: number;
  reference?: string;
  orderId?: string;
  dueCents?: number;
  applied: boolean;
  paymentOutcome?: MarkPaidResult['outcome'];
}

export interface StatementResult {
  applied: boolean;
  matched: number;
  amountMismatch: number;
  alreadyPaid: number;
  notPayable: number;
  unknown: number;
  results: StatementMatch[];
}

const enc = encodeURIComponent;

export class OrdersApi {
  constructor(private readonly http: Http) {}

  page = (
    eventId: string,
    opts: {
      status?: string | undefined;
      q?: string | undefined;
      cursor?: string | undefined;
      limit: number;
    },
  ) => {
    const query = new URLSearchParams({ limit: String(opts.limit) });
    if (opts.status) query.set('status', opts.status);
    if (opts.q) query.set('q', opts.q);
    if (opts.cursor) query.set('cursor', opts.cursor);
    return this.http.json<{ items: OrderSummary[]; nextCursor: string | null }>(
      'GET',
      `/api/v1/events/${enc(eventId)}/orders?${query}`,
    );
  };
  get = (id: string) => this.http.json<Order>('GET', `/api/v1/orders/${enc(id)}`);
  markPaid = (id: string, reference?: string) =>
    this.http.json<MarkPaidResult>(
      'POST',
      `/api/v1/orders/${enc(id)}/mark-paid`,
      reference ? { reference } : {},
    );
  cancel = (id: string, reason?: string) =>
    this.http.json<Order>('POST', `/api/v1/orders/${enc(id)}/cancel`, reason ? { reason } : {});
  refund = (id: string, body: { amountCents: number; reason?: string; cancelTickets: boolean }) =>
    this.http.json<RefundResult>('POST', `/api/v1/orders/${enc(id)}/refunds`, body);
  /** The order's invoice or credit note as PDF bytes. */
  async pdf(id: string, kind: 'invoice' | 'credit-note'): Promise<Buffer> {
    const res = await this.http.request('GET', `/api/v1/orders/${enc(id)}/${kind}.pdf`, undefined, {
      accept: 'application/pdf, application/problem+json',
    });
    if (!res.ok) return this.http.read<never>(res);
    return Buffer.from(await res.arrayBuffer());
  }
  bankStatement = (entries: StatementEntry[], apply: boolean) =>
    this.http.json<StatementResult>('POST', '/api/v1/payments/bank-statement', { entries, apply });
}
