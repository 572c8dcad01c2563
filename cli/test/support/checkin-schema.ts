import { readFile } from 'node:fs/promises';
import type { TestServer } from '../../../server/test/harness.js';

// Main's server runs migrations 0001–0005; the check-in migration is parked beside its feature
// until 0006 and 0007 exist (the runner refuses gaps). Until then the tests apply it themselves;
// once the server migrates it, this does nothing.
const PARKED_CHECKIN_MIGRATION = new URL(
  '../../../server/src/features/checkin/migration/0008_checkin.sql',
  import.meta.url,
);

export async function requireCheckinSchema(server: TestServer): Promise<void> {
  const { rows } = await server.server.db.query<{ t: string | null }>(
    "SELECT to_regclass('checkin_lists')::text AS t",
  );
  if (rows[0]?.t != null) return;
  await server.server.db.exec(await readFile(PARKED_CHECKIN_MIGRATION, 'utf8'));
}
