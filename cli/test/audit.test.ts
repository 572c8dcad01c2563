import { jest } from '@jest/globals';
import { startCliUser, type CliUser } from './support/cli.js';

jest.setTimeout(120_000);

interface Entry {
  seq: number;
  action: string;
  eventId: string | null;
  actor: { clientId: string | null };
}

describe('lanyard audit against a real server', () => {
  let u: CliUser;
  let eventId: string;
  const sql = (text: string, params: unknown[] = []) => u.server.server.db.query(text, params);

  beforeAll(async () => {
    u = await startCliUser();
    const res = await u.server.api('/api/v1/events', {
      body: {
        name: 'Audited',
        startsAt: '2027-05-01T09:00:00Z',
        endsAt: '2027-05-02T09:00:00Z',
        timezone: 'UTC',
      },
    });
    eventId = ((await res.json()) as { id: string }).id;
    for (const name of ['Regular', 'VIP', 'Student'])
      await u.server.api(`/api/v1/events/${eventId}/ticket-types`, {
        body: { name, priceCents: 0, currency: 'EUR', quantity: 10 },
      });
    await u.server.api('/api/v1/events', {
      body: {
        name: 'Other',
        startsAt: '2027-06-01T09:00:00Z',
        endsAt: '2027-06-02T09:00:00Z',
        timezone: 'UTC',
      },
    });
  });
  afterAll(async () => {
    await u?.stop();
  });

  it('lists entries of an event, filtered by action and actor', async () => {
    const all = await u.json<Entry[]>(['audit', 'list', '--event', eventId]);
    expect(all.map((e) => e.action)).toEqual([
      'ticket_type.created',
      'ticket_type.created',
      'ticket_type.created',
      'event.created',
    ]);
    expect(all.every((e) => e.eventId === eventId)).toBe(true);
    const created = await u.json<Entry[]>(['audit', 'list', '--action', 'event.created']);
    expect(created).toHaveLength(2);
    const { client_id } = await u.server.bootstrap();
    expect(await u.json<Entry[]>(['audit', 'list', '--actor', client_id])).toHaveLength(5);
    expect(await u.json<Entry[]>(['audit', 'list', '--actor', 'nobody'])).toEqual([]);
    const later = new Date(Date.now() + 60_000).toISOString();
    expect(await u.json<Entry[]>(['audit', 'list', '--since', later])).toEqual([]);
    const human = await u.run(['audit', 'list', '--event', eventId]);
    expect(human.stdout).toMatch(/^4 {2}\S+ {2}\S+ {2}\S+ {2}ticket_type\.created {2}ticket_type /);
  });

  it('verify exits 0 when intact, and non-zero naming the first bad entry when edited', async () => {
    const ok = await u.run(['audit', 'verify']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^intact: 5 entries/);
    expect(JSON.parse((await u.run(['audit', 'verify', '--json'])).stdout)).toMatchObject({
      ok: true,
      entries: 5,
    });

    await sql('ALTER TABLE audit.audit_log DISABLE TRIGGER audit_log_append_only');
    try {
      await sql(`UPDATE audit.audit_log SET action = 'ticket_type.archived' WHERE seq = 3`);
      const bad = await u.run(['audit', 'verify']);
      expect(bad.code).toBe(3);
      expect(bad.stderr).toMatch(/first bad entry 3 \(hash_mismatch\)/);
      const json = await u.run(['audit', 'verify', '--json']);
      expect(json.code).toBe(3);
      expect(JSON.parse(json.stdout)).toMatchObject({
        error: { code: 'audit_chain_broken', details: { ok: false, firstBad: { seq: 3 } } },
      });
    } finally {
      await sql(`UPDATE audit.audit_log SET action = 'ticket_type.created' WHERE seq = 3`);
      await sql('ALTER TABLE audit.audit_log ENABLE TRIGGER audit_log_append_only');
    }
    expect((await u.run(['audit', 'verify'])).code).toBe(0);
  });
});
