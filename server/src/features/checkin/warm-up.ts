import type { Queryable } from '../../platform/db/db.js';
import { admitFirstEntry, passageContext } from './scan-store.js';

const NONE = '00000000-0000-0000-0000-000000000000';

/**
 * Runs the statements of the usual online scan once on one connection, so the backend has read
 * the catalog entries of their tables (a new backend's first statement over them took 4 ms)
 * before the first real scan. They name a ticket that cannot exist, so nothing is written: the
 * first entry's premise fails before its state row and scan.
 */
export async function warmCheckinStatements(q: Queryable): Promise<void> {
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
