import type { Queryable } from '../../platform/db/db.js';
import type { Device } from './schema.js';

// All SQL of kiosk devices.

interface DeviceRow {
  id: string;
  event_id: string;
  name: string;
  client_id: string;
  enrollment_expires_at: Date;
  enrolled_at: Date | null;
  revoked_at: Date | null;
  created_at: Date;
  last_seen_at: Date | null;
  [k: string]: unknown;
}

const COLUMNS =
  'id, event_id, name, client_id, enrollment_expires_at, enrolled_at, revoked_at, created_at, last_seen_at';

export interface DeviceRecord extends Device {
  clientId: string;
}

function toRecord(r: DeviceRow): DeviceRecord {
  return {
    id: r.id,
    eventId: r.event_id,
    name: r.name,
    status: r.revoked_at ? 'revoked' : r.enrolled_at ? 'active' : 'pending',
    enrollmentExpiresAt: r.enrollment_expires_at.toISOString(),
    enrolledAt: r.enrolled_at?.toISOString() ?? null,
    revokedAt: r.revoked_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
    lastSeenAt: r.last_seen_at?.toISOString() ?? null,
    clientId: r.client_id,
  };
}

export function toDevice(r: DeviceRecord): Device {
  const { clientId: _c, ...device } = r;
  return device;
}

export async function insertDevice(
  tx: Queryable,
  d: {
    id: string;
    eventId: string;
    name: string;
    clientId: string;
    codeHash: string;
    expiresAt: Date;
    createdBy: string;
  },
): Promise<DeviceRecord> {
  const { rows } = await tx.query<DeviceRow>(
    `INSERT INTO devices (id, event_id, name, client_id, enrollment_code_hash, enrollment_expires_at, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${COLUMNS}`,
    [d.id, d.eventId, d.name, d.clientId, d.codeHash, d.expiresAt, d.createdBy],
  );
  return toRecord(rows[0]!);
}

/** The conditional write that makes a code single-use: only a pending, unexpired device enrolls. */
export async function claimEnrollment(
  tx: Queryable,
  codeHash: string,
): Promise<(DeviceRecord & { organizationId: string }) | undefined> {
  const { rows } = await tx.query<DeviceRow & { organization_id: string }>(
    `UPDATE devices d SET enrolled_at = now(), updated_at = now()
     FROM events e
     WHERE e.id = d.event_id AND d.enrollment_code_hash = $1 AND d.enrolled_at IS NULL
       AND d.revoked_at IS NULL AND d.enrollment_expires_at > now()
     RETURNING ${COLUMNS.split(', ')
       .map((c) => `d.${c}`)
       .join(', ')}, e.organization_id`,
    [codeHash],
  );
  return rows[0] && { ...toRecord(rows[0]), organizationId: rows[0].organization_id };
}

export async function findByCodeHash(
  db: Queryable,
  codeHash: string,
): Promise<DeviceRecord | undefined> {
  const { rows } = await db.query<DeviceRow>(
    `SELECT ${COLUMNS} FROM devices WHERE enrollment_code_hash = $1`,
    [codeHash],
  );
  return rows[0] && toRecord(rows[0]);
}

export async function findDevice(
  db: Queryable,
  eventId: string,
  deviceId: string,
): Promise<DeviceRecord | undefined> {
  const { rows } = await db.query<DeviceRow>(
    `SELECT ${COLUMNS} FROM devices WHERE id = $1 AND event_id = $2`,
    [deviceId, eventId],
  );
  return rows[0] && toRecord(rows[0]);
}

/**
 * The device a client id belongs to, noting that it was seen now. The note is written only when
 * the last one is over 30 seconds old, so a busy kiosk costs one small write a half minute; the
 * returned row is as it was before the note.
 */
export async function seenByClientId(
  db: Queryable,
  clientId: string,
): Promise<DeviceRecord | undefined> {
  const { rows } = await db.query<DeviceRow>(
    `WITH seen AS (
       UPDATE devices SET last_seen_at = now()
       WHERE client_id = $1 AND enrolled_at IS NOT NULL AND revoked_at IS NULL
         AND (last_seen_at IS NULL OR last_seen_at < now() - interval '30 seconds')
     )
     SELECT ${COLUMNS} FROM devices WHERE client_id = $1`,
    [clientId],
  );
  return rows[0] && toRecord(rows[0]);
}

export async function listDevices(db: Queryable, eventId: string): Promise<DeviceRecord[]> {
  const { rows } = await db.query<DeviceRow>(
    `SELECT ${COLUMNS} FROM devices WHERE event_id = $1 ORDER BY created_at, id`,
    [eventId],
  );
  return rows.map(toRecord);
}

export async function renameDevice(
  db: Queryable,
  eventId: string,
  deviceId: string,
  name: string,
): Promise<DeviceRecord | undefined> {
  const { rows } = await db.query<DeviceRow>(
    `UPDATE devices SET name = $3, updated_at = now() WHERE id = $1 AND event_id = $2
     RETURNING ${COLUMNS}`,
    [deviceId, eventId, name],
  );
  return rows[0] && toRecord(rows[0]);
}

/** Revokes once; a second revocation returns the device unchanged. */
export async function revokeDevice(
  tx: Queryable,
  eventId: string,
  deviceId: string,
): Promise<DeviceRecord | undefined> {
  await tx.query(
    `UPDATE devices SET revoked_at = now(), updated_at = now()
     WHERE id = $1 AND event_id = $2 AND revoked_at IS NULL`,
    [deviceId, eventId],
  );
  return findDevice(tx, eventId, deviceId);
}

/** The organization of an event, or undefined when there is no such event. */
export async function eventOrganization(
  db: Queryable,
  eventId: string,
): Promise<string | undefined> {
  const { rows } = await db.query<{ organization_id: string }>(
    'SELECT organization_id FROM events WHERE id = $1',
    [eventId],
  );
  return rows[0]?.organization_id;
}
