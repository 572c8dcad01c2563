import type { Queryable } from '../../platform/db/db.js';

/**
 * Keeps the access key handed out for an order, waitlist entry or transferred ticket, so its
 * mails can link to it. Called in the transaction that creates the key; a new key (a transfer)
 * replaces the old one.
 */
export async function rememberAccessKey(
  tx: Queryable,
  subjectId: string,
  accessKey: string,
): Promise<void> {
  await tx.query(
    `INSERT INTO mail_access_keys (subject_id, access_key) VALUES ($1, $2)
     ON CONFLICT (subject_id) DO UPDATE SET access_key = EXCLUDED.access_key`,
    [subjectId, accessKey],
  );
}

/** The remembered key of a subject, if any (imported orders have none). */
export async function accessKeyOf(q: Queryable, subjectId: string): Promise<string | undefined> {
  const { rows } = await q.query<{ access_key: string }>(
    `SELECT access_key FROM mail_access_keys WHERE subject_id = $1`,
    [subjectId],
  );
  return rows[0]?.access_key;
}
