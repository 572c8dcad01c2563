import { checkpoint, type Cache } from '../cache/handles.js';
import { writeState } from '../cache/state-store.js';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from '@lanyard/core';
import type { Connectivity } from './connectivity.js';
import type { SyncClient } from './sync-client.js';

export interface SyncLoopOptions {
  /** Pause between rounds while all is well; online kiosks learn of changes this fast. */
  intervalMs?: number;
  backoff?: BackoffPolicy;
  random?: () => number;
  /** Told after every round, for the UI's status line. */
  onRound?: (outcome: { ok: boolean; failures: number; nextInMs: number }) => void;
}

/**
 * Runs sync rounds forever: push the queue, pull the feed, wait, again. A failed round waits
 * with exponential backoff and jitter; the next success resets it and reports the kiosk online.
 */
export class SyncLoop {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  /** The round asked for while another ran; every caller in the meantime shares it. */
  private queued: Promise<void> | undefined;
  private stopped = true;
  private failures = 0;
  private abort = new AbortController();

  constructor(
    private readonly cache: Cache,
    private readonly client: SyncClient,
    private readonly connectivity: Connectivity,
    private readonly options: SyncLoopOptions = {},
  ) {}

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.abort = new AbortController();
    this.schedule(0);
  }

  /** Stops the loop and waits for a round in flight to end (its requests are aborted). */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    this.abort.abort();
    await (this.queued ?? this.running);
  }

  /**
   * Runs a round that starts after this call; resolves when it ends. A round already in flight
   * may have failed before the network came back, so the caller waits for it and then for a
   * fresh one, shared with everyone else who asked meanwhile.
   */
  syncNow(): Promise<void> {
    if (!this.running) return this.begin();
    this.queued ??= this.running.then(() => {
      this.queued = undefined;
      return this.begin();
    });
    return this.queued;
  }

  private begin(): Promise<void> {
    clearTimeout(this.timer);
    this.running = this.round().finally(() => (this.running = undefined));
    return this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.syncNow(), delayMs);
  }

  private async round(): Promise<void> {
    const signal = this.abort.signal;
    let failure: unknown;
    // Push and pull fail apart: a refused upload must not keep the kiosk from learning revocations.
    try {
      await this.client.pushQueued(signal);
    } catch (error) {
      failure = error;
    }
    try {
      await this.client.pullUntilCaughtUp(signal);
    } catch (error) {
      failure ??= error;
    }
    if (signal.aborted) return;
    checkpoint(this.cache);
    let next: number;
    if (failure === undefined) {
      this.failures = 0;
      writeState(this.cache.write, 'last_sync_at', new Date().toISOString());
      this.connectivity.answered();
      next = this.options.intervalMs ?? 2000;
    } else {
      this.failures += 1;
      this.connectivity.failed(failure);
      next = backoffDelay(
        this.failures,
        this.options.backoff ?? DEFAULT_BACKOFF,
        this.options.random,
      );
    }
    this.options.onRound?.({ ok: failure === undefined, failures: this.failures, nextInMs: next });
    this.schedule(next);
  }
}
