import {
  expireHold,
  ticketTypeCounts,
} from '../src/features/payments/test-support/payment-fixtures.js';
import { startTestServer, type TestServer } from './harness.js';
import {
  attendee,
  createEvent,
  createTicketType,
  json,
  problemOf,
  registerRaw,
  type OrderBody,
} from './registration-fixtures.js';

// Access codes (promo codes grown up): hidden ticket types they unlock, seats they reserve out of
// the public sale, and use limits, all held under concurrent orders.

interface CodeBody {
  id: string;
  code: string;
  uses: number;
  maxUses: number | null;
  reservedSeats: number;
  reserveLeft: number;
  discountKind: string | null;
}

interface PublicEventBody {
  ticketTypes: { id: string; name: string; available: number }[];
  accessCode: string | null;
}

describe.each(['pglite', 'postgres'] as const)('access codes [%s]', (kind) => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer(kind);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const codes = (eventId: string) => `/api/v1/events/${eventId}/promo-codes`;
  const createCode = async (eventId: string, body: Record<string, unknown>) =>
    json<CodeBody>(await t.api(codes(eventId), { body }), 201);
  const publicEvent = async (eventId: string, code?: string) =>
    json<PublicEventBody>(
      await t.api(
        `/api/v1/public/events/${eventId}${code ? `?code=${encodeURIComponent(code)}` : ''}`,
        { token: null },
      ),
      200,
    );
  const buy = (eventId: string, ticketTypeId: string, who: string | number, extra = {}) =>
    registerRaw(t, eventId, { ticketTypeId, quantity: 1, attendee: attendee(who), ...extra });

  it('keeps a hidden type off the public page and unsold, until a code that names it comes', async () => {
    const { id: eventId } = await createEvent(t);
    const open = await createTicketType(t, eventId, { name: 'Regular', priceCents: 0 });
    const speaker = await createTicketType(t, eventId, {
      name: 'Speaker',
      priceCents: 0,
      hidden: true,
    });
    await createCode(eventId, { code: 'SPEAK27', ticketTypeIds: [speaker] });
    await createCode(eventId, { code: 'OTHER', ticketTypeIds: [open] });

    const plain = await publicEvent(eventId);
    expect(plain.ticketTypes.map((x) => x.name)).toEqual(['Regular']);
    expect(plain.accessCode).toBeNull();
    expect((await publicEvent(eventId, 'nope')).accessCode).toBeNull();
    expect((await publicEvent(eventId, 'OTHER')).ticketTypes.map((x) => x.name)).toEqual([
      'Regular',
    ]);
    const unlocked = await publicEvent(eventId, 'speak27');
    expect(unlocked.accessCode).toBe('SPEAK27');
    expect(unlocked.ticketTypes.map((x) => x.name)).toEqual(['Regular', 'Speaker']);

    // Without a code, or with one that does not name it, the type is as if it did not exist.
    await problemOf(await buy(eventId, speaker, 'h1'), 404, 'ticket_type_not_found');
    expect((await buy(eventId, speaker, 'h2', { promoCode: 'OTHER' })).status).toBe(404);
    const order = await json<OrderBody>(
      await buy(eventId, speaker, 'h3', { promoCode: 'speak27' }),
      201,
    );
    expect(order).toMatchObject({ status: 'confirmed', totalCents: 0, discountCents: 0 });
    // The organizer still sees it, marked hidden.
    const listed = await json<{ name: string; hidden: boolean; sold: number }[]>(
      await t.api(`/api/v1/events/${eventId}/ticket-types`),
      200,
    );
    expect(listed.find((x) => x.name === 'Speaker')).toMatchObject({ hidden: true, sold: 1 });
  });

  it('lets a code that may be used once be used once, by concurrent buyers', async () => {
    const { id: eventId } = await createEvent(t);
    const type = await createTicketType(t, eventId, { priceCents: 0, hidden: true });
    await createCode(eventId, { code: 'ONCE', ticketTypeIds: [type], maxUses: 1 });
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => buy(eventId, type, `once-${i}`, { promoCode: 'ONCE' })),
    );
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
    await problemOf(
      answers.find((r) => r.status === 409)!,
      409,
      'promo_code_exhausted',
    );
    // A used-up code unlocks nothing on the page any more.
    expect((await publicEvent(eventId, 'ONCE')).accessCode).toBeNull();
  });

  it('refuses a code outside its validity window', async () => {
    const { id: eventId } = await createEvent(t);
    const type = await createTicketType(t, eventId, { priceCents: 0, hidden: true });
    await createCode(eventId, {
      code: 'LATER',
      ticketTypeIds: [type],
      validFrom: '2099-01-01T00:00:00Z',
    });
    expect((await publicEvent(eventId, 'LATER')).ticketTypes).toEqual([]);
    expect((await buy(eventId, type, 'w1', { promoCode: 'LATER' })).status).toBe(404);
  });

  it('holds a reserve out of the public sale; concurrent buyers never oversell', async () => {
    const { id: eventId } = await createEvent(t);
    const type = await createTicketType(t, eventId, { priceCents: 0, quantity: 10 });
    const partner = await createCode(eventId, {
      code: 'PARTNER',
      ticketTypeIds: [type],
      reservedSeats: 4,
    });
    expect(partner).toMatchObject({ reservedSeats: 4, reserveLeft: 4, discountKind: null });
    expect((await publicEvent(eventId)).ticketTypes[0]!.available).toBe(6);
    expect((await publicEvent(eventId, 'PARTNER')).ticketTypes[0]!.available).toBe(10);

    // 12 public buyers and the partner's 4 all at once: the public gets exactly 6, the partner 4.
    const [publicAnswers, partnerAnswers] = await Promise.all([
      Promise.all(Array.from({ length: 12 }, (_, i) => buy(eventId, type, `pub-${i}`))),
      Promise.all(
        Array.from({ length: 4 }, (_, i) =>
          buy(eventId, type, `vip-${i}`, { promoCode: 'PARTNER' }),
        ),
      ),
    ]);
    expect(publicAnswers.filter((r) => r.status === 201)).toHaveLength(6);
    expect(partnerAnswers.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    for (const r of publicAnswers.filter((x) => x.status !== 201))
      await problemOf(r, 409, 'sold_out');
    expect(await ticketTypeCounts(t, { eventId, ticketTypeId: type })).toEqual({
      sold: 10,
      held: 0,
      available: 0,
    });
    const after = await json<CodeBody>(await t.api(`${codes(eventId)}/${partner.id}`), 200);
    expect(after).toMatchObject({ uses: 4, reserveLeft: 0 });
    // The reserve used up, the code still unlocks; but no seat is left for it either.
    await problemOf(await buy(eventId, type, 'vip-5', { promoCode: 'PARTNER' }), 409, 'sold_out');
  });

  it('gives a cancelled or expired partner order back to the reserve, and archiving frees it', async () => {
    const { id: eventId } = await createEvent(t);
    const type = await createTicketType(t, eventId, { priceCents: 5000, quantity: 10 });
    const partner = await createCode(eventId, {
      code: 'PARTNER',
      ticketTypeIds: [type],
      reservedSeats: 3,
      discountKind: 'percent',
      discountValue: 100,
    });
    const sale = { eventId, ticketTypeId: type };
    const free = await json<OrderBody>(
      await buy(eventId, type, 'p1', { promoCode: 'PARTNER', quantity: 2 }),
      201,
    );
    expect(free).toMatchObject({ status: 'confirmed', totalCents: 0 });
    expect(await ticketTypeCounts(t, sale)).toEqual({ sold: 2, held: 1, available: 7 });
    const cancelled = await t.api(`/api/v1/orders/${free.id}/cancel`, { body: {} });
    expect(cancelled.status).toBe(200);
    expect(await ticketTypeCounts(t, sale)).toEqual({ sold: 0, held: 3, available: 7 });
    let code = await json<CodeBody>(await t.api(`${codes(eventId)}/${partner.id}`), 200);
    expect(code.reserveLeft).toBe(3);

    // A priced code without a full discount: the order waits for payment on reserved seats.
    await json(
      await t.api(`${codes(eventId)}/${partner.id}`, {
        method: 'PATCH',
        body: { discountValue: 50 },
      }),
      200,
    );
    const pending = await json<OrderBody>(
      await buy(eventId, type, 'p2', { promoCode: 'PARTNER' }),
      201,
    );
    expect(pending.status).toBe('pending_payment');
    code = await json<CodeBody>(await t.api(`${codes(eventId)}/${partner.id}`), 200);
    expect(code.reserveLeft).toBe(2);
    await expireHold(t, pending.id);
    code = await json<CodeBody>(await t.api(`${codes(eventId)}/${partner.id}`), 200);
    expect(code.reserveLeft).toBe(3);
    expect(await ticketTypeCounts(t, sale)).toEqual({ sold: 0, held: 3, available: 7 });

    // Shrinking and then archiving the code gives its seats to the public.
    await json(
      await t.api(`${codes(eventId)}/${partner.id}`, {
        method: 'PATCH',
        body: { reservedSeats: 1 },
      }),
      200,
    );
    expect(await ticketTypeCounts(t, sale)).toEqual({ sold: 0, held: 1, available: 9 });
    await json(await t.api(`${codes(eventId)}/${partner.id}/archive`, { method: 'POST' }), 200);
    expect(await ticketTypeCounts(t, sale)).toEqual({ sold: 0, held: 0, available: 10 });
  });

  it('refuses a reserve larger than the seats left, or spread over several types', async () => {
    const { id: eventId } = await createEvent(t);
    const a = await createTicketType(t, eventId, { priceCents: 0, quantity: 5 });
    const b = await createTicketType(t, eventId, { priceCents: 0, quantity: 5 });
    const tooMany = await t.api(codes(eventId), {
      body: { code: 'BIG', ticketTypeIds: [a], reservedSeats: 6 },
    });
    await problemOf(tooMany, 409, 'not_enough_seats');
    const spread = await t.api(codes(eventId), {
      body: { code: 'WIDE', ticketTypeIds: [a, b], reservedSeats: 1 },
    });
    await problemOf(spread, 400, 'validation_failed');
    expect(await ticketTypeCounts(t, { eventId, ticketTypeId: a })).toMatchObject({
      held: 0,
      available: 5,
    });
    const listed = await json<CodeBody[]>(await t.api(codes(eventId)), 200);
    expect(listed).toEqual([]);
  });

  it('generates codes in bulk and exports them as CSV', async () => {
    const { id: eventId } = await createEvent(t);
    const type = await createTicketType(t, eventId, { priceCents: 0, hidden: true });
    const made = await json<CodeBody[]>(
      await t.api(`${codes(eventId)}/generate`, {
        body: { count: 25, prefix: 'STU-', ticketTypeIds: [type] },
      }),
      201,
    );
    expect(made).toHaveLength(25);
    expect(new Set(made.map((c) => c.code)).size).toBe(25);
    for (const c of made) {
      expect(c.code).toMatch(/^STU-[A-Z2-9]{8}$/);
      expect(c.maxUses).toBe(1);
    }
    await createCode(eventId, { code: 'OTHER', ticketTypeIds: [type] });
    const res = await t.api(`${codes(eventId)}/export?prefix=stu-`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await res.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'code,discount_kind,discount_value,max_uses,uses,valid_from,valid_until,ticket_type_ids,reserved_seats,reserve_left',
    );
    expect(
      lines
        .slice(1)
        .map((l) => l.split(',')[0])
        .sort(),
    ).toEqual(made.map((c) => c.code).sort());
    // A generated code works once.
    const code = made[0]!.code;
    expect((await buy(eventId, type, 'g1', { promoCode: code })).status).toBe(201);
    expect((await buy(eventId, type, 'g2', { promoCode: code })).status).toBe(409);
  });
});
