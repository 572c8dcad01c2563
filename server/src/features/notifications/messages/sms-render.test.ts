import { renderSms } from './sms-render.js';

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
});
