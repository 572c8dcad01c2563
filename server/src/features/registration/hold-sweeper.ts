import type { Db } from '../../platform/db/db.js';
import type { Logger } from '../../platform/log.js';
import { releaseExpiredHolds } from './holds.js';

/** Periodically frees seats of holds that ran out. Registration also checks on a sell-out. */
export function startHoldSweeper(db: Db, log: Logger, intervalMs = 15_000): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = releaseExpiredHolds(db).then(
      (n) => n > 0 && log.info({ expired: n }, 'released expired holds'),
      (err: unknown) => log.warn({ err }, 'hold sweep failed; retrying next interval'),
    );
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
