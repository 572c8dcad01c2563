import { SMS_KINDS } from '@lanyard/core';
import { changeLines } from '../../../scheduling/change-lines.js';
import { ATTENDEE_MESSAGE_KINDS, type MessageData } from '../kinds.js';
import { renderMail } from '../render.js';
import { renderSms } from '../sms-render.js';
import { messageLanguage } from '../text-values.js';
import { de } from './de.js';
import { en } from './en.js';

const event = {
  id: 'event-1',
  name: 'DevConf 2027',
  startsAt: '2027-05-01T07:00:00Z',
  endsAt: '2027-05-02T16:00:00Z',
  timezone: 'Europe/Berlin',
  venue: 'Halle 3',
  language: 'en',
};

const data: MessageData = {
  event,
  name: 'Ada Lovelace',
  lang: 'de',
  link: 'https://tickets.example/o/1?key=k',
  tickets: [
    { id: 't1', token: 'LY1:ABCDEFGH234567', ticketTypeName: 'Standard', holderName: 'Ada' },
  ],
  amountCents: 4900,
  currency: 'EUR',
  position: 3,
  expiresAt: '2027-04-20T10:30:00Z',
  reason: 'Doppelte Bestellung',
  subject: 'Raumänderung',
  body: 'Wir ziehen in Halle 4 um.',
  sessionTitle: 'Eröffnung',
  changes: ['Eröffnung jetzt 2027-05-01 12:00, Halle B'],
};

/** Every key path of a catalog, functions and strings alike. */
const keys = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) =>
    typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
  );

describe('the German messages', () => {
  it('has every key of the English catalog and no other', () => {
    expect(keys(de).sort()).toEqual(keys(en).sort());
  });

  it.each(ATTENDEE_MESSAGE_KINDS)(
    'writes %s in German, with German dates and money',
    async (kind) => {
      const mail = await renderMail({
        id: `m-${kind}`,
        kind,
        recipient: 'ada@example.org',
        recipientName: 'Ada Lovelace',
        data,
        lang: messageLanguage(data),
        domain: 'example.org',
      });
      const values = {
        event,
        name: 'Ada Lovelace',
        sessionTitle: 'Eröffnung',
        subject: 'Raumänderung',
      };
      expect(mail.subject).toBe(de.kinds[kind].subject({ ...values } as never));
      expect(mail.html).toMatch(/<html [^>]*lang="de"/);
      expect(mail.text).toContain('Guten Tag Ada Lovelace,');
      expect(mail.text).toContain('Sie erhalten diese E-Mail, weil Sie sich für DevConf 2027');
      // The event's dates as a German reader writes them, in the event's time zone.
      expect(mail.text).toMatch(/1\.–2\. Mai 2027|01\.05\.2027/);
      expect(mail.text).not.toMatch(/\bHello\b|\byour\b/i);
    },
  );

  it('says amounts and times the German way', async () => {
    const mail = await renderMail({
      id: 'm-pay',
      kind: 'order_pending_payment',
      recipient: 'ada@example.org',
      recipientName: 'Ada Lovelace',
      data,
      lang: 'de',
      domain: 'example.org',
    });
    expect(mail.text).toMatch(/Bitte zahlen Sie 49,00\s€/);
    expect(mail.text).toContain('20.04.2027, 12:30');
  });

  it.each(SMS_KINDS)('writes the %s SMS in German within GSM-7', (kind) => {
    const sms = renderSms({ id: 's', kind, recipient: '+49301234567', data, lang: 'de' });
    expect(sms.body.startsWith(`DevConf 2027: Ada Lovelace, `)).toBe(true);
    expect(sms.body).toMatch(/Ihre|Sie|wir|Platz/);
    expect(sms.length.encoding).toBe('GSM-7');
  });

  it('words the changes of a schedule release in German, times in the event’s time zone', () => {
    const hall = (startsAt: string, room: string) => ({
      startsAt,
      endsAt: startsAt,
      roomId: 'r',
      room,
    });
    const lines = changeLines(
      {
        new: [],
        cancelled: [{ sessionId: 'a', title: 'Keynote', placements: [] }],
        moved: [
          {
            sessionId: 'b',
            title: 'Rust',
            from: [hall('2027-05-01T08:00:00Z', 'Halle A')],
            to: [hall('2027-05-01T10:00:00Z', 'Halle B')],
          },
        ],
        renamed: [],
        speakersChanged: [{ sessionId: 'c', title: 'Panel', added: [], removed: [] }],
      },
      'Europe/Berlin',
      undefined,
      de.changes,
    );
    expect(lines).toEqual([
      'Abgesagt: Keynote',
      'Verlegt: Rust, 2027-05-01 10:00, Halle A → 2027-05-01 12:00, Halle B',
      'Vortragende geändert: Panel',
    ]);
  });

  it('falls back to the event’s default language when the recipient chose none', () => {
    expect(messageLanguage({ event: { ...event, language: 'de' } })).toBe('de');
    expect(messageLanguage({ event, lang: 'de' })).toBe('de');
  });
});
