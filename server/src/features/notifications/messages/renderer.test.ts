import { simpleParser } from 'mailparser';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
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

  it('renders an organizer message once for all, each recipient greeted by their own name, escaped as React escapes it', async () => {
    const renderer = mailRenderer(1);
    const message = (id: string, name: string, body = 'Doors open at 9.'): RenderInput => ({
      id,
      kind: 'organizer_message',
      recipient: `${id}@example.org`,
      recipientName: name,
      domain: 'example.org',
      data: { ...confirmation.data, tickets: undefined, name, subject: 'Doors', body },
    });
    const eve = 'Eve\r\nBcc: everyone@example.org <script>&"\'';
    try {
      const [ada, bob, other] = await Promise.all([
        renderer.render(message('a', 'Ada')),
        renderer.render(message('b', eve)),
        renderer.render(message('c', 'Cy', 'The east entrance is closed.')),
      ]);
      const greeting = (name: string) =>
        renderToStaticMarkup(createElement('p', null, `Hello ${name},`));
      expect(ada.html).toContain(greeting('Ada').slice(3, -4));
      expect(bob.html).toContain(
        greeting('Eve Bcc: everyone@example.org <script>&"\'').slice(3, -4),
      );
      expect(bob.html).not.toContain('<script>');
      expect(bob.text).toContain('Hello Eve Bcc: everyone@example.org <script>&"\',');
      expect(
        bob.html.replace('Eve Bcc: everyone@example.org &lt;script&gt;&amp;&quot;&#x27;', 'Ada'),
      ).toBe(ada.html);
      expect([ada.messageId, bob.messageId]).toEqual(['a@example.org', 'b@example.org']);
      expect(bob.to).toEqual({ name: eve, address: 'b@example.org' });
      expect(other.text).toContain('The east entrance is closed.');
      expect(other.text).not.toContain('Doors open at 9.');
    } finally {
      await renderer.close();
    }
  });

  it('composes the bytes a channel sends: one recipient, the subject and the Message-ID as headers', async () => {
    const renderer = mailRenderer(1);
    try {
      const mail = await renderer.compose(
        { ...confirmation, recipientName: 'Eve\r\nBcc: everyone@example.org' },
        'DevConf <tickets@example.org>',
      );
      expect(Buffer.isBuffer(mail.raw)).toBe(true);
      expect(mail.to).toBe('ada@example.org');
      const parsed = await simpleParser(mail.raw);
      expect(parsed.messageId).toBe('<message-1@example.org>');
      expect(parsed.subject).toBe(mail.subject);
      expect(parsed.headers.has('bcc')).toBe(false);
      expect(parsed.attachments.map((a) => a.contentType)).toEqual([
        'image/png',
        'application/pdf',
        'text/calendar',
      ]);
    } finally {
      await renderer.close();
    }
  });
});
