import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAgent, type Agent } from '../agent.js';
import { FeedServer, KIOSK_TOKEN } from '../../../test/support/feed-server.js';
import {
  eventId,
  listOf,
  tempDir,
  ticketFor,
  tokenFor,
  upserted,
} from '../../../test/support/fixtures.js';

// Staff mode, reprints and the UI's files over the agent's local HTTP API, as the page uses them.

let tmp: ReturnType<typeof tempDir>;
let server: FeedServer;
let agent: Agent;
let base: string;
const ada = ticketFor(0, { attendee: { name: 'Ada Lovelace', email: 'ada@example.org' } });

beforeAll(async () => {
  tmp = tempDir();
  const ui = join(tmp.dir, 'ui');
  mkdirSync(join(ui, 'assets'), { recursive: true });
  writeFileSync(join(ui, 'index.html'), '<!doctype html><title>kiosk</title>');
  writeFileSync(join(ui, 'assets', 'app-1234.js'), 'console.log(1)');
  writeFileSync(join(tmp.dir, 'secret.txt'), 'not for the page');
  server = await new FeedServer().start();
  server.changes.push({ type: 'checkin_list.upserted', list: listOf() }, upserted(ada));
  agent = createAgent({
    dataDir: tmp.dir,
    serverUrl: server.url,
    eventId,
    credentials: { kind: 'token', accessToken: KIOSK_TOKEN },
    syncIntervalMs: 50,
    onlineTimeoutMs: 200,
    backoff: { baseMs: 20, maxMs: 50 },
    staffPin: '4821',
    printing: { printerUri: `file://${join(tmp.dir, 'badge.zpl')}` },
    display: { eventName: 'DevConf', instructions: 'Scan here', language: 'de' },
    uiDir: ui,
  });
  base = `http://127.0.0.1:${(await agent.start()).port}`;
  await agent.syncNow();
  server.down = true;
});
afterAll(async () => {
  await agent.stop();
  await server.close();
  tmp.remove();
});

const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

async function unlock(): Promise<string> {
  const res = await post('/api/staff/session', { pin: '4821' });
  expect(res.status).toBe(200);
  return ((await res.json()) as { session: string }).session;
}

describe('the station endpoint and the UI files', () => {
  it('tells the page the event name, instructions, its language and what this kiosk offers', async () => {
    const res = await fetch(`${base}/api/station`);
    expect(await res.json()).toEqual({
      eventName: 'DevConf',
      instructions: 'Scan here',
      // The kiosk's own setting, over the event's default.
      language: 'de',
      gate: null,
      staffMode: true,
      printing: true,
      undo: true,
    });
  });

  it('serves the page at / and its own routes, assets cached for good, under a strict CSP', async () => {
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(page.headers.get('cache-control')).toBe('no-cache');
    expect(await (await fetch(`${base}/staff`)).text()).toContain('<title>kiosk</title>');
    const asset = await fetch(`${base}/assets/app-1234.js`);
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toContain('immutable');
  });

  it('serves nothing outside the UI folder, and 404s missing files and unknown API paths', async () => {
    expect((await fetch(`${base}/..%2fsecret.txt`)).status).toBe(404);
    expect((await fetch(`${base}/assets/../../secret.txt`)).status).toBe(404);
    expect((await fetch(`${base}/assets/missing.js`)).status).toBe(404);
    const api = await fetch(`${base}/api/nope`);
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ code: 'not_found' });
  });
});

describe('staff mode over the local API', () => {
  it('refuses a wrong PIN, a missing one, and staff calls without a session', async () => {
    const wrong = await post('/api/staff/session', { pin: '1111' });
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toMatchObject({ code: 'wrong_pin' });
    expect(wrong.headers.get('retry-after')).toBe('1');
    // Within the wait a try is refused unread (and not counted).
    const early = await post('/api/staff/session', { pin: '4821' });
    expect(early.status).toBe(429);
    expect(await early.json()).toMatchObject({ code: 'staff_locked' });
    await new Promise((r) => setTimeout(r, 1100));
    expect((await post('/api/staff/session', {})).status).toBe(401);
    await new Promise((r) => setTimeout(r, 2100));
    const noSession = await fetch(`${base}/api/prints`);
    expect(noSession.status).toBe(401);
    expect(await noSession.json()).toMatchObject({ code: 'staff_session_required' });
    const madeUp = await fetch(`${base}/api/prints`, { headers: { 'x-staff-session': 'x' } });
    expect(madeUp.status).toBe(401);
  });

  it('lists attendees only to a staff session', async () => {
    const q = `${base}/api/attendees?q=${encodeURIComponent('ada')}`;
    const anonymous = await fetch(q);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ code: 'staff_session_required' });
    const found = await fetch(q, { headers: { 'x-staff-session': await unlock() } });
    expect(found.status).toBe(200);
    expect(((await found.json()) as { attendees: { name: string }[] }).attendees[0]).toMatchObject({
      name: 'Ada Lovelace',
    });
  });

  it('reprints a scanned ticket’s badge with a reason, and lists both prints', async () => {
    const scanned = await post('/api/scan', { data: tokenFor(ada) });
    expect(await scanned.json()).toMatchObject({
      result: 'admitted',
      print: { kind: 'admit', state: 'queued', name: 'Ada Lovelace' },
    });
    const session = await unlock();
    const reprint = await post(
      '/api/prints',
      { ticketId: ada.id, reason: 'lost it' },
      { 'x-staff-session': session },
    );
    expect(reprint.status).toBe(202);
    await agent.printsIdle();
    const list = await fetch(`${base}/api/prints`, { headers: { 'x-staff-session': session } });
    const { prints } = (await list.json()) as { prints: { kind: string; reason?: string }[] };
    expect(prints.map((p) => [p.kind, p.reason])).toEqual([
      ['reprint', 'lost it'],
      ['admit', undefined],
    ]);
    // The badge names the event under the person (the display's event name).
    const zpl = readFileSync(join(tmp.dir, 'badge.zpl'), 'latin1');
    expect(zpl).toContain('^FDAda Lovelace');
    expect(zpl).toContain('^FDDevConf');
  });

  it('refuses reprints without a reason, of unknown tickets, and of bad bodies', async () => {
    const session = await unlock();
    const h = { 'x-staff-session': session };
    const noReason = await post('/api/prints', { ticketId: ada.id, reason: ' ' }, h);
    expect(noReason.status).toBe(400);
    expect(await noReason.json()).toMatchObject({ code: 'reason_required' });
    const unknown = await post('/api/prints', { ticketId: ticketFor(9).id, reason: 'x' }, h);
    expect(unknown.status).toBe(409);
    expect(await unknown.json()).toMatchObject({ code: 'badge_data_unknown' });
    expect((await post('/api/prints', { ticketId: 5, reason: 'x' }, h)).status).toBe(400);
    expect((await post('/api/prints', [], h)).status).toBe(400);
  });

  it('ends a session on request', async () => {
    const session = await unlock();
    const end = await fetch(`${base}/api/staff/session`, {
      method: 'DELETE',
      headers: { 'x-staff-session': session },
    });
    expect(end.status).toBe(200);
    const after = await fetch(`${base}/api/prints`, { headers: { 'x-staff-session': session } });
    expect(after.status).toBe(401);
  });

  it('locks PIN entry after five wrong PINs, with Retry-After', async () => {
    let last: Response | undefined;
    for (let i = 0; i < 5; i++) last = await post('/api/staff/session', { pin: '0000' });
    expect(last!.status).toBe(429);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await post('/api/staff/session', { pin: '4821' })).status).toBe(429);
  });
});

describe('configuring staff mode', () => {
  it('refuses to start with a PIN that is not 4 to 12 digits', () => {
    const other = tempDir();
    try {
      for (const staffPin of ['123', 'abcd', '1234567890123']) {
        expect(() =>
          createAgent({
            dataDir: other.dir,
            serverUrl: server.url,
            eventId,
            credentials: { kind: 'token', accessToken: KIOSK_TOKEN },
            staffPin,
          }),
        ).toThrow(expect.objectContaining({ code: 'not_configured' }));
      }
    } finally {
      other.remove();
    }
  });
});
