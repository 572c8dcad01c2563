import type { Queryable } from '../../platform/db/db.js';

// SQL of an attendee's agenda: favourites and signups, by ticket. A session's confirmed
// signups are counted in schedule_sessions.signups_taken, which grows only through the
// conditional UPDATE in takeSeat, the same rule as ticket capacity.

export interface TicketHolder {
  ticketId: string;
  eventId: string;
  status: string;
  accessKeyHash: string;
}

export async function findTicketHolder(
  q: Queryable,
  ticketId: string,
): Promise<TicketHolder | undefined> {
  const { rows } = await q.query<{
    id: string;
    event_id: string;
    status: string;
    access_key_hash: string;
  }>(
    `SELECT t.id, t.event_id, t.status, coalesce(t.access_key_hash, o.access_key_hash) AS access_key_hash
     FROM tickets t JOIN orders o ON o.id = t.order_id WHERE t.id = $1`,
    [ticketId],
  );
  const r = rows[0];
  return (
    r && { ticketId: r.id, eventId: r.event_id, status: r.status, accessKeyHash: r.access_key_hash }
  );
}

export async function findSessionForAgenda(
  q: Queryable,
  eventId: string,
  sessionId: string,
): Promise<{ id: string; status: string; signupCapacity: number | null } | undefined> {
  const { rows } = await q.query<{ id: string; status: string; signup_capacity: number | null }>(
    'SELECT id, status, signup_capacity FROM schedule_sessions WHERE id = $1 AND event_id = $2',
    [sessionId, eventId],
  );
  const r = rows[0];
  return r && { id: r.id, status: r.status, signupCapacity: r.signup_capacity };
}

export async function addFavourite(
  q: Queryable,
  sessionId: string,
  ticketId: string,
): Promise<void> {
  await q.query(
    'INSERT INTO schedule_favourites (session_id, ticket_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
    [sessionId, ticketId],
  );
}

export async function removeFavourite(
  q: Queryable,
  sessionId: string,
  ticketId: string,
): Promise<void> {
  await q.query('DELETE FROM schedule_favourites WHERE session_id = $1 AND ticket_id = $2', [
    sessionId,
    ticketId,
  ]);
}

export type SignupStatus = 'confirmed' | 'waitlisted';

/** Adds the ticket to the session’s line (waitlisted until a seat is taken); false when already in it. */
export async function insertSignup(
  q: Queryable,
  sessionId: string,
  ticketId: string,
): Promise<boolean> {
  const { rowCount } = await q.query(
    `INSERT INTO schedule_signups (session_id, ticket_id, status) VALUES ($1, $2, 'waitlisted')
     ON CONFLICT DO NOTHING`,
    [sessionId, ticketId],
  );
  return rowCount > 0;
}

/** Takes one seat if one is left, in one conditional statement; false when full. */
export async function takeSeat(q: Queryable, sessionId: string): Promise<boolean> {
  const { rowCount } = await q.query(
    `UPDATE schedule_sessions SET signups_taken = signups_taken + 1
     WHERE id = $1 AND signup_capacity IS NOT NULL AND signups_taken < signup_capacity`,
    [sessionId],
  );
  return rowCount > 0;
}

export async function releaseSeat(q: Queryable, sessionId: string): Promise<void> {
  await q.query(
    'UPDATE schedule_sessions SET signups_taken = signups_taken - 1 WHERE id = $1 AND signups_taken > 0',
    [sessionId],
  );
}

export async function setSignupStatus(
  q: Queryable,
  sessionId: string,
  ticketId: string,
  status: SignupStatus,
): Promise<void> {
  await q.query(
    'UPDATE schedule_signups SET status = $3 WHERE session_id = $1 AND ticket_id = $2',
    [sessionId, ticketId, status],
  );
}

export async function deleteSignup(
  q: Queryable,
  sessionId: string,
  ticketId: string,
): Promise<SignupStatus | undefined> {
  const { rows } = await q.query<{ status: SignupStatus }>(
    'DELETE FROM schedule_signups WHERE session_id = $1 AND ticket_id = $2 RETURNING status',
    [sessionId, ticketId],
  );
  return rows[0]?.status;
}

/** Gives a freed seat to the first of the waitlist; the ticket promoted, if any. */
export async function promoteNext(q: Queryable, sessionId: string): Promise<string | undefined> {
  const { rows } = await q.query<{ ticket_id: string }>(
    `UPDATE schedule_signups SET status = 'confirmed'
     WHERE session_id = $1 AND ticket_id = (
       SELECT ticket_id FROM schedule_signups WHERE session_id = $1 AND status = 'waitlisted'
       ORDER BY position LIMIT 1 FOR UPDATE SKIP LOCKED)
     RETURNING ticket_id`,
    [sessionId],
  );
  return rows[0]?.ticket_id;
}

export interface Agenda {
  favourites: string[];
  signups: { sessionId: string; status: SignupStatus; waitlistPosition: number | null }[];
}

export async function agendaOf(q: Queryable, ticketId: string): Promise<Agenda> {
  const favourites = await q.query<{ session_id: string }>(
    'SELECT session_id FROM schedule_favourites WHERE ticket_id = $1 ORDER BY created_at, session_id',
    [ticketId],
  );
  const signups = await q.query<{ session_id: string; status: SignupStatus; ahead: number | null }>(
    `SELECT s.session_id, s.status,
       CASE WHEN s.status = 'waitlisted' THEN (
         SELECT count(*)::int + 1 FROM schedule_signups w
         WHERE w.session_id = s.session_id AND w.status = 'waitlisted' AND w.position < s.position)
       END AS ahead
     FROM schedule_signups s WHERE s.ticket_id = $1 ORDER BY s.created_at, s.session_id`,
    [ticketId],
  );
  return {
    favourites: favourites.rows.map((r) => r.session_id),
    signups: signups.rows.map((r) => ({
      sessionId: r.session_id,
      status: r.status,
      waitlistPosition: r.ahead,
    })),
  };
}
