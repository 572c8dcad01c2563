import { EventEmitter } from 'node:events';

// In-process only: a relay in this process wakes at once; other replicas find the rows by polling.
const enqueued = new EventEmitter();
enqueued.setMaxListeners(0);

/** Tells relays in this process that messages were enqueued (their transaction may not have committed yet). */
export function announceEnqueued(): void {
  enqueued.emit('enqueued');
}

/** Calls `listener` on every announcement; returns the unsubscribe function. */
export function onEnqueued(listener: () => void): () => void {
  enqueued.on('enqueued', listener);
  return () => enqueued.off('enqueued', listener);
}
