import { randomUUID } from 'node:crypto';
import { createElement, Fragment } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { render, toPlainText } from '@react-email/render';
import { oneLine, type MailAttachment, type OutgoingMail } from '../channels/mail-channel.js';
import { eventIcs, invoicePdf, qrCid, qrImage, ticketPdf } from './attachments.js';
import type { Catalog } from './catalog/catalog.js';
import { fillPlaceholders } from './custom-texts.js';
import { catalogFor, dates, formatter, textValues } from './text-values.js';
import {
  isNotice,
  type AttendeeMessageKind,
  type MessageData,
  type MessageKind,
  type NoticeData,
  type NoticeKind,
} from './kinds.js';
import { MailLayout, type MailView } from './mail-layout.js';

export interface RenderInput {
  id: string;
  kind: MessageKind;
  recipient: string;
  recipientName: string;
  /** A notice's (`isNotice(kind)`) is a `NoticeData`. */
  data: MessageData;
  lang?: string;
  /** Domain of the Message-ID (the sender's). */
  domain: string;
}

/**
 * Renders a message: subject, HTML and plain text from the kind's template, the tickets' QR
 * codes inline, a PDF per ticket and the event's calendar file. React escapes every value, so
 * attendee text is shown as text; header values are put on one line by the channel.
 */
export async function renderMail(m: RenderInput): Promise<OutgoingMail> {
  const { lang, c } = catalogFor(m.lang);
  if (isNotice(m.kind)) return renderNotice(m, m.kind, c, lang);
  if (m.kind === 'organizer_message') return renderForEveryone(m, m.kind, lang, c);
  return renderMessage(m, m.kind, lang, c);
}

// Stands for the recipient's name in a mail rendered once for many; random, so no text holds it.
const NAME = `name-${randomUUID()}`;
const renderedForEveryone = new Map<string, Promise<OutgoingMail>>();
const RENDERED_KEPT = 8;

/**
 * An organizer message is the same for each of its thousands of recipients but for the name in
 * the greeting: it is rendered once per message and language (a full render is most of a bulk
 * send's CPU), and each recipient's name is put into that HTML, escaped by React as the rest is, and
 * into the text.
 */
async function renderForEveryone(
  m: RenderInput,
  kind: AttendeeMessageKind,
  lang: string,
  c: Catalog,
): Promise<OutgoingMail> {
  const key = JSON.stringify([m.kind, lang, m.domain, { ...m.data, name: null }]);
  let shared = renderedForEveryone.get(key);
  if (!shared) {
    shared = renderMessage({ ...m, data: { ...m.data, name: NAME } }, kind, lang, c);
    renderedForEveryone.set(key, shared);
    shared.catch(() => renderedForEveryone.delete(key));
    if (renderedForEveryone.size > RENDERED_KEPT) {
      renderedForEveryone.delete(renderedForEveryone.keys().next().value!);
    }
  }
  const mail = await shared;
  const name = oneLine(m.data.name);
  return {
    ...mail,
    messageId: `${m.id}@${m.domain}`,
    to: { name: m.recipientName, address: m.recipient },
    subject: mail.subject.replaceAll(NAME, name),
    html: mail.html.replaceAll(NAME, renderToStaticMarkup(createElement(Fragment, null, name))),
    text: mail.text.replaceAll(NAME, name),
  };
}

async function renderMessage(
  m: RenderInput,
  kind: AttendeeMessageKind,
  lang: string,
  c: Catalog,
): Promise<OutgoingMail> {
  // Names are one line wherever they are shown; a line break in one is input, not layout.
  const d: MessageData = {
    ...m.data,
    name: oneLine(m.data.name),
    ...(m.data.tickets
      ? { tickets: m.data.tickets.map((t) => ({ ...t, holderName: oneLine(t.holderName) })) }
      : {}),
  };
  const values = textValues(d, lang, c);
  const texts = c.kinds[kind];
  const { custom } = d;
  const subject = custom?.subject
    ? fillPlaceholders(custom.subject, values)
    : texts.subject(values);
  const intro = custom?.intro ? fillPlaceholders(custom.intro, values) : texts.intro(values);
  const tickets = d.tickets ?? [];
  const view: MailView = {
    lang,
    title: subject,
    when: c.when(d.event, dates(d.event, lang)),
    greeting: c.greeting(d.name),
    paragraphs: [
      intro,
      ...(d.changes ?? []),
      ...(d.note ? [c.noteLine(d.note)] : []),
      ...(d.invoice ? [c.invoiceNote(d.invoice.number)] : []),
    ],
    ...(d.link ? { link: { href: d.link, label: c.openLink } } : {}),
    ...(d.links?.length ? { links: d.links } : {}),
    ...(tickets.length
      ? {
          tickets: {
            heading: c.ticketsHeading,
            items: tickets.map((t) => ({ cid: qrCid(t), line: c.ticketLine(t) })),
            note: c.ticketAttachmentNote,
          },
          calendarNote: c.calendarNote,
        }
      : {}),
    footer: c.footer(d.event),
  };
  const element = createElement(MailLayout, view);
  const [html, images, pdfs, invoice] = await Promise.all([
    render(element),
    Promise.all(tickets.map(qrImage)),
    Promise.all(tickets.map((t) => ticketPdf(t, d.event))),
    d.invoice ? invoicePdf(d.invoice) : undefined,
  ]);
  return outgoing(m, subject, html, [
    ...images,
    ...pdfs,
    ...(tickets.length ? [eventIcs(d.event, d.link)] : []),
    ...(invoice ? [invoice] : []),
  ]);
}

/**
 * The mail as sent: its Message-ID, recipient, and the text part derived from the HTML
 * (react-email's converter) instead of a second render.
 */
function outgoing(
  m: RenderInput,
  subject: string,
  html: string,
  attachments: MailAttachment[],
): OutgoingMail {
  return {
    messageId: `${m.id}@${m.domain}`,
    to: { name: m.recipientName, address: m.recipient },
    subject,
    html,
    text: toPlainText(html),
    attachments,
  };
}

/** A notice to administrators: the same layout, with no event, tickets or attachments. */
async function renderNotice(
  m: RenderInput,
  kind: NoticeKind,
  c: Catalog,
  lang: string,
): Promise<OutgoingMail> {
  const raw = m.data as unknown as NoticeData;
  const d: NoticeData = {
    ...raw,
    name: oneLine(raw.name),
    failingSince:
      raw.failingSince && formatter(lang, 'UTC').format(new Date(raw.failingSince)) + ' UTC',
    ...(raw.expiresAt
      ? { expiresAt: formatter(lang, 'UTC').format(new Date(raw.expiresAt)) + ' UTC' }
      : {}),
  };
  const texts = c.notices[kind];
  const subject = texts.subject(d);
  const html = await render(
    createElement(MailLayout, {
      lang,
      title: subject,
      greeting: c.greeting(d.name),
      paragraphs: texts.paragraphs(d),
      link: { href: d.link, label: texts.link },
      footer: texts.footer(d),
    }),
  );
  return outgoing(m, subject, html, []);
}

/**
 * The mail's HTML for a page to show (a preview): its inline images as data URLs, as a mail
 * program would resolve their `cid:` references.
 */
export function previewHtml(mail: OutgoingMail): string {
  const inline = new Map(mail.attachments.filter((a) => a.cid).map((a) => [a.cid!, a]));
  return mail.html.replace(/src="cid:([^"]+)"/g, (whole, cid: string) => {
    const a = inline.get(cid);
    return a ? `src="data:${a.contentType};base64,${a.content.toString('base64')}"` : whole;
  });
}
