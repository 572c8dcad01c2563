import { EventEmitter } from 'node:events';

// In-process only: this process's dispatcher wakes at once; other replicas find rows by polling.
const queued = new EventEmitter();
queued.setMaxListeners(0);

/** Tells this process's dispatcher that messages were queued (committed). */
export function announceQueued(): void {
  queued.emit('queued');
}

/** Calls `listener` on every announcement; returns the unsubscribe function. */
export function onQueued(listener: () => void): () => void {
  queued.on('queued', listener);
  return () => queued.off('queued', listener);
}

/** Tells this process's fan-out job that a broadcast was scheduled (it may be due now). */
export function announceBroadcast(): void {
  queued.emit('broadcast');
}

/** Calls `listener` on every scheduled broadcast; returns the unsubscribe function. */
export function onBroadcast(listener: () => void): () => void {
  queued.on('broadcast', listener);
  return () => queued.off('broadcast', listener);
}
