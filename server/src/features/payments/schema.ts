import { z } from 'zod';
import { Uuid } from '../events/schema.js';
import { Order } from '../orders/schema.js';

export const OrderIdParams = z.strictObject({ orderId: Uuid });

export const KeyQuery = z.strictObject({
  key: z.string().min(1, 'must not be empty').max(200, 'is too long').optional(),
});

export const MarkPaidBody = z
  .strictObject({
    /** Invoice or receipt number; marking paid again with the same reference changes nothing. */
    reference: z.string().trim().min(1, 'must not be empty').max(200, 'is too long').optional(),
  })
  .optional();

export const PaymentOutcome = z.enum([
  'confirmed',
  'reinstated',
  'needs_refund',
  'already_applied',
]);

export const MarkPaidResult = z.object({
  outcome: PaymentOutcome,
  paymentId: z.uuid(),
  order: Order,
});
export type MarkPaidResult = z.output<typeof MarkPaidResult>;

export const CheckoutResult = z.object({
  provider: z.enum(['stripe']),
  /** Where to send the buyer to pay. */
  checkoutUrl: z.url(),
  expiresAt: z.iso.datetime(),
});
export type CheckoutResult = z.output<typeof CheckoutResult>;

export const RefundBody = z.strictObject({
  amountCents: z
    .number({ message: 'must be a whole number of minor units' })
    .int('must be a whole number of minor units')
    .min(1, 'must be at least 1')
    .max(Number.MAX_SAFE_INTEGER),
  reason: z.string().trim().min(1, 'must not be empty').max(500, 'is too long').optional(),
  /** With a full refund: cancel the tickets too, and free their seats. */
  cancelTickets: z.boolean().default(false),
});
export type RefundInput = z.output<typeof RefundBody>;

export const RefundResult = z.object({
  refundId: z.uuid(),
  /** The provider has not confirmed it yet; it is retried in the background. */
  pending: z.boolean(),
  order: Order,
});
export type RefundResult = z.output<typeof RefundResult>;

export const WebhookReceipt = z.object({
  received: z.literal(true),
  /** This event id was processed before; nothing was applied again. */
  duplicate: z.boolean(),
});

export const BankStatementBody = z.strictObject({
  entries: z
    .array(
      z.strictObject({
        line: z.number().int().min(1),
        /** The transfer's purpose or reference text. */
        text: z.string().max(2000, 'is too long'),
        amountCents: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
        currency: z.string().length(3, 'is a 3-letter code').optional(),
      }),
    )
    .max(10_000, 'at most 10 000 lines at once'),
  /** Mark the exactly matched orders paid; without it nothing changes. */
  apply: z.boolean().default(false),
});

export const StatementMatch = z.object({
  line: z.number().int(),
  outcome: z.enum(['matched', 'amount_mismatch', 'already_paid', 'not_payable', 'unknown']),
  amountCents: z.number().int(),
  reference: z.string().optional(),
  orderId: z.uuid().optional(),
  eventId: z.uuid().optional(),
  dueCents: z.number().int().optional(),
  /** The order was marked paid from this line. */
  applied: z.boolean(),
  paymentOutcome: PaymentOutcome.optional(),
});

export const BankStatementResult = z.object({
  applied: z.boolean(),
  matched: z.number().int(),
  amountMismatch: z.number().int(),
  alreadyPaid: z.number().int(),
  notPayable: z.number().int(),
  unknown: z.number().int(),
  results: z.array(StatementMatch),
});
export type BankStatementResult = z.output<typeof BankStatementResult>;
