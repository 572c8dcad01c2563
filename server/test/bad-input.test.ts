import { generateKeyPair, SignJWT, decodeProtectedHeader, decodeJwt } from 'jose';
import { eventBody, startTestServer, ticketTypeBody, type TestServer } from './harness.js';

const b64url = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

describe.each(['pglite', 'postgres'] as const)(
  'bad input gets a 4xx problem and changes nothing [%s]',
  (kind) => {
    let t: TestServer;
    let eventId: string;
    // Every test sends only refused requests: each takes its own count and checks it after, so
    // one run alone proves its requests wrote nothing.
    let rowsBefore: number;

    const countRows = async () => {
      const { rows } = await t.server.db.query<{ n: number }>(
        'SELECT (SELECT count(*) FROM events) + (SELECT count(*) FROM ticket_types) AS n',
      );
      return rows[0]!.n;
    };

    beforeAll(async () => {
      t = await startTestServer(kind);
      eventId = (
        (await (await t.api('/api/v1/events', { body: eventBody() })).json()) as { id: string }
      ).id;
    });
    beforeEach(async () => {
      rowsBefore = await countRows();
    });
    afterEach(async () => {
      expect(await countRows()).toBe(rowsBefore);
    });
    afterAll(async () => {
      await t?.stop();
    });

    const expectProblem = async (res: Response, status: number, code: string) => {
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const body = (await res.json()) as Record<string, unknown>;
      expect(body).toMatchObject({
        status,
        code,
        type: expect.any(String),
        title: expect.any(String),
        detail: expect.any(String),
      });
      return body;
    };

    const bodies: [string, () => unknown, string, number][] = [
      ['malformed JSON', () => '{"name": "x",', 'malformed_json', 400],
      ['a wrong type', () => eventBody({ name: 42 }), 'validation_failed', 400],
      ['an unknown field', () => eventBody({ colour: 'red' }), 'validation_failed', 400],
      [
        'an impossible date',
        () => eventBody({ startsAt: '2027-02-30T09:00:00Z' }),
        'validation_failed',
        400,
      ],
      [
        'a date without an offset',
        () => eventBody({ startsAt: '2027-05-01T09:00:00' }),
        'validation_failed',
        400,
      ],
      [
        'an unknown time zone',
        () => eventBody({ timezone: 'Mars/Olympus' }),
        'validation_failed',
        400,
      ],
      [
        'an end before the start',
        () => eventBody({ endsAt: '2027-04-01T09:00:00Z' }),
        'validation_failed',
        400,
      ],
      ['a JSON array', () => [eventBody()], 'validation_failed', 400],
      ['a JSON null', () => 'null', 'validation_failed', 400],
      ['an empty name', () => eventBody({ name: '   ' }), 'validation_failed', 400],
      [
        'a 3 MB body',
        () => eventBody({ description: 'x'.repeat(3 * 1024 * 1024) }),
        'body_too_large',
        413,
      ],
    ];
    it.each(bodies)('refuses an event with %s', async (_what, body, code, status) => {
      await expectProblem(await t.api('/api/v1/events', { body: body() }), status, code);
    });

    it('names the offending fields one by one', async () => {
      const res = await t.api('/api/v1/events', {
        body: eventBody({ name: 42, colour: 'red', shade: 1 }),
      });
      const body = await expectProblem(res, 400, 'validation_failed');
      expect((body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
        'colour',
        'name',
        'shade',
      ]);
    });

    const money: [string, Record<string, unknown>, string][] = [
      ['negative money', { priceCents: -100 }, 'priceCents'],
      ['fractional money', { priceCents: 99.5 }, 'priceCents'],
      ['money as a string', { priceCents: '9900' }, 'priceCents'],
      ['an unknown currency', { currency: 'EURO' }, 'currency'],
      ['a negative quantity', { quantity: -1 }, 'quantity'],
      ['a zero max per order', { maxPerOrder: 0 }, 'maxPerOrder'],
    ];
    it.each(money)(
      'refuses a ticket type with %s, naming the field',
      async (_what, over, field) => {
        const res = await t.api(`/api/v1/events/${eventId}/ticket-types`, {
          body: ticketTypeBody(over),
        });
        const body = await expectProblem(res, 400, 'validation_failed');
        expect(body.errors).toEqual([expect.objectContaining({ field })]);
      },
    );

    it('refuses an id that is not a UUID', async () => {
      await expectProblem(await t.api('/api/v1/events/not-a-uuid'), 400, 'validation_failed');
      await expectProblem(
        await t.api("/api/v1/events/1'%20OR%201=1--/ticket-types"),
        400,
        'validation_failed',
      );
    });

    it('answers 404 for an event that does not exist', async () => {
      await expectProblem(
        await t.api('/api/v1/events/00000000-0000-4000-8000-000000000000'),
        404,
        'event_not_found',
      );
    });

    it('refuses a body that is not declared as JSON', async () => {
      const res = await t.api('/api/v1/events', {
        body: JSON.stringify(eventBody()),
        headers: { 'content-type': 'text/plain' },
      });
      await expectProblem(res, 415, 'unsupported_media_type');
    });

    it('refuses a request without a token', async () => {
      await expectProblem(
        await t.api('/api/v1/events', { body: eventBody(), token: null }),
        401,
        'missing_token',
      );
    });

    it('refuses garbage, alg=none, forged and wrong-audience tokens', async () => {
      const real = await t.token();
      const header = decodeProtectedHeader(real);
      const claims = decodeJwt(real);
      const none = `${b64url({ alg: 'none', typ: 'JWT' })}.${b64url(claims)}.`;
      const { privateKey } = await generateKeyPair('ES256');
      const forged = await new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256', kid: header.kid ?? 'k' })
        .sign(privateKey);
      const otherAudience = `${real.split('.')[0]}.${b64url({ ...claims, aud: 'https://elsewhere.example/api' })}.${real.split('.')[2]}`;
      for (const token of ['garbage', none, forged, otherAudience, `${real}x`]) {
        const res = await t.api('/api/v1/events', { body: eventBody(), token });
        expect(res.status).toBe(401);
        expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      }
    });

    it('answers an unknown route with a problem, not a page', async () => {
      await expectProblem(await t.api('/api/v1/nothing-here'), 404, 'route_not_found');
    });
  },
);
