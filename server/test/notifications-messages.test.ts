import { jest } from '@jest/globals';
import { startTestServer, type TestServer } from './harness.js';
import { zbarPng } from '../../hardware/test/support/zbar.js';
import { startMailSink, type MailSink, type ReceivedMail } from './mail-sink.js';
import { createEvent, createTicketType, json, registerRaw } from './registration-fixtures.js';

interface Registered {
  id: string;
  accessKey: string;
  tickets: { id: string; token: string }[];
}

// Mail goes through the relay, the renderer (PDFs) and SMTP: seconds on a busy two-core machine.
jest.setTimeout(120_000);

describe('attendee messages from the outbox, resends and “send me my tickets again”', () => {
  let sink: MailSink;
  let t: TestServer;
  let eventId: string;
  let ticketTypeId: string;

  beforeAll(async () => {
    sink = await startMailSink();
    t = await startTestServer('postgres', {
      SMTP_URL: sink.url,
      NOTIFY_RETRY_BASE_MS: '200',
      RATE_LIMITS: 'on',
    });
    eventId = (await createEvent(t)).id;
    ticketTypeId = await createTicketType(t, eventId, { priceCents: 0, quantity: 1000 });
  });
  afterAll(async () => {
    await t?.stop();
    await sink?.stop();
  });

  const register = async (name: string, email: string, type = ticketTypeId) =>
    json<Registered>(
      await registerRaw(t, eventId, { ticketTypeId: type, quantity: 1, attendee: { name, email } }),
      201,
    );
  const to = (address: string) => (m: ReceivedMail) => m.envelopeTo.includes(address);
  const subjects = async (address: string, count: number) =>
    (await sink.waitFor(count, to(address))).map((m) => m.parsed.subject);

  it('tells both holders of a transferred ticket: the new one gets the new ticket, the old one a notice', async () => {
    const order = await register('Old Holder', 'old@example.org');
    await sink.waitFor(1, to('old@example.org'));
    const res = await t.api(`/api/v1/tickets/${order.tickets[0]!.id}/transfer`, {
      body: { attendee: { name: 'New Holder', email: 'new@example.org' } },
    });
    expect(res.status).toBe(200);
    const { token } = (await res.json()) as { token: string };
    const [mail] = await sink.waitFor(1, to('new@example.org'));
    expect(mail!.parsed.subject).toBe('A ticket for DevConf 2027 was passed to you');
    const qr = mail!.parsed.attachments.find((a) => a.contentType === 'image/png')!;
    expect(await zbarPng(qr.content)).toBe(token);
    expect(mail!.parsed.text).toMatch(new RegExp(`/t/${order.tickets[0]!.id}\\?key=`));
    expect(await subjects('old@example.org', 2)).toEqual([
      'Your tickets for DevConf 2027',
      'Your ticket for DevConf 2027 was transferred',
    ]);
  });

  it('tells the attendee when an order is cancelled and when a ticket is revoked', async () => {
    const a = await register('Cancelled', 'cancelled@example.org');
    await t.api(`/api/v1/orders/${a.id}/cancel`, { body: { reason: 'Duplicate order' } });
    const b = await register('Revoked', 'revoked@example.org');
    await t.api(`/api/v1/tickets/${b.tickets[0]!.id}/revoke`, { body: { reason: 'Misuse' } });
    const cancelled = await sink.waitFor(2, to('cancelled@example.org'));
    expect(cancelled.map((m) => m.parsed.subject)).toContain(
      'Your order for DevConf 2027 is cancelled',
    );
    expect(cancelled.find((m) => /cancelled/.test(m.parsed.subject ?? ''))!.parsed.text).toContain(
      'Reason: Duplicate order',
    );
    expect(await subjects('revoked@example.org', 2)).toContain(
      'Your ticket for DevConf 2027 was revoked',
    );
  });

  it('tells a person on the waiting list their position', async () => {
    const full = await createTicketType(t, eventId, { priceCents: 0, quantity: 1 });
    await register('Lucky', 'lucky@example.org', full);
    const res = await registerRaw(t, eventId, {
      ticketTypeId: full,
      quantity: 1,
      attendee: { name: 'Waiting', email: 'waiting@example.org' },
      joinWaitlist: true,
    });
    expect(res.status).toBe(202);
    const [mail] = await sink.waitFor(1, to('waiting@example.org'));
    expect(mail!.parsed.subject).toBe('You are on the waiting list for DevConf 2027');
    expect(mail!.parsed.text).toMatch(/You are number \d+ on the waiting list/);
    expect(mail!.parsed.text).toMatch(/\/w\/[0-9a-f-]+\?key=/);
  });

  it('resends an order’s confirmation for the organizer and logs both sends', async () => {
    const order = await register('Forgetful', 'forgetful@example.org');
    await sink.waitFor(1, to('forgetful@example.org'));
    const res = await t.api(`/api/v1/orders/${order.id}/resend`, { method: 'POST' });
    expect(res.status).toBe(202);
    const mails = await sink.waitFor(2, to('forgetful@example.org'));
    expect(mails[0]!.parsed.messageId).not.toBe(mails[1]!.parsed.messageId);
    const log = await json<{ items: { kind: string; status: string }[] }>(
      await t.api(`/api/v1/messages?orderId=${order.id}`),
      200,
    );
    expect(log.items.map((m) => m.kind)).toEqual(['order_confirmed', 'order_confirmed']);

    expect(
      (await t.api(`/api/v1/orders/${order.id}/resend`, { method: 'POST', token: null })).status,
    ).toBe(401);
  });

  it('answers “send me my tickets again” the same for a registered and an unknown address, and mails only the registered one', async () => {
    const order = await register('Returning', 'returning@example.org');
    await sink.waitFor(1, to('returning@example.org'));
    const ask = (email: string) =>
      t.api(`/api/v1/public/events/${eventId}/tickets-again`, { body: { email }, token: null });
    const known = await ask('Returning@Example.org');
    const unknown = await ask('stranger@example.org');
    expect(known.status).toBe(202);
    expect(unknown.status).toBe(202);
    expect(await known.json()).toEqual(await unknown.json());

    const [, again] = await sink.waitFor(2, to('returning@example.org'));
    expect(again!.parsed.subject).toBe('Your links for DevConf 2027');
    expect(again!.parsed.text).toContain(
      `/o/${order.id}?key=${encodeURIComponent(order.accessKey)}`,
    );
    expect(sink.mails.filter(to('stranger@example.org'))).toEqual([]);

    const bad = await ask('not-an-address');
    expect(bad.status).toBe(400);
  });

  it('rate limits “send me my tickets again” per client', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await t.api(`/api/v1/public/events/${eventId}/tickets-again`, {
        body: { email: `probe-${i}@example.org` },
        token: null,
      });
      statuses.push(res.status);
      if (res.status === 429) expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
    }
    expect(statuses).toContain(429);
  });
});
