import { z } from 'zod';
import { LANGUAGES } from '../events/languages.js';
import { EventIdParams, Uuid } from '../events/schema.js';
import { IssuedInvoice } from '../invoices/schema.js';

export { EventIdParams };

export const OrderIdParams = z.strictObject({ orderId: Uuid });

export const OrderStatus = z.enum(['pending_payment', 'confirmed', 'expired', 'cancelled']);
export type OrderStatus = z.output<typeof OrderStatus>;

// The attendee's access key, as `?key=`; the `X-Access-Key` header is read by the routes.
export const KeyQuery = z.strictObject({
  key: z.string().min(1, 'must not be empty').max(200, 'is too long').optional(),
});

export const ListOrdersQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional(),
  status: OrderStatus.optional(),
  /** Part of the buyer's name or email, a payment reference (LY-XXXX-XXXX) or an order id. */
  q: z.string().trim().min(1, 'must not be empty').max(200, 'is too long').optional(),
});
export type ListOrdersQuery = z.output<typeof ListOrdersQuery>;

const Reason = z.string().trim().min(1, 'must not be empty').max(500, 'is too long');
/** The language the buyer reads the portal in, for the order's messages from now on. */
export const OrderLocaleBody = z.strictObject({
  locale: z.enum(LANGUAGES, { message: `must be one of ${LANGUAGES.join(', ')}` }),
});

export const CancelBody = z.strictObject({ reason: Reason.optional() }).optional();

const Money = {
  subtotalCents: z.number().int(),
  discountCents: z.number().int(),
  totalCents: z.number().int(),
  /** Sum of the succeeded payments. */
  paidCents: z.number().int(),
  refundedCents: z.number().int(),
  /** Money taken that the order does not keep (late, double or cancelled payment) and not yet refunded. */
  refundDueCents: z.number().int(),
  currency: z.string(),
};

export const OrderSummary = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  ticketTypeId: z.uuid(),
  ticketTypeName: z.string(),
  status: OrderStatus,
  /** What the buyer writes in a bank transfer's purpose: `LY-XXXX-XXXX`. */
  reference: z.string(),
  quantity: z.number().int(),
  attendee: z.object({
    name: z.string(),
    email: z.string(),
    /** E.164, when the event asks for a phone and the buyer gave one. */
    phone: z.string().nullable(),
    /** Whether the buyer agreed to get this order's messages by SMS too. */
    smsOptIn: z.boolean(),
    /** The language the buyer chose in the portal (null: the event's default); their messages'. */
    locale: z.string().nullable(),
  }),
  ...Money,
  paymentMethod: z.enum(['free', 'manual', 'stripe']),
  /** The terms and privacy notice the buyer agreed to, their URLs then, and when; null: none asked. */
  consent: z
    .object({
      documents: z.array(z.object({ document: z.enum(['terms', 'privacy']), url: z.string() })),
      at: z.string(),
    })
    .nullable(),
  holdExpiresAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type OrderSummary = z.output<typeof OrderSummary>;

export const OrderTicket = z.object({
  id: z.uuid(),
  status: z.enum(['pending', 'valid', 'revoked', 'cancelled']),
  revision: z.number().int(),
  /** Absent for the buyer once the ticket was transferred to someone else. */
  attendee: z.object({ name: z.string(), email: z.string() }).optional(),
});

export const Payment = z.object({
  id: z.uuid(),
  provider: z.enum(['free', 'manual', 'stripe']),
  /** A Stripe Checkout Session id, an invoice or receipt number. */
  providerRef: z.string().nullable(),
  amountCents: z.number().int(),
  currency: z.string(),
  status: z.enum(['pending', 'succeeded', 'failed', 'cancelled']),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type Payment = z.output<typeof Payment>;

export const Refund = z.object({
  id: z.uuid(),
  paymentId: z.uuid().nullable(),
  amountCents: z.number().int(),
  reason: z.string().nullable(),
  /** `pending` while the provider has not confirmed it yet. */
  status: z.enum(['pending', 'succeeded']),
  providerRef: z.string().nullable(),
  actor: z.string(),
  createdAt: z.iso.datetime(),
});
export type Refund = z.output<typeof Refund>;

export const Order = OrderSummary.extend({
  tickets: z.array(OrderTicket),
  payments: z.array(Payment),
  refunds: z.array(Refund),
  /** The invoice once paid, and the credit note once a paid order was cancelled. */
  invoices: z.array(IssuedInvoice),
});
export type Order = z.output<typeof Order>;

export const OrderPage = z.object({
  items: z.array(OrderSummary),
  nextCursor: z.string().nullable(),
});
export type OrderPage = z.output<typeof OrderPage>;
