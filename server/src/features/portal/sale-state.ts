import type { SaleState } from './schema.js';

export interface SaleFacts {
  available: number;
  salesStart: Date | null;
  salesEnd: Date | null;
  eventEndsAt: Date;
}

/**
 * Whether a ticket type sells now, in the order registration checks it: closed windows first
 * (a sold-out type whose sales ended is "ended", not a waitlist), then seats.
 */
export function saleState(t: SaleFacts, now: Date): SaleState {
  if (now >= t.eventEndsAt || (t.salesEnd && now >= t.salesEnd)) return 'ended';
  if (t.salesStart && now < t.salesStart) return 'not_started';
  return t.available > 0 ? 'on_sale' : 'sold_out';
}
