import { jest } from '@jest/globals';
import { startCliUser, type CliUser } from './support/cli.js';

jest.setTimeout(120_000);

// `lanyard search reindex`. The paging and resuming are tested against a real database in
// server/test/search-reindex.test.ts; here, what the command says and exits with.

describe('lanyard search reindex against a server whose index is PostgreSQL', () => {
  let u: CliUser;
  beforeAll(async () => {
    u = await startCliUser();
  });
  afterAll(async () => {
    await u?.stop();
  });

  it('says there is nothing to reindex, exiting 4, and refuses an event id that is not one', async () => {
    const r = await u.run(['search', 'reindex']);
    expect(r.code).toBe(4);
    expect(r.stderr).toMatch(/ELASTICSEARCH_URL is not set/);
    const json = await u.run(['search', 'reindex', '--json']);
    expect(JSON.parse(json.stdout)).toMatchObject({ error: { code: 'search_not_external' } });
    const bad = await u.run(['search', 'reindex', '--event', 'nope']);
    expect(bad.code).toBe(2);
  });
});

const elasticsearchUrl = process.env.ELASTICSEARCH_URL;
(elasticsearchUrl ? describe : describe.skip)(
  `lanyard search reindex into Elasticsearch${elasticsearchUrl ? '' : ' (skipped: ELASTICSEARCH_URL not set)'}`,
  () => {
    let u: CliUser;
    afterAll(async () => {
      await u?.stop();
    });

    it('indexes every ticket of the database and says how many documents it indexed', async () => {
      u = await startCliUser({ ELASTICSEARCH_URL: elasticsearchUrl! });
      const event = (await (
        await u.server.api('/api/v1/events', {
          body: {
            name: 'Indexed',
            startsAt: '2027-05-01T09:00:00Z',
            endsAt: '2027-05-02T09:00:00Z',
            timezone: 'UTC',
          },
        })
      ).json()) as { id: string };
      const type = (await (
        await u.server.api(`/api/v1/events/${event.id}/ticket-types`, {
          body: { name: 'Regular', priceCents: 0, currency: 'EUR', quantity: 10 },
        })
      ).json()) as { id: string };
      for (let i = 0; i < 3; i++)
        await u.server.api(`/api/v1/events/${event.id}/registrations`, {
          token: null,
          body: {
            ticketTypeId: type.id,
            quantity: 2,
            attendee: { name: `Guest ${i}`, email: `guest-${i}@example.org` },
          },
        });
      const tickets = await u.server.server.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM tickets',
      );
      const done = await u.json<{ done: boolean; indexed: number; scope: string }>([
        'search',
        'reindex',
      ]);
      expect(done).toMatchObject({ done: true, scope: 'all' });
      expect(tickets.rows[0]!.n).toBe(6);
      expect(done.indexed).toBeGreaterThanOrEqual(6);
    });
  },
);
