import type { Db } from '../../platform/db/db.js';
import type { Logger } from '../../platform/log.js';
import type { PaymentProviders } from './provider.js';
import { finishOnlineRefund } from './refunds.js';
import * as store from './store.js';

/**
 * Asks the provider again about refunds it never answered (a timeout, a crash after commit).
 * Same idempotency key as the first try, so a refund the provider did make is not made twice.
 * Returns how many were settled (completed or undone).
 */
export async function retryPendingRefunds(
  db: Db,
  providers: PaymentProviders,
  log: Logger,
  opts: { olderThanMs?: number; limit?: number; now?: Date } = {},
): Promise<number> {
  const before = new Date((opts.now ?? new Date()).getTime() - (opts.olderThanMs ?? 120_000));
  let settled = 0;
  for (const { provider, ...refund } of await store.pendingOnlineRefunds(
    db,
    before,
    opts.limit ?? 20,
  )) {
    try {
      if (!(await finishOnlineRefund(db, providers.get(provider), log, refund))) settled++;
    } catch {
      settled++; // refused: the booking was undone and refund.failed announced
    }
  }
  return settled;
}

/** Retries pending refunds every minute; returns a function that stops and waits. */
export function startRefundRetry(
  db: Db,
  providers: PaymentProviders,
  log: Logger,
  intervalMs = 60_000,
): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = retryPendingRefunds(db, providers, log).then(
      (n) => n > 0 && log.info({ settled: n }, 'settled pending refunds'),
      (err: unknown) => log.warn({ err }, 'refund retry failed; trying again next interval'),
    );
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
