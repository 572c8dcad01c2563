// The main of the mail thread (mail-sending-thread.ts): the mail dispatcher with a database pool
// of its own, so a bulk send shares neither the event loop nor the connections of the sale.
import { parentPort, workerData } from 'node:worker_threads';
import { createPgDb } from '../../platform/db/pg-db.js';
import { createLogger } from '../../platform/log.js';
import { becomeBackgroundThread } from '../../platform/threads/background-priority.js';
import { startMailSending, type MailSendingConfig } from './mail-sending.js';
import { COUNTERS, type NotificationMetrics } from './metrics.js';

export interface MailThreadData {
  databaseUrl: string;
  config: MailSendingConfig;
  /** Counts go to the main thread's metrics registry. */
  metrics: boolean;
}

/** Messages between the server and its mail thread. */
export type ToMailThread = 'wake' | 'stop';
export type FromMailThread = {
  counter: (typeof COUNTERS)[number];
  labels: { kind: string; channel: string };
};

const port = parentPort!;
const data = workerData as MailThreadData;
const log = createLogger(data.config);
// Before the rendering threads start, which inherit it: the sale comes first on busy cores.
if (!becomeBackgroundThread()) log.info('the mail thread runs at normal priority');
// The lease, the send's record and a failure's are written without waiting for the WAL flush:
// at 200 mails a second the flushes otherwise queue with the sale's commits. A record lost in
// a crash of PostgreSQL itself sends that mail again, with the same Message-ID: the one way a
// mail goes twice, already (a crash between the send and its record).
const db = createPgDb(data.databaseUrl, { max: 4, options: '-c synchronous_commit=off' });
const metrics = data.metrics
  ? (Object.fromEntries(
      COUNTERS.map((counter) => [
        counter,
        { inc: (labels: FromMailThread['labels']) => port.postMessage({ counter, labels }) },
      ]),
    ) as unknown as NotificationMetrics)
  : undefined;
const sending = startMailSending({ db, config: data.config, log, metrics });
port.on('message', (m: ToMailThread) => {
  if (m === 'wake') sending.wake();
  else
    void sending.stop().then(async () => {
      await db.close();
      port.close();
    });
});
