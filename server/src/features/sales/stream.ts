import type { Request, Response } from 'express';
import type { Db } from '../../platform/db/db.js';
import type { Logger } from '../../platform/log.js';
import type { SalesSnapshot } from './schema.js';
import { salesSnapshot } from './snapshot.js';

const POLL_MS = 1000;
// Proxies and browsers drop a connection that stays silent for long; a comment line keeps it open.
const HEARTBEAT_MS = 15_000;

export interface StreamTimings {
  pollMs: number;
  heartbeatMs: number;
}

/**
 * The open sales streams of one server. Each connection reads the figures every second and sends
 * a snapshot only when they changed; stop() ends them all, so closing the server never waits on one.
 */
export class SalesStreams {
  private readonly open = new Set<() => void>();
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly log: Logger,
    private readonly timings: StreamTimings = { pollMs: POLL_MS, heartbeatMs: HEARTBEAT_MS },
  ) {}

  /** Sends `first` at once, then every change, until the client goes away or the server stops. */
  serve(req: Request, res: Response, organizationId: string, first: SalesSnapshot): void {
    if (this.stopped) {
      res.status(503).end();
      return;
    }
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      // The response never finishes on its own; the socket is not reused after it.
      Connection: 'close',
      // nginx would otherwise buffer the stream.
      'X-Accel-Buffering': 'no',
    });
    let last = JSON.stringify(first);
    const send = (json: string) => res.write(`event: sales\ndata: ${json}\n\n`);
    send(last);

    let polling = false;
    const poll = setInterval(() => {
      if (polling) return;
      polling = true;
      salesSnapshot(this.db, organizationId, first.eventId)
        .then((snapshot) => {
          const json = JSON.stringify(snapshot);
          if (res.writableEnded) return;
          if (json !== last) send((last = json));
        })
        .catch((err: unknown) => {
          // The event may have been removed, or the database is going away: the stream ends.
          this.log.warn({ err, eventId: first.eventId }, 'sales stream stopped');
          end();
        })
        .finally(() => (polling = false));
    }, this.timings.pollMs);
    const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), this.timings.heartbeatMs);

    const end = () => {
      clearInterval(poll);
      clearInterval(heartbeat);
      this.open.delete(end);
      if (!res.writableEnded) res.end();
    };
    this.open.add(end);
    req.on('close', end);
  }

  stop(): void {
    this.stopped = true;
    for (const end of [...this.open]) end();
  }
}
