import {
  createPaidSale,
  expireHold,
} from '../src/features/payments/test-support/payment-fixtures.js';
import { startTestServer, type TestServer } from './harness.js';
import {
  attendee,
  createEvent,
  createTicketType,
  json,
  otherOrganizationToken,
  problemOf,
  registerRaw,
  type OrderBody,
} from './registration-fixtures.js';

interface PromoBody {
  id: string;
  code: string;
  discountKind: string;
  discountValue: number;
  maxUses: number | null;
  uses: number;
  validFrom: string | null;
  validUntil: string | null;
  ticketTypeIds: string[] | null;
  status: string;
}

describe.each(['pglite', 'postgres'] as const)('promo codes over HTTP [%s]', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const promos = (eventId: string) => `/api/v1/events/${eventId}/promo-codes`;
  const createPromo = async (eventId: string, body: Record<string, unknown>) =>
    json<PromoBody>(await t.api(promos(eventId), { body }), 201);
  const patchPromo = (eventId: string, id: string, body: Record<string, unknown>) =>
    t.api(`${promos(eventId)}/${id}`, { method: 'PATCH', body });
  const buy = (
    eventId: string,
    ticketTypeId: string,
    who: string,
    promoCode?: string,
    quantity = 1,
  ) =>
    registerRaw(t, eventId, {
      ticketTypeId,
      quantity,
      attendee: attendee(who),
      ...(promoCode === undefined ? {} : { promoCode }),
    });

  it('creates a code, matches it ignoring case at registration, and lists its uses', async () => {
    const { id: eventId } = await createEvent(t);
    const type = await createTicketType(t, eventId, { priceCents: 10_000 });
    const promo = await createPromo(eventId, {
      code: 'Early_Bird-25',
      discountKind: 'percent',
      discountValue: 25,
    });
    expect(promo).toMatchObject({
      code: 'Early_Bird-25',
      maxUses: null,
      uses: 0,
      validFrom: null,
      validUntil: null,
      ticketTypeIds: null,
      status: 'active',
    });
    const order = await json<OrderBody>(await buy(eventId, type, 'p1', 'early_bird-25', 2), 201);
    expect(order).toMatchObject({
      subtotalCents: 20_000,
      discountCents: 5_000,
      totalCents: 15_000,
    });
    const listed = await json<PromoBody[]>(await t.api(promos(eventId)), 200);
    expect(listed).toEqual([expect.objectContaining({ id: promo.id, uses: 1 })]);
    expect(await json<PromoBody>(await t.api(`${promos(eventId)}/${promo.id}`), 200)).toMatchObject(
      {
        uses: 1,
      },
    );
  });

  it('takes a fixed amount off each ticket, never below zero, and keeps to its ticket types and window', async () => {
    const { id: eventId } = await createEvent(t);
    const cheap = await createTicketType(t, eventId, { priceCents: 500 });
    const regular = await createTicketType(t, eventId, { priceCents: 4_000 });
    await createPromo(eventId, {
      code: 'TENOFF',
      discountKind: 'fixed',
      discountValue: 1_000,
      ticketTypeIds: [regular, cheap],
    });
    const two = await json<OrderBody>(await buy(eventId, regular, 'f1', 'tenoff', 2), 201);
    expect(two).toMatchObject({ subtotalCents: 8_000, discountCents: 2_000, totalCents: 6_000 });
    const free = await json<OrderBody>(await buy(eventId, cheap, 'f2', 'TENOFF'), 201);
    expect(free).toMatchObject({ totalCents: 0, status: 'confirmed', paymentMethod: 'free' });

    const vip = await createTicketType(t, eventId, { priceCents: 9_000 });
    await createPromo(eventId, {
      code: 'VIPONLY',
      discountKind: 'percent',
      discountValue: 10,
      ticketTypeIds: [vip],
    });
    await problemOf(await buy(eventId, regular, 'f3', 'VIPONLY'), 400, 'invalid_promo_code');
    await createPromo(eventId, {
      code: 'LATER',
      discountKind: 'percent',
      discountValue: 10,
      validFrom: new Date(Date.now() + 86_400_000).toISOString(),
    });
    await problemOf(await buy(eventId, regular, 'f4', 'LATER'), 400, 'invalid_promo_code');
    await createPromo(eventId, {
      code: 'GONE',
      discountKind: 'percent',
      discountValue: 10,
      validFrom: '2020-01-01T00:00:00Z',
      validUntil: '2020-02-01T00:00:00Z',
    });
    await problemOf(await buy(eventId, regular, 'f5', 'GONE'), 400, 'invalid_promo_code');
    await problemOf(await buy(eventId, regular, 'f6', 'NOSUCH'), 400, 'invalid_promo_code');
  });

  it('refuses a second code spelled the same in any case, and bad codes, percentages and windows field by field', async () => {
    const { id: eventId } = await createEvent(t);
    const { id: otherEventId } = await createEvent(t);
    await createPromo(eventId, { code: 'SAVE10', discountKind: 'percent', discountValue: 10 });
    await problemOf(
      await t.api(promos(eventId), {
        body: { code: 'save10', discountKind: 'fixed', discountValue: 5 },
      }),
      409,
      'duplicate_promo_code',
    );
    // Another event may use the same spelling.
    await createPromo(otherEventId, { code: 'save10', discountKind: 'percent', discountValue: 10 });

    for (const code of ['ab', 'x'.repeat(33), 'with space', 'émoji', '10%off']) {
      const bad = await problemOf(
        await t.api(promos(eventId), { body: { code, discountKind: 'percent', discountValue: 5 } }),
        400,
        'validation_failed',
      );
      expect(bad.errors).toEqual([{ field: 'code', message: expect.stringMatching(/3 to 32/) }]);
    }
    const over = await problemOf(
      await t.api(promos(eventId), {
        body: { code: 'ALL101', discountKind: 'percent', discountValue: 101 },
      }),
      400,
      'validation_failed',
    );
    expect(over.errors).toEqual([
      { field: 'discountValue', message: 'a percent discount must be at most 100' },
    ]);
    const window = await problemOf(
      await t.api(promos(eventId), {
        body: {
          code: 'BACKWARDS',
          discountKind: 'fixed',
          discountValue: 100,
          validFrom: '2027-02-01T00:00:00Z',
          validUntil: '2027-01-01T00:00:00Z',
        },
      }),
      400,
      'validation_failed',
    );
    expect(window.errors).toEqual([{ field: 'validUntil', message: 'must be after validFrom' }]);
    const shapes = await problemOf(
      await t.api(promos(eventId), {
        body: {
          code: 'SHAPES',
          discountKind: 'half',
          discountValue: 0,
          maxUses: 0,
          validFrom: 'soon',
        },
      }),
      400,
      'validation_failed',
    );
    expect((shapes.errors as { field: string }[]).map((e) => e.field).sort()).toEqual(
      ['discountKind', 'discountValue', 'maxUses', 'validFrom'].sort(),
    );
    const foreignType = await createTicketType(t, otherEventId);
    await problemOf(
      await t.api(promos(eventId), {
        body: {
          code: 'FOREIGN',
          discountKind: 'fixed',
          discountValue: 100,
          ticketTypeIds: [foreignType],
        },
      }),
      400,
      'unknown_ticket_type',
    );
  });

  it('gives exactly max uses discounts to 20 parallel orders with a code of max 5', async () => {
    const { id: eventId } = await createEvent(t);
    const type = await createTicketType(t, eventId, { priceCents: 2_000, quantity: 100 });
    const promo = await createPromo(eventId, {
      code: 'FIRST5',
      discountKind: 'percent',
      discountValue: 50,
      maxUses: 5,
    });
    const responses = await Promise.all(
      Array.from({ length: 20 }, (_, i) => buy(eventId, type, `race-${i}`, 'FIRST5')),
    );
    const statuses = responses.map((r) => r.status).sort();
    expect(statuses).toEqual([...Array(5).fill(201), ...Array(15).fill(409)]);
    for (const r of responses.filter((x) => x.status === 409))
      await problemOf(r, 409, 'promo_code_exhausted');
    const { rows } = await t.server.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM orders WHERE event_id = $1 AND promo_code_id = $2 AND discount_cents = 1000`,
      [eventId, promo.id],
    );
    expect(rows[0]!.n).toBe(5);
    expect(await json<PromoBody>(await t.api(`${promos(eventId)}/${promo.id}`), 200)).toMatchObject(
      {
        uses: 5,
        maxUses: 5,
      },
    );
  });

  it('gives a use back when an order with the code is cancelled or its hold runs out', async () => {
    const sale = await createPaidSale(t, { priceCents: 3_000 });
    await createPromo(sale.eventId, {
      code: 'ONCE',
      discountKind: 'percent',
      discountValue: 10,
      maxUses: 1,
    });
    const buyWithCode = (who: string) => buy(sale.eventId, sale.ticketTypeId, who, 'ONCE');
    const first = await json<{ id: string; accessKey: string }>(await buyWithCode('first'), 201);
    await problemOf(await buyWithCode('second'), 409, 'promo_code_exhausted');

    const cancel = await t.api(`/api/v1/orders/${first.id}/cancel`, {
      method: 'POST',
      token: null,
      headers: { 'x-access-key': first.accessKey },
    });
    expect(cancel.status).toBe(200);
    const second = await json<{ id: string }>(await buyWithCode('second'), 201);

    await expireHold(t, second.id);
    await json(await buyWithCode('third'), 201);
    const listed = await json<PromoBody[]>(await t.api(promos(sale.eventId)), 200);
    expect(listed).toEqual([expect.objectContaining({ code: 'ONCE', uses: 1 })]);
  });

  it('changes a code’s terms for later orders, refuses max uses below its uses, and archives it', async () => {
    const { id: eventId } = await createEvent(t);
    const type = await createTicketType(t, eventId, { priceCents: 1_000 });
    const promo = await createPromo(eventId, {
      code: 'SPRING',
      discountKind: 'percent',
      discountValue: 10,
      maxUses: 10,
    });
    await buy(eventId, type, 'c1', 'SPRING');
    await buy(eventId, type, 'c2', 'SPRING');
    const below = await problemOf(
      await patchPromo(eventId, promo.id, { maxUses: 1 }),
      409,
      'max_uses_below_uses',
    );
    expect(below).toMatchObject({ maxUses: 1, uses: 2 });
    const changed = await json<PromoBody>(
      await patchPromo(eventId, promo.id, {
        maxUses: 2,
        discountKind: 'fixed',
        discountValue: 300,
      }),
      200,
    );
    expect(changed).toMatchObject({
      maxUses: 2,
      uses: 2,
      discountKind: 'fixed',
      discountValue: 300,
    });
    await problemOf(await buy(eventId, type, 'c3', 'SPRING'), 409, 'promo_code_exhausted');
    const unlimited = await json<PromoBody>(
      await patchPromo(eventId, promo.id, { maxUses: null }),
      200,
    );
    expect(unlimited.maxUses).toBeNull();
    const order = await json<OrderBody>(await buy(eventId, type, 'c4', 'spring'), 201);
    expect(order.discountCents).toBe(300);
    await problemOf(
      await patchPromo(eventId, promo.id, { discountKind: 'percent', discountValue: 300 }),
      400,
      'validation_failed',
    );

    const other = await createPromo(eventId, {
      code: 'SUMMER',
      discountKind: 'percent',
      discountValue: 5,
    });
    await problemOf(
      await patchPromo(eventId, other.id, { code: 'spring' }),
      409,
      'duplicate_promo_code',
    );

    const archived = await json<PromoBody>(
      await t.api(`${promos(eventId)}/${promo.id}/archive`, { method: 'POST' }),
      200,
    );
    expect(archived).toMatchObject({ status: 'archived', uses: 3 });
    await problemOf(await buy(eventId, type, 'c5', 'SPRING'), 400, 'invalid_promo_code');
    await problemOf(
      await patchPromo(eventId, promo.id, { maxUses: 50 }),
      409,
      'promo_code_archived',
    );
    const renamed = await json<PromoBody>(
      await patchPromo(eventId, other.id, { code: 'Spring' }),
      200,
    );
    expect(renamed.code).toBe('Spring');
    expect((await json<PromoBody[]>(await t.api(promos(eventId)), 200)).map((p) => p.code)).toEqual(
      ['Spring'],
    );
  });

  it('answers 404 to another organization and to an unknown code', async () => {
    const { id: eventId } = await createEvent(t);
    const promo = await createPromo(eventId, {
      code: 'MINE',
      discountKind: 'percent',
      discountValue: 5,
    });
    const elsewhere = await otherOrganizationToken(t);
    await problemOf(await t.api(promos(eventId), { token: elsewhere }), 404, 'event_not_found');
    await problemOf(
      await t.api(`${promos(eventId)}/${promo.id}`, { token: elsewhere }),
      404,
      'promo_code_not_found',
    );
    await problemOf(
      await t.api(promos(eventId), {
        token: elsewhere,
        body: { code: 'THEIRS', discountKind: 'percent', discountValue: 5 },
      }),
      404,
      'event_not_found',
    );
    await problemOf(
      await t.api(`${promos(eventId)}/${promo.id}/archive`, { token: elsewhere, method: 'POST' }),
      404,
      'promo_code_not_found',
    );
    await problemOf(
      await t.api(`${promos(eventId)}/00000000-0000-4000-8000-000000000000`),
      404,
      'promo_code_not_found',
    );
  });
});
