import { startTestServer, type TestServer } from './harness.js';
import {
  attendee,
  createEvent,
  createTicketType,
  footprint,
  json,
  problemOf,
  registerRaw,
  type OrderBody,
} from './registration-fixtures.js';

interface EventBody {
  id: string;
  paymentProvider: string;
  holdMinutes: number;
  waitlistOfferMinutes: number;
  maxTicketsPerEmail: number | null;
}

describe.each(['pglite', 'postgres'] as const)(
  'event sales settings and registration limits [%s]',
  (kind) => {
    let t: TestServer;
    beforeAll(async () => {
      t = await startTestServer(kind);
    });
    afterAll(async () => {
      await t?.stop();
    });

    it('creates an event with default sales settings, and changes and reads them back', async () => {
      const created = (await createEvent(t)) as unknown as EventBody;
      expect(created).toMatchObject({
        paymentProvider: 'manual',
        holdMinutes: 30,
        waitlistOfferMinutes: 60,
        maxTicketsPerEmail: null,
      });
      const patched = await json<EventBody>(
        await t.api(`/api/v1/events/${created.id}`, {
          method: 'PATCH',
          body: {
            paymentProvider: 'stripe',
            holdMinutes: 15,
            waitlistOfferMinutes: 120,
            maxTicketsPerEmail: 4,
          },
        }),
        200,
      );
      expect(patched).toMatchObject({
        paymentProvider: 'stripe',
        holdMinutes: 15,
        waitlistOfferMinutes: 120,
        maxTicketsPerEmail: 4,
      });
      expect(await json<EventBody>(await t.api(`/api/v1/events/${created.id}`), 200)).toMatchObject(
        { paymentProvider: 'stripe', holdMinutes: 15, maxTicketsPerEmail: 4 },
      );
      const lifted = await json<EventBody>(
        await t.api(`/api/v1/events/${created.id}`, {
          method: 'PATCH',
          body: { maxTicketsPerEmail: null },
        }),
        200,
      );
      expect(lifted).toMatchObject({ maxTicketsPerEmail: null, paymentProvider: 'stripe' });

      const withSettings = (await createEvent(t, {
        paymentProvider: 'stripe',
        holdMinutes: 5,
        maxTicketsPerEmail: 2,
      })) as unknown as EventBody;
      expect(withSettings).toMatchObject({
        paymentProvider: 'stripe',
        holdMinutes: 5,
        maxTicketsPerEmail: 2,
      });
    });

    it('refuses bad sales settings field by field', async () => {
      const { id } = await createEvent(t);
      const bad = await problemOf(
        await t.api(`/api/v1/events/${id}`, {
          method: 'PATCH',
          body: {
            paymentProvider: 'paypal',
            holdMinutes: 0,
            waitlistOfferMinutes: 10_081,
            maxTicketsPerEmail: 1.5,
          },
        }),
        400,
        'validation_failed',
      );
      expect((bad.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(
        ['holdMinutes', 'maxTicketsPerEmail', 'paymentProvider', 'waitlistOfferMinutes'].sort(),
      );
      expect(await json<EventBody>(await t.api(`/api/v1/events/${id}`), 200)).toMatchObject({
        paymentProvider: 'manual',
        holdMinutes: 30,
      });
    });

    it('holds a paid order’s seats for the event’s hold time and charges through its payment provider', async () => {
      const { id: eventId } = await createEvent(t, { holdMinutes: 7, paymentProvider: 'manual' });
      const type = await createTicketType(t, eventId, { priceCents: 2_500 });
      const before = Date.now();
      const order = await json<OrderBody>(
        await registerRaw(t, eventId, {
          ticketTypeId: type,
          quantity: 1,
          attendee: attendee('h1'),
        }),
        201,
      );
      expect(order).toMatchObject({ status: 'pending_payment', paymentMethod: 'manual' });
      const holdMs = Date.parse(order.holdExpiresAt!) - before;
      expect(holdMs).toBeGreaterThan(6.9 * 60_000);
      expect(holdMs).toBeLessThan(7.1 * 60_000);
    });

    it('keeps the per-email limit when ten orders from one address arrive together', async () => {
      const { id: eventId } = await createEvent(t, { maxTicketsPerEmail: 3 });
      const type = await createTicketType(t, eventId, { priceCents: 0 });
      const spellings = ['Fan@Example.org', 'fan@example.org', ' FAN@EXAMPLE.ORG'];
      const responses = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          registerRaw(t, eventId, {
            ticketTypeId: type,
            quantity: 1,
            attendee: { name: `Fan ${i}`, email: spellings[i % 3]! },
          }),
        ),
      );
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses).toEqual([...Array(3).fill(201), ...Array(7).fill(409)]);
      for (const r of responses.filter((x) => x.status === 409))
        await problemOf(r, 409, 'email_limit_reached');
      // Two tickets in one order count as two; another address is not affected.
      await problemOf(
        await registerRaw(t, eventId, {
          ticketTypeId: type,
          quantity: 1,
          attendee: { name: 'Fan', email: 'fan@example.org' },
        }),
        409,
        'email_limit_reached',
      );
      expect(
        (
          await registerRaw(t, eventId, {
            ticketTypeId: type,
            quantity: 3,
            attendee: attendee('other'),
          })
        ).status,
      ).toBe(201);
      await problemOf(
        await registerRaw(t, eventId, {
          ticketTypeId: type,
          quantity: 1,
          attendee: attendee('other'),
        }),
        409,
        'email_limit_reached',
      );
      expect(await footprint(t, eventId)).toMatchObject({ orders: 4, tickets: 6 });
    });

    it('replays the first answer to a repeated Idempotency-Key and refuses the key with another body', async () => {
      const { id: eventId } = await createEvent(t);
      const type = await createTicketType(t, eventId, { priceCents: 0 });
      const body = { ticketTypeId: type, quantity: 2, attendee: attendee('idem') };
      const first = await json<OrderBody>(
        await registerRaw(t, eventId, body, { 'idempotency-key': 'order-123' }),
        201,
      );
      const again = await json<OrderBody>(
        await registerRaw(t, eventId, body, { 'idempotency-key': 'order-123' }),
        201,
      );
      expect(again).toEqual(first);
      await problemOf(
        await registerRaw(t, eventId, { ...body, quantity: 1 }, { 'idempotency-key': 'order-123' }),
        422,
        'idempotency_key_reused',
      );
      await problemOf(
        await registerRaw(t, eventId, body, { 'idempotency-key': 'bad key with spaces' }),
        400,
        'invalid_idempotency_key',
      );
      // Without a key, the same body is a second order.
      expect((await registerRaw(t, eventId, body)).status).toBe(201);
      expect(await footprint(t, eventId)).toMatchObject({ orders: 2, tickets: 4, seats: 4 });
    });

    it('makes one order of ten concurrent requests with the same Idempotency-Key', async () => {
      const { id: eventId } = await createEvent(t);
      const type = await createTicketType(t, eventId, { priceCents: 0 });
      const body = { ticketTypeId: type, quantity: 1, attendee: attendee('burst') };
      const responses = await Promise.all(
        Array.from({ length: 10 }, () =>
          registerRaw(t, eventId, body, { 'idempotency-key': 'burst-1' }),
        ),
      );
      const orders = await Promise.all(responses.map((r) => json<OrderBody>(r, 201)));
      expect(new Set(orders.map((o) => o.id)).size).toBe(1);
      expect(await footprint(t, eventId)).toMatchObject({
        orders: 1,
        tickets: 1,
        seats: 1,
        outbox: 1,
      });
    });
  },
);
