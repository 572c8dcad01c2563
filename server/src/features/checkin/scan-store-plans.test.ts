import { openTestDatabase, type TestDatabase } from '../../test-support/databases.js';
import { passageContext } from './scan-store.js';

const NONE = '00000000-0000-0000-0000-000000000000';

// This process's first lookups of a ticket's admitted scans are planned on each run (the plan a
// connection keeps must not be made on a nearly empty checkin_scans); later ones are prepared.
describe("lookups of a ticket's admitted scans on PostgreSQL", () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase('postgres');
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('are prepared on the connection only after the first 2 000', async () => {
    const prepared = (tx: Parameters<Parameters<TestDatabase['db']['transaction']>[0]>[0]) =>
      tx
        .query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_prepared_statements WHERE statement LIKE '%FROM checkin_scans c%'
             AND statement NOT LIKE '%pg_prepared_statements%'`,
        )
        .then((r) => r.rows[0]!.n);
    await t.db.transaction(async (tx) => {
      for (let i = 0; i < 2_000; i++) await passageContext(tx, NONE, NONE);
      expect(await prepared(tx)).toBe(0);
      await passageContext(tx, NONE, NONE);
      expect(await prepared(tx)).toBe(1);
    });
  });
});
