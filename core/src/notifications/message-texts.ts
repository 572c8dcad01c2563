/**
 * An event's own subject and intro of a kind of attendee mail, per language: the kinds that take
 * them and the {placeholders} they may use (the server fills them in; the event file checks them).
 * Every attendee mail but organizer_message, which is its own text.
 */
export const MESSAGE_TEXT_KINDS = [
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
  'schedule_changed',
  'schedule_speaker_changed',
  'session_signup_promoted',
] as const;

export type MessageTextKind = (typeof MESSAGE_TEXT_KINDS)[number];

/** The longest subject and intro an event may give (the API refuses longer; the event file too). */
export const MESSAGE_TEXT_MAX_LENGTH = { subject: 200, intro: 2_000 } as const;

export const MESSAGE_TEXT_PLACEHOLDERS = [
  'name',
  'event',
  'amount',
  'position',
  'expiresAt',
  'reason',
  'session',
] as const;

export type MessageTextPlaceholder = (typeof MESSAGE_TEXT_PLACEHOLDERS)[number];

/** A `{…}` in a text; its inside is the placeholder's name. */
export const BRACED = /\{([^{}]*)\}/g;

export const isMessageTextPlaceholder = (name: string): name is MessageTextPlaceholder =>
  (MESSAGE_TEXT_PLACEHOLDERS as readonly string[]).includes(name);

/** The `{…}` in `text` that are not placeholders, each once, in order. */
export function unknownPlaceholders(text: string): string[] {
  const names = [...text.matchAll(BRACED)].map((m) => m[1]!);
  return [...new Set(names.filter((n) => !isMessageTextPlaceholder(n)))];
}

/** What is wrong with a text's placeholders, as the API and the event file say it; undefined: nothing. */
export function placeholderProblem(text: string): string | undefined {
  const unknown = unknownPlaceholders(text);
  if (!unknown.length) return undefined;
  const braced = (names: readonly string[]) => names.map((n) => `{${n}}`).join(', ');
  return `has no placeholder ${braced(unknown)}; there are ${braced(MESSAGE_TEXT_PLACEHOLDERS)}`;
}
