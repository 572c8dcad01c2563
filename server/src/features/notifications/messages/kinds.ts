import type { InvoiceDocument } from '../../invoices/document.js';

/** Every message Lanyard sends; each has one template and one entry in the catalog. */
export const MESSAGE_KINDS = [
  'order_confirmed',
  'order_pending_payment',
  'payment_received',
  'order_cancelled',
  'refund_issued',
  'waitlist_joined',
  'waitlist_offer',
  'waitlist_offer_expired',
  'ticket_transferred',
  'ticket_transferred_away',
  'ticket_reissued',
  'ticket_revoked',
  'tickets_again',
  'organizer_message',
] as const;

export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** A ticket as a mail shows and attaches it. */
export interface MailTicket {
  id: string;
  /** Exactly what the QR code encodes. */
  token: string;
  ticketTypeName: string;
  holderName: string;
}

/** The event as every message names it. */
export interface MailEvent {
  id: string;
  name: string;
  startsAt: string;
  endsAt: string;
  timezone: string;
  venue: string | null;
}

/**
 * What a message renders from, fixed when it is queued (the row's `data`). Fields beyond the
 * common ones are the kind's own: amounts, positions, expiries, links, an organizer's text.
 */
export interface MessageData {
  event: MailEvent;
  /** Greeting name of the recipient. */
  name: string;
  /** The page the message points to (the order, ticket or waitlist entry in the portal). */
  link?: string;
  tickets?: MailTicket[];
  orderId?: string;
  amountCents?: number;
  currency?: string;
  position?: number;
  expiresAt?: string;
  reason?: string | null;
  /** tickets_again: one link per order of the address. */
  links?: string[];
  /** The order's invoice as issued, attached as a PDF (a paid order's confirmation). */
  invoice?: InvoiceDocument;
  /** organizer_message: the organizer's subject and text. */
  subject?: string;
  body?: string;
}
