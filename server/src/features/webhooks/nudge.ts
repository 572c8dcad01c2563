import { EventEmitter } from 'node:events';

// In-process: dispatchers of this process look at once; other replicas find messages by polling.
const queued = new EventEmitter();
queued.setMaxListeners(0);

/** Tells dispatchers in this process that webhook messages are due (already committed). */
export function announceQueued(): void {
  queued.emit('queued');
}

/** Calls `listener` on every announcement; returns the unsubscribe function. */
export function onQueued(listener: () => void): () => void {
  queued.on('queued', listener);
  return () => queued.off('queued', listener);
}
