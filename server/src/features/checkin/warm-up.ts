import type { Queryable } from '../../platform/db/db.js';
import { admitFirstEntry, passageContext } from './scan-store.js';

// PostgreSQL plans a prepared statement afresh on each of its first five runs on a connection;
// the sixth may settle on the plan it keeps.
const RUNS = 6;
const NONE = '00000000-0000-0000-0000-000000000000';

/**
 * Runs the statements of the usual online scan on one connection, so they are parsed and
 * planned before the first real scan. They name a ticket that cannot exist, so nothing is
 * written: the first entry's premise fails before its state row and scan.
 */
export async function warmCheckinStatements(q: Queryable): Promise<void> {
  for (let i = 0; i < RUNS; i++) {
    await admitFirstEntry(
      q,
      { token: '', revision: 0, ticketTypeId: NONE },
      {
        scanId: NONE,
        eventId: NONE,
        listId: NONE,
        ticketId: NONE,
        deviceId: null,
        actor: 'warm-up',
        gate: null,
        direction: 'entry',
        result: 'admitted',
        reason: 'entry',
        origin: 'online',
        deviceResult: null,
        tokenSha256: '',
        scannedAt: new Date(),
      },
    );
    await passageContext(q, NONE, NONE);
  }
}
