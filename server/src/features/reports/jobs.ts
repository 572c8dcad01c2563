import type { Db } from '../../platform/db/db.js';
import type { Logger } from '../../platform/log.js';
import { foldReportDeltas } from './service.js';

/**
 * Folds report deltas into their rollups every few seconds. Reports are exact without it (they
 * read the deltas too); it keeps the deltas few, so a report reads a small, indexed rollup.
 */
export function startReportJobs(
  d: { db: Db; log: Logger },
  intervalMs = 2_000,
): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    running = foldReportDeltas(d.db)
      .catch((err: unknown) => d.log.warn({ err }, 'report fold failed; retrying next interval'))
      .finally(() => (busy = false));
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
