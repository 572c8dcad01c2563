import type { AnyRoute } from '../../http/route.js';
import type { Config } from '../../platform/config.js';
import type { Db } from '../../platform/db/db.js';
import type { Logger } from '../../platform/log.js';
import type { ChangeSignal } from '../../platform/bus/change-signal.js';
import type { OutboxSubscriber } from '../../platform/bus/subscriber.js';
import { SalesStreams } from '../sales/stream.js';
import { doorSnapshot } from './door-service.js';
import { startReportJobs } from './jobs.js';
import { registerSearchFeed } from './documents-store.js';
import { reportIndexer } from './report-indexer.js';
import { reportRoutes } from './routes.js';
import { reportSource } from './source-choice.js';
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

export function reportFeatureRoutes(d: {
  db: Db;
  log: Logger;
  config: Pick<Config, 'elasticsearchUrl'>;
}): AnyRoute[] {
  return reportRoutes(d.db, reportSource(d.config, d.db).source, doorStreams(d.db, d.log));
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

/**
 * The report indexer when reports read Elasticsearch; none otherwise. Such a server also
 * registers its feed, so check-ins reach the outbox (migration 0026).
 */
export function reportSubscribers(d: {
  db: Db;
  log: Logger;
  config: Pick<Config, 'elasticsearchUrl'>;
}): OutboxSubscriber[] {
  const { index } = reportSource(d.config, d.db);
  if (!index) return [];
  registerSearchFeed(d.db, 'elasticsearch').catch((err: unknown) =>
    d.log.warn({ err }, 'could not register the Elasticsearch feed; check-ins may not reach it'),
  );
  return [reportIndexer(d.db, index)];
}
