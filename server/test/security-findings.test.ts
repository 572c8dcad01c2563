import { randomUUID } from 'node:crypto';
import { connect } from 'node:net';
import { Writable } from 'node:stream';
import express from 'express';
import { pino } from 'pino';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestServer, type TestServer } from './harness.js';
import { startServer, type RunningServer } from '../src/main.js';
import { copyMigratedPglite } from '../src/test-support/databases.js';
import { requestLog } from '../src/http/request-log.js';
import { problemOf } from '../src/features/ticketing/test-support/ticket-fixtures.js';
import {
  checkIn,
  enrolledKiosk,
  eventWithTickets,
  type SoldEvent,
} from '../src/features/checkin/test-support/checkin-fixtures.js';

// The smaller findings of issue 15, each as a user or an attacker would meet it.

describe.each(['pglite', 'postgres'] as const)('security findings [%s]', (kind) => {
  let t: TestServer;
  let a: SoldEvent;
  let b: SoldEvent;
  beforeAll(async () => {
    t = await startTestServer(kind, { METRICS_TOKEN: 'metrics-secret-0123456789' });
    a = await eventWithTickets(t, 2);
    b = await eventWithTickets(t, 1);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it("answers another event's scanId with a conflict, never that scan's answer", async () => {
    const scanId = randomUUID();
    const first = await checkIn(t, a.eventId, { token: a.tickets[0]!.token, scanId });
    expect(first.attendee).toBeDefined();
    const res = await t.api(`/api/v1/events/${b.eventId}/checkins`, {
      body: { token: b.tickets[0]!.token, scanId },
    });
    const body = await problemOf(res, 409, 'scan_id_taken');
    expect(JSON.stringify(body)).not.toContain(a.tickets[0]!.id);
    expect(JSON.stringify(body)).not.toContain(first.attendee!.name);

    const kiosk = await enrolledKiosk(t, b.eventId);
    const upload = await t.api(`/api/v1/events/${b.eventId}/scans`, {
      token: kiosk.token,
      body: {
        scans: [
          {
            scanId,
            token: b.tickets[0]!.token,
            scannedAt: new Date().toISOString(),
            deviceId: kiosk.deviceId,
            deviceResult: 'admitted',
          },
        ],
      },
    });
    const uploaded = await problemOf(upload, 409, 'scan_id_taken');
    expect(JSON.stringify(uploaded)).not.toContain(a.tickets[0]!.id);
    // The same scanId in its own event is still replayed as before.
    const again = await checkIn(t, a.eventId, { token: a.tickets[0]!.token, scanId });
    expect(again).toMatchObject({ replayed: true, ticketId: a.tickets[0]!.id });
  });

  it('answers malformed cursors with 400 problem+json', async () => {
    const kiosk = await enrolledKiosk(t, a.eventId);
    for (const cursor of ['d.9999999999999999999', `s.1.t.${'-'.repeat(36)}`]) {
      const res = await t.api(`/api/v1/events/${a.eventId}/sync?cursor=${cursor}`, {
        token: kiosk.token,
      });
      await problemOf(res, 400, 'invalid_cursor');
    }
    const big = Buffer.from(`${'9'.repeat(20)}.${randomUUID()}`).toString('base64url');
    await problemOf(await t.api(`/api/v1/events?cursor=${big}`), 400, 'invalid_cursor');
    const huge = Buffer.from(`${'9'.repeat(19)}.${randomUUID()}`).toString('base64url');
    await problemOf(
      await t.api(`/api/v1/events/${a.eventId}/tickets?cursor=${huge}`),
      400,
      'invalid_cursor',
    );
  });

  it('sends security headers on API answers and on the issuer pages, HSTS not over http', async () => {
    for (const path of ['/api/v1/events', '/oauth/device']) {
      const res = await t.api(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("default-src 'self'");
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('asks for METRICS_TOKEN on /metrics when it is set', async () => {
    const open = await fetch(`${t.url}/metrics`);
    expect(open.status).toBe(401);
    expect(open.headers.get('content-type')).toContain('application/problem+json');
    const wrong = await fetch(`${t.url}/metrics`, {
      headers: { authorization: 'Bearer metrics-secret-0123456780' },
    });
    expect(wrong.status).toBe(401);
    const right = await fetch(`${t.url}/metrics`, {
      headers: { authorization: 'Bearer metrics-secret-0123456789' },
    });
    expect(right.status).toBe(200);
    expect(await right.text()).toContain('http_requests_total');
  });
});

describe('server timeouts and HSTS', () => {
  let server: RunningServer;
  let port: number;
  let dataDir: string;
  beforeAll(async () => {
    // The public URL names https, as behind a TLS-terminating proxy; the server listens on http.
    port = await freePort();
    dataDir = await mkdtemp(join(tmpdir(), 'lanyard-test-'));
    await copyMigratedPglite(join(dataDir, 'pg'));
    server = await startServer({
      env: { LOG_LEVEL: 'silent', MAIL_DELIVERY: 'off', PUBLIC_URL: `https://127.0.0.1:${port}` },
      overrides: { port, dataDir, host: '127.0.0.1' },
    });
  });
  afterAll(async () => {
    await server?.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('sends HSTS when the public URL is https', async () => {
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=31536000/);
  });

  it('drops a connection that sends its headers too slowly, within 15 s (70 s before)', async () => {
    const started = Date.now();
    const closedAfter = await new Promise<number>((resolve) => {
      const socket = connect(port, '127.0.0.1', () => {
        socket.write('GET /healthz HTTP/1.1\r\nHost: x\r\n');
        // One header byte a second, never the blank line.
        const drip = setInterval(() => socket.write('X'), 1000);
        socket.on('close', () => {
          clearInterval(drip);
          resolve(Date.now() - started);
        });
      });
      socket.on('error', () => {});
    });
    expect(closedAfter).toBeLessThan(15_000);
    expect(closedAfter).toBeGreaterThanOrEqual(9_000);
  }, 30_000);
});

describe('request log', () => {
  it('writes no access key, code or ticket token into a log line', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const app = express();
    app.use(requestLog(pino({ level: 'info' }, sink), () => false));
    app.get('/*rest', (_req, res) => {
      res.json({});
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const { port } = server.address() as { port: number };
    try {
      for (const path of [
        '/api/v1/tickets/1?key=SECRETKEY1',
        '/api/v1/events/1/public?code=SECRETCODE',
        '/api/v1/x?a=1&token=SECRETTOKEN&access_token=SECRETAT',
        '/staff/LY1:ABCDEFGSECRET234',
      ])
        await fetch(`http://127.0.0.1:${port}${path}`);
    } finally {
      server.close();
    }
    const log = lines.join('');
    expect(lines).toHaveLength(4);
    expect(log).not.toMatch(/SECRET/);
    expect(log).toContain('key=[redacted]');
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}
