import { z } from 'zod';
import { EventIdParams, Uuid } from '../events/schema.js';
import { MESSAGE_KINDS } from './messages/kinds.js';

export { EventIdParams };

export const MessageIdParams = z.strictObject({ messageId: Uuid });
export const OrderIdParams = z.strictObject({ orderId: Uuid });

export const MessageStatus = z.enum(['queued', 'failed', 'sent', 'dead']);

export const ListMessagesQuery = z.strictObject({
  eventId: Uuid.optional(),
  orderId: Uuid.optional(),
  ticketId: Uuid.optional(),
  status: MessageStatus.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

const Address = z.email('must be an email address').max(320, 'is too long');

export const RetryBody = z
  .strictObject({
    /**
     * Send to this address instead (the one the server refused, corrected): an email address for
     * a mail, a phone number with its country code (+…) for an SMS.
     */
    to: z.string().trim().min(1, 'must not be empty').max(320, 'is too long').optional(),
  })
  .optional();

export const RetryDeadBody = z.strictObject({ eventId: Uuid.optional() }).optional();

export const TicketsAgainBody = z.strictObject({ email: Address });

/** One entry of the message log. */
export const Message = z.object({
  id: z.uuid(),
  kind: z.enum(MESSAGE_KINDS),
  channel: z.enum(['email', 'sms']),
  eventId: z.uuid().nullable(),
  orderId: z.uuid().nullable(),
  ticketId: z.uuid().nullable(),
  recipient: z.string(),
  recipientName: z.string(),
  subject: z.string().nullable(),
  status: MessageStatus,
  attempts: z.number().int(),
  /** When the next attempt is due (queued, failed). */
  nextAttemptAt: z.string().nullable(),
  /** The provider's reference once sent (the SMTP server's answer, or the `.eml` file). */
  providerId: z.string().nullable(),
  /** Why the last attempt failed (failed, dead). */
  lastError: z.string().nullable(),
  resendOf: z.uuid().nullable(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type Message = z.output<typeof Message>;

export const MessageList = z.object({ items: z.array(Message) });

export const Queued = z.object({ id: z.uuid(), status: MessageStatus });
export const RetriedDead = z.object({ retried: z.number().int() });
export const TicketsAgainAnswer = z.object({ status: z.literal('accepted'), detail: z.string() });

export const BroadcastIdParams = z.strictObject({ broadcastId: Uuid });

/** An organizer message: to whom, what, and when (now when `sendAt` is left out). */
export const BroadcastBody = z.strictObject({
  subject: z.string().trim().min(1, 'must not be empty').max(200, 'is too long'),
  body: z.string().trim().min(1, 'must not be empty').max(10_000, 'is too long'),
  ticketTypeIds: z.array(Uuid).min(1, 'name at least one ticket type, or leave it out').optional(),
  checkedIn: z.boolean().optional(),
  sendAt: z.iso.datetime({ offset: true }).optional(),
});
export type BroadcastInput = z.output<typeof BroadcastBody>;

export const BroadcastPreview = z.object({
  /** Addresses the message reaches now. */
  recipients: z.number().int(),
  /** The mail as the first of them gets it; null when the audience is empty. */
  sample: z
    .object({ to: z.string(), subject: z.string(), html: z.string(), text: z.string() })
    .nullable(),
});

export const Broadcast = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  subject: z.string(),
  body: z.string(),
  ticketTypeIds: z.array(z.uuid()).nullable(),
  checkedIn: z.boolean().nullable(),
  sendAt: z.string(),
  status: z.enum(['scheduled', 'queued']),
  /** Set once fanned out. */
  recipients: z.number().int().nullable(),
  progress: z.object({
    queued: z.number().int(),
    failed: z.number().int(),
    sent: z.number().int(),
    dead: z.number().int(),
  }),
  createdAt: z.string(),
});
export type Broadcast = z.output<typeof Broadcast>;
export const BroadcastList = z.object({ items: z.array(Broadcast) });
