import type { Catalog, TextValues } from './catalog/catalog.js';
import { de } from './catalog/de.js';
import { en } from './catalog/en.js';
import type { MessageData } from './kinds.js';

// What mails and SMS share: the catalogs, and the values their texts are made of.

/** The languages shipped; a language is one more catalog file. */
const CATALOGS: Record<string, Catalog> = { en, de };

/** The catalog of `lang`, English when there is none. */
export function catalogFor(lang: string | undefined): { lang: string; c: Catalog } {
  const l = lang && CATALOGS[lang] ? lang : 'en';
  return { lang: l, c: CATALOGS[l]! };
}

/** The language a message is written in: the recipient's choice, else the event's default. */
export function messageLanguage(d: Partial<MessageData>): string | undefined {
  return d.lang ?? d.event?.language;
}

export function textValues(d: MessageData, lang: string, c: Catalog): TextValues {
  const amount =
    d.amountCents !== undefined && d.currency
      ? new Intl.NumberFormat(lang, { style: 'currency', currency: d.currency }).format(
          d.amountCents / 100,
        )
      : '';
  return {
    event: d.event,
    name: d.name,
    amount,
    position: d.position !== undefined ? String(d.position) : '',
    expiresAt: d.expiresAt ? moment(d.expiresAt, d.event.timezone, lang) : '',
    reason: d.reason ?? '',
    reasonLine: d.reason ? c.reasonLine(d.reason) : '',
    subject: d.subject ?? '',
    body: d.body ?? '',
    sessionTitle: d.sessionTitle ?? '',
    changes: (d.changes ?? []).join('; '),
  };
}

// A formatter per language and time zone: making one costs more than the rest of a mail's dates.
const formatters = new Map<string, Intl.DateTimeFormat>();
export function formatter(lang: string, timeZone: string): Intl.DateTimeFormat {
  const key = `${lang} ${timeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short', timeZone });
    formatters.set(key, f);
  }
  return f;
}

const moment = (iso: string, timeZone: string, lang: string) =>
  formatter(lang, timeZone).format(new Date(iso));

export const dates = (event: MessageData['event'], lang: string) =>
  formatter(lang, event.timezone).formatRange(new Date(event.startsAt), new Date(event.endsAt));
