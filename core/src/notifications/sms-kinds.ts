/**
 * The messages an event may send by SMS as well as by mail: those to the person who registered
 * (or waits), the one whose phone the order or waitlist entry holds, and the programme messages
 * about a ticket the buyer still holds. Ticket holders named by a buyer gave no phone, so ticket
 * messages stay mail only, and so do a named holder's programme messages.
 */
export const SMS_KINDS = [
  'order_confirmed',
  'payment_received',
  'order_pending_payment',
  'order_cancelled',
  'refund_issued',
  'waitlist_joined',
  'waitlist_offer',
  'waitlist_offer_expired',
  'schedule_changed',
  'session_signup_promoted',
] as const;

export type SmsKind = (typeof SMS_KINDS)[number];

export const isSmsKind = (kind: string): kind is SmsKind =>
  (SMS_KINDS as readonly string[]).includes(kind);
