import type { Queryable } from '../../platform/db/db.js';
import type { AttendeeDocument, AttendeeHit } from './search-index.js';

// How close a name must be, by word_similarity (0–1), when no word lookup answered: 0.6 lets one
// typo through in a word of seven letters or more ("jamessmith" for James Smith, as an email's
// local part) while a shared surname alone ("Jmaes Smith" against Mary Smith, 0.5) stays below it.
const NAME_THRESHOLD = '0.6';
// The most rows a name search ranks. A common name's rows score alike, so a few hundred of them
// hold the best ones; ranking all 13 000 Smiths of a million attendees would read them all.
const CANDIDATES = 200;

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

/** The event's tickets with exactly this email (any case) or an id in the range (query.ts). */
export async function exactMatches(
  db: Queryable,
  eventId: string,
  query: string,
  idRange: { from: string; to: string } | undefined,
  limit: number,
): Promise<AttendeeHit[]> {
  const { rows } = await db.query<AttendeeHit & Record<string, unknown>>(
    `SELECT 3::float8 AS score, ${DOCUMENT_COLUMNS} ${DOCUMENT_FROM}
     WHERE t.id IN (
       SELECT id FROM tickets WHERE event_id = $1 AND lower(attendee_email) = lower($2)
       UNION
       SELECT id FROM tickets WHERE event_id = $1 AND id BETWEEN $3 AND $4)
     ORDER BY t.id LIMIT $5`,
    [eventId, query, idRange?.from ?? null, idRange?.to ?? null, limit],
  );
  return rows;
}

/**
 * For each query word's deletion keys (query.ts), the words of attendee names stored under any of
 * them (migration 0009), accents folded as the names' words are.
 */
export async function knownWords(
  db: Queryable,
  keys: readonly (readonly string[])[],
): Promise<string[][]> {
  const { rows } = await db.query<{ i: number; word: string }>(
    `SELECT DISTINCT v.i, w.word
     FROM unnest($1::int[], $2::text[]) AS v(i, key)
     JOIN attendee_name_words w ON w.key = (attendee_name_words(v.key))[1]`,
    [keys.flatMap((k, i) => k.map(() => i)), keys.flat()],
  );
  return keys.map((_, i) => rows.filter((r) => r.i === i).map((r) => r.word));
}

/**
 * The event's best matches among names holding, for every query word, one of its known words:
 * ranked by word similarity plus whole-string similarity, so the full name beats a namesake.
 */
export async function searchByWords(
  db: Queryable,
  eventId: string,
  query: string,
  words: readonly (readonly string[])[],
  limit: number,
): Promise<AttendeeHit[]> {
  // Estimates for rare words are far too high (no statistics below the common ones), and under a
  // LIMIT the planner would then walk the event's rows in order; the GIN bitmap is always cheaper.
  await db.query(
    `SELECT set_config('enable_seqscan', 'off', true), set_config('enable_indexscan', 'off', true)`,
  );
  const holdsEach = words
    .map((_, i) => `attendee_name_words(attendee_name) && $${i + 4}::text[]`)
    .join(' AND ');
  return rankNames(db, holdsEach, [eventId, query, limit, ...words]);
}

/**
 * The event's best matches by trigram word similarity, for a query no word lookup answered.
 * Call inside a transaction after setNameThreshold, which the `<%` operator reads.
 */
export function searchByTrigrams(
  db: Queryable,
  eventId: string,
  query: string,
  limit: number,
): Promise<AttendeeHit[]> {
  return rankNames(db, `$2 <% attendee_name`, [eventId, query, limit]);
}

async function rankNames(
  db: Queryable,
  condition: string,
  params: unknown[],
): Promise<AttendeeHit[]> {
  const { rows } = await db.query<AttendeeHit & Record<string, unknown>>(
    `WITH candidates AS (
       SELECT id, attendee_name FROM tickets WHERE event_id = $1 AND ${condition}
       LIMIT ${CANDIDATES}
     ), best AS (
       SELECT id, word_similarity($2, attendee_name) + similarity($2, attendee_name) AS score
       FROM candidates ORDER BY score DESC, id LIMIT $3
     )
     SELECT best.score::float8 AS score, ${DOCUMENT_COLUMNS} ${DOCUMENT_FROM}
     JOIN best ON best.id = t.id
     ORDER BY best.score DESC, t.id`,
    params,
  );
  return rows;
}

/** Sets the trigram threshold for the rest of the caller's transaction. */
export async function setNameThreshold(tx: Queryable): Promise<void> {
  await tx.query(`SELECT set_config('pg_trgm.word_similarity_threshold', $1, true)`, [
    NAME_THRESHOLD,
  ]);
}
