import { readFile } from 'node:fs/promises';
import { jest } from '@jest/globals';
import { startCliUser, type CliUser } from './support/cli.js';

interface Message {
  id: string;
  kind: string;
  status: string;
  recipient: string;
  providerId: string | null;
}

const EVENT = `event:
  name: Mail Conf
  startsAt: 2027-05-01T09:00:00Z
  endsAt: 2027-05-02T09:00:00Z
  timezone: UTC
ticketTypes:
  - name: Regular
    priceCents: 0
    currency: EUR
    quantity: 10
`;

// Each step spawns the built CLI; on a loaded machine that takes seconds.
jest.setTimeout(120_000);

describe('lanyard messages and orders resend, with mail written to .eml files (no SMTP_URL)', () => {
  let u: CliUser;
  let eventId: string;
  let orderId: string;
  beforeAll(async () => {
    u = await startCliUser({ MAIL_DELIVERY: 'on' });
    eventId = (
      await u.json<{ eventId: string }>(['apply', '-f', await u.file('event.yaml', EVENT)])
    ).eventId;
    const types = (await (await u.server.api(`/api/v1/events/${eventId}/ticket-types`)).json()) as {
      id: string;
    }[];
    const res = await u.server.api(`/api/v1/events/${eventId}/registrations`, {
      token: null,
      body: {
        ticketTypeId: types[0]!.id,
        quantity: 1,
        attendee: { name: 'Ada', email: 'ada@example.org' },
      },
    });
    orderId = ((await res.json()) as { id: string }).id;
  });
  afterAll(async () => {
    await u?.stop();
  });

  const sentMessages = async (count: number) => {
    const until = Date.now() + 60_000;
    for (;;) {
      const list = await u.json<Message[]>(['messages', 'list', '--order', orderId]);
      const sent = list.filter((m) => m.status === 'sent');
      if (sent.length >= count) return sent;
      if (Date.now() > until) throw new Error(`timed out: ${JSON.stringify(list)}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  };

  it('lists the confirmation as sent, written to an .eml file under the data dir', async () => {
    const [m] = await sentMessages(1);
    expect(m).toMatchObject({ kind: 'order_confirmed', recipient: 'ada@example.org' });
    expect(m!.providerId).toMatch(new RegExp(`^${u.server.dataDir}/mail/.+\\.eml$`));
    const eml = await readFile(m!.providerId!, 'utf8');
    expect(eml).toMatch(/^Subject: Your tickets for Mail Conf$/m);
    expect(eml).toMatch(/^To: Ada <ada@example\.org>$/m);
  });

  it('resends an order’s confirmation', async () => {
    const r = await u.json<Message>(['orders', 'resend', orderId]);
    expect(r).toMatchObject({ kind: 'order_confirmed', status: 'queued' });
    await sentMessages(2);
  });

  it('retries dead letters: none here; a message id and --all-dead together is a usage error', async () => {
    expect(await u.json(['messages', 'retry', '--all-dead', '--event', eventId])).toEqual({
      retried: 0,
    });
    expect(await u.json(['messages', 'list', '--status', 'dead'])).toEqual([]);
    const both = await u.run(['messages', 'retry', 'x', '--all-dead']);
    expect(both.code).toBe(2);
  });

  it('previews and sends an organizer message to the event’s attendees', async () => {
    const args = [
      'messages',
      'send',
      '--event',
      eventId,
      '--subject',
      'Doors open at 9',
      '--body',
      'See you.',
    ];
    const preview = await u.json<{ recipients: number; sample: { to: string } }>([
      ...args,
      '--preview',
    ]);
    expect(preview).toMatchObject({ recipients: 1, sample: { to: 'ada@example.org' } });
    const sent = await u.json<{ id: string; status: string }>(args);
    expect(sent.status).toMatch(/^(scheduled|queued)$/);
    const done = await u.json<{ recipients: number; progress: Record<string, number> }>([
      'messages',
      'progress',
      sent.id,
      '--wait',
    ]);
    expect(done).toMatchObject({
      recipients: 1,
      progress: { sent: 1, queued: 0, failed: 0, dead: 0 },
    });
    const line = await u.run(['messages', 'progress', sent.id]);
    expect(line.stdout.trim()).toBe('"Doors open at 9" to 1 address(es): 1 sent, 0 waiting');
    const unknown = await u.run(['messages', 'progress', '00000000-0000-0000-0000-000000000000']);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/not.found/i);
  });
});
