import { randomUUID } from 'node:crypto';
import { openTestDatabase, type TestDatabase } from '../../test-support/databases.js';
import { logAfter, settledHorizon } from './feed-store.js';

// The property the feed's cursor rests on, shown with real concurrent transactions: a log row
// whose seq is drawn early but committed late is never skipped by a reader.
describe('the settled horizon of the change log [postgres]', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase('postgres');
  });
  afterAll(async () => {
    await t?.drop();
  });

  const log = (q: { query: TestDatabase['db']['query'] }, eventId: string, entity: string) =>
    q.query(`SELECT sync_log($1, 'ticket', $2)`, [eventId, entity]);

  it('stops before a row still being written, then hands out both rows in seq order', async () => {
    const eventId = randomUUID();
    const start = await settledHorizon(t.db);
    expect(start).toBeDefined();

    let commitSlow!: () => void;
    let slowLogged!: () => void;
    const logged = new Promise<void>((r) => (slowLogged = r));
    const slow = t.db.transaction(async (tx) => {
      await log(tx, eventId, 'early-seq-late-commit');
      slowLogged();
      await new Promise<void>((r) => (commitSlow = r));
    });
    await logged;
    await t.db.transaction((tx) => log(tx, eventId, 'late-seq-early-commit'));

    // The later row is committed and visible, but the earlier seq is still in flight.
    expect(await settledHorizon(t.db, 50)).toBeUndefined();

    commitSlow();
    await slow;
    const horizon = await settledHorizon(t.db, 1000);
    expect(horizon).toBeDefined();
    const rows = await logAfter(t.db, eventId, start!, horizon!, 10);
    expect(rows.map((r) => r.entityId)).toEqual(['early-seq-late-commit', 'late-seq-early-commit']);
  });

  it('is not held back by transactions that write no change', async () => {
    let release!: () => void;
    let began!: () => void;
    const started = new Promise<void>((r) => (began = r));
    const unrelated = t.db.transaction(async (tx) => {
      await tx.query(`INSERT INTO organizations (name) VALUES ('Busy')`);
      began();
      await new Promise<void>((r) => (release = r));
    });
    await started;
    const eventId = randomUUID();
    const before = await settledHorizon(t.db, 1000);
    await t.db.transaction((tx) => log(tx, eventId, 'while-another-writes'));
    const horizon = await settledHorizon(t.db, 50);
    expect(horizon).toBeDefined();
    expect((await logAfter(t.db, eventId, before!, horizon!, 10)).map((r) => r.entityId)).toEqual([
      'while-another-writes',
    ]);
    release();
    await unrelated;
  });
});
