import type { Db } from '../../platform/db/db.js';
import { notFound } from '../../platform/errors.js';
import { readOneSnapshot } from '../sales/store.js';
import { doorView, type DoorView } from './door.js';
import type { DoorQuery } from './schema.js';
import * as store from './door-store.js';
import { eventTimezone } from './store.js';

/** The live door view of an event the organization owns, from one snapshot of the rollups. */
export function doorSnapshot(
  db: Db,
  organizationId: string,
  eventId: string,
  q: DoorQuery,
  now = new Date(),
): Promise<DoorView & { eventId: string; timezone: string; generatedAt: string }> {
  return db.transaction(async (tx) => {
    await readOneSnapshot(tx);
    const timezone = await eventTimezone(tx, eventId, organizationId);
    if (timezone === undefined) throw notFound('event', eventId);
    const since = new Date(Math.floor(now.getTime() / 60_000 - q.minutes + 1) * 60_000);
    const [rows, before, stillExpected] = [
      await store.doorMinuteRows(tx, eventId, since),
      await store.doorBefore(tx, eventId, since),
      await store.expectedArrivals(tx, eventId),
    ];
    const view = doorView(rows, {
      since,
      now,
      before,
      stillExpected,
      showRate: q.showRate,
      targetWaitMinutes: q.targetWaitMinutes,
      laneRatePerMinute: q.laneRatePerMinute,
    });
    return { eventId, timezone, generatedAt: now.toISOString(), ...view };
  });
}
