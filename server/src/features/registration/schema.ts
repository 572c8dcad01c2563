import { z } from 'zod';
import { LANGUAGES } from '../events/languages.js';
import { EventIdParams, Uuid } from '../events/schema.js';

export { EventIdParams };

const AttendeeBody = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  email: z
    .string()
    .trim()
    .max(254, 'must be at most 254 characters')
    .pipe(z.email({ message: 'must be an email address' })),
});

/** The buyer: an attendee, and the phone the event may ask for. */
const BuyerBody = AttendeeBody.extend({
  /** As typed; stored in E.164. A national number is read in `phoneRegion`, else the event's. */
  phone: z.string().max(40, 'must be at most 40 characters').optional(),
  phoneRegion: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as DE')
    .optional(),
  /** Agrees to get this order's messages by SMS too (those the event sends by SMS). */
  smsOptIn: z.boolean({ message: 'must be true or false' }).optional(),
});

export const RegistrationBody = z.strictObject({
  ticketTypeId: Uuid,
  quantity: z
    .number({ message: 'must be a whole number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(100, 'must be at most 100'),
  /** The buyer: the order's contact, and each ticket's attendee unless `attendees` names one. */
  attendee: BuyerBody,
  /** One per ticket, in order: who uses it (name on the badge, greeted by the kiosk). */
  attendees: z.array(AttendeeBody).max(100).optional(),
  answers: z.record(z.string().max(64), z.unknown()).optional(),
  promoCode: z.string().trim().min(1).max(64).optional(),
  joinWaitlist: z.boolean().optional(),
  /** The language the buyer chose in the portal: their messages are written in it. */
  locale: z.enum(LANGUAGES, { message: `must be one of ${LANGUAGES.join(', ')}` }).optional(),
  /** The buyer agrees to the event's terms and privacy notice; required when it links either. */
  consent: z.boolean({ message: 'must be true or false' }).optional(),
  /** A solved ALTCHA challenge (base64 JSON `{challenge, solution}`), when the event asks for one. */
  altcha: z.string().max(8_000).optional(),
});
export type RegistrationInput = z.output<typeof RegistrationBody>;

export const IssuedTicket = z.object({
  id: z.uuid(),
  token: z.string(),
  status: z.enum(['pending', 'valid']),
});

export const Registration = z.object({
  id: z.uuid(),
  status: z.enum(['confirmed', 'pending_payment']),
  eventId: z.uuid(),
  ticketTypeId: z.uuid(),
  quantity: z.number().int(),
  subtotalCents: z.number().int(),
  discountCents: z.number().int(),
  totalCents: z.number().int(),
  currency: z.string(),
  paymentMethod: z.enum(['free', 'manual', 'stripe']),
  holdExpiresAt: z.string().nullable(),
  /** Shown once: opens this order's tickets without an account. */
  accessKey: z.string(),
  tickets: z.array(IssuedTicket),
});
export type Registration = z.output<typeof Registration>;

export const Waitlisted = z.object({
  status: z.literal('waitlisted'),
  waitlistEntryId: z.uuid(),
  position: z.number().int(),
  accessKey: z.string(),
});
export type Waitlisted = z.output<typeof Waitlisted>;

/** An ALTCHA v2 challenge, as altcha-lib creates it and its solver takes it. */
export const ChallengeSchema = z.object({
  parameters: z
    .object({
      algorithm: z.string(),
      nonce: z.string(),
      salt: z.string(),
      cost: z.number().int(),
      keyLength: z.number().int(),
      keyPrefix: z.string(),
      keySignature: z.string().optional(),
      expiresAt: z.number().int().optional(),
      data: z.record(z.string(), z.unknown()).optional(),
    })
    .passthrough(),
  signature: z.string().optional(),
});
