import type { Catalog, TextValues } from './catalog/catalog.js';
import { ATTENDEE_MESSAGE_KINDS, type AttendeeMessageKind, type MailEvent } from './kinds.js';

// An organizer's own subject and intro for a kind of message, per event and language: plain text
// with {placeholders} filled from the message's values when it is rendered.

/**
 * The kinds whose subject and intro an organizer may rewrite. An organizer message has its own
 * subject and body already.
 */
export const EDITABLE_KINDS = ATTENDEE_MESSAGE_KINDS.filter(
  (k): k is Exclude<AttendeeMessageKind, 'organizer_message'> => k !== 'organizer_message',
);
export type EditableKind = (typeof EDITABLE_KINDS)[number];

/** What each placeholder stands for; empty where a kind has no such value. */
const PLACEHOLDERS = {
  name: (v: TextValues) => v.name,
  event: (v: TextValues) => v.event.name,
  amount: (v: TextValues) => v.amount,
  position: (v: TextValues) => v.position,
  expiresAt: (v: TextValues) => v.expiresAt,
  reason: (v: TextValues) => v.reason,
  session: (v: TextValues) => v.sessionTitle,
} satisfies Record<string, (v: TextValues) => string>;

export type Placeholder = keyof typeof PLACEHOLDERS;
export const PLACEHOLDER_NAMES = Object.keys(PLACEHOLDERS) as Placeholder[];

const BRACED = /\{([^{}]*)\}/g;
const isPlaceholder = (name: string): name is Placeholder => Object.hasOwn(PLACEHOLDERS, name);

/** The `{…}` in `text` that are not placeholders, each once, in order. */
export function unknownPlaceholders(text: string): string[] {
  const unknown = [...text.matchAll(BRACED)].map((m) => m[1]!).filter((n) => !isPlaceholder(n));
  return [...new Set(unknown)];
}

/** `text` with each placeholder replaced by its value (unknown ones were refused on saving). */
export function fillPlaceholders(text: string, v: TextValues): string {
  return text.replace(BRACED, (whole, name: string) =>
    isPlaceholder(name) ? PLACEHOLDERS[name](v) : whole,
  );
}

/** Values that render as their own placeholders: the catalog's text shown as a template. */
function placeholderValues(event: MailEvent): TextValues {
  return {
    event: { ...event, name: '{event}' },
    name: '{name}',
    amount: '{amount}',
    position: '{position}',
    expiresAt: '{expiresAt}',
    reason: '{reason}',
    reasonLine: '',
    subject: '',
    body: '',
    sessionTitle: '{session}',
    changes: '',
  };
}

/** The catalog's subject and intro of `kind` written with placeholders, to start an edit from. */
export function defaultTexts(
  c: Catalog,
  kind: EditableKind,
  event: MailEvent,
): { subject: string; intro: string } {
  const v = placeholderValues(event);
  return { subject: c.kinds[kind].subject(v), intro: c.kinds[kind].intro(v) };
}
