import { MESSAGE_TEXT_MAX_LENGTH } from '@lanyard/core';
import { z } from 'zod';
import { EventIdParams, Uuid } from '../events/schema.js';
import { LANGUAGES } from '../events/languages.js';
import { EDITABLE_KINDS } from './messages/custom-texts.js';
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

export const MessageTextParams = z.strictObject({
  eventId: Uuid,
  kind: z.enum(EDITABLE_KINDS),
});
/** A language of the catalogs; left out: the event's default. */
const Lang = z.enum(LANGUAGES, { message: `must be one of ${LANGUAGES.join(', ')}` }).optional();

export const MessageTextsQuery = z.strictObject({ lang: Lang });

/** An event's own subject and intro of a kind; leave one out (or null) for the catalog's. */
export const MessageTextBody = z.strictObject({
  lang: Lang,
  subject: z
    .string()
    .trim()
    .max(MESSAGE_TEXT_MAX_LENGTH.subject, 'is too long')
    .refine((s) => !/[\r\n]/.test(s), 'must be one line')
    .nullish()
    .transform((s) => s || null),
  intro: z
    .string()
    .trim()
    .max(MESSAGE_TEXT_MAX_LENGTH.intro, 'is too long')
    .nullish()
    .transform((s) => s || null),
});
export type MessageTextInput = z.output<typeof MessageTextBody>;

const MessageText = z.object({
  kind: z.enum(EDITABLE_KINDS),
  /** The event's own; null: the catalog's (`defaults`). */
  subject: z.string().nullable(),
  intro: z.string().nullable(),
  /** The catalog's texts, written with placeholders. */
  defaults: z.object({ subject: z.string(), intro: z.string() }),
  updatedAt: z.string().nullable(),
});
export const MessageTextResult = MessageText;
export const MessageTextList = z.object({
  lang: z.string(),
  /** What `{…}` a text may use. */
  placeholders: z.array(z.string()),
  items: z.array(MessageText),
});
export const MessagePreview = z.object({
  to: z.string(),
  subject: z.string(),
  /** Inline images as data URLs, to show in a page. */
  html: z.string(),
  text: z.string(),
});
