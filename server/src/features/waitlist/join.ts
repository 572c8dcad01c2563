import type { Queryable } from '../../platform/db/db.js';
import { conflict } from '../../platform/errors.js';

export interface WaitlistJoin {
  eventId: string;
  ticketTypeId: string;
  attendeeName: string;
  attendeeEmail: string;
  emailNormalized: string;
  quantity: number;
  accessKeyHash: string;
  /** The client address that joined (null: not known). */
  clientIp?: string | null;
  /** E.164, and whether they agreed to SMS (events that ask for a phone). */
  phone?: string | null;
  smsOptIn?: boolean;
  /** The language they chose: their messages' and, once claimed, their order's. */
  locale?: string | null;
}

export interface WaitlistPlace {
  id: string;
  /** 1 for the first in line among those still waiting for this ticket type. */
  position: number;
}

/** Puts the attendee in line; one live entry per email and ticket type. */
export async function joinWaitlist(tx: Queryable, w: WaitlistJoin): Promise<WaitlistPlace> {
  // Joins of one ticket type take turns until commit, so each counts every earlier entry and two
  // people who join at once are never both told they are number 1.
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('lanyard.waitlist-join:' || $1))`, [
    w.ticketTypeId,
  ]);
  const { rows } = await tx.query<{ id: string; position: number }>(
    `INSERT INTO waitlist_entries (event_id, ticket_type_id, attendee_name, attendee_email, email_normalized,
       quantity, status, access_key_hash, client_ip, attendee_phone, sms_opt_in, locale)
     VALUES ($1, $2, $3, $4, $5, $6, 'waiting', $7, $8, $9, $10, $11)
     ON CONFLICT (ticket_type_id, email_normalized) WHERE status IN ('waiting', 'offered') DO NOTHING
     RETURNING id, position`,
    [
      w.eventId,
      w.ticketTypeId,
      w.attendeeName,
      w.attendeeEmail,
      w.emailNormalized,
      w.quantity,
      w.accessKeyHash,
      w.clientIp ?? null,
      w.phone ?? null,
      w.smsOptIn ?? false,
      w.locale ?? null,
    ],
  );
  if (!rows[0]) {
    throw conflict(
      'already_on_waitlist',
      'This email is already on the waitlist for this ticket type.',
    );
  }
  return { id: rows[0].id, position: await waitlistPosition(tx, w.ticketTypeId, rows[0].position) };
}

/** Place in line: entries still waiting ahead of this one, plus one. */
export async function waitlistPosition(
  db: Queryable,
  ticketTypeId: string,
  position: number,
): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM waitlist_entries
     WHERE ticket_type_id = $1 AND status = 'waiting' AND position < $2`,
    [ticketTypeId, position],
  );
  return rows[0]!.n + 1;
}
