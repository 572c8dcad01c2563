import { randomUUID } from 'node:crypto';
import { startTestServer, type TestServer } from './harness.js';
import { clientAddress, requestFrom } from './from-address.js';
import { createEvent, createTicketType } from './registration-fixtures.js';
import { solvedChallenge } from './solve-challenge.js';
import { createPostgresDatabase } from '../src/test-support/databases.js';

// An event can ask every registration for a solved ALTCHA challenge (altcha-lib, self-hosted).
// Solved here with altcha-lib's own solver; each solution registers once.

const REDIS_URL = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379';

let t: TestServer;
let eventId: string;
let ticketTypeId: string;
beforeAll(async () => {
  t = await startTestServer('pglite', { RATE_LIMITS: 'on', ALTCHA_MAX_COUNTER: '5000' });
  eventId = (await createEvent(t, { proofOfWork: true })).id;
  ticketTypeId = await createTicketType(t, eventId, { priceCents: 0, quantity: 100 });
}, 120_000);
afterAll(async () => {
  await t?.stop();
});

const body = (altcha?: string) => ({
  ticketTypeId,
  quantity: 1,
  attendee: { name: 'Ada', email: `ada-${randomUUID()}@example.org` },
  ...(altcha === undefined ? {} : { altcha }),
});
const register = (
  payload: unknown,
  headers: Record<string, string> = {},
  at = t,
  event = eventId,
) =>
  requestFrom(clientAddress(1), `${at.url}/api/v1/events/${event}/registrations`, {
    body: payload,
    headers,
  });

it('tells the portal the event asks for proof of work', async () => {
  const res = await t.api(`/api/v1/public/events/${eventId}`, { token: null });
  expect(await res.json()).toMatchObject({ proofOfWork: true });
});

it('refuses a registration without a solved challenge, and takes one with it', async () => {
  const missing = await register(body());
  expect(missing.status).toBe(400);
  expect(missing.body).toMatchObject({ code: 'proof_of_work_required' });

  const solved = await solvedChallenge(clientAddress(1), t.url, eventId);
  expect((await register(body(solved))).status).toBe(201);
});

it('takes a solution once: a replay is refused, a retry with the same Idempotency-Key is answered again', async () => {
  const solved = await solvedChallenge(clientAddress(1), t.url, eventId);
  const order = body(solved);
  const first = await register(order, { 'idempotency-key': 'retry-1' });
  expect(first.status).toBe(201);
  const retry = await register(order, { 'idempotency-key': 'retry-1' });
  expect(retry.status).toBe(201);
  expect((retry.body as { id: string }).id).toBe((first.body as { id: string }).id);

  const replay = await register(body(solved));
  expect(replay.status).toBe(400);
  expect(replay.body).toMatchObject({ code: 'proof_of_work_used' });
  const otherKey = await register(body(solved), { 'idempotency-key': 'retry-2' });
  expect(otherKey.body).toMatchObject({ code: 'proof_of_work_used' });
});

it('refuses a forged, tampered or unsolved payload, and another event’s challenge', async () => {
  const solved = await solvedChallenge(clientAddress(1), t.url, eventId);
  const decoded = JSON.parse(Buffer.from(solved, 'base64').toString()) as {
    challenge: { parameters: { data: Record<string, unknown>; keyPrefix: string } };
    solution: { counter: number; derivedKey: string };
  };
  const encode = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64');
  // The derived key is the proof (its HMAC is signed into the challenge): a guessed one fails.
  const guessed = encode({
    ...decoded,
    solution: {
      ...decoded.solution,
      derivedKey: decoded.solution.derivedKey.replace(/^./, (c) => (c === '0' ? '1' : '0')),
    },
  });
  const easier = encode({
    ...decoded,
    challenge: {
      ...decoded.challenge,
      parameters: { ...decoded.challenge.parameters, keyPrefix: '0' },
    },
  });
  for (const payload of ['not-a-payload', guessed, easier]) {
    const res = await register(body(payload));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'proof_of_work_invalid' });
  }

  const other = (await createEvent(t, { proofOfWork: true })).id;
  const otherType = await createTicketType(t, other, { priceCents: 0 });
  const res = await register({ ...body(solved), ticketTypeId: otherType }, {}, t, other);
  expect(res.body).toMatchObject({ code: 'proof_of_work_invalid' });
  // The untouched solution still works where it belongs.
  expect((await register(body(solved))).status).toBe(201);
});

it('is spent on every replica when the replicas share Redis', async () => {
  const database = await createPostgresDatabase({ migrated: true });
  // Two servers on one database and one Redis, as replicas behind a load balancer.
  const env = {
    RATE_LIMITS: 'on',
    ALTCHA_MAX_COUNTER: '5000',
    REDIS_URL,
    DATABASE_URL: database.url,
  };
  const [a, b] = await Promise.all([
    startTestServer('pglite', env),
    startTestServer('pglite', env),
  ]);
  try {
    const e = (await createEvent(a, { proofOfWork: true })).id;
    const tt = await createTicketType(a, e, { priceCents: 0 });
    const solved = await solvedChallenge(clientAddress(2), a.url, e);
    const order = () => ({ ...body(solved), ticketTypeId: tt });
    expect((await register(order(), {}, b!, e)).status).toBe(201);
    expect((await register(order(), {}, a!, e)).body).toMatchObject({ code: 'proof_of_work_used' });
  } finally {
    await Promise.all([a!.stop(), b!.stop()]);
    await database.drop();
  }
}, 120_000);
