// A small real HTTP peer for the agent's tests and benchmarks: serves a change feed of core-schema
// pages and accepts scan uploads and online check-ins the way the contract says the server does.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  scanUploadSchema,
  type CheckinResult,
  type ScanOutcome,
  type ScanUploadItem,
  type SyncChange,
  type SyncPage,
} from '@lanyard/core';
import { eventId, publicKey } from './fixtures.js';

export const KIOSK_TOKEN = 'kiosk-test-token';

export interface FeedServerOptions {
  pageSize?: number;
  /** Called for each online check-in; default: admitted. */
  checkin?: (body: { token: string; scanId: string }) => {
    result: CheckinResult;
    [k: string]: unknown;
  };
}

/** The feed server's state, open for tests to inspect and steer. */
export class FeedServer {
  /** The change log; the cursor `c:N` means "the first N changes applied". */
  readonly changes: SyncChange[] = [];
  /** Every cursor the kiosk asked for, in order (`null`: no cursor). */
  readonly pulls: (string | null)[] = [];
  /** Every upload batch received. */
  readonly pushes: ScanUploadItem[][] = [];
  /** Scans stored, once each by scanId. */
  readonly stored = new Map<string, ScanUploadItem>();
  readonly checkins: { token: string; scanId: string }[] = [];
  /** Every request received, answered or not. */
  requests = 0;
  /** Answer every request with 503 (the venue network is up, the server is not). */
  down = false;
  /** Hold each answer this long. */
  delayMs = 0;
  /** Added to the Date header, to play a server whose clock is ahead. */
  clockSkewMs = 0;
  /** Seen before answering; a test may kill the kiosk here. */
  onRequest:
    ((kind: 'pull' | 'push' | 'checkin', res: ServerResponse) => void | Promise<void>) | undefined;
  private server: Server | undefined;
  url = '';

  constructor(readonly options: FeedServerOptions = {}) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()) ?? resolve());
  }

  /** The page starting at `cursor`, as the server would serve it. */
  page(cursor: string | null): SyncPage {
    const from = cursor === null ? 0 : Number(cursor.slice(2));
    const size = this.options.pageSize ?? 1000;
    const to = Math.min(this.changes.length, from + size);
    return {
      v: 1,
      cursor: `c:${to}`,
      changes: this.changes.slice(from, to),
      keys: [publicKey],
      hasMore: to < this.changes.length,
      ...(cursor === null && { snapshot: true }),
    };
  }

  private send(res: ServerResponse, status: number, body: unknown): void {
    const text = JSON.stringify(body);
    res.writeHead(status, {
      'content-type': 'application/json',
      date: new Date(Date.now() + this.clockSkewMs).toUTCString(),
    });
    res.end(text);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    this.requests += 1;
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (this.delayMs) await new Promise((r) => setTimeout(r, this.delayMs));
    if (this.down) return this.send(res, 503, { code: 'unavailable' });
    if (req.headers.authorization !== `Bearer ${KIOSK_TOKEN}`) {
      return this.send(res, 401, { code: 'unauthorized' });
    }
    const url = new URL(req.url ?? '/', 'http://x');
    const base = `/api/v1/events/${eventId}`;
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : undefined;
    if (req.method === 'GET' && url.pathname === `${base}/sync`) {
      const cursor = url.searchParams.get('cursor');
      this.pulls.push(cursor);
      await this.onRequest?.('pull', res);
      return this.send(res, 200, this.page(cursor));
    }
    if (req.method === 'POST' && url.pathname === `${base}/scans`) {
      const upload = scanUploadSchema.parse(body);
      this.pushes.push(upload.scans);
      const outcomes: ScanOutcome[] = upload.scans.map((scan) => {
        const replayed = this.stored.has(scan.scanId);
        if (!replayed) this.stored.set(scan.scanId, scan);
        const result = this.stored.get(scan.scanId)!.deviceResult ?? 'admitted';
        return {
          scanId: scan.scanId,
          status: replayed ? 'replayed' : 'stored',
          result,
          reason: result === 'admitted' ? 'entry' : result === 'invalid' ? 'malformed' : result,
          duplicate: false,
        };
      });
      // Stored before the hook runs: a test can kill the kiosk between storing and answering.
      await this.onRequest?.('push', res);
      return this.send(res, 200, { v: 1, outcomes });
    }
    if (req.method === 'POST' && url.pathname === `${base}/checkins`) {
      this.checkins.push(body);
      await this.onRequest?.('checkin', res);
      return this.send(res, 200, this.options.checkin?.(body) ?? { result: 'admitted' });
    }
    this.send(res, 404, { code: 'not_found' });
  }
}
