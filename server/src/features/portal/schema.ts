import { z } from 'zod';
import { LANGUAGES } from '../events/languages.js';
import { Branding } from '../branding/schema.js';

/** Portal page paths take any id: a malformed one is the page's "not found", not a 400. */
export const PageParams = z.strictObject({ id: z.string().max(200) });

export const PublicEventParams = z.strictObject({ eventId: z.uuid({ message: 'must be a UUID' }) });

/** `code`: an access code, which reveals the hidden ticket types it unlocks. */
export const PublicEventQuery = z.strictObject({ code: z.string().trim().max(64).optional() });

export const AssetParams = z.strictObject({ file: z.string().max(200) });

/** Why a ticket type can or cannot be bought right now. */
export const SaleState = z.enum(['on_sale', 'sold_out', 'not_started', 'ended']);
export type SaleState = z.output<typeof SaleState>;

export const PublicTicketType = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  priceCents: z.number().int(),
  currency: z.string(),
  maxPerOrder: z.number().int(),
  /** Seats that can be bought now, quotas included. */
  available: z.number().int(),
  saleState: SaleState,
  /** Sold out: registering with `joinWaitlist: true` takes a place in line. */
  waitlist: z.boolean(),
  salesStart: z.string().nullable(),
  salesEnd: z.string().nullable(),
});
export type PublicTicketType = z.output<typeof PublicTicketType>;

export const PublicQuestion = z.object({
  id: z.uuid(),
  label: z.string(),
  kind: z.enum(['text', 'choice', 'checkbox']),
  required: z.boolean(),
  options: z.array(z.string()),
  /** null: asked for every ticket type. */
  ticketTypeIds: z.array(z.uuid()).nullable(),
});
export type PublicQuestion = z.output<typeof PublicQuestion>;

/** How the page presents the event: the organizer's colour, images, contact and documents. */
export const PublicBranding = Branding.extend({
  /** Black or white, whichever reads better on the accent colour. */
  accentTextColor: z.string().nullable(),
  logoUrl: z.string().nullable(),
  bannerUrl: z.string().nullable(),
});
export type PublicBranding = z.output<typeof PublicBranding>;

/** What anyone may read about an event: no organization, payment or staff details. */
export const PublicEvent = z.object({
  id: z.uuid(),
  name: z.string(),
  /** The organizer's Markdown. */
  description: z.string().nullable(),
  /** The description rendered: only Markdown's own tags, typed HTML escaped. */
  descriptionHtml: z.string().nullable(),
  venue: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  timezone: z.string(),
  branding: PublicBranding,
  ticketTypes: z.array(PublicTicketType),
  questions: z.array(PublicQuestion),
  /** The access code asked for, as spelled by the organizer, when it is usable now; else null. */
  accessCode: z.string().nullable(),
  /** Registration needs a solved challenge (GET …/challenge); the portal solves it in the background. */
  proofOfWork: z.boolean(),
  /** Whether the form asks for the buyer's phone, and the country national numbers are read in. */
  attendeePhone: z.enum(['off', 'optional', 'required']),
  phoneRegion: z.string().nullable(),
  /** Some messages go by SMS to buyers who agree: the form offers the choice. */
  smsOffered: z.boolean(),
  /** The languages the portal offers for this event; the first is the default. */
  languages: z.array(z.enum(LANGUAGES)),
});
export type PublicEvent = z.output<typeof PublicEvent>;
