import { mailRenderer } from './renderer.js';
import type { RenderInput } from './render.js';

const confirmation: RenderInput = {
  id: 'message-1',
  kind: 'order_confirmed',
  recipient: 'ada@example.org',
  recipientName: 'Ada Lovelace',
  domain: 'example.org',
  data: {
    event: {
      id: 'event-1',
      name: 'DevConf 2027',
      startsAt: '2027-03-01T08:00:00Z',
      endsAt: '2027-03-01T17:00:00Z',
      timezone: 'Europe/Berlin',
      venue: 'Hall 3',
    },
    name: 'Ada Lovelace',
    tickets: [
      { id: 'ticket-1', token: 'LY1:ABCDEFGH234567', ticketTypeName: 'GA', holderName: 'Ada' },
    ],
  },
};

describe('mail rendering off the event loop', () => {
  it('renders on a worker thread the same mail as on the event loop, attachments as Buffers', async () => {
    const onLoop = mailRenderer(0);
    const onThread = mailRenderer(1);
    try {
      const [a, b] = await Promise.all([
        onLoop.render(confirmation),
        onThread.render(confirmation),
      ]);
      expect(b.subject).toBe(a.subject);
      expect(b.html).toBe(a.html);
      expect(b.text).toBe(a.text);
      expect(b.attachments.map((x) => [x.filename, x.contentType])).toEqual(
        a.attachments.map((x) => [x.filename, x.contentType]),
      );
      for (const x of b.attachments) expect(Buffer.isBuffer(x.content)).toBe(true);
      // The PNG is byte for byte the same; the calendar file but for its time stamp (and a PDF
      // carries its creation time).
      expect(b.attachments[0]!.content.equals(a.attachments[0]!.content)).toBe(true);
      const unstamped = (ics: Buffer) => ics.toString('utf8').replace(/^DTSTAMP:.*$/m, '');
      expect(unstamped(b.attachments[2]!.content)).toBe(unstamped(a.attachments[2]!.content));
    } finally {
      await Promise.all([onLoop.close(), onThread.close()]);
    }
  });

  it('renders a notice to administrators: no event, no attachments, the dashboard link', async () => {
    const renderer = mailRenderer(1);
    try {
      const mail = await renderer.render({
        id: 'notice-1',
        kind: 'webhook_endpoint_disabled',
        recipient: 'admin@example.org',
        recipientName: 'Ada Admin',
        domain: 'example.org',
        data: {
          name: 'Ada Admin',
          organization: 'Conference Club',
          url: 'https://crm.example.org/hooks',
          reason: 'failing',
          failingSince: '2027-03-01T08:00:00Z',
          link: 'https://tickets.example.org/dashboard/webhooks',
        } as unknown as RenderInput['data'],
      });
      expect(mail.subject).toBe('A webhook endpoint was disabled');
      expect(mail.attachments).toEqual([]);
      expect(mail.text).toContain('https://crm.example.org/hooks');
      expect(mail.text).toContain('since Mar 1, 2027, 8:00 AM UTC, five days and more.');
      expect(mail.text).toContain('https://tickets.example.org/dashboard/webhooks');
      expect(mail.text).toContain('administrator of Conference Club');
    } finally {
      await renderer.close();
    }
  });
});
