import { z } from 'zod';

export const SalesTicketType = z.object({
  id: z.uuid(),
  name: z.string(),
  currency: z.string(),
  priceCents: z.number().int(),
  quantity: z.number().int(),
  sold: z.number().int(),
  held: z.number().int(),
  /** Seats left, shared quotas included. */
  available: z.number().int(),
  /** Confirmed orders less refunds, in the type's currency's minor units. */
  revenueCents: z.number().int(),
});

/** Confirmed sales over time: running totals at the start of each bucket that had a sale. */
export const SalesTimeline = z.object({
  /** The bucket, chosen from the span of sales so there are at most 48 points. */
  unit: z.enum(['hour', 'day', 'week', 'month']),
  points: z.array(
    z.object({
      at: z.iso.datetime(),
      sold: z.number().int(),
      revenue: z.array(z.object({ currency: z.string(), cents: z.number().int() })),
    }),
  ),
});
export type SalesTimeline = z.infer<typeof SalesTimeline>;

export const SalesSnapshot = z.object({
  eventId: z.uuid(),
  ticketTypes: z.array(SalesTicketType),
  totals: z.object({ sold: z.number().int(), held: z.number().int(), available: z.number().int() }),
  /** One entry per currency the event sells in. */
  revenue: z.array(z.object({ currency: z.string(), cents: z.number().int() })),
  /** The event's IANA time zone, for the timeline's labels. */
  timeZone: z.string(),
  timeline: SalesTimeline,
});
export type SalesSnapshot = z.infer<typeof SalesSnapshot>;
