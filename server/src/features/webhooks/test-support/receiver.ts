import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

// A real HTTP receiver on loopback for webhook tests: records every request and answers as told.

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

export interface Answer {
  status: number;
  delayMs?: number;
  headers?: Record<string, string>;
}

export interface Receiver {
  url: string;
  port: number;
  received: Received[];
  /** How the next requests are answered (200 by default). */
  answer(a: Answer | ((r: Received) => Answer)): void;
  /** Resolves once `n` requests have arrived, or rejects after `timeoutMs`. */
  waitFor(n: number, timeoutMs?: number): Promise<Received[]>;
  /** Stops listening (connections are refused) until start() again on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
}

export async function startReceiver(port = 0): Promise<Receiver> {
  let answer: (r: Received) => Answer = () => ({ status: 200 });
  const waiters: { n: number; resolve: () => void }[] = [];
  const received: Received[] = [];
  let server: Server | undefined;
  let boundPort = port;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      const s = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          const r = {
            headers: req.headers,
            body: Buffer.concat(chunks).toString('utf8'),
            at: Date.now(),
          };
          received.push(r);
          for (const w of waiters.filter((w) => received.length >= w.n)) w.resolve();
          const a = answer(r);
          setTimeout(() => {
            res.writeHead(a.status, a.headers ?? {});
            res.end(`answered ${a.status}`);
          }, a.delayMs ?? 0);
        });
      });
      s.once('error', reject);
      s.listen(boundPort, '127.0.0.1', () => {
        boundPort = (s.address() as AddressInfo).port;
        server = s;
        resolve();
      });
    });
  await listen();

  const rec: Receiver = {
    get url() {
      return `http://127.0.0.1:${boundPort}/hook`;
    },
    get port() {
      return boundPort;
    },
    received,
    answer(a) {
      answer = typeof a === 'function' ? a : () => a;
    },
    waitFor(n, timeoutMs = 20_000) {
      if (received.length >= n) return Promise.resolve(received.slice());
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`${received.length} of ${n} webhook requests arrived`)),
          timeoutMs,
        );
        waiters.push({
          n,
          resolve: () => {
            clearTimeout(timer);
            resolve(received.slice());
          },
        });
      });
    },
    async stop() {
      const s = server;
      server = undefined;
      if (!s) return;
      s.closeAllConnections();
      await new Promise<void>((resolve) => s.close(() => resolve()));
    },
    start: listen,
  };
  return rec;
}
