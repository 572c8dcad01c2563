import { z } from 'zod';
import { PHONE_FIELD, isPhoneRegion } from '../registration/phone.js';
import { SMS_KINDS } from '@lanyard/core';
import { LANGUAGES } from './languages.js';
import { Branding, BrandingBody, NO_BRANDING } from '../branding/schema.js';

const timeZones = new Set(Intl.supportedValuesOf('timeZone').concat('UTC'));
const currencies = new Set(Intl.supportedValuesOf('currency'));

export const Uuid = z.uuid({ message: 'must be a UUID' });
const Instant = z.iso.datetime({
  offset: true,
  message: 'must be an ISO 8601 date-time with an offset, e.g. 2027-05-01T09:00:00Z',
});
const TimeZone = z.string().refine((tz) => timeZones.has(tz), {
  message: 'must be an IANA time zone such as Europe/Berlin',
});
const Currency = z
  .string()
  .refine((c) => currencies.has(c), { message: 'must be an ISO 4217 currency code such as EUR' });
const Name = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters');
const Text = (max: number) => z.string().max(max, `must be at most ${max} characters`);
/** Integer minor units (cents); fractions and negatives are refused. */
const MinorUnits = z
  .number({ message: 'must be a whole number of minor units (cents)' })
  .int('must be a whole number of minor units (cents)')
  .min(0, 'must not be negative')
  .max(10_000_000_000, 'is too large');

const before = (a: string | null | undefined, b: string | null | undefined) =>
  !a || !b || Date.parse(a) < Date.parse(b);

export const EventIdParams = z.strictObject({ eventId: Uuid });
export const TicketTypeParams = z.strictObject({ eventId: Uuid, ticketTypeId: Uuid });

const eventFields = {
  name: Name,
  startsAt: Instant,
  endsAt: Instant,
  timezone: TimeZone,
  venue: Text(200).nullable().optional(),
  /** Markdown; the public page shows it rendered, raw HTML escaped. */
  description: Text(5000).nullable().optional(),
  /** Accent colour, organizer, contact, imprint, terms and privacy links; replaced whole. */
  branding: BrandingBody,
};

const Minutes = z
  .number({ message: 'must be a whole number of minutes' })
  .int('must be a whole number of minutes')
  .min(1, 'must be at least 1')
  .max(10_080, 'must be at most 10080 (one week)');

const Cap = z
  .number({ message: 'must be a whole number or null' })
  .int('must be a whole number or null')
  .min(1, 'must be at least 1')
  .max(100_000, 'must be at most 100000')
  .nullable();

/** How the event sells: payment provider, hold and offer times, tickets per email. */
const salesFields = {
  paymentProvider: z.enum(['manual', 'stripe'], { message: "must be 'manual' or 'stripe'" }),
  /** How long an unpaid order holds its seats. */
  holdMinutes: Minutes,
  /** How long a waitlist offer holds its seat before passing to the next in line. */
  waitlistOfferMinutes: Minutes,
  /** null: no limit. */
  maxTicketsPerEmail: z
    .number({ message: 'must be a whole number or null' })
    .int('must be a whole number or null')
    .min(1, 'must be at least 1')
    .max(10_000, 'must be at most 10000')
    .nullable(),
  /** Unpaid orders (seats held) one email may have at once; null: no cap. */
  maxHoldsPerEmail: Cap,
  /** Unpaid orders one client address may have at once; null: no cap. */
  maxHoldsPerIp: Cap,
  /** Live waitlist places one client address may have; null: no cap. */
  maxWaitlistPerIp: Cap,
  /** Registration needs a solved ALTCHA proof-of-work challenge (bots pay CPU per order). */
  proofOfWork: z.boolean({ message: 'must be true or false' }),
};

/** The attendee's phone and which messages go by SMS too (docs/notifications.md, SMS). */
const phoneFields = {
  /** Whether registration asks for the buyer's phone. */
  attendeePhone: z.enum(PHONE_FIELD, { message: "must be 'off', 'optional' or 'required'" }),
  /** Country a national number is read in (ISO 3166 alpha-2, e.g. DE); null: only +… numbers. */
  phoneRegion: z
    .string()
    .refine(isPhoneRegion, 'must be a two-letter country code such as DE')
    .nullable(),
  /** Message kinds sent by SMS as well, to buyers who gave a phone and agreed to SMS. */
  smsKinds: z
    .array(z.enum(SMS_KINDS, { message: `must be one of ${SMS_KINDS.join(', ')}` }))
    .max(SMS_KINDS.length)
    .transform((kinds) => [...new Set(kinds)]),
};

/** The languages the portal, messages and kiosk speak; the first is the default. */
const languageFields = {
  languages: z
    .array(z.enum(LANGUAGES, { message: `must be one of ${LANGUAGES.join(', ')}` }))
    .min(1, 'must name at least one language')
    .max(LANGUAGES.length)
    .refine((l) => new Set(l).size === l.length, 'must not name a language twice'),
};

export const CreateEventBody = z
  .strictObject({
    ...eventFields,
    branding: eventFields.branding.default(NO_BRANDING),
    paymentProvider: salesFields.paymentProvider.default('manual'),
    holdMinutes: salesFields.holdMinutes.default(30),
    waitlistOfferMinutes: salesFields.waitlistOfferMinutes.default(60),
    maxTicketsPerEmail: salesFields.maxTicketsPerEmail.default(null),
    maxHoldsPerEmail: salesFields.maxHoldsPerEmail.default(2),
    maxHoldsPerIp: salesFields.maxHoldsPerIp.default(5),
    maxWaitlistPerIp: salesFields.maxWaitlistPerIp.default(10),
    proofOfWork: salesFields.proofOfWork.default(false),
    attendeePhone: phoneFields.attendeePhone.default('off'),
    phoneRegion: phoneFields.phoneRegion.default(null),
    smsKinds: phoneFields.smsKinds.default([]),
    languages: languageFields.languages.default(['en']),
  })
  .refine((e) => before(e.startsAt, e.endsAt), {
    path: ['endsAt'],
    message: 'must be after startsAt',
  });
export type CreateEventInput = z.output<typeof CreateEventBody>;

export const UpdateEventBody = z
  .strictObject({ ...eventFields, ...salesFields, ...phoneFields, ...languageFields })
  .partial()
  .refine((e) => Object.keys(e).length > 0, { message: 'name at least one field to change' });
export type UpdateEventInput = z.output<typeof UpdateEventBody>;

export const ListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
  includeArchived: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const Event = z.object({
  id: z.uuid(),
  organizationId: z.uuid(),
  name: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  timezone: z.string(),
  venue: z.string().nullable(),
  description: z.string().nullable(),
  paymentProvider: z.enum(['manual', 'stripe']),
  holdMinutes: z.number().int(),
  waitlistOfferMinutes: z.number().int(),
  maxTicketsPerEmail: z.number().int().nullable(),
  maxHoldsPerEmail: z.number().int().nullable(),
  maxHoldsPerIp: z.number().int().nullable(),
  maxWaitlistPerIp: z.number().int().nullable(),
  proofOfWork: z.boolean(),
  attendeePhone: z.enum(PHONE_FIELD),
  phoneRegion: z.string().nullable(),
  smsKinds: z.array(z.enum(SMS_KINDS)),
  languages: z.array(z.enum(LANGUAGES)),
  branding: Branding,
  status: z.enum(['active', 'archived']),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Event = z.output<typeof Event>;

export const EventPage = z.object({ items: z.array(Event), nextCursor: z.string().nullable() });

const ticketTypeFields = {
  name: Name,
  description: Text(2000).nullable().optional(),
  priceCents: MinorUnits,
  currency: Currency,
  quantity: z
    .number({ message: 'must be a whole number' })
    .int('must be a whole number')
    .min(0, 'must not be negative')
    .max(1_000_000, 'must be at most 1000000'),
  maxPerOrder: z
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(100, 'must be at most 100'),
  salesStart: Instant.nullable().optional(),
  salesEnd: Instant.nullable().optional(),
  position: z.number().int().min(0).max(10_000).optional(),
  /** Tax included in the price, in percent (19, 7, 8.1); shown on invoices. */
  taxRate: z
    .number({ message: 'must be a number' })
    .min(0, 'must not be negative')
    .max(100, 'must be at most 100')
    .refine((r) => Number.isInteger(Math.round(r * 100 * 1e6) / 1e6), 'at most two decimals'),
  /** Left off the public page; only an access code naming the type sells it. */
  hidden: z.boolean({ message: 'must be true or false' }).optional(),
};

export const CreateTicketTypeBody = z
  .strictObject({
    ...ticketTypeFields,
    maxPerOrder: ticketTypeFields.maxPerOrder.default(10),
    taxRate: ticketTypeFields.taxRate.default(0),
  })
  .refine((t) => before(t.salesStart, t.salesEnd), {
    path: ['salesEnd'],
    message: 'must be after salesStart',
  });
export type CreateTicketTypeInput = z.output<typeof CreateTicketTypeBody>;

export const UpdateTicketTypeBody = z
  .strictObject(ticketTypeFields)
  .partial()
  .refine((t) => Object.keys(t).length > 0, { message: 'name at least one field to change' });
export type UpdateTicketTypeInput = z.output<typeof UpdateTicketTypeBody>;

export const TicketType = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  priceCents: z.number().int(),
  currency: z.string(),
  quantity: z.number().int(),
  maxPerOrder: z.number().int(),
  taxRate: z.number(),
  salesStart: z.string().nullable(),
  salesEnd: z.string().nullable(),
  position: z.number().int(),
  hidden: z.boolean(),
  sold: z.number().int(),
  held: z.number().int(),
  available: z.number().int(),
  status: z.enum(['active', 'archived']),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TicketType = z.output<typeof TicketType>;
export const TicketTypeList = z.array(TicketType);
