// Writes the search bench's attendees straight into the tables: one event, orders of 1 000
// tickets, names and emails drawn from a Population (see _search-people.ts).
import type pg from 'pg';
import { ascii, type Population } from './_search-people.js';

const PER_ORDER = 1_000;
/** Free-mail domains take this share of attendees; the rest use their company's domain. */
const PERSONAL_SHARE = 0.3;
const PERSONAL_DOMAINS = `{mail.example,post.example,inbox.example}`;

// Rank 1..n drawn with weight ≈ r^-s: the inverse of the continuous power law's distribution.
const zipf = (n: string, s: string) =>
  `least(${n}, floor(power(1 + random() * (power(${n} + 1, 1 - ${s}) - 1), 1 / (1 - ${s}))))::int`;

export async function loadAttendees(
  db: pg.Client,
  event: { id: string; ticketTypeId: string },
  attendees: number,
  people: Population,
): Promise<void> {
  // The kiosk change log's per-row trigger is not what this bench measures; skip it for the load.
  await db.query(`SET session_replication_role = replica`);
  await db.query(`SELECT setseed(0.42)`); // the same people on every run
  await db.query(
    `INSERT INTO orders (event_id, ticket_type_id, quantity, attendee_name, attendee_email,
       email_normalized, subtotal_cents, total_cents, currency, status, payment_method, access_key_hash)
     SELECT $1, $2, $3, 'Buyer ' || n, 'buyer' || n || '@example.org', 'buyer' || n || '@example.org',
       0, 0, 'EUR', 'confirmed', 'free', md5(n::text)
     FROM generate_series(1, $4) AS n`,
    [event.id, event.ticketTypeId, PER_ORDER, Math.ceil(attendees / PER_ORDER)],
  );
  await db.query(
    `WITH o AS (SELECT array_agg(id ORDER BY id) AS ids FROM orders WHERE event_id = $1),
     p AS (
       SELECT n, ${zipf('cardinality($4::text[])', '$7::float8')} AS f,
         ${zipf('cardinality($5::text[])', '$8::float8')} AS s,
         ${zipf('cardinality($6::text[])', '$9::float8')} AS c,
         random() < ${PERSONAL_SHARE} AS personal, floor(random() * 100)::int AS digits
       FROM generate_series(0::bigint, $3 - 1) AS n
     ), named AS (
       SELECT p.*, ($4::text[])[f] AS first, ($5::text[])[s] AS last,
         ($10::text[])[f] AS f_ascii, ($11::text[])[s] AS l_ascii
       FROM p
     )
     INSERT INTO tickets (order_id, event_id, ticket_type_id, attendee_name, attendee_email,
       status, token, kid)
     SELECT o.ids[(1 + n / ${PER_ORDER})::int], $1, $2, first || ' ' || last,
       CASE WHEN personal
         THEN f_ascii || '.' || l_ascii || digits || '@' || ($12::text[])[1 + digits % 3]
         -- A company writes all its addresses one way, chosen by its rank.
         ELSE CASE c % 4 WHEN 0 THEN f_ascii || '.' || l_ascii WHEN 1 THEN left(f_ascii, 1) || l_ascii
                         WHEN 2 THEN f_ascii || l_ascii ELSE f_ascii || '_' || l_ascii END
           || '@' || ($6::text[])[c] || '.example'
       END,
       CASE WHEN n % 50 = 0 THEN 'revoked' ELSE 'valid' END, 'bench', 'bench'
     FROM named, o`,
    [
      event.id,
      event.ticketTypeId,
      attendees,
      people.firstNames,
      people.surnames,
      people.companies,
      people.firstNameSkew,
      people.surnameSkew,
      people.companySkew,
      people.firstNames.map(ascii),
      people.surnames.map(ascii),
      PERSONAL_DOMAINS,
    ],
  );
  // The skipped triggers include the one filing new name words for search (migration 0009): file
  // them as it would have, once for the whole load.
  await db.query(
    `INSERT INTO attendee_name_words
       SELECT DISTINCT k, w FROM tickets, unnest(attendee_name_words(attendee_name)) AS w,
         attendee_word_keys(w) AS k
       WHERE event_id = $1
     ON CONFLICT DO NOTHING`,
    [event.id],
  );
  await db.query(`SET session_replication_role = DEFAULT`);
  await db.query('VACUUM ANALYZE tickets');
  await db.query('VACUUM ANALYZE orders');
  await db.query('VACUUM ANALYZE attendee_name_words');
}
