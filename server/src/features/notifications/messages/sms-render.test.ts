import { changeLines } from '../../scheduling/change-lines.js';
import type { ScheduleDiff } from '../../scheduling/release-diff.js';
import { de } from './catalog/de.js';
import { en } from './catalog/en.js';
import { renderSms, withShortTitles } from './sms-render.js';

const event = {
  id: 'e',
  name: 'DevConf 2027',
  startsAt: '2027-05-01T07:00:00Z',
  endsAt: '2027-05-02T16:00:00Z',
  timezone: 'Europe/Berlin',
  venue: null,
};

describe('renderSms', () => {
  it('writes the kind’s sentence and the link on its own line, in GSM-7 even with a formatted time', () => {
    const sms = renderSms({
      id: 'm1',
      kind: 'waitlist_offer',
      recipient: '+49301234567',
      data: {
        event,
        name: 'Grace',
        expiresAt: '2027-04-20T10:30:00Z',
        link: 'https://t.example/w/1?key=k',
      },
    });
    expect(sms.body).toMatch(
      /^DevConf 2027: Grace, a place is free for you\. Claim it before .*2027.*12:30.*:\nhttps:\/\/t\.example\/w\/1\?key=k$/,
    );
    expect(sms.length.encoding).toBe('GSM-7');
    expect(sms).toMatchObject({ messageId: 'm1', to: '+49301234567' });
  });

  it('puts a name on one line, without control characters, shortened', () => {
    const sms = renderSms({
      id: 'm2',
      kind: 'order_confirmed',
      recipient: '+49301234567',
      data: { event, name: `Eve\r\nBcc:\u0007 x\u2028${'y'.repeat(80)}`, link: 'https://t/o' },
    });
    const [first, link, ...rest] = sms.body.split('\n');
    expect(rest).toEqual([]);
    expect(link).toBe('https://t/o');
    expect(first).toMatch(/^DevConf 2027: Eve Bcc: x y+\.\.\., your order is confirmed/);
    expect(first!.indexOf(', your order')).toBeLessThan(60);
  });

  it('ends with a full stop when there is no link to follow', () => {
    const sms = renderSms({
      id: 'm3',
      kind: 'order_confirmed',
      recipient: '+1',
      data: { event, name: 'Ada' },
    });
    expect(sms.body).toBe('DevConf 2027: Ada, your order is confirmed. Your tickets.');
  });

  it('refuses a kind that is not sent by SMS', () => {
    expect(() =>
      renderSms({ id: 'm4', kind: 'ticket_revoked', recipient: '+1', data: { event, name: 'A' } }),
    ).toThrow(/not sent by SMS/);
  });

  describe('a schedule change', () => {
    const hall = (startsAt: string, room: string) => ({
      startsAt,
      endsAt: startsAt,
      roomId: 'r',
      room,
    });
    const moved = (sessionId: string, title: string) => ({
      sessionId,
      title,
      from: [hall('2027-05-01T08:00:00Z', 'Hall A')],
      to: [hall('2027-05-01T10:00:00Z', 'Hall B')],
    });
    const diff = (moves: ScheduleDiff['moved']): ScheduleDiff => ({
      new: [],
      cancelled: [{ sessionId: 'k', title: 'Keynote', placements: [] }],
      moved: moves,
      renamed: [],
      speakersChanged: [],
    });
    const link =
      'https://tickets.example.org/t/0b6f7f8e-1d2c-4c7e-9a51-3f2d7c9e0a11/agenda?key=AbCdEfGhIjKlMnOpQrStUv';
    const schedule = (lang: 'en' | 'de', d: ScheduleDiff) =>
      renderSms({
        id: 's',
        kind: 'schedule_changed',
        recipient: '+49301234567',
        lang,
        data: {
          event,
          name: 'Ada Lovelace',
          link,
          changes: changeLines(
            d,
            'Europe/Berlin',
            undefined,
            withShortTitles((lang === 'de' ? de : en).smsChanges),
          ),
        },
      });

    it('names each session and where it is now, with the programme link, in one or two SMS', () => {
      const sms = schedule('en', diff([moved('r', 'Rust in anger')]));
      expect(sms.body).toBe(
        'DevConf 2027: Ada Lovelace, changes to your programme: Keynote is cancelled; ' +
          `Rust in anger now 2027-05-01 12:00, Hall B. Your programme:\n${link}`,
      );
      expect(sms.length).toMatchObject({ encoding: 'GSM-7', segments: 2 });
    });

    it('says it in German, within GSM-7', () => {
      const sms = schedule('de', diff([moved('r', 'Rust im Einsatz')]));
      expect(sms.body).toBe(
        'DevConf 2027: Ada Lovelace, Änderungen in Ihrem Programm: Keynote entfällt; ' +
          `Rust im Einsatz jetzt 2027-05-01 12:00, Hall B. Zum Programm:\n${link}`,
      );
      expect(sms.length).toMatchObject({ encoding: 'GSM-7', segments: 2 });
    });

    it.each(['en', 'de'] as const)(
      'names the changes that fit in two SMS and counts the rest (%s)',
      (lang) => {
        const many = Array.from({ length: 8 }, (_, i) =>
          moved(`s${i}`, `Workshop number ${i + 1}`),
        );
        const sms = schedule(lang, diff(many));
        expect(sms.length).toMatchObject({ encoding: 'GSM-7', segments: 2 });
        const [sentence, url, ...rest] = sms.body.split('\n');
        expect([url, rest]).toEqual([link, []]);
        const named = sentence!.split('; ').length;
        expect(named).toBeGreaterThanOrEqual(1);
        expect(sentence).toContain(
          lang === 'de' ? `(+${9 - named} weitere)` : `(+${9 - named} more)`,
        );
      },
    );

    it('shortens a long title and keeps where the session is now', () => {
      const sms = schedule('en', {
        ...diff([moved('r', `A ${'very '.repeat(40)}long title`)]),
        cancelled: [],
      });
      expect(sms.body).toMatch(
        /changes to your programme: A (very )+v?e?r?y?\.\.\. now 2027-05-01 12:00, Hall B\. Your programme:\n/,
      );
      expect(sms.length.segments).toBe(2);
    });
  });

  it.each([
    ['en', 'DevConf 2027: Ada, a place came free in Lab: robots and it is yours now:'],
    ['de', 'DevConf 2027: Ada, in Lab: robots ist ein Platz frei geworden, er gehört jetzt Ihnen:'],
  ])('tells a promoted signup (%s) its session in one SMS', (lang, sentence) => {
    const sms = renderSms({
      id: 'p',
      kind: 'session_signup_promoted',
      recipient: '+1',
      lang,
      data: {
        event,
        name: 'Ada',
        sessionTitle: 'Lab:\nrobots',
        link: 'https://t/t/1/agenda?key=k',
      },
    });
    expect(sms.body).toBe(`${sentence}\nhttps://t/t/1/agenda?key=k`);
    expect(sms.length).toMatchObject({ encoding: 'GSM-7', segments: 1 });
  });
});
