import { startTestServer, type TestServer } from './harness.js';
import {
  createEvent,
  createTicketType,
  json,
  problemOf,
  registerRaw,
} from './registration-fixtures.js';

// The buyer's language on their order: given with the registration, changed later by the buyer's
// key alone (PUT /orders/{id}/locale), and what the order then says it is.

describe('an order’s language', () => {
  let t: TestServer;
  let eventId: string;
  let ticketTypeId: string;

  beforeAll(async () => {
    t = await startTestServer('pglite');
    eventId = (await createEvent(t, { languages: ['en', 'de'] })).id;
    ticketTypeId = await createTicketType(t, eventId, { priceCents: 0 });
  });
  afterAll(() => t?.stop());

  const order = async (locale?: string) =>
    json<{ id: string; accessKey: string }>(
      await registerRaw(t, eventId, {
        ticketTypeId,
        quantity: 1,
        attendee: { name: 'Ada Lovelace', email: `ada-${Math.random()}@example.org` },
        ...(locale ? { locale } : {}),
      }),
      201,
    );
  const localeOf = async (o: { id: string; accessKey: string }) =>
    (
      await json<{ attendee: { locale: string | null } }>(
        await t.api(`/api/v1/orders/${o.id}`, {
          token: null,
          headers: { 'x-access-key': o.accessKey },
        }),
        200,
      )
    ).attendee.locale;
  const change = (id: string, body: unknown, headers: Record<string, string>, token?: string) =>
    t.api(`/api/v1/orders/${id}/locale`, { method: 'PUT', body, headers, token: token ?? null });

  it('keeps the language given at registration, none when none was given', async () => {
    expect(await localeOf(await order('de'))).toBe('de');
    expect(await localeOf(await order())).toBeNull();
  });

  it('refuses a language Lanyard does not speak, at registration and later', async () => {
    const refused = await registerRaw(t, eventId, {
      ticketTypeId,
      quantity: 1,
      attendee: { name: 'Ada', email: 'fr@example.org' },
      locale: 'fr',
    });
    expect((await problemOf(refused, 400, 'validation_failed')).errors).toEqual([
      expect.objectContaining({ field: 'locale' }),
    ]);
    const o = await order('de');
    const later = await change(o.id, { locale: 'fr' }, { 'x-access-key': o.accessKey });
    expect(later.status).toBe(400);
    expect(await localeOf(o)).toBe('de');
  });

  it('is changed by the buyer’s key, and by nothing else', async () => {
    const o = await order('de');
    expect((await change(o.id, { locale: 'en' }, { 'x-access-key': o.accessKey })).status).toBe(
      204,
    );
    expect(await localeOf(o)).toBe('en');

    const other = await order('en');
    const wrongKey = await change(o.id, { locale: 'de' }, { 'x-access-key': other.accessKey });
    await problemOf(wrongKey, 404, 'order_not_found');
    // A staff token is not the buyer: the language is theirs to choose.
    const staff = await change(o.id, { locale: 'de' }, {}, await t.token());
    await problemOf(staff, 401, 'missing_credential');
    expect(await localeOf(o)).toBe('en');
  });
});
