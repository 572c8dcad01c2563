import type { Db } from '../../platform/db/db.js';
import type { Logger } from '../../platform/log.js';
import { offerWaitingSeats } from '../waitlist/offers.js';
import { releaseExpiredHolds } from './holds.js';

/**
 * Periodically frees seats of holds and waitlist offers that ran out, and offers any free seat to
 * people waiting for it. Registration and claims also check on their own, so a stopped sweeper
 * oversells nothing.
 */
export function startHoldSweeper(db: Db, log: Logger, intervalMs = 15_000): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const sweep = async () => {
    const expired = await releaseExpiredHolds(db);
    const offered = await offerWaitingSeats(db);
    if (expired > 0 || offered > 0) log.info({ expired, offered }, 'swept holds and waitlist');
  };
  let busy = false;
  const timer = setInterval(() => {
    // A slow sweep is not overlapped by the next one.
    if (busy) return;
    busy = true;
    running = sweep()
      .catch((err: unknown) => log.warn({ err }, 'hold sweep failed; retrying next interval'))
      .finally(() => (busy = false));
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
