import { randomUUID } from 'node:crypto';
import { startTestServer, type TestServer } from './harness.js';
import { clientAddress, requestFrom } from './from-address.js';
import { attendee, createEvent, createTicketType } from './registration-fixtures.js';

// Every public flow counts per client address (and per identity where one is named) before the
// work, answers 429 problem+json with Retry-After and the draft RateLimit headers, and a request
// from another address is unaffected. Small budgets through RATE_LIMIT_<NAME> keep the tests short.

const REDIS_URL = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379';
const LIMITS = {
  RATE_LIMITS: 'on',
  RATE_LIMIT_REGISTRATION_IP: '5/600',
  RATE_LIMIT_REGISTRATION_EMAIL: '3/600',
  RATE_LIMIT_PROMO_CODE_IP: '4/60',
  RATE_LIMIT_ACCESS_KEY_IP: '4/60',
  RATE_LIMIT_DEVICE_ENROLL_IP: '3/600',
  RATE_LIMIT_TOKEN_IP: '6/60',
  RATE_LIMIT_TOKEN_CLIENT: '4/60',
  RATE_LIMIT_TICKETS_AGAIN_IP: '2/900',
};

let t: TestServer;
let eventId: string;
let typeId: string;
// Addresses of their own per test: the counts outlive a test within the server.
let next = 0;
const fresh = () => clientAddress(next++);
const registration = (i: number | string) => ({
  ticketTypeId: typeId,
  quantity: 1,
  attendee: attendee(i),
});

beforeAll(async () => {
  t = await startTestServer('pglite', LIMITS);
  eventId = (await createEvent(t)).id;
  typeId = await createTicketType(t, eventId, { priceCents: 0, quantity: 1000 });
});
afterAll(async () => {
  await t?.stop();
});

const register = (from: string, body: unknown) =>
  requestFrom(from, `${t.url}/api/v1/events/${eventId}/registrations`, { body });

it('refuses the registration past the per-address budget with 429 problem+json and the RateLimit headers', async () => {
  const from = fresh();
  for (let i = 0; i < 5; i++) {
    const ok = await register(from, registration(`a${i}-${randomUUID()}`));
    expect(ok.status).toBe(201);
    expect(ok.headers['ratelimit-policy']).toContain('"registration-ip";q=5;w=600');
    expect(ok.headers.ratelimit).toContain(`"registration-ip";r=${4 - i};t=`);
  }
  const refused = await register(from, registration(`a-${randomUUID()}`));
  expect(refused.status).toBe(429);
  expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(refused.body).toMatchObject({
    status: 429,
    code: 'rate_limited',
    limit: 'registration-ip',
  });
  expect(Number(refused.headers['retry-after'])).toBeGreaterThan(500);
  expect(refused.headers.ratelimit).toMatch(/"registration-ip";r=0;t=\d+/);
  // Another address is not affected.
  expect((await register(fresh(), registration(`a-${randomUUID()}`))).status).toBe(201);
});

it('counts one email over every address', async () => {
  const email = `same-${randomUUID()}@example.org`;
  const body = { ticketTypeId: typeId, quantity: 1, attendee: { name: 'Same', email } };
  for (let i = 0; i < 3; i++) expect((await register(fresh(), body)).status).toBe(201);
  const refused = await register(fresh(), {
    ...body,
    attendee: { name: 'S', email: email.toUpperCase() },
  });
  expect(refused.body).toMatchObject({ code: 'rate_limited', limit: 'registration-email' });
});

it('lets exactly the budget through when the requests race', async () => {
  const from = fresh();
  const all = await Promise.all(
    Array.from({ length: 30 }, () => register(from, registration(randomUUID()))),
  );
  const statuses = all.map((r) => r.status).sort();
  expect(statuses.filter((s) => s === 201)).toHaveLength(5);
  expect(statuses.filter((s) => s === 429)).toHaveLength(25);
});

it('slows promo and access code guessing on the public event page', async () => {
  const from = fresh();
  const page = (code: string) =>
    requestFrom(from, `${t.url}/api/v1/public/events/${eventId}?code=${code}`);
  for (let i = 0; i < 4; i++) expect((await page(`GUESS${i}`)).status).toBe(200);
  const refused = await page('GUESS9');
  expect(refused.status).toBe(429);
  expect(refused.body).toMatchObject({ code: 'rate_limited', limit: 'promo-code-ip' });
  // The page without a code is not what is limited.
  expect((await requestFrom(from, `${t.url}/api/v1/public/events/${eventId}`)).status).toBe(200);
});

it('slows access key guessing on tickets, orders and waitlist places', async () => {
  const from = fresh();
  const paths = [
    `/api/v1/orders/${randomUUID()}?key=nope`,
    `/api/v1/tickets/${randomUUID()}?key=nope`,
    `/api/v1/waitlist/${randomUUID()}?key=nope`,
  ];
  for (let i = 0; i < 4; i++) {
    const res = await requestFrom(from, `${t.url}${paths[i % 3]}`);
    expect(res.status).not.toBe(429);
  }
  const refused = await requestFrom(from, `${t.url}/api/v1/tickets/${randomUUID()}`, {
    headers: { 'x-access-key': 'nope' },
  });
  expect(refused.status).toBe(429);
  expect(refused.body).toMatchObject({ code: 'rate_limited', limit: 'access-key-ip' });
});

it('slows enrollment code guessing', async () => {
  const from = fresh();
  const enroll = () =>
    requestFrom(from, `${t.url}/api/v1/devices/enroll`, { body: { code: 'ABCD-EFGH-JKLM' } });
  for (let i = 0; i < 3; i++) expect((await enroll()).status).not.toBe(429);
  expect((await enroll()).body).toMatchObject({ code: 'rate_limited', limit: 'device-enroll-ip' });
});

it('counts the token endpoint per address and per client', async () => {
  const b = await t.bootstrap();
  const token = (from: string, secret: string) =>
    requestFrom(from, b.token_endpoint, {
      body: new URLSearchParams({ grant_type: 'client_credentials' }).toString(),
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${b.client_id}:${secret}`).toString('base64')}`,
      },
    });
  const from = fresh();
  for (let i = 0; i < 4; i++) expect((await token(from, 'wrong')).status).toBe(401);
  // Four tries of this client, from any address, spend its budget; the right secret waits too.
  const refused = await token(fresh(), b.client_secret);
  expect(refused.status).toBe(429);
  expect(refused.body).toMatchObject({ code: 'rate_limited', limit: 'token-client' });
  expect(refused.headers['retry-after']).toMatch(/^\d+$/);
});

it('counts "send my tickets again" per address', async () => {
  const from = fresh();
  const again = () =>
    requestFrom(from, `${t.url}/api/v1/public/events/${eventId}/tickets-again`, {
      body: { email: `x-${randomUUID()}@example.org` },
    });
  expect((await again()).status).toBe(202);
  expect((await again()).status).toBe(202);
  expect((await again()).body).toMatchObject({ code: 'rate_limited', limit: 'tickets-again-ip' });
});

describe('behind a proxy', () => {
  it('counts the forwarded address only with TRUST_PROXY, so a client cannot pick its own', async () => {
    const proxied = await startTestServer('pglite', { ...LIMITS, TRUST_PROXY: '1' });
    try {
      const e = (await createEvent(proxied)).id;
      const tt = await createTicketType(proxied, e, { priceCents: 0 });
      const via = (forwarded: string, i: number) =>
        requestFrom('127.0.0.1', `${proxied.url}/api/v1/events/${e}/registrations`, {
          body: { ticketTypeId: tt, quantity: 1, attendee: attendee(`p${i}-${randomUUID()}`) },
          headers: { 'x-forwarded-for': forwarded },
        });
      // Six clients behind one proxy: each has its own budget.
      for (let i = 0; i < 6; i++) expect((await via(`203.0.113.${i + 1}`, i)).status).toBe(201);
    } finally {
      await proxied.stop();
    }
    // Without TRUST_PROXY the header is ignored: one address, one budget.
    const from = fresh();
    const spoofing = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        requestFrom(from, `${t.url}/api/v1/events/${eventId}/registrations`, {
          body: registration(`s${i}-${randomUUID()}`),
          headers: { 'x-forwarded-for': `198.51.100.${i + 1}` },
        }),
      ),
    );
    expect(spoofing.filter((r) => r.status === 429)).toHaveLength(1);
  });
});

describe('in Redis', () => {
  it('are shared by two replicas and hold under racing requests', async () => {
    const prefix = { ...LIMITS, REDIS_URL };
    const replicas = await Promise.all([
      startTestServer('postgres', prefix),
      startTestServer('pglite', prefix),
    ]);
    try {
      // The counters are keyed by address and email only; a fresh address keeps this run apart.
      const from = `127.0.${200 + Math.floor(Math.random() * 50)}.${1 + Math.floor(Math.random() * 250)}`;
      const targets = await Promise.all(
        replicas.map(async (r) => {
          const e = (await createEvent(r)).id;
          return { r, e, tt: await createTicketType(r, e, { priceCents: 0 }) };
        }),
      );
      const all = await Promise.all(
        Array.from({ length: 20 }, (_, i) => {
          const { r, e, tt } = targets[i % 2]!;
          return requestFrom(from, `${r.url}/api/v1/events/${e}/registrations`, {
            body: { ticketTypeId: tt, quantity: 1, attendee: attendee(randomUUID()) },
          });
        }),
      );
      expect(all.filter((r) => r.status === 201)).toHaveLength(5);
      expect(all.filter((r) => r.status === 429)).toHaveLength(15);
    } finally {
      await Promise.all(replicas.map((r) => r.stop()));
    }
  });
});

it('are off with RATE_LIMITS=off', async () => {
  const off = await startTestServer('pglite', { ...LIMITS, RATE_LIMITS: 'off' });
  try {
    const e = (await createEvent(off)).id;
    const tt = await createTicketType(off, e, { priceCents: 0 });
    const all = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        requestFrom('127.0.0.1', `${off.url}/api/v1/events/${e}/registrations`, {
          body: { ticketTypeId: tt, quantity: 1, attendee: attendee(`off${i}`) },
        }),
      ),
    );
    expect(all.every((r) => r.status === 201)).toBe(true);
    expect(all[0]!.headers.ratelimit).toBeUndefined();
  } finally {
    await off.stop();
  }
});
