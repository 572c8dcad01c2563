// An open-loop load generator: request i is due at start + i/rate, whatever earlier requests are
// doing, over a pool of keep-alive connections. Latency counts from the moment a request was DUE,
// so a server (or a generator) that falls behind shows it in the figures instead of slowing the
// offered load down. autocannon's `overallRate` is not this: each connection sends its share of a
// second back to back at the top of every second, so the server sees bursts as wide as the
// connection count, and its coordinated-omission correction then records every slow answer once
// per millisecond it took.
//
// It speaks HTTP/1.1 on raw sockets: the generator shares the machine's cores with the server it
// measures, and node:http's client (agent, ClientRequest, header checks, streams) costs about as
// much CPU per request as a cheap endpoint does. A request is one prebuilt write; an answer is
// read by its Content-Length (the server always sends one) and counted when its last byte is in.
import { connect, type Socket } from 'node:net';

export interface PacedOptions {
  url: string;
  rate: number;
  seconds: number;
  /** The most requests open at once; more due requests wait for a free connection (and it counts). */
  connections: number;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body(i: number): string;
  onResponse(status: number, body: string): void;
}

export interface PacedFigures {
  sent: number;
  /** Answers per second over the time from the first due request to the last answer. */
  perSec: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** Requests that failed without an HTTP answer (connection errors, unreadable answers). */
  errors: number;
  /** How far behind schedule the generator itself sent, at worst: its own lag, not the server's. */
  maxSendLagMs: number;
  /** Wall-clock time (Date.now) of the first due request, to line the timeline up with logs. */
  startedAt: number;
  /** The answers by the quarter second their request was due in, from the first. */
  quarters: Quarter[];
}

export interface Quarter {
  /** Milliseconds after the first due request. */
  fromMs: number;
  answers: number;
  p50Ms: number;
  maxMs: number;
}

const QUARTER_MS = 250;

interface Pending {
  due: number;
  payload: string;
}

const HEADER_END = Buffer.from('\r\n\r\n');

/** One keep-alive connection carrying one request at a time. */
class Connection {
  private buffer: Buffer = Buffer.alloc(0);
  private current: Pending | undefined;
  private readonly socket: Socket;

  constructor(
    port: number,
    host: string,
    private readonly answered: (c: Connection, due: number, status: number, body: string) => void,
    private readonly failed: (c: Connection, due: number | undefined) => void,
  ) {
    this.socket = connect({ port, host, noDelay: true });
    this.socket.on('data', (chunk: Buffer) => this.read(chunk));
    this.socket.on('error', () => {});
    this.socket.on('close', () => this.fail());
  }

  send(p: Pending): void {
    this.current = p;
    this.socket.write(p.payload);
  }

  close(): void {
    this.socket.destroy();
  }

  private read(chunk: Buffer): void {
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, chunk]) : chunk;
    const headEnd = this.buffer.indexOf(HEADER_END);
    if (headEnd < 0) return;
    const head = this.buffer.toString('latin1', 0, headEnd);
    const length = /\r\ncontent-length: *(\d+)/i.exec(head);
    if (!length) return this.fail();
    const bodyStart = headEnd + HEADER_END.length;
    const bodyEnd = bodyStart + Number(length[1]);
    if (this.buffer.length < bodyEnd) return;
    const status = Number(head.slice(9, 12));
    const body = this.buffer.toString('utf8', bodyStart, bodyEnd);
    this.buffer = this.buffer.subarray(bodyEnd);
    const due = this.current!.due;
    this.current = undefined;
    this.answered(this, due, status, body);
  }

  /** The connection is unusable: its open request (if any) failed; it is not used again. */
  private fail(): void {
    const due = this.current?.due;
    this.current = undefined;
    this.socket.destroy();
    this.failed(this, due);
  }
}

export async function paced(o: PacedOptions): Promise<PacedFigures> {
  const url = new URL(o.url);
  const host = url.hostname;
  const port = Number(url.port || 80);
  const head =
    `${o.method} ${url.pathname}${url.search} HTTP/1.1\r\nHost: ${url.host}\r\n` +
    Object.entries(o.headers)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('');
  const total = Math.round(o.rate * o.seconds);
  const latencies: number[] = [];
  const byQuarter: number[][] = [];
  let errors = 0;
  let maxSendLagMs = 0;
  let lastAnswerAt = 0;
  let settled = 0;
  const idle: Connection[] = [];
  const waiting: Pending[] = [];
  const open = new Set<Connection>();
  let finished: () => void;
  const allSettled = new Promise<void>((resolve) => (finished = resolve));

  const settle = () => {
    if (++settled === total) finished();
  };
  const dispatch = (p: Pending) => {
    const free = idle.pop();
    if (free) return free.send(p);
    if (open.size < o.connections) {
      const c = new Connection(port, host, answered, failed);
      open.add(c);
      return c.send(p);
    }
    waiting.push(p);
  };
  const release = (c: Connection) => {
    const next = waiting.shift();
    if (next) c.send(next);
    else idle.push(c);
  };
  function answered(c: Connection, due: number, status: number, body: string) {
    lastAnswerAt = performance.now();
    latencies.push(lastAnswerAt - due);
    (byQuarter[Math.floor((due - start) / QUARTER_MS)] ??= []).push(lastAnswerAt - due);
    o.onResponse(status, body);
    release(c);
    settle();
  }
  function failed(c: Connection, due: number | undefined) {
    if (!open.delete(c)) return;
    const i = idle.indexOf(c);
    if (i >= 0) idle.splice(i, 1);
    if (due !== undefined) {
      errors++;
      settle();
    }
    // A request waiting for a connection gets a new one in place of the lost one.
    const next = waiting.shift();
    if (next) dispatch(next);
  }

  const startedAt = Date.now();
  const start = performance.now();
  const dueAt = (i: number) => start + (i * 1000) / o.rate;
  let next = 0;
  const tick = () => {
    const now = performance.now();
    for (; next < total && dueAt(next) <= now; next++) {
      maxSendLagMs = Math.max(maxSendLagMs, now - dueAt(next));
      const payload = o.body(next);
      dispatch({
        due: dueAt(next),
        payload: `${head}content-length: ${Buffer.byteLength(payload)}\r\n\r\n${payload}`,
      });
    }
    if (next < total) setTimeout(tick, Math.max(0, dueAt(next) - performance.now()));
  };
  tick();
  if (total > 0) await allSettled;
  for (const c of open) c.close();

  latencies.sort((a, b) => a - b);
  const at = (p: number) =>
    latencies.length
      ? latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!
      : 0;
  const r = (n: number) => Math.round(n * 10) / 10;
  return {
    sent: total,
    perSec: Math.round(latencies.length / ((lastAnswerAt - start) / 1000)),
    p50Ms: r(at(0.5)),
    p99Ms: r(at(0.99)),
    maxMs: r(latencies[latencies.length - 1] ?? 0),
    errors,
    maxSendLagMs: r(maxSendLagMs),
    startedAt,
    quarters: Array.from(byQuarter, (q = [], n) => {
      q.sort((a, b) => a - b);
      return {
        fromMs: n * QUARTER_MS,
        answers: q.length,
        p50Ms: r(q[Math.floor(q.length / 2)] ?? 0),
        maxMs: r(q[q.length - 1] ?? 0),
      };
    }),
  };
}
