import { jest } from '@jest/globals';
import { startTestServer, type TestServer } from './harness.js';
import { startMailSink, type MailSink } from './mail-sink.js';
import { createEvent, createTicketType, json, registerRaw } from './registration-fixtures.js';

interface Texts {
  placeholders: string[];
  items: {
    kind: string;
    subject: string | null;
    intro: string | null;
    defaults: { subject: string; intro: string };
  }[];
}

// A confirmation goes through the relay, the renderer (PDFs) and SMTP.
jest.setTimeout(60_000);

describe("an event's own subject and intro of a mail", () => {
  let sink: MailSink;
  let t: TestServer;
  let eventId: string;
  let typeId: string;
  const textsPath = () => `/api/v1/events/${eventId}/message-texts`;
  const confirmed = () => `${textsPath()}/order_confirmed`;
  const texts = async () => json<Texts>(await t.api(textsPath()), 200);
  const register = async (name: string, email: string) =>
    json(
      await registerRaw(t, eventId, {
        ticketTypeId: typeId,
        quantity: 1,
        attendee: { name, email },
      }),
      201,
    );

  beforeAll(async () => {
    sink = await startMailSink();
    t = await startTestServer('postgres', { SMTP_URL: sink.url });
    eventId = (await createEvent(t, { name: 'Rust Days' })).id;
    typeId = await createTicketType(t, eventId, { priceCents: 0, quantity: 50 });
  });
  afterAll(async () => {
    await t?.stop();
    await sink?.stop();
  });

  it("lists the catalog's texts with placeholders until the event has its own", async () => {
    const list = await texts();
    expect(list.placeholders).toEqual(expect.arrayContaining(['name', 'event', 'amount']));
    const item = list.items.find((i) => i.kind === 'order_confirmed')!;
    expect(item).toMatchObject({ subject: null, intro: null });
    expect(item.defaults.subject).toBe('Your tickets for {event}');
  });

  it('refuses an unknown placeholder or a subject of two lines, and keeps nothing', async () => {
    const bad = await t.api(confirmed(), {
      method: 'PUT',
      body: { subject: 'See you, {firstname}!', intro: 'Welcome to {evnt}.' },
    });
    expect(bad.status).toBe(400);
    const problem = (await bad.json()) as { code: string; errors: { field: string }[] };
    expect(problem.code).toBe('unknown_placeholder');
    expect(problem.errors.map((e) => e.field).sort()).toEqual(['intro', 'subject']);
    const twoLines = await t.api(confirmed(), {
      method: 'PUT',
      body: { subject: 'Hi\r\nBcc: all@example.org' },
    });
    expect(twoLines.status).toBe(400);
    expect((await texts()).items.find((i) => i.kind === 'order_confirmed')).toMatchObject({
      subject: null,
      intro: null,
    });
  });

  it('previews the texts with the latest buyer’s data, its QR codes shown inline', async () => {
    await register('Ann Early', 'ann@example.org');
    await sink.waitFor(1, (m) => m.envelopeTo.includes('ann@example.org'));
    const preview = await json<{ to: string; subject: string; html: string; text: string }>(
      await t.api(`${confirmed()}/preview`, {
        body: { subject: '{name}, your place at {event}', intro: 'See you soon, {name}.' },
      }),
      200,
    );
    expect(preview.to).toBe('ann@example.org');
    expect(preview.subject).toBe('Ann Early, your place at Rust Days');
    expect(preview.text).toContain('See you soon, Ann Early.');
    expect(preview.html).toMatch(/<img[^>]+src="data:image\/png;base64,/);
    expect(preview.html).not.toContain('cid:');
  });

  it('sends mails queued after saving with the texts, and the catalog’s again once cleared', async () => {
    const saved = await json<{ subject: string; intro: string }>(
      await t.api(confirmed(), {
        method: 'PUT',
        body: { subject: '{name}, your place at {event}', intro: 'Doors open at 9, {name}.' },
      }),
      200,
    );
    expect(saved).toMatchObject({ subject: '{name}, your place at {event}' });
    await register('Bo <b>Bold</b>', 'bo@example.org');
    const [bo] = await sink.waitFor(1, (m) => m.envelopeTo.includes('bo@example.org'));
    expect(bo!.parsed.subject).toBe('Bo <b>Bold</b>, your place at Rust Days');
    expect(bo!.parsed.text).toContain('Doors open at 9, Bo <b>Bold</b>.');
    // The organizer's text is text in the HTML too: the attendee's name cannot add markup.
    expect(bo!.parsed.html).toContain('Doors open at 9, Bo &lt;b&gt;Bold&lt;/b&gt;.');

    await json(
      await t.api(confirmed(), { method: 'PUT', body: { subject: null, intro: '' } }),
      200,
    );
    await register('Cy Plain', 'cy@example.org');
    const [cy] = await sink.waitFor(1, (m) => m.envelopeTo.includes('cy@example.org'));
    expect(cy!.parsed.subject).toBe('Your tickets for Rust Days');
  });
});
