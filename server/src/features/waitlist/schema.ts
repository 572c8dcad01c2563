import { z } from 'zod';
import { EventIdParams, Uuid } from '../events/schema.js';

export { EventIdParams };

export const EntryIdParams = z.strictObject({ entryId: Uuid });

/** The attendee's access key may come as `?key=` (a link in an email) instead of X-Access-Key. */
export const AccessKeyQuery = z.strictObject({
  key: z.string().trim().min(1, 'must not be empty').max(200).optional(),
});

export const ClaimBody = z
  .strictObject({
    answers: z.record(z.string().max(64), z.unknown()).optional(),
    /** Agrees to the event's terms and privacy notice; required when it links either. */
    consent: z.boolean({ message: 'must be true or false' }).optional(),
  })
  .optional();

export const EntryStatus = z.enum(['waiting', 'offered', 'claimed', 'expired', 'cancelled']);

export const WaitlistEntry = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  ticketTypeId: z.uuid(),
  status: EntryStatus,
  quantity: z.number().int(),
  /** 1 for the first in line among those still waiting; null once no longer waiting. */
  position: z.number().int().nullable(),
  /** While offered: until when the seats are held for this entry. */
  offerExpiresAt: z.string().nullable(),
  /** Once claimed: the order the offer became. */
  orderId: z.uuid().nullable(),
  attendee: z.object({ name: z.string(), email: z.string() }),
  createdAt: z.string(),
});
export type WaitlistEntry = z.output<typeof WaitlistEntry>;

export const WaitlistQuery = z.strictObject({
  ticketTypeId: Uuid.optional(),
  status: EntryStatus.optional(),
  limit: z.coerce
    .number({ message: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(500, 'must be at most 500')
    .default(100),
  cursor: z.string().max(100).optional(),
});
export type WaitlistQuery = z.output<typeof WaitlistQuery>;

export const WaitlistPage = z.object({
  items: z.array(WaitlistEntry),
  nextCursor: z.string().nullable(),
});
export type WaitlistPage = z.output<typeof WaitlistPage>;
