import PDFDocument from 'pdfkit';
import type { InvoiceDocument } from './document.js';

// An invoice or credit note as an A4 PDF: seller and buyer, the lines, the tax per rate and the
// totals. Built-in Helvetica (WinAnsi): names outside it print as pdfkit's fallback glyphs.

const money = (cents: number, currency: string) => `${(cents / 100).toFixed(2)} ${currency}`;
const percent = (bp: number) =>
  `${(bp / 100).toLocaleString('en', { maximumFractionDigits: 2 })} %`;

export function renderInvoicePdf(d: InvoiceDocument): Promise<Buffer> {
  const title = d.kind === 'invoice' ? 'Invoice' : 'Credit note';
  const pdf = new PDFDocument({
    size: 'A4',
    margin: 56,
    info: { Title: `${title} ${d.number}`, Author: d.seller.legalName ?? d.seller.name },
  });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve) =>
    pdf.on('end', () => resolve(Buffer.concat(chunks))),
  );

  const left = 56;
  const width = pdf.page.width - 112;
  pdf
    .font('Helvetica-Bold')
    .fontSize(11)
    .text(d.seller.legalName ?? d.seller.name);
  pdf.font('Helvetica').fontSize(10);
  if (d.seller.address) pdf.text(d.seller.address);
  if (d.seller.vatId) pdf.text(`VAT ID: ${d.seller.vatId}`);

  pdf.moveDown(2).font('Helvetica-Bold').fontSize(20).text(`${title} ${d.number}`);
  pdf.font('Helvetica').fontSize(10).moveDown(0.5);
  pdf.text(`Date: ${d.issuedAt.slice(0, 10)}`);
  pdf.text(`Order: ${d.orderReference} (${d.orderId})`);
  if (d.cancels) pdf.text(`Cancels invoice ${d.cancels}`);
  pdf.moveDown().text('Billed to:').font('Helvetica-Bold').text(d.buyer.name);
  pdf.font('Helvetica').text(d.buyer.email);

  // The lines: description, quantity, unit price, tax rate, amount (all gross).
  const cols = [0, 0.46, 0.54, 0.7, 0.8].map((f) => left + f * width);
  const row = (cells: string[], bold = false) => {
    const y = pdf.y;
    pdf.font(bold ? 'Helvetica-Bold' : 'Helvetica');
    cells.forEach((c, i) =>
      pdf.text(c, cols[i]!, y, {
        width: (i + 1 < cols.length ? cols[i + 1]! : left + width) - cols[i]! - 6,
        align: i === 0 ? 'left' : 'right',
      }),
    );
    pdf.x = left;
    pdf.moveDown(0.4);
  };
  pdf.moveDown(2);
  row(['Description', 'Qty', 'Unit price', 'Tax', 'Amount'], true);
  for (const l of d.lines) {
    row([
      l.description,
      String(l.quantity),
      money(l.unitGrossCents, d.currency),
      percent(l.taxRateBp),
      money(l.grossCents, d.currency),
    ]);
  }
  pdf.moveDown();
  for (const t of d.taxes) {
    row([`Net at ${percent(t.rateBp)}`, '', '', '', money(t.netCents, d.currency)]);
    row([`Tax at ${percent(t.rateBp)}`, '', '', '', money(t.taxCents, d.currency)]);
  }
  row(['Total net', '', '', '', money(d.totals.netCents, d.currency)]);
  row(['Total tax', '', '', '', money(d.totals.taxCents, d.currency)]);
  row(['Total', '', '', '', money(d.totals.grossCents, d.currency)], true);
  pdf.moveDown(2).font('Helvetica').fontSize(9);
  pdf.text(
    d.kind === 'invoice'
      ? `Prices include tax. Event: ${d.eventName}.`
      : `This credit note cancels invoice ${d.cancels ?? ''} of the order. Event: ${d.eventName}.`,
    left,
  );
  pdf.end();
  return done;
}
