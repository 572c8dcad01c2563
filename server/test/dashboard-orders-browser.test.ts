import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  createPaidSale,
  json,
  registerFor,
  type PaidSale,
  type Registered,
} from '../src/features/payments/test-support/payment-fixtures.js';
import {
  ARTIFACTS,
  BROWSER_TEST_MS,
  DESKTOP,
  PHONE,
  openPage,
  scanQr,
  shot,
} from './portal-browser.js';
import { overflowsSideways, signIn, useDashboardRig } from './dashboard-browser-support.js';

// The dashboard's Orders section in Chromium against a real server on PostgreSQL: the orders
// awaiting payment, one found by its payment reference, marked paid with a confirm step, and the
// attendee's own order page then showing the tickets' QR codes.

describe('dashboard orders in Chromium [postgres]', () => {
  const rig = useDashboardRig();
  let sale: PaidSale;
  let order: Registered;
  let reference: string;
  let buyer: string;

  beforeAll(async () => {
    const { t } = rig;
    sale = await createPaidSale(t, { priceCents: 4900 });
    order = await registerFor(t, sale, 2);
    await registerFor(t, sale, 1);
    const staffView = await json<{ reference: string; attendee: { name: string } }>(
      await t.api(`/api/v1/orders/${order.id}`),
      200,
    );
    reference = staffView.reference;
    buyer = staffView.attendee.name;
  }, BROWSER_TEST_MS);

  it(
    'marks a manual order paid after a confirm step; the attendee page then shows the QR codes',
    async () => {
      const { t, browser } = rig;
      const attendee = await openPage(browser, PHONE);
      const portal = `${t.url}/o/${order.id}?key=${encodeURIComponent(order.accessKey)}`;
      await attendee.page.goto(portal);
      await attendee.page.getByText(reference).waitFor();
      await attendee.page
        .getByText('Your QR code appears here once the ticket is paid.')
        .first()
        .waitFor();
      await shot(attendee.page, 'orders-portal-before-paid');

      const desk = await openPage(browser, DESKTOP);
      const page = desk.page;
      // The legal details first: they go on every invoice issued from then on.
      await signIn(page, `${t.url}/dashboard/events/${sale.eventId}/settings`);
      const invoicing = page.getByRole('region', { name: 'Invoicing details' });
      await invoicing.getByLabel('Legal name').fill('Conference Club e.V.');
      await invoicing.getByLabel('VAT id').fill('DE123456789');
      await invoicing.getByRole('button', { name: 'Save invoicing details' }).click();
      await invoicing.getByText('Saved.').waitFor();
      await page.getByRole('link', { name: 'Orders', exact: true }).click();
      // Awaiting payment is the list it opens on.
      await page.getByRole('status').filter({ hasText: '2 orders.' }).waitFor();
      await page.getByLabel('Search orders').fill(reference.toLowerCase());
      await page.getByRole('status').filter({ hasText: '1 order.' }).waitFor();
      await page.getByRole('link', { name: buyer, exact: true }).click();
      await page.getByRole('heading', { name: `Order ${reference}` }).waitFor();
      await expect(page.getByText('2 × ').first().innerText()).resolves.toContain('2 ×');

      // Opening the form changes nothing; confirming in it does.
      await page.getByRole('button', { name: 'Mark paid…' }).click();
      await page.getByRole('heading', { name: 'Mark this order paid' }).waitFor();
      await page.getByLabel('Reference').fill('transfer 2027-05-02');
      await shot(page, 'orders-mark-paid-confirm');
      await page.getByRole('button', { name: 'Mark paid', exact: true }).click();
      await page.getByText('The order is paid; its tickets are valid').waitFor();
      await page.locator('dd', { hasText: 'Confirmed' }).waitFor();
      await page.getByText('transfer 2027-05-02').waitFor();
      await expect(page.getByRole('button', { name: 'Mark paid…' }).count()).resolves.toBe(0);
      await page.getByText(/Invoice 000001 · €98\.00/).waitFor();
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Download PDF' }).click();
      expect((await download).suggestedFilename()).toBe('invoice-000001.pdf');
      const saved = `${ARTIFACTS}orders-invoice.pdf`;
      await (await download).saveAs(saved);
      const { stdout: invoiceText } = await promisify(execFile)('pdftotext', [saved, '-']);
      expect(invoiceText).toContain('Conference Club e.V.');
      expect(invoiceText).toContain('VAT ID: DE123456789');
      expect(invoiceText).toContain('Invoice 000001');
      expect(await overflowsSideways(page)).toBe(false);
      await shot(page, 'orders-marked-paid');

      // The attendee's page shows both tickets' QR codes, each decoding to its ticket's token.
      await attendee.page.reload();
      const qrs = attendee.page.locator('[data-testid=ticket-qr] img');
      await qrs.nth(1).waitFor();
      await attendee.page.waitForFunction(() =>
        [...document.querySelectorAll<HTMLImageElement>('[data-testid=ticket-qr] img')].every(
          (img) => img.complete && img.naturalWidth > 0,
        ),
      );
      await expect(attendee.page.getByText(reference).count()).resolves.toBe(0);
      const invoiceLink = attendee.page.getByRole('link', { name: 'Invoice 000001 (PDF)' });
      const href = await invoiceLink.getAttribute('href');
      const pdf = await fetch(`${t.url}${href}`);
      expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
      await shot(attendee.page, 'orders-portal-after-paid');
      const decoded = await scanQr(qrs.first(), `${ARTIFACTS}orders-portal-qr.png`);
      expect(order.tickets.map((x) => x.token)).toContain(decoded);

      // The list of orders awaiting payment no longer has it.
      await page.getByRole('link', { name: 'All orders' }).click();
      await page.getByLabel('Search orders').fill('');
      await page.getByRole('status').filter({ hasText: '1 order.' }).waitFor();
      expect([...attendee.errors, ...desk.errors]).toEqual([]);
      await attendee.close();
      await desk.close();
    },
    BROWSER_TEST_MS * 2,
  );
});
