import { readdirSync, readFileSync } from 'node:fs';
import { jest } from '@jest/globals';
import type { DbKind } from '../src/test-support/databases.js';
import { startTestServer, type TestServer } from './harness.js';
import { startMailSink, type MailSink } from './mail-sink.js';
import { createEvent, createTicketType, json, registerRaw } from './registration-fixtures.js';

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
  let t: TestServer;

  beforeAll(async () => {
    sink = await startMailSink();
    t = await startTestServer(kind, { SMTP_URL: sink.url });
  });
  afterAll(async () => {
    await t?.stop();
    await sink?.stop();
  });

  it('sends the confirmation and counts it in /metrics', async () => {
    const eventId = (await createEvent(t)).id;
    const ticketTypeId = await createTicketType(t, eventId, { priceCents: 0, quantity: 10 });
    json(
      await registerRaw(t, eventId, {
        ticketTypeId,
        quantity: 1,
        attendee: { name: 'Ada', email: 'ada@example.org' },
      }),
      201,
    );
    await sink.waitFor(1, (m) => m.envelopeTo.includes('ada@example.org'), 90_000);
    // The count is recorded after the SMTP server's answer, and from a thread, a moment later.
    let metrics = '';
    for (let i = 0; i < 100 && !metrics.includes('kind="order_confirmed"} 1'); i++) {
      metrics = await (await t.api('/metrics', { token: null })).text();
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(metrics).toContain('lanyard_notifications_sent_total{kind="order_confirmed"} 1');
  });

  it(`runs ${kind === 'postgres' ? 'a thread at nice 10' : 'no thread at nice 10'}`, () => {
    expect(threadNiceValues().includes(10)).toBe(kind === 'postgres');
  });
});
