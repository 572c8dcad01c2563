import type { Db } from '../../platform/db/db.js';
import { invalid, notFound } from '../../platform/errors.js';
import type { Principal } from '../identity/principal.js';
import { eventInOrganization } from '../ticketing/store.js';
import type { Links } from './links.js';
import { catalogFor, messageLanguage } from './messages/text-values.js';
import {
  defaultTexts,
  EDITABLE_KINDS,
  placeholderProblem,
  PLACEHOLDER_NAMES,
  type EditableKind,
} from './messages/custom-texts.js';
import type { MailEvent, MessageData } from './messages/kinds.js';
import { previewHtml, renderMail } from './messages/render.js';
import type { MessageTextInput } from './schema.js';
import { eventFacts, orderFacts, type OrderFacts } from './sources-store.js';
import * as store from './texts-store.js';

// An event's own subject and intro per kind of message: listed beside the catalog's, saved,
// previewed with the data of the event's latest order.

async function ownEvent(db: Db, actor: Principal, eventId: string): Promise<MailEvent> {
  const event = (await eventInOrganization(db, actor.organizationId, eventId))
    ? await eventFacts(db, eventId)
    : undefined;
  if (!event) throw notFound('event', eventId);
  return event;
}

/** The language asked for, else the event's default, as a message's language is chosen. */
const languageOf = (event: MailEvent, lang: string | undefined) =>
  messageLanguage({ event, ...(lang ? { lang } : {}) }) ?? 'en';

export async function listMessageTexts(
  db: Db,
  actor: Principal,
  eventId: string,
  asked: string | undefined,
) {
  const event = await ownEvent(db, actor, eventId);
  const lang = languageOf(event, asked);
  const own = new Map((await store.listTexts(db, eventId, lang)).map((t) => [t.kind, t]));
  const { c } = catalogFor(lang);
  return {
    lang,
    placeholders: PLACEHOLDER_NAMES,
    items: EDITABLE_KINDS.map((kind) => {
      const t = own.get(kind);
      return {
        kind,
        subject: t?.subject ?? null,
        intro: t?.intro ?? null,
        defaults: defaultTexts(c, kind, event),
        updatedAt: t ? t.updatedAt.toISOString() : null,
      };
    }),
  };
}

/** Refuses a text naming a placeholder there is none of, before anything is kept. */
function checkPlaceholders(input: MessageTextInput): void {
  const fields = (['subject', 'intro'] as const).flatMap((field) => {
    const message = placeholderProblem(input[field] ?? '');
    return message ? [{ field, message }] : [];
  });
  if (fields.length) {
    throw invalid('unknown_placeholder', 'A text names a placeholder that does not exist.', fields);
  }
}

export async function saveMessageText(
  db: Db,
  actor: Principal,
  eventId: string,
  kind: EditableKind,
  input: MessageTextInput,
) {
  checkPlaceholders(input);
  const lang = languageOf(await ownEvent(db, actor, eventId), input.lang);
  await store.saveText(db, {
    eventId,
    kind,
    lang,
    subject: input.subject ?? null,
    intro: input.intro ?? null,
  });
  const list = await listMessageTexts(db, actor, eventId, lang);
  return list.items.find((i) => i.kind === kind)!;
}

const TICKET_KINDS: ReadonlySet<EditableKind> = new Set([
  'order_confirmed',
  'payment_received',
  'ticket_transferred',
  'ticket_reissued',
]);
const SCHEDULE_KINDS: ReadonlySet<EditableKind> = new Set([
  'schedule_changed',
  'schedule_speaker_changed',
]);

/** A message of `kind` with the latest order's data; words marked as examples where it has none. */
function sampleData(
  kind: EditableKind,
  event: MailEvent,
  order: OrderFacts | undefined,
  link: string | undefined,
): MessageData {
  const hour = 3_600_000;
  return {
    event,
    name: order?.name ?? 'Alex Example',
    ...(link ? { link } : {}),
    ...(TICKET_KINDS.has(kind) && order ? { tickets: order.tickets } : {}),
    amountCents: order?.totalCents ?? 4_900,
    currency: order?.currency ?? 'EUR',
    position: 3,
    expiresAt: new Date(Date.now() + 48 * hour).toISOString(),
    reason: 'an example reason',
    sessionTitle: 'An example session',
    ...(SCHEDULE_KINDS.has(kind)
      ? { changes: ['An example session: moved from 10:00 to 11:30, Room A'] }
      : {}),
    ...(kind === 'tickets_again' && link ? { links: [link] } : {}),
  };
}

/** The mail of `kind` as the event's latest buyer would get it with these texts. */
export async function previewMessageText(
  db: Db,
  actor: Principal,
  eventId: string,
  kind: EditableKind,
  input: MessageTextInput,
  links: Links,
  domain: string,
) {
  checkPlaceholders(input);
  const event = await ownEvent(db, actor, eventId);
  const orderId = await store.latestOrderId(db, eventId);
  const order = orderId ? await orderFacts(db, orderId) : undefined;
  const data = sampleData(kind, event, order, order && links.order(order.id, order.accessKey));
  const custom = {
    ...(input.subject ? { subject: input.subject } : {}),
    ...(input.intro ? { intro: input.intro } : {}),
  };
  const mail = await renderMail({
    id: 'preview',
    kind,
    recipient: order?.email ?? 'alex@example.org',
    recipientName: data.name,
    data: { ...data, custom },
    lang: languageOf(event, input.lang),
    domain,
  });
  return { to: mail.to.address, subject: mail.subject, html: previewHtml(mail), text: mail.text };
}
