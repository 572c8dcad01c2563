import {
  BRACED,
  isMessageTextPlaceholder,
  MESSAGE_TEXT_KINDS,
  MESSAGE_TEXT_PLACEHOLDERS,
  type MessageTextKind,
  type MessageTextPlaceholder,
} from '@lanyard/core';
import type { Catalog, TextValues } from './catalog/catalog.js';
import type { MailEvent } from './kinds.js';

// An organizer's own subject and intro for a kind of message, per event and language: plain text
// with {placeholders} filled from the message's values when it is rendered. Which kinds and which
// placeholders is core's (the event file checks texts with the same lists).

export { placeholderProblem, unknownPlaceholders } from '@lanyard/core';

/**
 * The kinds whose subject and intro an organizer may rewrite: every attendee message but
 * organizer_message, which has its own subject and body already (custom-texts.test.ts checks).
 */
export const EDITABLE_KINDS = MESSAGE_TEXT_KINDS;
export type EditableKind = MessageTextKind;

/** What each placeholder stands for; empty where a kind has no such value. */
const PLACEHOLDERS = {
  name: (v: TextValues) => v.name,
  event: (v: TextValues) => v.event.name,
  amount: (v: TextValues) => v.amount,
  position: (v: TextValues) => v.position,
  expiresAt: (v: TextValues) => v.expiresAt,
  reason: (v: TextValues) => v.reason,
  session: (v: TextValues) => v.sessionTitle,
} satisfies Record<MessageTextPlaceholder, (v: TextValues) => string>;

export const PLACEHOLDER_NAMES = MESSAGE_TEXT_PLACEHOLDERS;

/** `text` with each placeholder replaced by its value (unknown ones were refused on saving). */
export function fillPlaceholders(text: string, v: TextValues): string {
  return text.replace(BRACED, (whole, name: string) =>
    isMessageTextPlaceholder(name) ? PLACEHOLDERS[name](v) : whole,
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
