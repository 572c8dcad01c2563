import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTestServer, type TestServer } from './harness.js';
import {
  createPaidSale,
  json,
  registerFor,
  type PaidSale,
} from '../src/features/payments/test-support/payment-fixtures.js';

// Invoices and credit notes of paid orders, read back with poppler (pdftotext, pdftoppm) as
// the organizer's accountant would read them, and their numbers under concurrent payments.

const run = promisify(execFile);
const ARTIFACTS = new URL('../../test-artifacts/invoices/', import.meta.url).pathname;

async function pdfText(pdf: Buffer, name: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'lanyard-invoice-'));
  const file = join(dir, `${name}.pdf`);
  await writeFile(file, pdf);
  // Rendered too: a PDF poppler cannot draw fails here. The page image is kept to look at.
  await run('mkdir', ['-p', ARTIFACTS]);
  await run('pdftoppm', ['-png', '-r', '60', '-singlefile', file, join(ARTIFACTS, name)]);
  const { stdout } = await run('pdftotext', ['-layout', file, '-']);
  return stdout.replace(/[ \t]+/g, ' ');
}

const taxed = async (t: TestServer, sale: PaidSale, taxRate: number) =>
  json(
    await t.api(`/api/v1/events/${sale.eventId}/ticket-types/${sale.ticketTypeId}`, {
      method: 'PATCH',
      body: { taxRate },
    }),
    200,
  );

const markPaid = (t: TestServer, orderId: string) =>
  t.api(`/api/v1/orders/${orderId}/mark-paid`, { method: 'POST', body: {} });

describe('invoices [pglite]', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('pglite');
  });
  afterAll(() => t?.stop());

  it('issues an invoice with the legal details and tax lines when paid, and a credit note when cancelled', async () => {
    await json(
      await t.api('/api/v1/organization', {
        method: 'PATCH',
        body: {
          legalName: 'Conference Club e.V.',
          address: 'Hauptstr. 1, 10115 Berlin',
          vatId: 'DE123456789',
        },
      }),
      200,
    );
    const sale = await createPaidSale(t, { priceCents: 11900 });
    await taxed(t, sale, 19);
    const order = await registerFor(t, sale, 2);

    // Not paid yet: no invoice, for staff or buyer.
    const early = await t.api(`/api/v1/orders/${order.id}/invoice.pdf`);
    expect(early.status).toBe(404);
    expect((await early.json()).code).toBe('invoice_not_found');

    const paid = await json<{ order: { invoices: { kind: string; number: string }[] } }>(
      await markPaid(t, order.id),
      200,
    );
    expect(paid.order.invoices).toMatchObject([
      { kind: 'invoice', number: '000001', totalCents: 23800 },
    ]);

    // The buyer downloads it with the order's access key; a wrong key opens nothing.
    const res = await t.api(
      `/api/v1/orders/${order.id}/invoice.pdf?key=${encodeURIComponent(order.accessKey)}`,
      {
        token: null,
      },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const wrong = await t.api(`/api/v1/orders/${order.id}/invoice.pdf?key=nope`, { token: null });
    expect(wrong.status).toBe(404);

    const text = await pdfText(Buffer.from(await res.arrayBuffer()), 'invoice');
    expect(text).toContain('Conference Club e.V.');
    expect(text).toContain('Hauptstr. 1, 10115 Berlin');
    expect(text).toContain('VAT ID: DE123456789');
    expect(text).toContain('Invoice 000001');
    expect(text).toMatch(/Regular — .* 2 119\.00 EUR 19 % 238\.00 EUR/);
    expect(text).toContain('Net at 19 % 200.00 EUR');
    expect(text).toContain('Tax at 19 % 38.00 EUR');
    expect(text).toContain('Total 238.00 EUR');

    const cancelled = await json<{ invoices: { kind: string; number: string }[] }>(
      await t.api(`/api/v1/orders/${order.id}/cancel`, { body: { reason: 'ill' } }),
      200,
    );
    expect(cancelled.invoices.map((i) => [i.kind, i.number])).toEqual([
      ['invoice', '000001'],
      ['credit_note', '000002'],
    ]);
    const credit = await t.api(`/api/v1/orders/${order.id}/credit-note.pdf`);
    expect(credit.status).toBe(200);
    const creditText = await pdfText(Buffer.from(await credit.arrayBuffer()), 'credit-note');
    expect(creditText).toContain('Credit note 000002');
    expect(creditText).toContain('Cancels invoice 000001');
    expect(creditText).toContain('Tax at 19 % -38.00 EUR');
    expect(creditText).toContain('Total -238.00 EUR');

    // A free order gets no invoice and takes no number.
    const free = await createPaidSale(t, { priceCents: 0 });
    const comp = await registerFor(t, free, 1);
    expect((await t.api(`/api/v1/orders/${comp.id}/invoice.pdf`)).status).toBe(404);
  });

  it('refuses bad legal details and changes nothing', async () => {
    const res = await t.api('/api/v1/organization', {
      method: 'PATCH',
      body: { vatId: 'x'.repeat(51), unknown: 1 },
    });
    expect(res.status).toBe(400);
    const org = await json<{ vatId: string }>(await t.api('/api/v1/organization'), 200);
    expect(org.vatId).toBe('DE123456789');
  });
});

describe('invoice numbers under concurrent payments [postgres]', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('postgres');
  });
  afterAll(() => t?.stop());

  it('numbers 50 orders paid at once 1 to 50, each once, none skipped', async () => {
    const sale = await createPaidSale(t, { priceCents: 4900 });
    const orders = [];
    for (let i = 0; i < 50; i++) orders.push(await registerFor(t, sale, 1));
    const answers = await Promise.all(orders.map((o) => markPaid(t, o.id)));
    expect(answers.map((a) => a.status)).toEqual(Array(50).fill(200));
    const { rows } = await t.server.db.query<{ number: string }>(
      `SELECT number FROM invoices i JOIN orders o ON o.id = i.order_id
       WHERE o.event_id = $1 ORDER BY number`,
      [sale.eventId],
    );
    expect(rows.map((r) => Number(r.number))).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const counter = await t.server.db.query<{ n: string }>(
      'SELECT last_number AS n FROM invoice_counters',
    );
    expect(counter.rows.map((r) => Number(r.n))).toEqual([50]);
  });
});
