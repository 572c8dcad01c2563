import type { SalesTimeline } from './schema.js';
import type { TimelineRow } from './store.js';

/** Running totals per bucket: tickets sold and revenue per currency up to the bucket's end. */
export function cumulativeTimeline(rows: TimelineRow[]): SalesTimeline {
  const points: SalesTimeline['points'] = [];
  const revenue = new Map<string, number>();
  let sold = 0;
  for (const row of rows) {
    const at = row.at.toISOString();
    sold += row.tickets;
    revenue.set(row.currency, (revenue.get(row.currency) ?? 0) + Number(row.cents));
    const point = {
      at,
      sold,
      revenue: [...revenue].map(([currency, cents]) => ({ currency, cents })),
    };
    // A bucket with sales in two currencies has two rows: the later one holds the totals.
    if (points.at(-1)?.at === at) points[points.length - 1] = point;
    else points.push(point);
  }
  return { unit: rows[0]?.unit ?? 'hour', points };
}
