import { request } from 'node:http';
import WebSocket from 'ws';
import { createAgent, type Agent } from '../src/agent/index.js';
import { FeedServer, KIOSK_TOKEN } from './support/feed-server.js';
import { eventId, listOf, tempDir, ticketFor, tokenFor, upserted } from './support/fixtures.js';

let tmp: ReturnType<typeof tempDir>;
let server: FeedServer;
let agent: Agent;
let base: string;
let port: number;
const ada = ticketFor(0, { attendee: { name: 'Ada Lovelace', email: 'ada@example.org' } });
const revokedLater = ticketFor(1);

beforeAll(async () => {
  tmp = tempDir();
  server = await new FeedServer().start();
  server.changes.push(
    { type: 'checkin_list.upserted', list: listOf() },
    upserted(ada),
    upserted(revokedLater),
  );
  agent = createAgent({
    dataDir: tmp.dir,
    serverUrl: server.url,
    eventId,
    credentials: { kind: 'token', accessToken: KIOSK_TOKEN },
    gate: 'east',
    syncIntervalMs: 50,
    onlineTimeoutMs: 200,
    backoff: { baseMs: 20, maxMs: 50 },
    staffPin: '4821',
  });
  ({ port } = await agent.start());
  base = `http://127.0.0.1:${port}`;
  await agent.syncNow();
  // The venue loses the server; revocations made meanwhile reach the kiosk only later.
  server.down = true;
  await agent.syncNow();
});
afterAll(async () => {
  await agent.stop();
  await server.close();
  tmp.remove();
});

/** A staff session's header: the attendee list is staff-only. */
async function staff(): Promise<Record<string, string>> {
  const res = await fetch(`${base}/api/staff/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ pin: '4821' }),
  });
  return { 'x-staff-session': ((await res.json()) as { session: string }).session };
}

const post = (
  body: string,
  headers: Record<string, string> = { 'content-type': 'application/json' },
) => fetch(`${base}/api/scan`, { method: 'POST', headers, body });

describe('the local API while the server is unreachable', () => {
  it('admits a ticket offline and names the attendee, in the contract words', async () => {
    const res = await post(JSON.stringify({ data: tokenFor(ada) }));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      result: 'admitted',
      offline: true,
      attendee: { name: 'Ada Lovelace' },
      reason: 'entry',
    });
  });

  it('refuses the same ticket the second time', async () => {
    const body = await (await post(JSON.stringify({ data: tokenFor(ada) }))).json();
    expect(body).toMatchObject({
      result: 'already_checked_in',
      offline: true,
      previousAdmission: { gate: 'east' },
    });
  });

  it('answers a garbage scan with invalid, not an error', async () => {
    expect(await (await post(JSON.stringify({ data: '}{ not a ticket' }))).json()).toMatchObject({
      result: 'invalid',
      reason: 'malformed',
      offline: true,
    });
  });

  it('reports status: offline, what is queued, the cursor and the last sync', async () => {
    const status = await (await fetch(`${base}/api/status`)).json();
    expect(status).toMatchObject({
      online: false,
      queued: 3,
      cursor: 'c:3',
      // The server's own reason, as its problem answer names it.
      lastError: 'unavailable',
    });
    expect(Date.parse(status.lastSyncAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('finds an attendee by a misspelt name from the cache, for staff', async () => {
    const body = await (
      await fetch(`${base}/api/attendees?q=${encodeURIComponent('ada lovlace')}`, {
        headers: await staff(),
      })
    ).json();
    expect(body.attendees[0]).toMatchObject({ name: 'Ada Lovelace', ticketId: ada.id });
  });

  it('pushes scan results and status to the UI over the WebSocket', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/api/events`);
    const messages: { type: string; scan?: { result: string } }[] = [];
    ws.on('message', (m) => messages.push(JSON.parse(String(m))));
    await new Promise((resolve) => ws.once('open', resolve));
    await post(JSON.stringify({ data: tokenFor(revokedLater) }));
    const deadline = Date.now() + 2000;
    while (!messages.some((m) => m.type === 'scan') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 10));
    ws.close();
    expect(messages[0]!.type).toBe('status');
    expect(messages.find((m) => m.type === 'scan')?.scan?.result).toBe('admitted');
  });
});

describe('the local API refusing bad input', () => {
  it.each([
    ['garbage JSON', '{"data": ', 400, 'bad_json'],
    ['a number as data', '{"data": 42}', 400, 'bad_data'],
    ['no data', '{}', 400, 'bad_data'],
    ['an empty string', '{"data": ""}', 400, 'bad_data'],
    ['an array', '[1,2]', 400, 'bad_data'],
    ['null', 'null', 400, 'bad_data'],
    ['a bad direction', '{"data": "x", "direction": "sideways"}', 400, 'bad_data'],
    ['a huge body', JSON.stringify({ data: 'x'.repeat(100_000) }), 413, 'body_too_large'],
  ])('answers %s with a 4xx problem+json', async (_, body, status, code) => {
    const res = await post(body);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    expect(await res.json()).toMatchObject({ status, code });
  });

  it('refuses a body that is not JSON, so a web page elsewhere cannot post scans', async () => {
    const res = await post('data=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(res.status).toBe(415);
  });

  it('refuses a request whose Host is not this machine (DNS rebinding)', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port, path: '/api/status', headers: { host: 'evil.example:80' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  it('refuses a WebSocket from a foreign origin', async () => {
    const ws = new WebSocket(`ws://127.0.0.1:${port}/api/events`, {
      origin: 'https://evil.example',
    });
    const outcome = await new Promise<string>((resolve) => {
      ws.once('open', () => resolve('open'));
      ws.once('error', () => resolve('refused'));
    });
    expect(outcome).toBe('refused');
  });

  it('answers unknown paths, wrong methods and bad queries with 4xx, never a crash', async () => {
    expect((await fetch(`${base}/api/nope`)).status).toBe(404);
    expect((await fetch(`${base}/api/scan`)).status).toBe(405);
    const headers = await staff();
    expect((await fetch(`${base}/api/attendees`, { headers })).status).toBe(400);
    expect((await fetch(`${base}/api/attendees?q=${'a'.repeat(500)}`, { headers })).status).toBe(
      400,
    );
    expect((await fetch(`${base}/api/attendees?q=ada&limit=-3`, { headers })).status).toBe(400);
    expect((await fetch(`${base}/api/status`)).status).toBe(200);
  });
});

describe('when the server comes back', () => {
  it('uploads the offline scans, learns the revocation and refuses that ticket', async () => {
    server.changes.push({
      type: 'ticket.revoked',
      ticketId: ada.id,
      eventId,
      revokedAt: new Date().toISOString(),
    });
    server.down = false;
    await agent.syncNow();
    const status = agent.status();
    expect(status).toMatchObject({ online: true, queued: 0, cursor: 'c:4', lastError: null });
    expect(server.stored.size).toBe(4);
    const again = await (await post(JSON.stringify({ data: tokenFor(ada) }))).json();
    // Online now: the test server admits anything, so check the cache's view directly.
    expect(again.offline).toBe(false);
    server.down = true;
    await agent.syncNow();
    expect(await (await post(JSON.stringify({ data: tokenFor(ada) }))).json()).toMatchObject({
      result: 'revoked',
      offline: true,
    });
  });
});
