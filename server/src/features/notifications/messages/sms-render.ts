import type { ChangeWords } from '../../scheduling/change-lines.js';
import type { OutgoingSms } from '../channels/sms-channel.js';
import type { MessageData } from './kinds.js';
import { isSmsKind } from '@lanyard/core';
import { smsLength, type SmsLength } from './sms-segments.js';
import { catalogFor, textValues } from './text-values.js';

export interface SmsInput {
  id: string;
  kind: string;
  /** E.164. */
  recipient: string;
  data: MessageData;
  lang?: string;
}

/** Longest name an SMS greets with: a name is input, and every character may cost a segment. */
const NAME_MAX = 40;
const EVENT_MAX = 60;
/** A session title, organizer text. */
const TITLE_MAX = 40;
/** One change (`Rust now 2027-05-01 12:00, Hall B`): a title, a time and a room. */
const LINE_MAX = 100;
/** Parts a schedule SMS may take: it names the changes that fit, then how many more there are. */
const CHANGES_SEGMENTS = 2;

/**
 * An SMS of a kind from the catalog: its sentence, then the link on a line of its own. Attendee
 * and organizer text (names, reasons, titles) is put on one line, stripped of control characters
 * and shortened, so it cannot add lines or hide the link; typographic marks become their GSM-7
 * equivalents so a plain text does not cost UCS-2 (70 characters per SMS instead of 160).
 */
export function renderSms(m: SmsInput): OutgoingSms & { length: SmsLength } {
  if (!isSmsKind(m.kind)) throw new Error(`${m.kind} is not sent by SMS`);
  const kind = m.kind;
  const { lang, c } = catalogFor(m.lang);
  const d: MessageData = {
    ...m.data,
    name: short(m.data.name, NAME_MAX),
    event: { ...m.data.event, name: short(m.data.event.name, EVENT_MAX) },
    ...(m.data.reason ? { reason: short(m.data.reason, 80) } : {}),
    ...(m.data.sessionTitle ? { sessionTitle: short(m.data.sessionTitle, TITLE_MAX) } : {}),
  };
  const values = textValues(d, lang, c);
  const text = (changes: string) => {
    const sentence = gsmFriendly(c.sms[kind]({ ...values, changes }));
    return d.link ? `${sentence}\n${d.link}` : sentence.replace(/:$/, '.');
  };
  const lines = (d.changes ?? []).map((line) => short(line, LINE_MAX));
  let body = text(lines.join('; '));
  // As many changes as fit in two parts, at least one; the link shows them all.
  for (let n = lines.length - 1; n >= 1 && smsLength(body).segments > CHANGES_SEGMENTS; n--) {
    body = text(lines.slice(0, n).join('; ') + c.smsMore(lines.length - n));
  }
  return { messageId: m.id, to: m.recipient, body, length: smsLength(body) };
}

/**
 * A schedule SMS's change words with each title shortened, so that a long title leaves room for
 * where the session is now; used when the SMS is queued, where the changes are put in words.
 */
export function withShortTitles(words: ChangeWords): ChangeWords {
  const t = (title: string) => short(title, TITLE_MAX);
  return {
    ...words,
    cancelled: (title) => words.cancelled(t(title)),
    moved: (title, from, to) => words.moved(t(title), from, to),
    added: (title, at) => words.added(t(title), at),
    renamed: (from, to) => words.renamed(t(from), t(to)),
    speakersChanged: (title) => words.speakersChanged(t(title)),
  };
}

/** One line of at most `max` characters (whole code points), without control characters. */
function short(value: string, max: number): string {
  const line = gsmFriendly(value)
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...line];
  return chars.length <= max ? line : `${chars.slice(0, max - 3).join('')}...`;
}

const GSM_EQUIVALENTS: [RegExp, string][] = [
  [/[\u2018\u2019\u201a\u2032]/g, "'"],
  [/[\u201c\u201d\u201e\u2033]/g, '"'],
  [/[\u2010-\u2015\u2212]/g, '-'],
  [/\u2026/g, '...'],
  [/[\u00a0\u2000-\u200a\u202f\u205f]/g, ' '],
];

function gsmFriendly(text: string): string {
  return GSM_EQUIVALENTS.reduce((t, [re, to]) => t.replace(re, to), text);
}
