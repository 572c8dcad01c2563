import type { AnyRoute } from '../../http/route.js';
import type { Db } from '../../platform/db/db.js';
import type { Logger } from '../../platform/log.js';
import type { ChangeSignal } from '../../platform/bus/change-signal.js';
import { SalesStreams } from '../sales/stream.js';
import { doorSnapshot } from './door-service.js';
import { startReportJobs } from './jobs.js';
import { reportRoutes } from './routes.js';
import { DoorQuery } from './schema.js';

// The door view's live stream is the sales monitor's mechanism (SalesStreams: one feed per event
// and parameters, read once a second or when a replica signals a change) with the door snapshot.
const streamsByDb = new WeakMap<Db, SalesStreams>();

function doorStreams(db: Db, log: Logger): SalesStreams {
  let streams = streamsByDb.get(db);
  if (!streams) {
    streams = new SalesStreams(db, log.child({ component: 'door' }), undefined, {
      event: 'door',
      read: (d, org, eventId, variant) =>
        doorSnapshot(
          d,
          org,
          eventId,
          DoorQuery.parse(Object.fromEntries(new URLSearchParams(variant))),
        ),
    });
    streamsByDb.set(db, streams);
  }
  return streams;
}

export function reportFeatureRoutes(d: { db: Db; log: Logger }): AnyRoute[] {
  return reportRoutes(d.db, doorStreams(d.db, d.log));
}

/** Folds report deltas; wakes door streams on changes; ends the streams on close. */
export function startReportFeatureJobs(d: {
  db: Db;
  log: Logger;
  changes?: ChangeSignal;
}): () => Promise<void> {
  const streams = doorStreams(d.db, d.log);
  const unsubscribe = d.changes?.onChange((eventId) => streams.wake(eventId));
  const stopFold = startReportJobs(d);
  return async () => {
    unsubscribe?.();
    await Promise.all([streams.stop(), stopFold()]);
  };
}
