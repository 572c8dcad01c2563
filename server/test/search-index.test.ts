import { randomBytes } from 'node:crypto';
import { startTestServer, type TestServer } from './harness.js';
import {
  createSale,
  json,
  type Order,
  type Sale,
} from '../src/features/ticketing/test-support/ticket-fixtures.js';
import { createElasticsearchSearchIndex } from '../src/features/attendee-search/elasticsearch-index.js';
import { createPostgresSearchIndex } from '../src/features/attendee-search/postgres-index.js';
import type { SearchIndex } from '../src/features/attendee-search/search-index.js';
import { attendeeDocuments } from '../src/features/attendee-search/store.js';

// One contract for every SearchIndex adapter. Tickets are written through the API; after each
// change the test hands the changed tickets' documents to index(), as the outbox relay will for
// an index outside PostgreSQL (the PostgreSQL adapter needs nothing: the tables are its index).

type Adapter = { name: string; db: 'postgres' | 'pglite'; open: (t: TestServer) => SearchIndex };

const adapters: Adapter[] = [
  {
    name: 'PostgreSQL adapter',
    db: 'postgres',
    open: (t) => createPostgresSearchIndex(t.server.db),
  },
  {
    name: 'PostgreSQL adapter on PGlite',
    db: 'pglite',
    open: (t) => createPostgresSearchIndex(t.server.db),
  },
];
const elasticsearchUrl = process.env.ELASTICSEARCH_URL;
const elasticsearch: Adapter = {
  name: 'Elasticsearch adapter',
  db: 'pglite',
  open: () =>
    createElasticsearchSearchIndex(
      elasticsearchUrl!,
      `lanyard-test-attendees-${randomBytes(4).toString('hex')}`,
    ),
};

for (const adapter of adapters) contract(adapter);
// Without a cluster the real contract tests are listed as skipped, with the reason in their name
// (scripts/run-tests.mjs lets only Kafka and Elasticsearch tests skip).
contract(elasticsearch, elasticsearchUrl ? undefined : 'ELASTICSEARCH_URL not set');

function contract({ name, db, open }: Adapter, skipped?: string) {
  const suite = skipped ? describe.skip : describe;
  suite(`SearchIndex contract: ${name}${skipped ? ` (skipped: ${skipped})` : ''}`, () => {
    let t: TestServer;
    let index: SearchIndex;
    let sale: Sale;
    let elsewhere: Sale;
    const ticket: Record<string, string> = {};

    const register = async (s: Sale, person: string, email: string) => {
      const order = await json<Order>(
        await t.api(`/api/v1/events/${s.eventId}/registrations`, {
          token: null,
          body: { ticketTypeId: s.ticketTypeId, quantity: 1, attendee: { name: person, email } },
        }),
        201,
      );
      return order.tickets[0]!.id;
    };
    const sync = async (...ids: string[]) => index.index(await attendeeDocuments(t.server.db, ids));
    const names = async (query: string, s = sale, limit = 10) =>
      (await index.search(s.eventId, query, limit)).map((h) => h.name);

    beforeAll(async () => {
      t = await startTestServer(db);
      index = open(t);
      sale = await createSale(t);
      elsewhere = await createSale(t);
      const people: [string, string][] = [
        ['Ada Lovelace', 'ada@example.org'],
        ['Grace Hopper', 'grace@example.org'],
        ['Alan Turing', 'alan@example.org'],
        ['Adam Lovell', 'adam@example.org'],
        ['Ada Byron King', 'byron@example.org'],
        ['Linus Torvalds', 'linus@example.org'],
      ];
      for (const [person, email] of people) ticket[person] = await register(sale, person, email);
      ticket.elsewhere = await register(elsewhere, 'Ada Lovelace', 'ada.other@example.org');
      await sync(...Object.values(ticket));
    });
    afterAll(async () => {
      await t?.stop();
    });

    it('finds a misspelled name in the top 3', async () => {
      expect((await names('Ada Lovelase')).slice(0, 3)).toContain('Ada Lovelace');
      expect((await names('lovlace')).slice(0, 3)).toContain('Ada Lovelace');
      expect((await names('grace hoper')).slice(0, 3)).toContain('Grace Hopper');
    });

    it('returns the full document of a hit', async () => {
      const [hit] = await index.search(sale.eventId, 'Ada Lovelace', 1);
      expect(hit).toMatchObject({
        ticketId: ticket['Ada Lovelace'],
        orderId: expect.any(String),
        eventId: sale.eventId,
        organizationId: expect.any(String),
        name: 'Ada Lovelace',
        email: 'ada@example.org',
        ticketTypeName: 'Regular',
        status: 'valid',
        score: expect.any(Number),
      });
    });

    it('matches an email exactly, in any case, and not a part of one', async () => {
      const hits = await index.search(sale.eventId, 'GRACE@example.org', 10);
      expect(hits[0]).toMatchObject({ ticketId: ticket['Grace Hopper'] });
      expect(await names('grace@example')).not.toContain('Grace Hopper');
    });

    it('finds a ticket by its id and by a prefix of it, first', async () => {
      const id = ticket['Alan Turing']!;
      expect((await index.search(sale.eventId, id, 10))[0]?.ticketId).toBe(id);
      expect((await index.search(sale.eventId, id.slice(0, 13), 10))[0]?.ticketId).toBe(id);
    });

    it('never returns another event’s attendees', async () => {
      const hits = await index.search(sale.eventId, 'Ada Lovelace', 50);
      expect(hits.map((h) => h.eventId)).toEqual(hits.map(() => sale.eventId));
      expect(hits.map((h) => h.ticketId)).not.toContain(ticket.elsewhere);
      expect(await index.search(sale.eventId, 'ada.other@example.org', 10)).toEqual([]);
      expect(await index.search(sale.eventId, ticket.elsewhere!, 10)).toEqual([]);
      expect(await names('Ada Lovelace', elsewhere)).toEqual(['Ada Lovelace']);
    });

    it('shows a revoked ticket with its status', async () => {
      const id = ticket['Linus Torvalds']!;
      await json(await t.api(`/api/v1/tickets/${id}/revoke`, { body: {} }), 200);
      await sync(id);
      const [hit] = await index.search(sale.eventId, 'Linus Torvals', 1);
      expect(hit).toMatchObject({ ticketId: id, status: 'revoked' });
    });

    it('finds a transferred ticket under its new holder’s name, no longer under the old one', async () => {
      const id = ticket['Alan Turing']!;
      await json(
        await t.api(`/api/v1/tickets/${id}/transfer`, {
          body: { attendee: { name: 'Katherine Johnson', email: 'katherine@example.org' } },
        }),
        200,
      );
      await sync(id);
      const [hit] = await index.search(sale.eventId, 'Katherine Jonson', 3);
      expect(hit).toMatchObject({ ticketId: id, email: 'katherine@example.org', status: 'valid' });
      expect(
        (await index.search(sale.eventId, 'Alan Turing', 10)).map((h) => h.ticketId),
      ).not.toContain(id);
    });
  });
}
