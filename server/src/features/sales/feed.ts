import type { ServerResponse } from 'node:http';
import type { Logger } from '../../platform/log.js';

export interface StreamTimings {
  pollMs: number;
  heartbeatMs: number;
}

const MIN_READ_MS = 100;

const sendSnapshot = (res: ServerResponse, event: string, json: string) =>
  res.write(`event: ${event}\ndata: ${json}\n\n`);

/**
 * One event's figures, shared by all its open streams: one timer reads them once per tick and
 * sends them to every stream when they changed, so watchers add no queries. A failed read is
 * logged and tried again on the next tick; the streams stay open. The last stream leaving stops
 * the timers.
 */
export class SalesFeed {
  private readonly streams = new Set<ServerResponse>();
  private readonly poll: NodeJS.Timeout;
  private readonly heartbeat: NodeJS.Timeout;
  private reading = false;
  private lastRead = 0;
  private wakeTimer: NodeJS.Timeout | undefined;

  /** `latest` is the snapshot (as JSON) the first stream was sent. */
  constructor(
    private latest: string,
    private readonly read: () => Promise<string>,
    private readonly log: Logger,
    timings: StreamTimings,
    private readonly onIdle: () => void,
    /** The SSE event name of each snapshot. */
    private readonly event = 'sales',
  ) {
    this.poll = setInterval(() => this.tick(), timings.pollMs);
    // Proxies and browsers drop a connection that stays silent for long; a comment keeps it open.
    this.heartbeat = setInterval(() => {
      for (const res of this.streams) res.write(': heartbeat\n\n');
    }, timings.heartbeatMs);
  }

  /** Sends the latest snapshot at once, then every change, until the client goes away. */
  join(res: ServerResponse): void {
    this.streams.add(res);
    sendSnapshot(res, this.event, this.latest);
    res.once('close', () => {
      if (this.streams.delete(res) && this.streams.size === 0) this.stop();
    });
  }

  /**
   * The event changed (here or on another replica): read now rather than at the next tick, but
   * not more often than every MIN_READ_MS, so a rush costs a read per interval, not per sale.
   */
  wake(): void {
    if (this.wakeTimer) return;
    const wait = Math.max(0, this.lastRead + MIN_READ_MS - Date.now());
    this.wakeTimer = setTimeout(() => {
      this.wakeTimer = undefined;
      this.tick();
    }, wait);
  }

  /** Ends every stream; the server is stopping. */
  end(): void {
    for (const res of this.streams) if (!res.writableEnded) res.end();
    this.streams.clear();
    this.stop();
  }

  private stop(): void {
    clearInterval(this.poll);
    clearInterval(this.heartbeat);
    clearTimeout(this.wakeTimer);
    this.onIdle();
  }

  private tick(): void {
    // A slow read is not stacked with the next one.
    if (this.reading) return;
    this.reading = true;
    this.lastRead = Date.now();
    this.read()
      .then((json) => {
        // Unchanged figures are not sent again; the heartbeat keeps quiet streams open.
        if (json === this.latest) return;
        this.latest = json;
        for (const res of this.streams) sendSnapshot(res, this.event, json);
      })
      .catch((err: unknown) => this.log.warn({ err }, 'sales figures not read; next tick retries'))
      .finally(() => (this.reading = false));
  }
}
