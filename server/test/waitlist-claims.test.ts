import { startTestServer, type TestServer } from './harness.js';
import { releaseExpiredHolds } from '../src/features/registration/holds.js';
import { claimOffer } from '../src/features/waitlist/claim.js';
import { DomainError } from '../src/platform/errors.js';
import {
  json,
  otherOrganizationToken,
  problemOf,
  scopedToken,
} from '../src/features/ticketing/test-support/ticket-fixtures.js';
import {
  claim,
  entryOf,
  join,
  later,
  seats,
  soldOutLine,
  type EntryBody,
  type Line,
  type OrderBody,
  type Place,
} from '../src/features/waitlist/test-support/waitlist-fixtures.js';

// Claiming a waitlist offer: only with the entry's own key, once, within the offer's time.

describe.each(['pglite', 'postgres'] as const)('claiming waitlist offers [%s]', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind);
  });
  afterAll(async () => {
    await t?.stop();
  });

  /** A sold-out line whose hold expired: the first `offered` entries hold offers. */
  async function offersMade(
    offered: number,
    waiting = 0,
  ): Promise<{ line: Line; places: Place[] }> {
    const line = await soldOutLine(t, { quantity: offered });
    const places: Place[] = [];
    for (let i = 0; i < offered + waiting; i++) places.push(await join(t, line));
    await releaseExpiredHolds(t.server.db, { now: later(31) });
    return { line, places };
  }

  it('claims an offer with the entry’s own key, in the header or the query, and no other', async () => {
    const { places } = await offersMade(2);
    const [mine, theirs] = places as [Place, Place];

    await problemOf(
      await claim(t, { ...mine, accessKey: theirs.accessKey }),
      404,
      'waitlist_entry_not_found',
    );
    await problemOf(
      await claim(t, { ...mine, accessKey: 'not-a-key-at-all' }),
      404,
      'waitlist_entry_not_found',
    );
    await problemOf(
      await t.api(`/api/v1/waitlist/${mine.id}/claim`, { method: 'POST', token: null }),
      401,
      'missing_credential',
    );
    await problemOf(
      await t.api(`/api/v1/waitlist/${mine.id}`, {
        token: null,
        headers: { 'x-access-key': theirs.accessKey },
      }),
      404,
      'waitlist_entry_not_found',
    );
    expect((await entryOf(t, mine)).status).toBe('offered');

    const viaQuery = await t.api(
      `/api/v1/waitlist/${mine.id}/claim?key=${encodeURIComponent(mine.accessKey)}`,
      { method: 'POST', token: null },
    );
    const order = await json<OrderBody>(viaQuery, 201);
    expect(order.status).toBe('pending_payment');
    const viaHeader = await json<OrderBody>(await claim(t, theirs, { answers: {} }), 201);
    expect(viaHeader.id).not.toBe(order.id);
  });

  it('refuses to claim an entry still waiting, and tells its place in line', async () => {
    const { places } = await offersMade(1, 2);
    const last = places[2]!;
    const body = await problemOf(await claim(t, last), 409, 'offer_not_made');
    expect(body.position).toBe(2);
  });

  it('makes exactly one order when the same offer is claimed many times at once', async () => {
    const { line, places } = await offersMade(1);
    const place = places[0]!;
    const responses = await Promise.all(Array.from({ length: 8 }, () => claim(t, place)));
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    const loser = responses.find((r) => r.status === 409)!;
    const refusal = await problemOf(loser, 409, 'offer_already_claimed');
    const winner = await json<OrderBody>(
      responses.find((r) => r.status === 201)!,
      201,
    );
    expect(refusal.orderId).toBe(winner.id);

    const { rows } = await t.server.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM orders WHERE email_normalized = $1',
      [place.email],
    );
    expect(rows[0]!.n).toBe(1);
    expect(await seats(t, line)).toEqual({ sold: 0, held: 1, available: 0 });
    expect(await entryOf(t, place)).toMatchObject({ status: 'claimed', orderId: winner.id });
  });

  it('checks the event’s questions on claim, keeping the offer open when answers are missing', async () => {
    const { line, places } = await offersMade(1);
    const place = places[0]!;
    const { rows } = await t.server.db.query<{ id: string }>(
      `INSERT INTO questions (event_id, label, kind, required) VALUES ($1, 'Company', 'text', true) RETURNING id`,
      [line.eventId],
    );
    const questionId = rows[0]!.id;

    const missing = await problemOf(await claim(t, place), 400, 'validation_failed');
    expect(missing.errors).toEqual([
      { field: `answers.${questionId}`, message: 'Company: is required' },
    ]);
    await problemOf(await claim(t, place, { answers: { nope: 'x' } }), 400, 'validation_failed');
    expect((await entryOf(t, place)).status).toBe('offered');

    const order = await json<OrderBody>(
      await claim(t, place, { answers: { [questionId]: 'Acme' } }),
      201,
    );
    const stored = await t.server.db.query<{ answers: Record<string, unknown> }>(
      'SELECT answers FROM orders WHERE id = $1',
      [order.id],
    );
    expect(stored.rows[0]!.answers).toEqual({ [questionId]: 'Acme' });
  });

  it('answers offer_expired to a claim after the offer’s time, and the seat goes to the next in line', async () => {
    const { line, places } = await offersMade(1, 1);
    const [late, next] = places as [Place, Place];
    const attempt = claimOffer(
      t.server.db,
      { kind: 'holder', accessKey: late.accessKey },
      late.id,
      {},
      { now: later(200) },
    );
    await expect(attempt).rejects.toBeInstanceOf(DomainError);
    await expect(attempt).rejects.toMatchObject({ code: 'offer_expired' });

    expect((await entryOf(t, late)).status).toBe('expired');
    expect((await entryOf(t, next)).status).toBe('offered');
    expect(await seats(t, line)).toEqual({ sold: 0, held: 1, available: 0 });
    await problemOf(await claim(t, late), 409, 'offer_expired');
    const { rows } = await t.server.db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM orders WHERE email_normalized = $1',
      [late.email],
    );
    expect(rows[0]!.n).toBe(0);
  });

  it('lets the event’s staff read an entry with a token, but not another organization’s', async () => {
    const { places } = await offersMade(1);
    const place = places[0]!;
    const staff = await json<EntryBody>(
      await t.api(`/api/v1/waitlist/${place.id}`, { token: await scopedToken(t, ['events:read']) }),
      200,
    );
    expect(staff).toMatchObject({ id: place.id, status: 'offered' });
    await problemOf(
      await t.api(`/api/v1/waitlist/${place.id}`, { token: await otherOrganizationToken(t) }),
      404,
      'waitlist_entry_not_found',
    );
    await problemOf(
      await t.api(`/api/v1/waitlist/${place.id}/claim`, {
        method: 'POST',
        token: await scopedToken(t, ['events:read']),
      }),
      403,
      'insufficient_scope',
    );
  });

  it('refuses malformed claims with field-by-field problems', async () => {
    const { places } = await offersMade(1);
    const place = places[0]!;
    await problemOf(await claim(t, place, { answers: {}, quantity: 3 }), 400, 'validation_failed');
    await problemOf(await claim(t, place, { answers: 'yes' }), 400, 'validation_failed');
    await problemOf(await claim(t, place, '{not json'), 400, 'malformed_json');
    await problemOf(
      await t.api('/api/v1/waitlist/not-a-uuid/claim', {
        method: 'POST',
        token: null,
        headers: { 'x-access-key': place.accessKey },
      }),
      400,
      'validation_failed',
    );
    await problemOf(
      await t.api('/api/v1/waitlist/00000000-0000-4000-8000-000000000000/claim', {
        method: 'POST',
        token: null,
        headers: { 'x-access-key': place.accessKey },
      }),
      404,
      'waitlist_entry_not_found',
    );
    expect((await entryOf(t, place)).status).toBe('offered');
  });
});
