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
