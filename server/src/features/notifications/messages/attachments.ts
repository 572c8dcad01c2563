import QRCode from 'qrcode';
import { buildIcs } from '@lanyard/core';
import { oneLine, type MailAttachment } from '../channels/mail-channel.js';
import type { MailEvent, MailTicket } from './kinds.js';

/** The content id the HTML uses for a ticket's QR image (`cid:…`). */
export const qrCid = (t: MailTicket) => `qr-${t.id}@lanyard`;

/** A ticket's QR code as an inline PNG; it decodes to exactly the ticket's token. */
export async function qrImage(t: MailTicket): Promise<MailAttachment> {
  const png = await QRCode.toBuffer(t.token, {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: 4,
    scale: 5,
  });
  return { filename: `ticket-${t.id}.png`, contentType: 'image/png', content: png, cid: qrCid(t) };
}

/** A ticket as a one-page PDF, drawn by the badge renderer (same QR and fonts as a printed badge). */
export async function ticketPdf(t: MailTicket, event: MailEvent): Promise<MailAttachment> {
  // Loaded on first use: the hardware package (scanner drivers, PDFKit) costs ~0.4 s to load, and
  // most server processes never mail a ticket PDF.
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
