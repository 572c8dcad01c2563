import { jest } from '@jest/globals';
import { startTestServer, type TestServer } from './harness.js';
import { startMailSink, type MailSink, type ReceivedMail } from './mail-sink.js';
import { createEvent, createTicketType, json, registerRaw } from './registration-fixtures.js';

interface MessageBody {
  id: string;
  kind: string;
  status: string;
  recipient: string;
  lastError: string | null;
  attempts: number;
  providerId: string | null;
}

// Mail goes through the relay, the renderer (PDFs) and SMTP: seconds on a busy two-core machine.
jest.setTimeout(120_000);

describe('mail delivery: outages, refusals, dead letters', () => {
  let sink: MailSink;
  let t: TestServer;
  let eventId: string;
  let ticketTypeId: string;

  beforeAll(async () => {
    sink = await startMailSink();
    t = await startTestServer('postgres', {
      SMTP_URL: sink.url,
      NOTIFY_RETRY_BASE_MS: '200',
      NOTIFY_RETRY_CAP_MS: '1000',
      NOTIFY_MAX_ATTEMPTS: '100',
    });
    eventId = (await createEvent(t)).id;
    ticketTypeId = await createTicketType(t, eventId, { priceCents: 0, quantity: 1000 });
  });
  afterAll(async () => {
    await t?.stop();
    await sink?.stop();
  });

  const register = async (name: string, email: string) =>
    json<{ id: string }>(
      await registerRaw(t, eventId, { ticketTypeId, quantity: 1, attendee: { name, email } }),
      201,
    );
  const to = (address: string) => (m: ReceivedMail) => m.envelopeTo.includes(address);
  const messages = async (query: string) =>
    (await json<{ items: MessageBody[] }>(await t.api(`/api/v1/messages?${query}`), 200)).items;
  const until = async <T>(what: string, get: () => Promise<T | undefined>, ms = 50_000) => {
    const end = Date.now() + ms;
    for (;;) {
      const v = await get();
      if (v !== undefined) return v;
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  it('delivers every confirmation once when the SMTP server is down while people register, then back', async () => {
    await register('Before', 'before@example.org');
    await sink.waitFor(1, to('before@example.org'));
    await sink.stop();
    const count = 20;
    const emails = Array.from({ length: count }, (_, i) => `outage-${i}@example.org`);
    for (let i = 0; i < count; i += 10) {
      await Promise.all(emails.slice(i, i + 10).map((e) => register(e, e)));
    }
    // Every one is queued and has failed at least once while the server was down.
    await until('failed attempts', async () => {
      const failed = await messages(`eventId=${eventId}&status=failed&limit=500`);
      return failed.length === count ? failed : undefined;
    });
    expect(sink.mails.filter((m) => m.envelopeTo[0]!.startsWith('outage-'))).toEqual([]);

    await sink.start();
    await sink.waitFor(count, (m) => m.envelopeTo[0]!.startsWith('outage-'), 60_000);
    const sent = await until('all recorded as sent', async () => {
      const list = await messages(`eventId=${eventId}&status=sent&limit=500`);
      return list.filter((m) => m.recipient.startsWith('outage-')).length === count
        ? list
        : undefined;
    });
    // Give a duplicate the time it would need, then count per address.
    await register('After', 'after@example.org');
    await sink.waitFor(1, to('after@example.org'));
    const perAddress = new Map<string, number>();
    for (const m of sink.mails) {
      for (const a of m.envelopeTo) perAddress.set(a, (perAddress.get(a) ?? 0) + 1);
    }
    expect(emails.map((e) => perAddress.get(e))).toEqual(emails.map(() => 1));
    expect(sent.find((m) => m.recipient === emails[0])?.lastError).toBeNull();
    expect(sent.find((m) => m.recipient === emails[0])?.attempts).toBeGreaterThan(1);
  }, 120_000);

  it('lists a recipient the server refuses with 550 as dead with the reason; a retry to the fixed address delivers', async () => {
    sink.refuse.add('nobody@example.org');
    const order = await register('Nobody', 'nobody@example.org');
    const dead = await until('the dead letter', async () => {
      const list = await messages(`status=dead&orderId=${order.id}`);
      return list[0];
    });
    expect(dead).toMatchObject({ kind: 'order_confirmed', recipient: 'nobody@example.org' });
    expect(dead.lastError).toMatch(/550/);
    expect(sink.mails.filter(to('nobody@example.org'))).toEqual([]);

    const wrong = await t.api(`/api/v1/messages/${dead.id}/retry`, {
      body: { to: 'not an address' },
    });
    expect(wrong.status).toBe(400);

    const retried = await t.api(`/api/v1/messages/${dead.id}/retry`, {
      body: { to: 'somebody@example.org' },
    });
    expect(retried.status).toBe(202);
    await sink.waitFor(1, to('somebody@example.org'));
    const after = await until('the send recorded', async () => {
      const m = await json<MessageBody>(await t.api(`/api/v1/messages/${dead.id}`), 200);
      return m.status === 'sent' ? m : undefined;
    });
    expect(after.recipient).toBe('somebody@example.org');
    expect(after.providerId).toMatch(/^250/);

    const again = await t.api(`/api/v1/messages/${dead.id}/retry`, { body: {} });
    expect(again.status).toBe(409);
  }, 60_000);
});
