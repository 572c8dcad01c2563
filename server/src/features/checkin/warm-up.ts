import type { Queryable } from '../../platform/db/db.js';
import { admitFirstEntry, passageContext } from './scan-store.js';

const NONE = '00000000-0000-0000-0000-000000000000';
// PostgreSQL plans a prepared statement afresh on each of its first five runs on a connection;
// the sixth may settle on the plan it keeps (migration 0013 makes that the ticket lookup).
const RUNS = 6;

/**
 * Runs the statements of the usual online scan on one connection, so the backend has read the
 * catalog entries of their tables (a new backend's first statement over them took 4 ms) and
 * settled their plans before the first real scan. They name a ticket that cannot exist, so
 * nothing is written: the first entry's premise fails before its state row and scan.
 */
export async function warmCheckinStatements(q: Queryable): Promise<void> {
  for (let run = 0; run < RUNS; run++) await warmOnce(q);
}

async function warmOnce(q: Queryable): Promise<void> {
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
