import type { Queryable } from '../../platform/db/db.js';
import { NOT_ANNULLED } from '../checkin/scan-store.js';
import { timeOrderedUuid } from '../../platform/time-ordered-uuid.js';

// SQL of organizer messages (broadcasts): who they reach, their fan-out and their progress.

export interface Audience {
  /** Only holders of these ticket types; null: every type. */
  ticketTypeIds: string[] | null;
  /** Only those checked in (true) or not yet (false); null: both. */
  checkedIn: boolean | null;
}

export interface BroadcastRecord {
  id: string;
  eventId: string;
  subject: string;
  body: string;
  audience: Audience;
  sendAt: Date;
  status: 'scheduled' | 'queued';
  recipients: number | null;
  createdAt: Date;
  organizationId: string;
}

const COLUMNS = `b.id, b.event_id AS "eventId", b.subject, b.body, b.audience, b.send_at AS "sendAt",
  b.status, b.recipients, b.created_at AS "createdAt", e.organization_id AS "organizationId"`;

// One address per person: the holder of a valid ticket, once however many tickets they hold.
const AUDIENCE = `
  SELECT DISTINCT ON (lower(t.attendee_email)) t.attendee_email AS email, t.attendee_name AS name
  FROM tickets t
  WHERE t.event_id = $1 AND t.status = 'valid'
    AND ($2::uuid[] IS NULL OR t.ticket_type_id = ANY($2::uuid[]))
    AND ($3::boolean IS NULL OR $3 = EXISTS (
      SELECT 1 FROM checkin_scans s
      WHERE s.ticket_id = t.id AND s.result = 'admitted' AND s.direction = 'entry'
        AND ${NOT_ANNULLED('s')}))
  ORDER BY lower(t.attendee_email), t.created_at`;

const audienceParams = (eventId: string, a: Audience) => [eventId, a.ticketTypeIds, a.checkedIn];

/** How many addresses the audience reaches now, and the first of them (for a preview). */
export async function audienceSample(
  q: Queryable,
  eventId: string,
  a: Audience,
): Promise<{ count: number; first: { email: string; name: string } | undefined }> {
  const { rows } = await q.query<{ email: string; name: string; count: string }>(
    `SELECT email, name, count(*) OVER () AS count FROM (${AUDIENCE}) a LIMIT 1`,
    audienceParams(eventId, a),
  );
  return { count: Number(rows[0]?.count ?? 0), first: rows[0] };
}

export async function insertBroadcast(
  q: Queryable,
  b: {
    eventId: string;
    subject: string;
    body: string;
    audience: Audience;
    sendAt: Date;
    createdBy: string;
  },
): Promise<string> {
  const id = timeOrderedUuid();
  await q.query(
    `INSERT INTO notification_broadcasts (id, event_id, subject, body, audience, send_at, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [id, b.eventId, b.subject, b.body, JSON.stringify(b.audience), b.sendAt, b.createdBy],
  );
  return id;
}

/**
 * Fans out one due broadcast, in one transaction: a message per address of its audience as it is
 * now, the n-th due n/perSecond seconds from now. Returns the broadcast's id, or undefined when
 * none is due. SKIP LOCKED lets several servers fan out different broadcasts.
 */
export async function fanOutDue(q: Queryable, perSecond: number): Promise<string | undefined> {
  const { rows } = await q.query<{ id: string; event_id: string; audience: Audience }>(
    `SELECT id, event_id, audience FROM notification_broadcasts
     WHERE status = 'scheduled' AND send_at <= now()
     ORDER BY send_at LIMIT 1 FOR UPDATE SKIP LOCKED`,
  );
  const b = rows[0];
  if (!b) return undefined;
  const { rowCount } = await q.query(
    `INSERT INTO notification_messages
       (id, broadcast_id, kind, event_id, recipient, recipient_name, data, available_at)
     SELECT gen_random_uuid(), $4, 'organizer_message', $1, a.email, a.name,
            jsonb_build_object('event', json_build_object('id', e.id, 'name', e.name,
              'startsAt', e.starts_at, 'endsAt', e.ends_at, 'timezone', e.timezone,
              'venue', e.venue),
              'name', a.name, 'subject', nb.subject, 'body', nb.body),
            now() + (row_number() OVER () - 1) * interval '1 second' / $5
     FROM (${AUDIENCE}) a, events e, notification_broadcasts nb
     WHERE e.id = $1 AND nb.id = $4
     ON CONFLICT (broadcast_id, recipient) WHERE broadcast_id IS NOT NULL DO NOTHING`,
    [...audienceParams(b.event_id, b.audience), b.id, perSecond],
  );
  await q.query(
    `UPDATE notification_broadcasts SET status = 'queued', recipients = $2 WHERE id = $1`,
    [b.id, rowCount],
  );
  return b.id;
}

export async function findBroadcast(
  q: Queryable,
  id: string,
): Promise<BroadcastRecord | undefined> {
  const { rows } = await q.query<Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM notification_broadcasts b JOIN events e ON e.id = b.event_id
     WHERE b.id = $1`,
    [id],
  );
  return rows[0] as BroadcastRecord | undefined;
}

export async function listBroadcasts(q: Queryable, eventId: string): Promise<BroadcastRecord[]> {
  const { rows } = await q.query<Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM notification_broadcasts b JOIN events e ON e.id = b.event_id
     WHERE b.event_id = $1 ORDER BY b.created_at DESC LIMIT 100`,
    [eventId],
  );
  return rows as unknown as BroadcastRecord[];
}

/** How many of a broadcast's messages are in each status. */
export async function broadcastProgress(
  q: Queryable,
  id: string,
): Promise<Record<'queued' | 'failed' | 'sent' | 'dead', number>> {
  const { rows } = await q.query<{ status: string; n: string }>(
    `SELECT status, count(*) AS n FROM notification_messages WHERE broadcast_id = $1 GROUP BY status`,
    [id],
  );
  const counts = { queued: 0, failed: 0, sent: 0, dead: 0 };
  for (const r of rows) counts[r.status as keyof typeof counts] = Number(r.n);
  return counts;
}
