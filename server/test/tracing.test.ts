import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPostgresDatabase } from '../src/test-support/databases.js';
import { eventBody, ticketTypeBody } from './harness.js';

// Tracing end to end: the built server (`lanyard server start`, its own process as in
// production) exports to an OTLP/HTTP receiver this test runs on loopback, which keeps every
// JSON body the exporter posts; the server's log lines are read from its standard output.

const LANYARD = fileURLToPath(new URL('../../bin/lanyard', import.meta.url));

interface OtlpValue {
  stringValue?: string;
  intValue?: string | number;
  arrayValue?: { values: OtlpValue[] };
}
interface OtlpSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  kind: number;
  attributes: { key: string; value: OtlpValue }[];
}
const SERVER = 2;

const attr = (span: OtlpSpan, key: string) => span.attributes.find((a) => a.key === key)?.value;

describe('OpenTelemetry tracing over OTLP/HTTP [postgres]', () => {
  let receiver: Server;
  let db: Awaited<ReturnType<typeof createPostgresDatabase>>;
  let dataDir: string;
  let server: ChildProcess;
  let url: string;
  const posts: { path: string; contentType: string | undefined }[] = [];
  const spans: OtlpSpan[] = [];
  let output = '';

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        posts.push({ path: req.url!, contentType: req.headers['content-type'] });
        const doc = JSON.parse(body) as {
          resourceSpans: { scopeSpans: { spans: OtlpSpan[] }[] }[];
        };
        for (const r of doc.resourceSpans) for (const s of r.scopeSpans) spans.push(...s.spans);
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
    const endpoint = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    db = await createPostgresDatabase({ migrated: true });
    dataDir = await mkdtemp(join(tmpdir(), 'lanyard-tracing-'));
    server = spawn(
      process.execPath,
      [LANYARD, 'server', 'start', '--json', '--port', '0', '--data-dir', dataDir],
      {
        env: {
          ...process.env,
          DATABASE_URL: db.url,
          OTEL_EXPORTER_OTLP_ENDPOINT: endpoint,
          LOG_LEVEL: 'info',
          RATE_LIMITS: 'off',
          HOST: '127.0.0.1',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    server.stderr!.on('data', (c: Buffer) => (output += c.toString()));
    url = await new Promise<string>((resolve, reject) => {
      server.stdout!.on('data', (c: Buffer) => {
        output += c.toString();
        const m = /"url":"([^"]+)"/.exec(output);
        if (m) resolve(m[1]!);
      });
      server.once('exit', (code) => reject(new Error(`server exited (${code}): ${output}`)));
    });
  }, 60_000);
  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server.once('exit', r));
      server.kill('SIGTERM');
      await exited;
    }
    await new Promise((r) => receiver?.close(r));
    await db?.drop();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  async function waitFor<T>(what: string, find: () => T | undefined): Promise<T> {
    const until = Date.now() + 20_000;
    for (;;) {
      const found = find();
      if (found !== undefined) return found;
      if (Date.now() > until) throw new Error(`no ${what} within 20 s; server said: ${output}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  it('traces a registration: its HTTP span, its statements as children, its outbox delivery, and the log line names the trace', async () => {
    const boot = JSON.parse(await readFile(join(dataDir, 'bootstrap.json'), 'utf8')) as {
      token_endpoint: string;
      client_id: string;
      client_secret: string;
    };
    const token = (
      (await (
        await fetch(boot.token_endpoint, {
          method: 'POST',
          body: new URLSearchParams({
            grant_type: 'client_credentials',
            client_id: boot.client_id,
            client_secret: boot.client_secret,
          }),
        })
      ).json()) as { access_token: string }
    ).access_token;
    const api = async (path: string, body: unknown, auth = true) => {
      const res = await fetch(`${url}${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(auth && { authorization: `Bearer ${token}` }),
        },
        body: JSON.stringify(body),
      });
      expect(res.status).toBeLessThan(300);
      return {
        body: (await res.json()) as { id: string },
        requestId: res.headers.get('x-request-id')!,
      };
    };
    const event = (await api('/api/v1/events', eventBody())).body;
    const type = (
      await api(`/api/v1/events/${event.id}/ticket-types`, ticketTypeBody({ priceCents: 0 }))
    ).body;
    const sale = await api(
      `/api/v1/events/${event.id}/registrations`,
      { ticketTypeId: type.id, quantity: 1, attendee: { name: 'Ada', email: 'ada@example.org' } },
      false,
    );

    const request = await waitFor('server span of the registration', () =>
      spans.find(
        (s) => s.kind === SERVER && attr(s, 'lanyard.request_id')?.stringValue === sale.requestId,
      ),
    );
    expect(request.name).toBe('POST /api/v1/events/:eventId/registrations');
    expect(attr(request, 'http.response.status_code')?.intValue).toEqual(expect.anything());
    expect(posts[0]).toMatchObject({ path: '/v1/traces', contentType: 'application/json' });

    const statements = spans.filter(
      (s) => s.parentSpanId === request.spanId && s.traceId === request.traceId,
    );
    expect(statements.length).toBeGreaterThan(0);
    expect(statements.every((s) => s.name === 'pg.query')).toBe(true);
    expect(
      statements.some((s) =>
        /INSERT INTO orders/i.test(attr(s, 'db.query.text')?.stringValue ?? ''),
      ),
    ).toBe(true);

    const delivery = await waitFor('outbox delivery span', () =>
      spans.find(
        (s) =>
          s.name.startsWith('outbox deliver') &&
          (attr(s, 'lanyard.outbox.topics')?.arrayValue?.values ?? []).some(
            (v) => v.stringValue === 'registration.confirmed',
          ),
      ),
    );
    expect(delivery.parentSpanId ?? '').toBe('');

    const line = await waitFor('request log line', () =>
      output
        .split('\n')
        .filter((l) => l.startsWith('{'))
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .find((l) => l.msg === 'request' && l.reqId === sale.requestId),
    );
    expect(line.trace_id).toBe(request.traceId);
  }, 60_000);
});
