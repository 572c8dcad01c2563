import {
  MESSAGE_TEXT_KINDS,
  MESSAGE_TEXT_MAX_LENGTH,
  MESSAGE_TEXT_PLACEHOLDERS,
  placeholderProblem,
  type MessageTextKind,
} from '@lanyard/core';
import { z } from 'zod';
import type { LanyardClient } from '../client/lanyard-client.js';
import type { Change } from './plan.js';
import { LANGUAGES } from './spec-fields.js';

// The event's own subject and intro of its mails in the event file, by kind and language:
// `messageTexts: {order_confirmed: {de: {subject, intro}}}`. Like the program: without the section
// apply leaves the texts alone; with it, a text it does not name goes back to the catalog's.

const placeholders = (text: string, ctx: z.RefinementCtx) => {
  const message = placeholderProblem(text);
  if (message) ctx.addIssue({ code: 'custom', message });
};

// The API's checks, made here so a bad text stops the file before anything changes.
const TextSpec = z
  .strictObject({
    subject: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(
        MESSAGE_TEXT_MAX_LENGTH.subject,
        `must be at most ${MESSAGE_TEXT_MAX_LENGTH.subject} characters`,
      )
      .refine((s) => !/[\r\n]/.test(s), 'must be one line')
      .superRefine(placeholders)
      .optional()
      .describe("default: the catalog's"),
    intro: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(
        MESSAGE_TEXT_MAX_LENGTH.intro,
        `must be at most ${MESSAGE_TEXT_MAX_LENGTH.intro} characters`,
      )
      .superRefine(placeholders)
      .optional()
      .describe("the opening paragraph; default: the catalog's"),
  })
  .refine(
    (t) => t.subject !== undefined || t.intro !== undefined,
    'must give a subject or an intro',
  );

// Named, so the published schema describes it once rather than once per kind.
const ByLanguage = z
  .strictObject(
    Object.fromEntries(LANGUAGES.map((l) => [l, TextSpec.optional()])) as Record<
      (typeof LANGUAGES)[number],
      z.ZodOptional<typeof TextSpec>
    >,
  )
  .meta({ id: 'MailTextsByLanguage', description: 'the texts of one kind of mail, by language' });

export const MessageTextsSpec = z
  .strictObject(
    Object.fromEntries(MESSAGE_TEXT_KINDS.map((k) => [k, ByLanguage.optional()])) as Record<
      MessageTextKind,
      z.ZodOptional<typeof ByLanguage>
    >,
  )
  .describe(
    `the event's own subject and opening paragraph of its mails, by kind and language, with the placeholders ${MESSAGE_TEXT_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}; left out: apply leaves the texts alone; given: a text it does not name is the catalog's again`,
  );
type MessageTextsSpec = z.output<typeof MessageTextsSpec>;

export interface MessageTextState {
  kind: MessageTextKind;
  lang: string;
  subject: string | null;
  intro: string | null;
}
export type CurrentMessageText = MessageTextState & { id: string };

/** How the plan names a text (and knows the server's by). */
export const textName = (t: { kind: string; lang: string }) => `${t.kind} (${t.lang})`;

export function desiredTexts(spec: MessageTextsSpec): MessageTextState[] {
  return MESSAGE_TEXT_KINDS.flatMap((kind) =>
    LANGUAGES.flatMap((lang) => {
      const t = spec[kind]?.[lang];
      return t ? [{ kind, lang, subject: t.subject ?? null, intro: t.intro ?? null }] : [];
    }),
  );
}

interface TextList {
  items: { kind: MessageTextKind; subject: string | null; intro: string | null }[];
}

/** The event's own texts in every language (a language the event dropped may still have some). */
export async function loadTexts(
  client: LanyardClient,
  eventId: string,
): Promise<CurrentMessageText[]> {
  const base = `/api/v1/events/${encodeURIComponent(eventId)}/message-texts`;
  const lists = await Promise.all(
    LANGUAGES.map((lang) => client.http.json<TextList>('GET', `${base}?lang=${lang}`)),
  );
  // By kind, then language, as the file lists them.
  return MESSAGE_TEXT_KINDS.flatMap((kind) =>
    lists.flatMap((list, i) =>
      list.items
        .filter((t) => t.kind === kind && (t.subject !== null || t.intro !== null))
        .map(({ subject, intro }) => {
          const t = { kind, lang: LANGUAGES[i]!, subject, intro };
          return { ...t, id: textName(t) };
        }),
    ),
  );
}

/** Saves the texts the plan creates or changes, and gives back the catalog's for those it drops. */
export async function applyTexts(
  client: LanyardClient,
  eventId: string,
  changes: Change[],
  current: CurrentMessageText[],
): Promise<void> {
  const base = `/api/v1/events/${encodeURIComponent(eventId)}/message-texts`;
  for (const c of changes) {
    if (c.kind !== 'mail text' || c.action === 'unchanged') continue;
    // The API keeps both fields as sent, so an update sends the whole text; null and null drop it.
    const t =
      c.action === 'delete'
        ? { ...current.find((x) => x.id === c.id)!, subject: null, intro: null }
        : (c.desired as MessageTextState);
    await client.http.json('PUT', `${base}/${t.kind}`, {
      lang: t.lang,
      subject: t.subject,
      intro: t.intro,
    });
  }
}

/** The texts as the file writes them. */
export function textsOfFile(texts: MessageTextState[]): Record<string, Record<string, object>> {
  const out: Record<string, Record<string, object>> = {};
  for (const { kind, lang, subject, intro } of texts)
    (out[kind] ??= {})[lang] = {
      ...(subject !== null ? { subject } : {}),
      ...(intro !== null ? { intro } : {}),
    };
  return out;
}
