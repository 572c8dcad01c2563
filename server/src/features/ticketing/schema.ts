import { z } from 'zod';
import { EventIdParams, Uuid } from '../events/schema.js';

export { EventIdParams };

export const TicketIdParams = z.strictObject({ ticketId: Uuid });

// The attendee's access key, as `?key=`; the `X-Access-Key` header is read by the routes.
const AccessKey = z.string().min(1, 'must not be empty').max(200, 'is too long');

export const OwnerQuery = z.strictObject({ key: AccessKey.optional() });

export const QrQuery = z.strictObject({
  key: AccessKey.optional(),
  /** PNG only: pixels per module. */
  scale: z.coerce
    .number({ message: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(32, 'must be at most 32')
    .default(8),
});

const Reason = z.string().trim().min(1, 'must not be empty').max(500, 'is too long');

export const RevokeBody = z.strictObject({ reason: Reason.optional() }).optional();
export const ReissueBody = z.strictObject({ reason: Reason.optional() }).optional();

const Attendee = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  email: z
    .string()
    .trim()
    .max(254, 'must be at most 254 characters')
    .pipe(z.email({ message: 'must be an email address' })),
});

export const TransferBody = z.strictObject({ attendee: Attendee });

/** Who uses the ticket: filled in or corrected by its holder or staff; the token stays. */
export const AttendeeBody = Attendee;
export type AttendeeInput = z.output<typeof AttendeeBody>;
export type TransferInput = z.output<typeof TransferBody>;

export const TicketStatus = z.enum(['pending', 'valid', 'revoked', 'cancelled']);
export type TicketStatus = z.output<typeof TicketStatus>;

export const ListTicketsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  cursor: z.string().max(200).optional(),
  status: TicketStatus.optional(),
});

export const Ticket = z.object({
  id: z.uuid(),
  status: TicketStatus,
  /** The exact text the ticket's QR code encodes. */
  token: z.string(),
  /** Bumped by reissue and transfer; tokens of an older revision are refused. */
  revision: z.number().int(),
  kid: z.string(),
  eventId: z.uuid(),
  ticketTypeId: z.uuid(),
  ticketTypeName: z.string(),
  orderId: z.uuid(),
  attendee: z.object({ name: z.string(), email: z.string() }),
  /** Registration answers by question id (given once per order). */
  answers: z.record(z.string(), z.union([z.string(), z.boolean()])),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Ticket = z.output<typeof Ticket>;

/** All the answers, replacing the previous ones; checked as registration checks them. */
export const AnswersBody = z.strictObject({
  answers: z.record(z.string().max(64), z.unknown()),
});
export type AnswersInput = z.output<typeof AnswersBody>;

export const ListedTicket = Ticket.extend({
  checkedInAt: z
    .string()
    .nullable()
    .describe('When the ticket was first admitted at an entrance; null: not yet'),
});
export type ListedTicket = z.output<typeof ListedTicket>;

export const TicketPage = z.object({
  items: z.array(ListedTicket),
  nextCursor: z.string().nullable(),
});

export const TransferResult = Ticket.extend({
  /** Opens this ticket from now on; shown once. The previous holder's key no longer does. */
  accessKey: z.string(),
});
export type TransferResult = z.output<typeof TransferResult>;

export const HistoryEntry = z.object({
  at: z.string(),
  /** issued, revoked, reissued, transferred, and the changes other features record. */
  action: z.string(),
  /** `attendee`, `system`, or the client id of the staff token. */
  actor: z.string(),
  details: z.record(z.string(), z.unknown()),
});
export type HistoryEntry = z.output<typeof HistoryEntry>;
export const TicketHistory = z.object({ ticketId: z.uuid(), entries: z.array(HistoryEntry) });
export type TicketHistory = z.output<typeof TicketHistory>;

export const SigningKey = z.object({
  kid: z.string(),
  alg: z.literal('Ed25519'),
  /** The raw Ed25519 public key, base64url (a JWK's `x`). */
  publicKey: z.string(),
  /** Retired keys sign nothing new but still verify the tokens they signed. */
  retired: z.boolean(),
});
export type SigningKey = z.output<typeof SigningKey>;
export const SigningKeyList = z.object({ eventId: z.uuid(), keys: z.array(SigningKey) });
export type SigningKeyList = z.output<typeof SigningKeyList>;
