import { MESSAGE_TEXT_KINDS } from '@lanyard/core';
import type { InvoiceDocument } from '../../invoices/document.js';

/**
 * Every message to attendees; each has one template and one entry in the catalog. All but the
 * organizer's own message take an event's wording of their subject and intro (core keeps those).
 */
export const ATTENDEE_MESSAGE_KINDS = [...MESSAGE_TEXT_KINDS, 'organizer_message'] as const;

export type AttendeeMessageKind = (typeof ATTENDEE_MESSAGE_KINDS)[number];

/** Notices to an organization's administrators about the system itself (no event, no tickets). */
export const NOTICE_KINDS = [
  'webhook_endpoint_disabled',
  // To one team member: the one-time link that sets their password (dashboard Team section).
  'account_invite',
  'password_reset',
] as const;

export type NoticeKind = (typeof NOTICE_KINDS)[number];

/** Every message Lanyard sends. */
export const MESSAGE_KINDS = [...ATTENDEE_MESSAGE_KINDS, ...NOTICE_KINDS] as const;

export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const isNotice = (kind: MessageKind): kind is NoticeKind =>
  (NOTICE_KINDS as readonly string[]).includes(kind);

/** What a notice renders from, fixed when it is queued. */
export interface NoticeData {
  /** Greeting name of the recipient. */
  name: string;
  organization: string;
  /** webhook_endpoint_disabled: the endpoint, why, and since when it failed. */
  url?: string;
  reason?: string;
  failingSince?: string | null;
  /** account_invite, password_reset: until when the link works. */
  expiresAt?: string;
  /** The page the notice points to: where it is mended, or where the password is set. */
  link: string;
}

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
  /** The event's default language (rows queued before languages existed lack it). */
  language?: string;
}

/**
 * What a message renders from, fixed when it is queued (the row's `data`). Fields beyond the
 * common ones are the kind's own: amounts, positions, expiries, links, an organizer's text.
 */
export interface MessageData {
  event: MailEvent;
  /** Greeting name of the recipient. */
  name: string;
  /** The language the recipient chose when they registered; else the event's default applies. */
  lang?: string;
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
  /** schedule_changed, schedule_speaker_changed: what changed, one line per session. */
  changes?: string[];
  /** The organizer's comment on a schedule release. */
  note?: string;
  /** session_signup_promoted: the session that has a place for the attendee now. */
  sessionTitle?: string;
  /**
   * The event's own subject and intro for this kind (custom-texts.ts), with placeholders; set
   * when the message is queued, so a resend says what the first mail said.
   */
  custom?: { subject?: string; intro?: string };
}
