import type { Queryable } from '../../platform/db/db.js';
import type { Logger } from '../../platform/log.js';
import { logHeads, settledHorizon } from './feed-store.js';

interface Waiter {
  after: bigint;
  wake: () => void;
}

// How often the log heads of watched events are read. Changes by other replicas and other
// features (ticket triggers) are seen within this plus the time their transaction takes;
// this replica's own scans and list changes poke the watcher at once.
const POLL_MS = 500;

/**
 * Long-poll support: kiosks wait here for their event's log to move past their cursor. One
 * query per tick covers every watched event, however many kiosks wait.
 */
export class ChangeWatcher {
  private readonly waiters = new Map<string, Set<Waiter>>();
  private timer: NodeJS.Timeout | undefined;
  private polling = false;
  private stopped = false;

  constructor(
    private readonly db: Queryable,
    private readonly log: Logger,
    private readonly pollMs = POLL_MS,
  ) {}

  /** Resolves when the event's log has a settled row after `after`, after `ms`, or on abort. */
  wait(eventId: string, after: bigint, ms: number, signal?: AbortSignal): Promise<void> {
    if (this.stopped || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const set = this.waiters.get(eventId) ?? new Set<Waiter>();
      this.waiters.set(eventId, set);
      const done = () => {
        clearTimeout(timeout);
        signal?.removeEventListener('abort', done);
        set.delete(waiter);
        if (set.size === 0 && this.waiters.get(eventId) === set) this.waiters.delete(eventId);
        resolve();
      };
      const waiter: Waiter = { after, wake: done };
      const timeout = setTimeout(done, ms);
      signal?.addEventListener('abort', done, { once: true });
      set.add(waiter);
      this.schedule(this.pollMs);
    });
  }

  /** Something of this event changed here: check at once instead of at the next tick. */
  poke(eventId: string): void {
    if (this.waiters.has(eventId)) this.schedule(0);
  }

  /** Releases every waiter (they answer with what they have) and stops polling. */
  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    for (const set of this.waiters.values()) for (const w of [...set]) w.wake();
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    if (this.timer && ms > 0) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), ms);
  }

  private async tick(): Promise<void> {
    this.timer = undefined;
    if (this.polling) return this.schedule(this.pollMs);
    this.polling = true;
    try {
      const events = [...this.waiters.keys()];
      if (events.length === 0) return;
      const horizon = await settledHorizon(this.db);
      if (horizon === undefined) return;
      const heads = await logHeads(this.db, events, horizon);
      for (const [eventId, head] of heads) {
        for (const w of [...(this.waiters.get(eventId) ?? [])]) if (head > w.after) w.wake();
      }
    } catch (err) {
      this.log.warn({ err }, 'sync change watcher could not read the log');
    } finally {
      this.polling = false;
      if (this.waiters.size > 0) this.schedule(this.pollMs);
    }
  }
}
