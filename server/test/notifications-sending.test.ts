import { readdirSync, readFileSync } from 'node:fs';
import { jest } from '@jest/globals';
import type { DbKind } from '../src/test-support/databases.js';
import { startTestServer, type TestServer } from './harness.js';
import { startMailSink, type MailSink } from './mail-sink.js';
import { createEvent, createTicketType, json, registerRaw } from './registration-fixtures.js';
import { startSmsGateway } from './sms-receivers.js';

const SMS_SECRET = 'test-gateway-secret-0123456789';

// The first mail waits for the renderer to load fonts and templates: seconds on a busy machine.
jest.setTimeout(120_000);

/** Nice values of this process's threads (the server runs in the test's process). */
function threadNiceValues(): number[] {
  return readdirSync('/proc/self/task').map((tid) => {
    const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    // Field 19 (nice) counts from the pid; the command name in parentheses may hold spaces.
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]);
  });
}

describe.each<[DbKind, string]>([
  ['postgres', 'on a thread of its own, below the priority of the threads answering requests'],
  ['pglite', 'on the event loop, beside the embedded database'],
])('mail sending on %s: %s', (kind) => {
  let sink: MailSink;
  let gateway: Awaited<ReturnType<typeof startSmsGateway>>;
  let t: TestServer;

  beforeAll(async () => {
    sink = await startMailSink();
    gateway = await startSmsGateway(SMS_SECRET);
    t = await startTestServer(kind, {
      SMTP_URL: sink.url,
      SMS_GATEWAY_URL: `${gateway.url}/send`,
      SMS_GATEWAY_SECRET: SMS_SECRET,
    });
  });
  afterAll(async () => {
    await t?.stop();
    await sink?.stop();
    await gateway?.stop();
  });

  it('sends the confirmation by mail and SMS and counts each by its channel in /metrics', async () => {
    const eventId = (
      await createEvent(t, {
        attendeePhone: 'optional',
        phoneRegion: 'DE',
        smsKinds: ['order_confirmed'],
      })
    ).id;
    const ticketTypeId = await createTicketType(t, eventId, { priceCents: 0, quantity: 10 });
    json(
      await registerRaw(t, eventId, {
        ticketTypeId,
        quantity: 1,
        attendee: { name: 'Ada', email: 'ada@example.org', phone: '030 1234567', smsOptIn: true },
      }),
      201,
    );
    await sink.waitFor(1, (m) => m.envelopeTo.includes('ada@example.org'), 90_000);
    // Each count is recorded after the receiver's answer (the mail's from a thread), a moment later.
    const counted = (channel: string) =>
      `lanyard_notifications_sent_total{kind="order_confirmed",channel="${channel}"} 1`;
    const both = (text: string) => text.includes(counted('email')) && text.includes(counted('sms'));
    let metrics = '';
    for (let i = 0; i < 200 && !both(metrics); i++) {
      metrics = await (await t.api('/metrics', { token: null })).text();
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(metrics).toContain(counted('email'));
    expect(metrics).toContain(counted('sms'));
    expect(gateway.received.map((m) => m.to)).toEqual(['+49301234567']);
  });

  it(`runs ${kind === 'postgres' ? 'a thread at nice 10' : 'no thread at nice 10'}`, () => {
    expect(threadNiceValues().includes(10)).toBe(kind === 'postgres');
  });
});
