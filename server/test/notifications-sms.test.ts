import { jest } from '@jest/globals';
import { startTestServer, type TestServer } from './harness.js';
import { createEvent, createTicketType, json, registerRaw } from './registration-fixtures.js';
import { addItem, agendaPath, patchItem, releaseSchedule } from './schedule-fixtures.js';
import { startSmsGateway, startTwilioStandIn, type ReceivedSms } from './sms-receivers.js';

interface MessageBody {
  id: string;
  kind: string;
  channel: 'email' | 'sms';
  status: string;
  recipient: string;
  subject: string | null;
  lastError: string | null;
  attempts: number;
  providerId: string | null;
}

jest.setTimeout(90_000);

const SECRET = 'test-gateway-secret-0123456789';

async function until<T>(what: string, get: () => Promise<T | undefined> | T | undefined) {
  const end = Date.now() + 30_000;
  for (;;) {
    const v = await get();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function suite(t: () => TestServer) {
  const messages = async (query: string) =>
    (await json<{ items: MessageBody[] }>(await t().api(`/api/v1/messages?${query}`), 200)).items;
  const smsOf = async (orderId: string) =>
    (await messages(`orderId=${orderId}`)).filter((m) => m.channel === 'sms');
  return { messages, smsOf };
}

describe('SMS through the HTTP gateway', () => {
  let t: TestServer;
  let gateway: Awaited<ReturnType<typeof startSmsGateway>>;
  let eventId: string;
  let ticketTypeId: string;
  const { messages, smsOf } = suite(() => t);

  beforeAll(async () => {
    gateway = await startSmsGateway(SECRET);
    t = await startTestServer('postgres', {
      SMS_GATEWAY_URL: `${gateway.url}/send`,
      SMS_GATEWAY_SECRET: SECRET,
      NOTIFY_RETRY_BASE_MS: '100',
      NOTIFY_RETRY_CAP_MS: '300',
    });
    eventId = (
      await createEvent(t, {
        attendeePhone: 'optional',
        phoneRegion: 'DE',
        smsKinds: ['order_confirmed'],
      })
    ).id;
    ticketTypeId = await createTicketType(t, eventId, { priceCents: 0, quantity: 1000 });
  });
  afterAll(async () => {
    await t?.stop();
    await gateway?.stop();
  });

  const register = async (
    attendee: Record<string, unknown>,
    event = eventId,
    type = ticketTypeId,
  ) => registerRaw(t, event, { ticketTypeId: type, quantity: 1, attendee });
  const arrived = (to: string) => () => gateway.received.find((s) => s.to === to);

  it('sends one SMS with the portal link to a buyer who gave a phone and agreed, recorded with the gateway id', async () => {
    const res = await register({
      name: 'Ada',
      email: 'ada@example.org',
      phone: '030 1234567',
      smsOptIn: true,
    });
    const order = await json<{ id: string; accessKey: string }>(res, 201);
    const sms = await until('the SMS', arrived('+49301234567'));
    expect(sms.body).toContain('your order is confirmed');
    expect(sms.body).toContain(`${t.url}/o/${order.id}?key=${encodeURIComponent(order.accessKey)}`);
    const row = await until('the send recorded', async () => {
      const [m] = await smsOf(order.id);
      return m?.status === 'sent' ? m : undefined;
    });
    expect(row).toMatchObject({ kind: 'order_confirmed', recipient: '+49301234567' });
    expect(row.providerId).toBe(sms.id);
    expect(row.subject).toMatch(/\[1 SMS, GSM-7\]$/);
    expect(gateway.received.filter((s) => s.to === '+49301234567')).toHaveLength(1);
    expect(gateway.rejected).toEqual([]);
  });

  it('sends no SMS without the buyer’s consent, nor on an event that sends none', async () => {
    const noConsent = await json<{ id: string }>(
      await register({ name: 'Bo', email: 'bo@example.org', phone: '+49 30 7654321' }),
      201,
    );
    const quiet = (await createEvent(t, { attendeePhone: 'optional', phoneRegion: 'DE' })).id;
    const quietType = await createTicketType(t, quiet, { priceCents: 0, quantity: 10 });
    const off = await json<{ id: string }>(
      await register(
        { name: 'Cy', email: 'cy@example.org', phone: '+49 30 5555555', smsOptIn: true },
        quiet,
        quietType,
      ),
      201,
    );
    // Their mails are queued (delivery of mail is off here): the SMS would have been queued with them.
    await until('the mails queued', async () =>
      (await messages(`orderId=${off.id}`)).length > 0 &&
      (await messages(`orderId=${noConsent.id}`)).length > 0
        ? true
        : undefined,
    );
    expect(await smsOf(noConsent.id)).toEqual([]);
    expect(await smsOf(off.id)).toEqual([]);
  });

  it('refuses a bad phone with a 400 naming the field, and stores nothing', async () => {
    const before = await messages(`eventId=${eventId}&limit=500`);
    for (const phone of ['12', 'call me', '+49 30 1234567\r\nX-Injected: 1', '+999 123']) {
      const res = await register({ name: 'Dee', email: 'dee@example.org', phone, smsOptIn: true });
      expect(res.status).toBe(400);
      const problem = (await res.json()) as { code: string; errors: { field: string }[] };
      expect(problem.code).toBe('validation_failed');
      expect(problem.errors[0]!.field).toBe('attendee.phone');
    }
    const orders = await json<{ items: { attendee?: { email: string } }[] }>(
      await t.api(`/api/v1/events/${eventId}/orders?limit=200`),
      200,
    );
    expect(JSON.stringify(orders)).not.toContain('dee@example.org');
    expect(await messages(`eventId=${eventId}&limit=500`)).toHaveLength(before.length);
  });

  it('requires a phone when the event says so', async () => {
    const strict = (await createEvent(t, { attendeePhone: 'required', phoneRegion: 'GB' })).id;
    const type = await createTicketType(t, strict, { priceCents: 0, quantity: 10 });
    const missing = await register({ name: 'Eli', email: 'eli@example.org' }, strict, type);
    expect(missing.status).toBe(400);
    const ok = await register(
      { name: 'Eli', email: 'eli@example.org', phone: '07911 123456' },
      strict,
      type,
    );
    expect(ok.status).toBe(201);
  });

  it('delivers once after the gateway answers 500 and then 200', async () => {
    gateway.answers.set('+4915112345678', [500]);
    const order = await json<{ id: string }>(
      await register({
        name: 'Flo',
        email: 'flo@example.org',
        phone: '+49 151 12345678',
        smsOptIn: true,
      }),
      201,
    );
    const row = await until('sent after a retry', async () => {
      const [m] = await smsOf(order.id);
      return m?.status === 'sent' ? m : undefined;
    });
    expect(row.attempts).toBe(2);
    expect(gateway.received.filter((s) => s.to === '+4915112345678')).toHaveLength(1);
  });

  it('dead-letters a 400 with the gateway’s reason at once; a retry after fixing delivers', async () => {
    gateway.answers.set('+4915198765432', [400]);
    const order = await json<{ id: string }>(
      await register({
        name: 'Gus',
        email: 'gus@example.org',
        phone: '0151 98765432',
        smsOptIn: true,
      }),
      201,
    );
    const dead = await until('the dead letter', async () => {
      const [m] = await smsOf(order.id);
      return m?.status === 'dead' ? m : undefined;
    });
    expect(dead.attempts).toBe(1);
    expect(dead.lastError).toBe('the SMS gateway answered 400: gateway says 400');
    expect(gateway.received.filter((s) => s.to === '+4915198765432')).toEqual([]);
    const dead2 = await messages(`status=dead&eventId=${eventId}`);
    expect(dead2.map((m) => m.id)).toContain(dead.id);

    const badTo = await t.api(`/api/v1/messages/${dead.id}/retry`, { body: { to: 'gus@x.org' } });
    expect(badTo.status).toBe(400);
    // The gateway is fixed (answers 200 now): a plain retry delivers it.
    expect((await t.api(`/api/v1/messages/${dead.id}/retry`, { body: {} })).status).toBe(202);
    await until('delivered after the retry', arrived('+4915198765432'));
    const sent = await until('recorded', async () => {
      const m = await json<MessageBody>(await t.api(`/api/v1/messages/${dead.id}`), 200);
      return m.status === 'sent' ? m : undefined;
    });
    expect(sent.lastError).toBeNull();
  });

  it('texts a place on the waiting list, with the entry’s link, when the event sends that kind', async () => {
    const full = (
      await createEvent(t, { attendeePhone: 'optional', smsKinds: ['waitlist_joined'] })
    ).id;
    const type = await createTicketType(t, full, { priceCents: 0, quantity: 0 });
    const res = await registerRaw(t, full, {
      ticketTypeId: type,
      quantity: 1,
      joinWaitlist: true,
      attendee: { name: 'Hal', email: 'hal@example.org', phone: '+44 7911 123457', smsOptIn: true },
    });
    const place = await json<{ waitlistEntryId: string }>(res, 202);
    const sms = await until('the SMS', arrived('+447911123457'));
    expect(sms.body).toContain('you are number 1 on the waiting list');
    expect(sms.body).toContain(`${t.url}/w/${place.waitlistEntryId}?key=`);
  });

  it('texts a schedule change to a buyer who agreed and holds the ticket, with the session’s new time and room', async () => {
    const conf = (
      await createEvent(t, {
        name: 'SmsConf',
        timezone: 'Europe/Berlin',
        attendeePhone: 'optional',
        smsKinds: ['schedule_changed'],
      })
    ).id;
    const type = await createTicketType(t, conf, { priceCents: 0, quantity: 10, maxPerOrder: 2 });
    const hallA = await addItem(t, conf, 'rooms', { name: 'Hall A' });
    const hallB = await addItem(t, conf, 'rooms', { name: 'Hall B', position: 1 });
    const lab = await addItem(t, conf, 'sessions', {
      title: 'Robot lab',
      durationMinutes: 45,
      status: 'confirmed',
      signupCapacity: 10,
    });
    const slot = await addItem(t, conf, 'slots', {
      sessionId: lab.id,
      roomId: hallA.id,
      startsAt: '2027-05-01T08:00:00Z',
    });
    expect((await releaseSchedule(t, conf, 'First')).status).toBe(201);

    // Jo agreed to SMS and bought a second ticket for a colleague; Kai gave a phone, no consent.
    type Order = { id: string; accessKey: string; tickets: { id: string }[] };
    const jo = await json<Order>(
      await registerRaw(t, conf, {
        ticketTypeId: type,
        quantity: 2,
        attendee: { name: 'Jo', email: 'jo@example.org', phone: '+49 30 3333333', smsOptIn: true },
        attendees: [
          { name: 'Jo', email: 'jo@example.org' },
          { name: 'Lu', email: 'lu@example.org' },
        ],
      }),
      201,
    );
    const kai = await json<Order>(
      await register(
        { name: 'Kai', email: 'kai@example.org', phone: '+49 30 4444444' },
        conf,
        type,
      ),
      201,
    );
    const signUp = async (order: Order, ticket: { id: string }) =>
      expect(
        (
          await t.api(agendaPath(ticket.id, `/signups/${lab.id}`), {
            method: 'POST',
            token: null,
            headers: { 'x-access-key': order.accessKey },
          })
        ).status,
      ).toBe(201);
    await signUp(jo, jo.tickets[0]!);
    await signUp(jo, jo.tickets[1]!);
    await signUp(kai, kai.tickets[0]!);

    await patchItem(t, conf, 'slots', slot.id, {
      roomId: hallB.id,
      startsAt: '2027-05-01T10:00:00Z',
      endsAt: '2027-05-01T10:45:00Z',
    });
    expect((await releaseSchedule(t, conf, 'The lab moves')).status).toBe(201);

    // Each ticket's mail is queued with the SMS it would have.
    const scheduleRows = async (order: Order) =>
      (await messages(`orderId=${order.id}`)).filter((m) => m.kind === 'schedule_changed');
    await until('the three mails queued', async () =>
      (await scheduleRows(jo)).filter((m) => m.channel === 'email').length === 2 &&
      (await scheduleRows(kai)).length === 1
        ? true
        : undefined,
    );
    const sms = await until('the SMS', arrived('+49303333333'));
    // 08:00Z is 10:00 in Berlin; now 12:00 in Hall B.
    expect(sms.body).toMatch(
      new RegExp(
        '^SmsConf: Jo, changes to your programme: Robot lab now 2027-05-01 12:00, Hall B\\. ' +
          `Your programme:\\n${t.url}/t/${jo.tickets[0]!.id}/agenda\\?key=\\S+$`,
      ),
    );
    const joSms = (await scheduleRows(jo)).filter((m) => m.channel === 'sms');
    expect(joSms).toMatchObject([{ recipient: '+49303333333' }]);
    expect(gateway.received.filter((s) => s.to === '+49303333333')).toHaveLength(1);
    expect((await scheduleRows(kai)).map((m) => m.channel)).toEqual(['email']);
    expect(gateway.received.filter((s) => s.to === '+49304444444')).toEqual([]);
  });

  it('texts a buyer who agreed that a place in a full session came free for them', async () => {
    const conf = (
      await createEvent(t, {
        name: 'LabConf',
        attendeePhone: 'optional',
        smsKinds: ['session_signup_promoted'],
      })
    ).id;
    const type = await createTicketType(t, conf, { priceCents: 0, quantity: 10 });
    const lab = await addItem(t, conf, 'sessions', {
      title: 'Solder lab',
      durationMinutes: 45,
      status: 'confirmed',
      signupCapacity: 1,
    });
    type Order = { id: string; accessKey: string; tickets: { id: string }[] };
    const buy = async (attendee: Record<string, unknown>) =>
      json<Order>(await register(attendee, conf, type), 201);
    const signup = (o: Order, method: string) =>
      t.api(agendaPath(o.tickets[0]!.id, `/signups/${lab.id}`), {
        method,
        token: null,
        headers: { 'x-access-key': o.accessKey },
      });
    const mo = await buy({ name: 'Mo', email: 'mo@example.org' });
    const ned = await buy({
      name: 'Ned',
      email: 'ned@example.org',
      phone: '+49 30 6666666',
      smsOptIn: true,
    });
    expect(await json(await signup(mo, 'POST'), 201)).toEqual({ status: 'confirmed' });
    expect(await json(await signup(ned, 'POST'), 201)).toEqual({ status: 'waitlisted' });
    expect((await signup(mo, 'DELETE')).status).toBe(204);
    const sms = await until('the SMS', arrived('+49306666666'));
    expect(sms.body).toMatch(
      new RegExp(
        '^LabConf: Ned, a place came free in Solder lab and it is yours now:\\n' +
          `${t.url}/t/${ned.tickets[0]!.id}/agenda\\?key=\\S+&session=${lab.id}$`,
      ),
    );
  });

  it('keeps names with line breaks and non-Latin letters on one line, counted as UCS-2', async () => {
    const name = 'Eve\r\nSTOP\u2028Ωмега 😀 <script>';
    const order = await json<{ id: string }>(
      await register({ name, email: 'eve@example.org', phone: '+49 30 2222222', smsOptIn: true }),
      201,
    );
    const sms: ReceivedSms = await until('the SMS', arrived('+49302222222'));
    const lines = sms.body.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('Eve STOP Ωмега 😀 <script>, your order is confirmed');
    expect(lines[1]).toMatch(new RegExp(`^${t.url}/o/${order.id}\\?key=\\S+$`));
    const row = await until('recorded', async () => {
      const [m] = await smsOf(order.id);
      return m?.status === 'sent' ? m : undefined;
    });
    expect(row.subject).toMatch(/\[\d SMS, UCS-2\]$/);
  });
});

describe('SMS through Twilio', () => {
  const sid = `AC${'1'.repeat(32)}`;
  const token = 'twilio-auth-token';
  const from = '+15005550006';
  let t: TestServer;
  let twilio: Awaited<ReturnType<typeof startTwilioStandIn>>;
  let eventId: string;
  let ticketTypeId: string;
  const { smsOf } = suite(() => t);

  beforeAll(async () => {
    twilio = await startTwilioStandIn(sid, token, from);
    t = await startTestServer('postgres', {
      TWILIO_ACCOUNT_SID: sid,
      TWILIO_AUTH_TOKEN: token,
      TWILIO_FROM: from,
      TWILIO_API_URL: twilio.url,
      NOTIFY_RETRY_BASE_MS: '100',
      NOTIFY_RETRY_CAP_MS: '300',
    });
    eventId = (await createEvent(t, { attendeePhone: 'required', smsKinds: ['order_confirmed'] }))
      .id;
    ticketTypeId = await createTicketType(t, eventId, { priceCents: 0, quantity: 100 });
  });
  afterAll(async () => {
    await t?.stop();
    await twilio?.stop();
  });

  const register = (phone: string) =>
    registerRaw(t, eventId, {
      ticketTypeId,
      quantity: 1,
      attendee: { name: 'Ida', email: `ida-${phone.slice(-4)}@example.org`, phone, smsOptIn: true },
    });

  it('posts To, From and Body with basic auth and records the message SID', async () => {
    const order = await json<{ id: string }>(await register('+1 415 555 2671'), 201);
    const sms = await until('the SMS', () => twilio.received.find((s) => s.to === '+14155552671'));
    const row = await until('recorded', async () => {
      const [m] = await smsOf(order.id);
      return m?.status === 'sent' ? m : undefined;
    });
    expect(row.providerId).toBe(sms.id);
    expect(row.providerId).toMatch(/^SM\d{32}$/);
    expect(twilio.rejected).toEqual([]);
  });

  it('retries a Twilio 503 and dead-letters error 21211 (invalid To) with its message', async () => {
    twilio.answers.set('+14155552672', [503]);
    const retried = await json<{ id: string }>(await register('+1 415 555 2672'), 201);
    twilio.answers.set('+14155552673', [400]);
    twilio.errorCode.set('+14155552673', 21211);
    const refused = await json<{ id: string }>(await register('+1 415 555 2673'), 201);
    const sent = await until('sent after a retry', async () => {
      const [m] = await smsOf(retried.id);
      return m?.status === 'sent' ? m : undefined;
    });
    expect(sent.attempts).toBe(2);
    const dead = await until('the dead letter', async () => {
      const [m] = await smsOf(refused.id);
      return m?.status === 'dead' ? m : undefined;
    });
    expect(dead.attempts).toBe(1);
    expect(dead.lastError).toBe('Twilio answered 400 (error 21211): error 21211');
  });
});
