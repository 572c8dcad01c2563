// An open-loop load generator: request i is due at start + i/rate, whatever earlier requests are
// doing, over a pool of keep-alive connections. Latency counts from the moment a request was DUE,
// so a server (or a generator) that falls behind shows it in the figures instead of slowing the
// offered load down. autocannon's `overallRate` is not this: each connection sends its share of a
// second back to back at the top of every second, so the server sees bursts as wide as the
// connection count, and its coordinated-omission correction then records every slow answer once
// per millisecond it took.
import { Agent, request } from 'node:http';

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
  /** Requests that failed without an HTTP answer (connection errors). */
  errors: number;
  /** How far behind schedule the generator itself sent, at worst: its own lag, not the server's. */
  maxSendLagMs: number;
}

export async function paced(o: PacedOptions): Promise<PacedFigures> {
  const agent = new Agent({ keepAlive: true, maxSockets: o.connections });
  const total = Math.round(o.rate * o.seconds);
  const latencies: number[] = [];
  let errors = 0;
  let maxSendLagMs = 0;
  let lastAnswerAt = 0;
  const start = performance.now();
  const dueAt = (i: number) => start + (i * 1000) / o.rate;

  const send = (i: number) =>
    new Promise<void>((resolve) => {
      const due = dueAt(i);
      const payload = o.body(i);
      const req = request(
        o.url,
        {
          agent,
          method: o.method,
          headers: { ...o.headers, 'content-length': Buffer.byteLength(payload) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            lastAnswerAt = performance.now();
            latencies.push(lastAnswerAt - due);
            o.onResponse(res.statusCode ?? 0, Buffer.concat(chunks).toString());
            resolve();
          });
        },
      );
      req.on('error', () => {
        errors++;
        resolve();
      });
      req.end(payload);
    });

  const inFlight: Promise<void>[] = [];
  let next = 0;
  await new Promise<void>((done) => {
    const tick = () => {
      const now = performance.now();
      for (; next < total && dueAt(next) <= now; next++) {
        maxSendLagMs = Math.max(maxSendLagMs, now - dueAt(next));
        inFlight.push(send(next));
      }
      if (next >= total) return done();
      setTimeout(tick, Math.max(0, dueAt(next) - performance.now()));
    };
    tick();
  });
  await Promise.all(inFlight);
  agent.destroy();

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
  };
}
