import type { Db } from '../../platform/db/db.js';
import * as service from './service.js';

/** Signs the head every interval when it moved; verifiers then hold proof of older heads. */
export function startAuditCheckpoints(
  db: Db,
  onError: (err: unknown) => void,
  intervalMs = 60_000,
): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    running = service
      .writeCheckpoint(db)
      .catch(onError)
      .finally(() => (busy = false));
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
