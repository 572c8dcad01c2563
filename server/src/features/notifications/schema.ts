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
    /** Send to this address instead (the one the server refused, corrected). */
    to: Address.optional(),
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
