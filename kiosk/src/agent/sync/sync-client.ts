import { MAX_SCANS_PER_UPLOAD } from '@lanyard/core';
import { applyPage } from '../cache/feed-apply.js';
import type { Cache } from '../cache/handles.js';
import { acknowledgeUploads, queuedUploads } from '../cache/scan-store.js';
import { readCursor, readState, writeState } from '../cache/state-store.js';
import { narrowOffset, offsetBoundsFrom, offsetWithin, type OffsetBounds } from '@lanyard/core';
import type { ServerClock, SyncTransport } from './transport.js';

/** Pulls the change feed into the cache and pushes queued scans; one step each, no timers. */
export class SyncClient {
  constructor(
    private readonly cache: Cache,
    private readonly transport: SyncTransport,
    private readonly batchSize = MAX_SCANS_PER_UPLOAD,
  ) {}

  /**
   * Pulls pages until the server says there is no more. Each page is applied with its cursor in
   * one transaction, so an interruption anywhere resumes after the last whole page.
   */
  async pullUntilCaughtUp(signal?: AbortSignal): Promise<{ pages: number; changes: number }> {
    let pages = 0;
    let changes = 0;
    for (;;) {
      const cursor = readCursor(this.cache.read);
      const { body: page, clock } = await this.transport.pull(cursor, signal);
      this.noteClock(clock);
      applyPage(this.cache.write, page);
      pages += 1;
      changes += page.changes.length;
      // A server repeating the cursor with hasMore would otherwise spin here forever.
      if (!page.hasMore || page.cursor === cursor) return { pages, changes };
    }
  }

  /**
   * Uploads queued scans in batches until the queue is empty. A scan leaves the queue only with
   * the server's outcome; a batch sent again after a crash is answered `replayed`.
   */
  async pushQueued(signal?: AbortSignal): Promise<{ uploaded: number }> {
    let uploaded = 0;
    for (;;) {
      const batch = queuedUploads(this.cache.read, this.batchSize);
      if (batch.length === 0) return { uploaded };
      const { body, clock } = await this.transport.push(batch, signal);
      this.noteClock(clock);
      const sent = new Set(batch.map((s) => s.scanId));
      const outcomes = body.outcomes.filter((o) => sent.has(o.scanId.toLowerCase()));
      acknowledgeUploads(this.cache.write, outcomes);
      uploaded += outcomes.length;
      // The server answered for none of them: stop rather than resend the same batch forever.
      if (outcomes.length === 0) return { uploaded };
    }
  }

  private noteClock(clock: ServerClock | undefined): void {
    const sample = clock && offsetBoundsFrom(clock);
    if (!sample) return;
    const stored = readState(this.cache.read, 'clock_bounds');
    const bounds = narrowOffset(stored ? (JSON.parse(stored) as OffsetBounds) : undefined, sample);
    this.cache.write.transaction(() => {
      writeState(this.cache.write, 'clock_bounds', JSON.stringify(bounds));
      writeState(this.cache.write, 'clock_offset_ms', offsetWithin(bounds));
    })();
  }
}
