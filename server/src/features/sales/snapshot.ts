import type { Db, Queryable } from '../../platform/db/db.js';
import { notFound } from '../../platform/errors.js';
import { availableSeats } from '../registration/capacity.js';
import type { SalesSnapshot } from './schema.js';
import { readOneSnapshot, salesRows, timelineRows, type SalesRow } from './store.js';
import { cumulativeTimeline } from './timeline.js';

/** Sold, held and available seats per ticket type, the revenue and sales over time, as the monitor
 * shows them, all read from one snapshot of the database. */
export function salesSnapshot(
  db: Db,
  organizationId: string,
  eventId: string,
): Promise<SalesSnapshot> {
  return db.transaction(async (tx) => {
    await readOneSnapshot(tx);
    return readSalesSnapshot(tx, organizationId, eventId);
  });
}

async function readSalesSnapshot(
  db: Queryable,
  organizationId: string,
  eventId: string,
): Promise<SalesSnapshot> {
  const rows = await salesRows(db, eventId, organizationId);
  if (rows.length === 0) throw notFound('event', eventId);
  const types = rows.filter((r): r is SalesRow & { id: string } => r.id !== null);
  const available = await availableSeats(
    db,
    types.map((t) => t.id),
  );
  const ticketTypes = types.map((t) => ({
    id: t.id,
    name: t.name,
    currency: t.currency,
    priceCents: Number(t.price_cents),
    quantity: t.quantity,
    sold: t.sold,
    held: t.held,
    available: available.get(t.id) ?? Math.max(t.quantity - t.sold - t.held, 0),
    revenueCents: Number(t.revenue_cents),
  }));
  const revenue = new Map<string, number>();
  for (const t of ticketTypes)
    revenue.set(t.currency, (revenue.get(t.currency) ?? 0) + t.revenueCents);
  const sum = (key: 'sold' | 'held' | 'available') => ticketTypes.reduce((n, t) => n + t[key], 0);
  return {
    eventId,
    ticketTypes,
    totals: { sold: sum('sold'), held: sum('held'), available: sum('available') },
    revenue: [...revenue].map(([currency, cents]) => ({ currency, cents })),
    timeZone: rows[0]!.timezone,
    timeline: cumulativeTimeline(await timelineRows(db, eventId, organizationId)),
  };
}
