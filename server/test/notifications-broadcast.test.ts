import { jest } from '@jest/globals';
import { startTestServer, type TestServer } from './harness.js';
import { startMailSink, type MailSink, type ReceivedMail } from './mail-sink.js';
import { createEvent, createTicketType, json, registerRaw } from './registration-fixtures.js';

interface Broadcast {
  id: string;
  status: string;
  recipients: number | null;
  progress: { queued: number; failed: number; sent: number; dead: number };
}

// Mail goes through the relay, the renderer (PDFs) and SMTP: seconds on a busy two-core machine.
jest.setTimeout(120_000);

describe('organizer messages to many attendees', () => {
  let sink: MailSink;
  let t: TestServer;
  let eventId: string;
  let regular: string;
  let vip: string;

  beforeAll(async () => {
    sink = await startMailSink();
    t = await startTestServer('postgres', { SMTP_URL: sink.url, NOTIFY_BULK_PER_SECOND: '4' });
    eventId = (await createEvent(t)).id;
    regular = await createTicketType(t, eventId, { priceCents: 0, quantity: 100 });
    vip = await createTicketType(t, eventId, { priceCents: 0, quantity: 100 });
    const people = [
      ['Ann Regular', 'ann@example.org', regular],
      ['Bob Regular', 'bob@example.org', regular],
      ['Cy Regular', 'cy@example.org', regular],
      ['Dee Regular', 'dee@example.org', regular],
      ['Eve <b>Vip</b>', 'eve@example.org', vip],
    ] as const;
    const tokens: string[] = [];
    for (const [name, email, type] of people) {
      const order = await json<{ tickets: { token: string }[] }>(
        await registerRaw(t, eventId, {
          ticketTypeId: type,
          quantity: 1,
          attendee: { name, email },
        }),
        201,
      );
      tokens.push(order.tickets[0]!.token);
    }
    // Ann is inside already.
    const scan = await json<{ result: string }>(
      await t.api(`/api/v1/events/${eventId}/checkins`, { body: { token: tokens[0] } }),
      200,
    );
    expect(scan.result).toBe('admitted');
    await sink.waitFor(5, (m) => /Your tickets/.test(m.parsed.subject ?? ''));
  });
  afterAll(async () => {
    await t?.stop();
    await sink?.stop();
  });

  const organizerMail = (m: ReceivedMail) => m.parsed.subject === 'Doors open at 9';
  const message = {
    subject: 'Doors open at 9',
    body: 'Bring your ticket.\nThe <b>east</b> entrance is closed.',
  };

  it('previews the message with a real attendee’s data and counts who it reaches', async () => {
    const preview = await json<{
      recipients: number;
      sample: { to: string; subject: string; html: string; text: string };
    }>(
      await t.api(`/api/v1/events/${eventId}/broadcasts/preview`, {
        body: { ...message, ticketTypeIds: [vip] },
      }),
      200,
    );
    expect(preview.recipients).toBe(1);
    expect(preview.sample.to).toBe('eve@example.org');
    expect(preview.sample.html).toContain('Hello Eve &lt;b&gt;Vip&lt;/b&gt;,');
    expect(preview.sample.html).toContain('The &lt;b&gt;east&lt;/b&gt; entrance is closed.');
    expect(preview.sample.text).toContain('Bring your ticket.');
    expect(sink.mails.filter(organizerMail)).toEqual([]);
  });

  it('sends to the regular ticket holders not checked in, at the set pace, and shows the progress', async () => {
    const created = await json<Broadcast>(
      await t.api(`/api/v1/events/${eventId}/broadcasts`, {
        body: { ...message, ticketTypeIds: [regular], checkedIn: false },
      }),
      201,
    );
    const mails = await sink.waitFor(3, organizerMail, 20_000);
    expect(mails.map((m) => m.envelopeTo[0]).sort()).toEqual([
      'bob@example.org',
      'cy@example.org',
      'dee@example.org',
    ]);
    expect(mails[0]!.parsed.text).toContain('The <b>east</b> entrance is closed.');
    // Four a second: the third is due half a second after the first.
    const until = Date.now() + 20_000;
    let b: Broadcast;
    do {
      b = await json<Broadcast>(await t.api(`/api/v1/broadcasts/${created.id}`), 200);
    } while (b.progress.sent < 3 && Date.now() < until);
    expect(b).toMatchObject({ status: 'queued', recipients: 3, progress: { sent: 3, queued: 0 } });
    const { rows } = await t.server.db.query<{ spread: number }>(
      `SELECT extract(epoch FROM max(sent_at) - min(sent_at))::float8 AS spread
       FROM notification_messages WHERE broadcast_id = $1`,
      [created.id],
    );
    expect(rows[0]!.spread).toBeGreaterThanOrEqual(0.4);
  });

  it('sends a message scheduled for later only once its time has come', async () => {
    const at = new Date(Date.now() + 1500);
    const created = await json<Broadcast>(
      await t.api(`/api/v1/events/${eventId}/broadcasts`, {
        body: {
          subject: 'Later',
          body: 'Scheduled.',
          ticketTypeIds: [vip],
          sendAt: at.toISOString(),
        },
      }),
      201,
    );
    expect(created.status).toBe('scheduled');
    const [mail] = await sink.waitFor(1, (m) => m.parsed.subject === 'Later', 20_000);
    expect(mail!.envelopeTo).toEqual(['eve@example.org']);
    expect(Date.now()).toBeGreaterThanOrEqual(at.getTime());

    const past = await t.api(`/api/v1/events/${eventId}/broadcasts`, {
      body: { subject: 'Past', body: 'x', sendAt: '2020-01-01T00:00:00Z' },
    });
    expect(past.status).toBe(400);
    const empty = await t.api(`/api/v1/events/${eventId}/broadcasts`, {
      body: { subject: '', body: 'x' },
    });
    expect(empty.status).toBe(400);
  });
});
