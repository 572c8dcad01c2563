import type { ChangeWords } from '../../../scheduling/change-lines.js';
import type { SmsKind } from '@lanyard/core';
import type {
  AttendeeMessageKind,
  MailEvent,
  MailTicket,
  NoticeData,
  NoticeKind,
} from '../kinds.js';

/** Values a kind's text may use, already formatted for the reader. */
export interface TextValues {
  event: MailEvent;
  name: string;
  amount: string;
  position: string;
  expiresAt: string;
  /** The reason given (a cancellation's, a refund's), or empty. */
  reason: string;
  /** ` Reason: …` or empty. */
  reasonLine: string;
  subject: string;
  body: string;
  /** A schedule message's session title. */
  sessionTitle: string;
  /** A schedule SMS's changes, on one line (`Rust: now 2027-05-01 12:00, Hall B; …`). */
  changes: string;
}

/** Every sentence of every message in one language. */
export interface Catalog {
  greeting(name: string): string;
  openLink: string;
  ticketsHeading: string;
  ticketLine(t: MailTicket): string;
  ticketAttachmentNote: string;
  calendarNote: string;
  invoiceNote(number: string): string;
  when(event: MailEvent, dates: string): string;
  /** A reason appended to an intro, with its leading space. */
  reasonLine(reason: string): string;
  footer(event: MailEvent): string;
  /** The organizer's comment on a schedule release, as its own paragraph. */
  noteLine(note: string): string;
  /** A schedule mail's line per changed session. */
  changes: ChangeWords;
  kinds: Record<
    AttendeeMessageKind,
    { subject(v: TextValues): string; intro(v: TextValues): string }
  >;
  /** Notices about the system itself: their texts, their link's label and their footer. */
  notices: Record<
    NoticeKind,
    {
      subject(d: NoticeData): string;
      paragraphs(d: NoticeData): string[];
      link: string;
      footer(d: NoticeData): string;
    }
  >;
  /**
   * The SMS of each kind that may go by SMS: one or two short sentences; the link, when the
   * message has one, is appended on its own line. Keep them GSM-7 (no curly quotes or dashes) so
   * a text stays within one or two SMS.
   */
  sms: Record<SmsKind, (v: TextValues) => string>;
  /** A schedule SMS's words per change: the session and where it is now, no more. */
  smsChanges: ChangeWords;
  /** Said after the changes a schedule SMS had no room for. */
  smsMore(count: number): string;
}
