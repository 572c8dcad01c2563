import { EventEmitter } from 'node:events';

// In-process only: a relay in this process wakes at once; other replicas find the rows by polling
// (and hear of changed events through change-signal.ts).
const enqueued = new EventEmitter();
enqueued.setMaxListeners(0);

/**
 * Tells listeners in this process that messages were enqueued, with the events they concern
 * (their transaction may not have committed yet).
 */
export function announceEnqueued(eventIds: readonly string[] = []): void {
  enqueued.emit('enqueued', eventIds);
}

/** Calls `listener` on every announcement; returns the unsubscribe function. */
export function onEnqueued(listener: (eventIds: readonly string[]) => void): () => void {
  enqueued.on('enqueued', listener);
  return () => enqueued.off('enqueued', listener);
}
