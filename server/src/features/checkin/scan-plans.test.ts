import type { Queryable } from '../../platform/db/db.js';
import { describeEachDb } from '../../test-support/databases.js';
import { warmCheckinStatements } from './warm-up.js';

// A server plans its statements on its first scans, when the scans table may be empty, and each
// connection keeps those plans while the table grows; a plan that walks the event's admitted
// scans costs a scan more with every admission.
describeEachDb('online scan statements planned on an empty scans table', (get) => {
  it("look a ticket's admitted scans up by ticket and list, not through the event's", async () => {
    const plans: string[] = [];
    const explained: Queryable = {
      async query(sql, params = []) {
        const { rows } = await get().db.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params);
        plans.push(rows.map((r) => r['QUERY PLAN']).join('\n'));
        return { rows: [{ claimed: 0, inserted: 0, premise_held: false }] as never[], rowCount: 0 };
      },
      exec: () => Promise.resolve(),
    };
    // The usual online scan's statements, as the server's warm-up runs them.
    await warmCheckinStatements(explained);
    expect(plans.length).toBeGreaterThanOrEqual(2);
    for (const plan of plans) {
      expect(plan).toMatch(/checkin_scans_admitted on checkin_scans/);
      expect(plan).not.toMatch(/checkin_scans_event_admitted|Seq Scan on checkin_scans/);
    }
  });
});
