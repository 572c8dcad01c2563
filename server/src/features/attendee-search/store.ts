import type { Queryable } from '../../platform/db/db.js';
import type { AttendeeDocument, AttendeeHit } from './search-index.js';

// How close a name must be, by word_similarity (0–1): 0.5 lets one wrong letter through in a
// seven-letter surname ("lovlace") while a shared first name alone stays below it.
const NAME_THRESHOLD = '0.5';

const DOCUMENT_COLUMNS = `
  t.id AS "ticketId", t.order_id AS "orderId", t.event_id AS "eventId",
  e.organization_id AS "organizationId", t.attendee_name AS name, t.attendee_email AS email,
  tt.name AS "ticketTypeName", t.status`;
const DOCUMENT_FROM = `
  FROM tickets t
  JOIN events e ON e.id = t.event_id
  JOIN ticket_types tt ON tt.id = t.ticket_type_id`;

/** The documents of these tickets, as an index outside PostgreSQL receives them. */
export async function attendeeDocuments(
  db: Queryable,
  ticketIds: readonly string[],
): Promise<AttendeeDocument[]> {
  const { rows } = await db.query<AttendeeDocument & Record<string, unknown>>(
    `SELECT ${DOCUMENT_COLUMNS} ${DOCUMENT_FROM} WHERE t.id = ANY($1::uuid[]) ORDER BY t.id`,
    [ticketIds],
  );
  return rows;
}

/**
 * The event's best matches: an exact email or ticket id (range from query.ts) outranks any name;
 * names rank by word similarity plus whole-string similarity, so the full name beats a namesake.
 * Call inside a transaction after setNameThreshold, which the `<%` operator reads.
 */
export async function searchTickets(
  db: Queryable,
  eventId: string,
  query: string,
  idRange: { from: string; to: string } | undefined,
  limit: number,
): Promise<AttendeeHit[]> {
  const { rows } = await db.query<AttendeeHit & Record<string, unknown>>(
    `WITH matches AS (
       SELECT id, 3::real AS score FROM tickets
       WHERE event_id = $1 AND lower(attendee_email) = lower($2)
       UNION ALL
       SELECT id, 3::real FROM tickets WHERE event_id = $1 AND id BETWEEN $3 AND $4
       UNION ALL
       SELECT id, word_similarity($2, attendee_name) + similarity($2, attendee_name) FROM tickets
       WHERE event_id = $1 AND $2 <% attendee_name
     ), best AS (
       SELECT id, max(score) AS score FROM matches GROUP BY id ORDER BY score DESC, id LIMIT $5
     )
     SELECT best.score::float8 AS score, ${DOCUMENT_COLUMNS} ${DOCUMENT_FROM}
     JOIN best ON best.id = t.id
     ORDER BY best.score DESC, t.id`,
    [eventId, query, idRange?.from ?? null, idRange?.to ?? null, limit],
  );
  return rows;
}

/** Sets the name threshold for the rest of the caller's transaction. */
export async function setNameThreshold(tx: Queryable): Promise<void> {
  await tx.query(`SELECT set_config('pg_trgm.word_similarity_threshold', $1, true)`, [
    NAME_THRESHOLD,
  ]);
}
