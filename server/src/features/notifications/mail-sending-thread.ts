import { Worker } from 'node:worker_threads';
import type { Logger } from '../../platform/log.js';
import { threadEntry } from '../../platform/threads/thread-entry.js';
import type { MailSending } from './mail-sending.js';
import type { FromMailThread, MailThreadData, ToMailThread } from './mail-thread.js';
import type { NotificationMetrics } from './metrics.js';

// A thread that ended on its own (an error nothing caught) is started again after this long.
const RESTART_MS = 1000;

/**
 * The mail dispatcher on a thread of its own (mail-thread.ts), for PostgreSQL: leasing,
 * rendering, building and writing 200 mails a second otherwise took a fifth of the event loop
 * that answers registrations, whose p99 doubled during a bulk send.
 */
export function startMailSendingThread(
  data: Omit<MailThreadData, 'metrics'>,
  log: Logger,
  metrics: NotificationMetrics | undefined,
): MailSending {
  let stopping = false;
  let restart: NodeJS.Timeout | undefined;
  let exited: Promise<void> = Promise.resolve();
  const start = (): Worker => {
    const { filename, workerData } = threadEntry(new URL('./mail-thread', import.meta.url));
    const w = new Worker(filename, {
      workerData: { ...workerData, ...data, metrics: metrics !== undefined },
    });
    w.on('message', (m: FromMailThread) => metrics?.[m.counter].inc(m.labels));
    w.on('error', (err) => log.error({ err }, 'the mail thread failed'));
    exited = new Promise((resolve) =>
      w.once('exit', () => {
        resolve();
        if (stopping) return;
        log.error('the mail thread ended; starting it again');
        restart = setTimeout(() => (worker = start()), RESTART_MS);
        restart.unref();
      }),
    );
    return w;
  };
  let worker = start();
  const post = (m: ToMailThread) => worker.postMessage(m);
  return {
    wake: () => post('wake'),
    async stop() {
      stopping = true;
      clearTimeout(restart);
      // A thread that already ended answers nothing and its exit has happened.
      post('stop');
      await exited;
    },
  };
}
