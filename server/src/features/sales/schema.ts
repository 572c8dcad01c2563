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

export const SalesSnapshot = z.object({
  eventId: z.uuid(),
  ticketTypes: z.array(SalesTicketType),
  totals: z.object({ sold: z.number().int(), held: z.number().int(), available: z.number().int() }),
  /** One entry per currency the event sells in. */
  revenue: z.array(z.object({ currency: z.string(), cents: z.number().int() })),
});
export type SalesSnapshot = z.infer<typeof SalesSnapshot>;
