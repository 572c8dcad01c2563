import type { AnyRoute } from '../../http/route.js';
import type { Db } from '../../platform/db/db.js';
import type { Logger } from '../../platform/log.js';
import type { ChangeSignal } from '../../platform/bus/change-signal.js';
import { salesRoutes } from './routes.js';
import { SalesStreams } from './stream.js';

// The routes and the shutdown job share the server's open streams: one set per database.
const streamsByDb = new WeakMap<Db, SalesStreams>();

function streamsFor(db: Db, log: Logger): SalesStreams {
  let streams = streamsByDb.get(db);
  if (!streams) {
    streams = new SalesStreams(db, log.child({ component: 'sales' }));
    streamsByDb.set(db, streams);
  }
  return streams;
}

export function salesFeatureRoutes(d: { db: Db; log: Logger }): AnyRoute[] {
  return salesRoutes(streamsFor(d.db, d.log));
}

/**
 * Wakes an event's streams when any replica changed it; ends the open streams on close, so the
 * server's close does not wait for their clients.
 */
export function startSalesJobs(d: {
  db: Db;
  log: Logger;
  changes?: ChangeSignal;
}): () => Promise<void> {
  const streams = streamsFor(d.db, d.log);
  const unsubscribe = d.changes?.onChange((eventId) => streams.wake(eventId));
  return () => {
    unsubscribe?.();
    return streams.stop();
  };
}
