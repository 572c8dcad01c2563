import type { Db } from '../../platform/db/db.js';
import type { Logger } from '../../platform/log.js';
import type { ChangeSignal } from '../../platform/bus/change-signal.js';
import { notFound } from '../../platform/errors.js';
import { SalesStreams } from '../sales/stream.js';
import { findFeedHead } from './store.js';

// The open agendas' live stream is the sales monitor's mechanism (SalesStreams: one feed per
// event, read on a timer or when a replica signals a change, a heartbeat comment, ended on
// shutdown) with a snapshot of one number: the latest release. A release enqueues an outbox
// message naming the event, so every replica hears of it at once; the timer only covers a lost
// signal, so it is slow.
const TIMINGS = { pollMs: 5000, heartbeatMs: 15_000 };

const streamsByDb = new WeakMap<Db, SalesStreams>();

/** `{version}` of the event's latest release (null before the first); unknown event: 404. */
export async function releaseSnapshot(
  db: Db,
  eventId: string,
): Promise<{ version: number | null }> {
  const head = await findFeedHead(db, eventId);
  if (!head) throw notFound('event', eventId);
  return { version: head.version ?? null };
}

export function releaseStreams(db: Db, log: Logger): SalesStreams {
  let streams = streamsByDb.get(db);
  if (!streams) {
    streams = new SalesStreams(db, log.child({ component: 'agenda' }), TIMINGS, {
      event: 'release',
      read: (d, _organization, eventId) => releaseSnapshot(d, eventId),
    });
    streamsByDb.set(db, streams);
  }
  return streams;
}

/** Wakes an event's agenda streams when any replica changed it; ends them on close. */
export function startScheduleJobs(d: {
  db: Db;
  log: Logger;
  changes?: ChangeSignal;
}): () => Promise<void> {
  const streams = releaseStreams(d.db, d.log);
  const unsubscribe = d.changes?.onChange((eventId) => streams.wake(eventId));
  return () => {
    unsubscribe?.();
    return streams.stop();
  };
}
