import { buildIcs } from '@lanyard/core';
import { oneLine, type MailAttachment } from '../channels/mail-channel.js';
import type { InvoiceDocument } from '../../invoices/document.js';
import type { MailEvent, MailTicket } from './kinds.js';

/** The content id the HTML uses for a ticket's QR image (`cid:…`). */
export const qrCid = (t: MailTicket) => `qr-${t.id}@lanyard`;

// The hardware package (scanner drivers, PDFKit) and the invoice renderer are loaded on first use:
// they cost ~0.4 s to load, and most server processes never render a mail (threads do).

/** A ticket's QR code as an inline PNG; it decodes to exactly the ticket's token. */
export async function qrImage(t: MailTicket): Promise<MailAttachment> {
  const { qrPng } = await import('@lanyard/hardware');
  const png = qrPng(t.token, { scale: 5 });
  return { filename: `ticket-${t.id}.png`, contentType: 'image/png', content: png, cid: qrCid(t) };
}

/** A ticket as a one-page PDF, drawn by the badge renderer (same QR and fonts as a printed badge). */
export async function ticketPdf(t: MailTicket, event: MailEvent): Promise<MailAttachment> {
  const { renderBadgePdf, standardBadgeLayout } = await import('@lanyard/hardware');
  const { pdf } = await renderBadgePdf(
    standardBadgeLayout({
      name: oneLine(t.holderName) || '—',
      company: oneLine(t.ticketTypeName),
      subtitle: oneLine(event.name),
      qr: t.token,
    }),
  );
  return { filename: `ticket-${t.id}.pdf`, contentType: 'application/pdf', content: pdf };
}

/** The event as an iCalendar file. */
export function eventIcs(event: MailEvent, link: string | undefined): MailAttachment {
  const ics = buildIcs({
    uid: `${event.id}@lanyard`,
    title: event.name,
    startsAt: event.startsAt,
    endsAt: event.endsAt,
    location: event.venue,
    ...(link ? { url: link } : {}),
  });
  return {
    filename: 'event.ics',
    contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
    content: Buffer.from(ics, 'utf8'),
  };
}

/** An order's invoice as the PDF the organizer and the buyer also download. */
export async function invoicePdf(invoice: InvoiceDocument): Promise<MailAttachment> {
  const { renderInvoicePdf } = await import('../../invoices/invoice-pdf.js');
  return {
    filename: `invoice-${invoice.number}.pdf`,
    contentType: 'application/pdf',
    content: await renderInvoicePdf(invoice),
  };
}
