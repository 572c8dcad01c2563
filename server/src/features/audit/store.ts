import type { Queryable } from '../../platform/db/db.js';
import type { AuditEntry, Checkpoint } from './chain.js';

interface EntryRow {
  seq: string;
  at: Date;
  organization_id: string;
  event_id: string | null;
  actor_subject: string | null;
  actor_client_id: string | null;
  actor_device_id: string | null;
  ip: string | null;
  user_agent: string | null;
  action: string;
  object_type: string;
  object_id: string | null;
  payload: AuditEntry['payload'];
  payload_hash: string;
  prev_hash: string;
  hash: string;
  redacted_at: Date | null;
  [k: string]: unknown;
}

const COLUMNS = `seq::text AS seq, at, organization_id, event_id, actor_subject, actor_client_id,
  actor_device_id, ip, user_agent, action, object_type, object_id, payload, payload_hash,
  prev_hash, hash, redacted_at`;

const toEntry = (r: EntryRow): AuditEntry => ({
  seq: Number(r.seq),
  at: new Date(r.at).toISOString(),
  organizationId: r.organization_id,
  eventId: r.event_id,
  actor: { subject: r.actor_subject, clientId: r.actor_client_id, deviceId: r.actor_device_id },
  ip: r.ip,
  userAgent: r.user_agent,
  action: r.action,
  objectType: r.object_type,
  objectId: r.object_id,
  payload: r.payload,
  payloadHash: r.payload_hash,
  prevHash: r.prev_hash,
  hash: r.hash,
  redactedAt: r.redacted_at ? new Date(r.redacted_at).toISOString() : null,
});

/** Locks the head until the transaction ends: appends are serialized, so the chain never forks. */
export async function lockHead(tx: Queryable): Promise<{ seq: number; hash: string }> {
  const { rows } = await tx.query<{ seq: string; hash: string }>(
    'SELECT seq::text AS seq, hash FROM audit_head WHERE id FOR UPDATE',
  );
  return { seq: Number(rows[0]!.seq), hash: rows[0]!.hash };
}

export async function readHead(db: Queryable): Promise<{ seq: number; hash: string }> {
  const { rows } = await db.query<{ seq: string; hash: string }>(
    'SELECT seq::text AS seq, hash FROM audit_head WHERE id',
  );
  return { seq: Number(rows[0]!.seq), hash: rows[0]!.hash };
}

export async function insertEntry(tx: Queryable, e: AuditEntry): Promise<void> {
  await tx.query(
    `INSERT INTO audit.audit_log (seq, at, organization_id, event_id, actor_subject, actor_client_id,
       actor_device_id, ip, user_agent, action, object_type, object_id, payload, payload_hash,
       prev_hash, hash)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
    [
      e.seq,
      e.at,
      e.organizationId,
      e.eventId,
      e.actor.subject,
      e.actor.clientId,
      e.actor.deviceId,
      e.ip,
      e.userAgent,
      e.action,
      e.objectType,
      e.objectId,
      JSON.stringify(e.payload),
      e.payloadHash,
      e.prevHash,
      e.hash,
    ],
  );
  await tx.query('UPDATE audit_head SET seq = $1, hash = $2 WHERE id', [e.seq, e.hash]);
}

export interface ListFilter {
  organizationId: string;
  eventId?: string | undefined;
  since?: string | undefined;
  actor?: string | undefined;
  action?: string | undefined;
  /** Entries before this seq (newest first). */
  beforeSeq?: number | undefined;
  limit: number;
}

export async function listEntries(db: Queryable, f: ListFilter): Promise<AuditEntry[]> {
  const where = ['organization_id = $1'];
  const params: unknown[] = [f.organizationId];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (f.eventId) add('event_id = ?', f.eventId);
  if (f.since) add('at >= ?', f.since);
  if (f.actor) add('? IN (actor_subject, actor_client_id, actor_device_id)', f.actor);
  if (f.action) add('action = ?', f.action);
  if (f.beforeSeq !== undefined) add('seq < ?', f.beforeSeq);
  params.push(f.limit);
  const { rows } = await db.query<EntryRow>(
    `SELECT ${COLUMNS} FROM audit.audit_log WHERE ${where.join(' AND ')} ORDER BY audit.audit_log.seq DESC LIMIT $${params.length}`,
    params,
  );
  return rows.map(toEntry);
}

/** The whole chain in seq order, a page at a time. */
export async function entriesAfter(db: Queryable, afterSeq: number, limit: number) {
  const { rows } = await db.query<EntryRow>(
    `SELECT ${COLUMNS} FROM audit.audit_log WHERE seq > $1 ORDER BY audit.audit_log.seq LIMIT $2`,
    [afterSeq, limit],
  );
  return rows.map(toEntry);
}

/** Clears an entry's payload; the trigger lets only this change through, and only here. */
export async function redactPayload(
  tx: Queryable,
  organizationId: string,
  seq: number,
): Promise<boolean> {
  await tx.query(`SELECT set_config('lanyard.audit_redaction', 'on', true)`);
  const { rowCount } = await tx.query(
    'UPDATE audit.audit_log SET payload = NULL, redacted_at = now() WHERE seq = $1 AND organization_id = $2 AND payload IS NOT NULL',
    [seq, organizationId],
  );
  await tx.query(`SELECT set_config('lanyard.audit_redaction', 'off', true)`);
  return rowCount > 0;
}

export interface KeyRow {
  kid: string;
  public_key: string;
  private_key: string;
  [k: string]: unknown;
}

export async function newestKey(db: Queryable): Promise<KeyRow | undefined> {
  const { rows } = await db.query<KeyRow>(
    'SELECT kid, public_key, private_key FROM audit_signing_keys ORDER BY created_at DESC, kid LIMIT 1',
  );
  return rows[0];
}

export async function insertKey(tx: Queryable, k: KeyRow): Promise<void> {
  await tx.query(
    'INSERT INTO audit_signing_keys (kid, public_key, private_key) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
    [k.kid, k.public_key, k.private_key],
  );
}

export async function publicKeys(db: Queryable): Promise<Map<string, string>> {
  const { rows } = await db.query<{ kid: string; public_key: string }>(
    'SELECT kid, public_key FROM audit_signing_keys',
  );
  return new Map(rows.map((r) => [r.kid, r.public_key]));
}

export async function insertCheckpoint(tx: Queryable, c: Checkpoint): Promise<void> {
  await tx.query(
    `INSERT INTO audit.audit_checkpoints (seq, hash, at, kid, signature) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (seq) DO NOTHING`,
    [c.seq, c.hash, c.at, c.kid, c.signature],
  );
}

export async function latestCheckpointSeq(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ seq: string | null }>(
    'SELECT max(seq)::text AS seq FROM audit.audit_checkpoints',
  );
  return Number(rows[0]?.seq ?? 0);
}

export async function checkpoints(db: Queryable): Promise<Checkpoint[]> {
  const { rows } = await db.query<{
    seq: string;
    hash: string;
    at: Date;
    kid: string;
    signature: string;
  }>(
    'SELECT seq::text AS seq, hash, at, kid, signature FROM audit.audit_checkpoints ORDER BY audit.audit_checkpoints.seq',
  );
  return rows.map((r) => ({
    seq: Number(r.seq),
    hash: r.hash,
    at: new Date(r.at).toISOString(),
    kid: r.kid,
    signature: r.signature,
  }));
}
