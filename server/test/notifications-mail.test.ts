import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { jest } from '@jest/globals';
import ICAL from 'ical.js';
import { startTestServer, type TestServer } from './harness.js';
import { zbarPdf, zbarPng } from '../../hardware/test/support/zbar.js';
import { startMailSink, type MailSink, type ReceivedMail } from './mail-sink.js';
import { createEvent, createTicketType, json, registerRaw } from './registration-fixtures.js';
import { createPaidSale } from '../src/features/payments/test-support/payment-fixtures.js';

interface Registered {
  id: string;
  accessKey: string;
  tickets: { id: string; token: string }[];
}

/** A PDF's text as poppler's pdftotext reads it. */
async function pdfText(pdf: Buffer): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'lanyard-mail-pdf-'));
  try {
    await writeFile(join(dir, 'doc.pdf'), pdf);
    const { stdout } = await promisify(execFile)('pdftotext', [join(dir, 'doc.pdf'), '-']);
    return stdout.replace(/\s+/g, ' ');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const FAST_RETRIES = {
  NOTIFY_RETRY_BASE_MS: '100',
  NOTIFY_RETRY_CAP_MS: '400',
  NOTIFY_MAX_ATTEMPTS: '100',
};

// Mail goes through the relay, the renderer (PDFs) and SMTP: seconds on a busy two-core machine.
jest.setTimeout(120_000);

describe('order confirmation by mail', () => {
  let sink: MailSink;
  let t: TestServer;
  let eventId: string;
  let ticketTypeId: string;

  beforeAll(async () => {
    sink = await startMailSink();
    t = await startTestServer('postgres', {
      SMTP_URL: sink.url,
      MAIL_FROM: 'DevConf <tickets@devconf.example>',
      ...FAST_RETRIES,
    });
    eventId = (await createEvent(t, { venue: 'Hall 7, Berlin' })).id;
    ticketTypeId = await createTicketType(t, eventId, {
      priceCents: 0,
      quantity: 1000,
      maxPerOrder: 5,
    });
    // A server that just started is still loading fonts and compiling templates (seconds under
    // jest on a busy machine); the timing below is of a running server.
    await register('Early Bird', 'early@example.org');
    await sink.waitFor(1, to('early@example.org'), 90_000);
  });
  afterAll(async () => {
    await t?.stop();
    await sink?.stop();
  });

  const to = (address: string) => (m: ReceivedMail) => m.envelopeTo.includes(address);
  const register = async (name: string, email: string, quantity = 1) =>
    json<Registered>(
      await registerRaw(t, eventId, { ticketTypeId, quantity, attendee: { name, email } }),
      201,
    );

  it('arrives within 2 s of the registration', async () => {
    const started = Date.now();
    await register('Grace Hopper', 'grace@example.org');
    await sink.waitFor(1, to('grace@example.org'), 2000);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('carries each ticket’s QR inline, a PDF per ticket, the event’s calendar file and the portal link', async () => {
    const order = await register('Ada Lovelace', 'ada@example.org', 2);
    const [mail] = await sink.waitFor(1, to('ada@example.org'));
    const { parsed } = mail!;

    expect(parsed.subject).toBe('Your tickets for DevConf 2027');
    expect(parsed.from?.value).toEqual([{ name: 'DevConf', address: 'tickets@devconf.example' }]);
    expect(parsed.messageId).toMatch(/^<[0-9a-f-]{36}@devconf\.example>$/);

    const tokens = order.tickets.map((x) => x.token).sort();
    const inline = parsed.attachments.filter((a) => a.contentType === 'image/png');
    expect(inline).toHaveLength(2);
    for (const image of inline) {
      expect(parsed.html).toContain(`cid:${image.cid}`);
      expect(image.contentDisposition).toBe('inline');
    }
    expect((await Promise.all(inline.map((a) => zbarPng(a.content)))).sort()).toEqual(tokens);

    const pdfs = parsed.attachments.filter((a) => a.contentType === 'application/pdf');
    expect(pdfs).toHaveLength(2);
    const pdfTokens = (await Promise.all(pdfs.map((p) => zbarPdf(p.content)))).flat().sort();
    expect(pdfTokens).toEqual(tokens);

    const ics = parsed.attachments.find((a) => a.contentType.startsWith('text/calendar'))!;
    const vevent = new ICAL.Component(
      ICAL.parse(ics.content.toString('utf8')),
    ).getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('summary')).toBe('DevConf 2027');
    expect(vevent.getFirstPropertyValue('location')).toBe('Hall 7, Berlin');
    expect((vevent.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate().toISOString()).toBe(
      '2027-05-01T09:00:00.000Z',
    );

    const link = `${t.url}/o/${order.id}?key=${encodeURIComponent(order.accessKey)}`;
    expect(parsed.html).toContain(link.replace(/&/g, '&amp;'));
    expect(parsed.text).toContain(link);
    const opened = await fetch(
      `${t.url}/api/v1/orders/${order.id}?key=${encodeURIComponent(order.accessKey)}`,
    );
    expect(opened.status).toBe(200);
  });

  it('after a payment, says so and attaches the invoice as issued', async () => {
    const sale = await createPaidSale(t, { priceCents: 11900 });
    const order = await json<Registered>(
      await registerRaw(t, sale.eventId, {
        ticketTypeId: sale.ticketTypeId,
        quantity: 1,
        attendee: { name: 'Paying Pat', email: 'pat@example.org' },
      }),
      201,
    );
    const paid = await json<{ order: { invoices: { kind: string; number: string }[] } }>(
      await t.api(`/api/v1/orders/${order.id}/mark-paid`, { method: 'POST', body: {} }),
      200,
    );
    const number = paid.order.invoices[0]!.number;
    const [mail] = await sink.waitFor(
      1,
      (m) => to('pat@example.org')(m) && m.parsed.subject?.startsWith('Payment received') === true,
    );
    const { parsed } = mail!;
    expect(parsed.text).toContain(`Invoice ${number} is attached as a PDF.`);
    const invoice = parsed.attachments.find((a) => a.filename === `invoice-${number}.pdf`);
    const text = await pdfText(invoice!.content);
    expect(text).toContain(`Invoice ${number}`);
    expect(text).toContain('Paying Pat');
    expect(text).toContain('119.00 EUR');
    // The ticket's own PDF still comes with it.
    expect(
      await zbarPdf(
        parsed.attachments.find(
          (a) => a.filename?.startsWith('ticket-') && a.contentType === 'application/pdf',
        )!.content,
      ),
    ).toEqual([order.tickets[0]!.token]);
  });

  it('sends an attendee named with a header injection one mail to one address, the name shown as text', async () => {
    const name = 'Eve\r\nBcc: everyone@example.org <script>';
    await register(name, 'eve@example.org');
    const [mail] = await sink.waitFor(1, to('eve@example.org'));
    // Give a stray Bcc copy the time it would need to arrive.
    await register('Marker', 'marker@example.org');
    await sink.waitFor(1, to('marker@example.org'));

    expect(sink.mails.filter((m) => m.envelopeTo.includes('everyone@example.org'))).toEqual([]);
    expect(mail!.envelopeTo).toEqual(['eve@example.org']);
    const head = mail!.raw.toString('utf8').split(/\r?\n\r?\n/)[0]!;
    expect(head).not.toMatch(/^bcc:/im);
    expect(mail!.parsed.to).toMatchObject({ value: [{ address: 'eve@example.org' }] });
    expect(mail!.parsed.html).toContain('Eve Bcc: everyone@example.org &lt;script&gt;');
    expect(mail!.parsed.html).not.toContain('<script>');
  });
});
