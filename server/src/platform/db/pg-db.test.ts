import { openTestDatabase, type TestDatabase } from '../../test-support/databases.js';

describe('PostgreSQL adapter statements', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase('postgres', { migrate: false });
  });
  afterAll(async () => {
    await t?.drop();
  });

  it('prepares a statement once per connection, but not one planned on each run', async () => {
    const kept = 'SELECT $1::int AS n';
    const each = 'SELECT $1::int + 1 AS n';
    const prepared = await t.db.transaction(async (tx) => {
      await tx.query(kept, [1]);
      await tx.query(each, [1], { planEachRun: true });
      const { rows } = await tx.query<{ statement: string }>(
        'SELECT statement FROM pg_prepared_statements WHERE statement = ANY($1::text[])',
        [[kept, each]],
      );
      return rows.map((r) => r.statement);
    });
    expect(prepared).toEqual([kept]);
  });
});
