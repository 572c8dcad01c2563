import type { ServerResponse } from 'node:http';
import type { Db } from '../../platform/db/db.js';
import type { Logger } from '../../platform/log.js';
import { SalesFeed, type StreamTimings } from './feed.js';
import { salesSnapshot } from './snapshot.js';

export type { StreamTimings };

const TIMINGS: StreamTimings = { pollMs: 1000, heartbeatMs: 15_000 };

/** What a stream sends: its SSE event name and how a snapshot is read (not found: throws). */
export interface SnapshotSource {
  event: string;
  /** `variant`: the stream's own parameters (one feed per event and variant). */
  read(db: Db, organizationId: string, eventId: string, variant: string): Promise<unknown>;
}

const SALES: SnapshotSource = { event: 'sales', read: salesSnapshot };

/**
 * The open sales streams (or another live view's, by its SnapshotSource) of one server, grouped in one feed per watched event, so the figures
 * are read once per second however many organizers watch. stop() ends them all, so closing the
 * server never waits on one.
 */
export class SalesStreams {
  private readonly feeds = new Map<string, SalesFeed>();
  private readonly reads = new Set<Promise<string>>();
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    private readonly timings: StreamTimings = TIMINGS,
    private readonly source: SnapshotSource = SALES,
  ) {}

  /** Opens the stream of the organization's event; throws not found before answering. */
  async serve(
    res: ServerResponse,
    organizationId: string,
    eventId: string,
    variant = '',
  ): Promise<void> {
    if (this.stopped) return unavailable(res);
    const key = `${organizationId}/${eventId}/${variant}`;
    // A watched event is known (the key holds the organization) and its latest snapshot is sent
    // at once; otherwise read before the stream opens, so an unknown event is a plain 404.
    const first = this.feeds.has(key)
      ? undefined
      : await this.read(organizationId, eventId, variant);
    // Nothing awaits from here on, so a feed cannot stop between being found and being joined.
    if (this.stopped) return unavailable(res);
    if (res.destroyed) return;
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      // The response never finishes on its own; the socket is not reused after it.
      Connection: 'close',
      // nginx would otherwise buffer the stream.
      'X-Accel-Buffering': 'no',
    });
    // Without a feed, `first` was read above.
    (this.feeds.get(key) ?? this.startFeed(key, organizationId, eventId, variant, first!)).join(
      res,
    );
  }

  /** Reads the event's figures for its streams now: it changed. */
  wake(eventId: string): void {
    for (const [key, feed] of this.feeds) if (key.split('/')[1] === eventId) feed.wake();
  }

  /** Ends every stream and waits for reads under way, so the database can close after it. */
  async stop(): Promise<void> {
    this.stopped = true;
    for (const feed of [...this.feeds.values()]) feed.end();
    await Promise.allSettled([...this.reads]);
  }

  private startFeed(
    key: string,
    organizationId: string,
    eventId: string,
    variant: string,
    first: string,
  ): SalesFeed {
    const feed: SalesFeed = new SalesFeed(
      first,
      () => this.read(organizationId, eventId, variant),
      this.log.child({ eventId }),
      this.timings,
      () => this.feeds.get(key) === feed && this.feeds.delete(key),
      this.source.event,
    );
    this.feeds.set(key, feed);
    return feed;
  }

  private read(organizationId: string, eventId: string, variant: string): Promise<string> {
    const reading = this.source
      .read(this.db, organizationId, eventId, variant)
      .then((s) => JSON.stringify(s));
    this.reads.add(reading);
    const done = () => this.reads.delete(reading);
    reading.then(done, done);
    return reading;
  }
}

function unavailable(res: ServerResponse): void {
  res.writeHead(503).end();
}
