import type { Queryable } from '../../platform/db/db.js';

// SQL of the waitlist: entries in line, offers made and ended, and what attendees and staff read.

export type EntryStatus = 'waiting' | 'offered' | 'claimed' | 'expired' | 'cancelled';

export interface EntryRow {
  id: string;
  eventId: string;
  organizationId: string;
  ticketTypeId: string;
  /** Queue order across all entries; the displayed position counts only those still waiting. */
  queuePosition: number;
  attendeeName: string;
  attendeeEmail: string;
  emailNormalized: string;
  /** E.164 and SMS consent, carried over to the order a claim places. */
  phone: string | null;
  smsOptIn: boolean;
  /** The language they chose (null: the event's default). */
  locale: string | null;
  quantity: number;
  status: EntryStatus;
  offerExpiresAt: Date | null;
  claimedOrderId: string | null;
  accessKeyHash: string;
  createdAt: Date;
}

interface RawEntry {
  id: string;
  event_id: string;
  organization_id: string;
  ticket_type_id: string;
  position: number;
  attendee_name: string;
  attendee_email: string;
  email_normalized: string;
  attendee_phone: string | null;
  sms_opt_in: boolean;
  locale: string | null;
  quantity: number;
  status: EntryStatus;
  offer_expires_at: Date | null;
  claimed_order_id: string | null;
  access_key_hash: string;
  created_at: Date;
  [key: string]: unknown;
}

const ENTRY_COLUMNS = `w.id, w.event_id, e.organization_id, w.ticket_type_id, w.position, w.attendee_name,
  w.attendee_email, w.email_normalized, w.attendee_phone, w.sms_opt_in, w.locale, w.quantity, w.status, w.offer_expires_at, w.claimed_order_id,
  w.access_key_hash, w.created_at`;

const toEntry = (r: RawEntry): EntryRow => ({
  id: r.id,
  eventId: r.event_id,
  organizationId: r.organization_id,
  ticketTypeId: r.ticket_type_id,
  queuePosition: Number(r.position),
  attendeeName: r.attendee_name,
  attendeeEmail: r.attendee_email,
  emailNormalized: r.email_normalized,
  phone: r.attendee_phone,
  smsOptIn: r.sms_opt_in,
  locale: r.locale,
  quantity: r.quantity,
  status: r.status,
  offerExpiresAt: r.offer_expires_at,
  claimedOrderId: r.claimed_order_id,
  accessKeyHash: r.access_key_hash,
  createdAt: r.created_at,
});

/** One entry; `forUpdate` locks it (claims and leaves of one entry then happen one at a time). */
export async function findEntry(
  db: Queryable,
  entryId: string,
  forUpdate = false,
): Promise<EntryRow | undefined> {
  const { rows } = await db.query<RawEntry>(
    `SELECT ${ENTRY_COLUMNS} FROM waitlist_entries w JOIN events e ON e.id = w.event_id
     WHERE w.id = $1${forUpdate ? ' FOR UPDATE OF w' : ''}`,
    [entryId],
  );
  return rows[0] && toEntry(rows[0]);
}

export interface Candidate {
  id: string;
  quantity: number;
  /** Queue order, to read on from in the next batch. */
  queuePosition: number;
}

/**
 * The next entries in line for a ticket type (after `afterPosition`) that could fit in `free`
 * seats, locked. Nothing is offered for a ticket type or event that is archived or over.
 */
export async function waitingCandidates(
  tx: Queryable,
  ticketTypeId: string,
  free: number,
  afterPosition: number,
  now: Date,
): Promise<Candidate[]> {
  const { rows } = await tx.query<{ id: string; quantity: number; position: number }>(
    `SELECT w.id, w.quantity, w.position FROM waitlist_entries w
     JOIN ticket_types tt ON tt.id = w.ticket_type_id
     JOIN events e ON e.id = tt.event_id
     WHERE w.ticket_type_id = $1 AND w.status = 'waiting' AND w.quantity <= $2 AND w.position > $3
       AND tt.archived_at IS NULL AND e.archived_at IS NULL AND e.ends_at > $4
     ORDER BY w.position LIMIT $2
     FOR UPDATE OF w`,
    [ticketTypeId, free, afterPosition, now],
  );
  return rows.map((r) => ({ id: r.id, quantity: r.quantity, queuePosition: Number(r.position) }));
}

export interface Offer {
  id: string;
  eventId: string;
  ticketTypeId: string;
  attendeeName: string;
  attendeeEmail: string;
  quantity: number;
  offerExpiresAt: Date;
}

/** Marks entries offered until `now` plus the event's offer time. */
export async function markOffered(tx: Queryable, entryIds: string[], now: Date): Promise<Offer[]> {
  const { rows } = await tx.query<{
    id: string;
    event_id: string;
    ticket_type_id: string;
    attendee_name: string;
    attendee_email: string;
    quantity: number;
    offer_expires_at: Date;
    position: number;
  }>(
    `UPDATE waitlist_entries w
     SET status = 'offered', offer_expires_at = $2::timestamptz + make_interval(mins => e.waitlist_offer_minutes),
         updated_at = now()
     FROM events e
     WHERE e.id = w.event_id AND w.id = ANY($1::uuid[])
     RETURNING w.id, w.event_id, w.ticket_type_id, w.attendee_name, w.attendee_email, w.quantity,
               w.offer_expires_at, w.position`,
    [entryIds, now],
  );
  // Announced in line order.
  return rows
    .sort((a, b) => Number(a.position) - Number(b.position))
    .map((r) => ({
      id: r.id,
      eventId: r.event_id,
      ticketTypeId: r.ticket_type_id,
      attendeeName: r.attendee_name,
      attendeeEmail: r.attendee_email,
      quantity: r.quantity,
      offerExpiresAt: r.offer_expires_at,
    }));
}

/** Ticket types with an offer past its time (optionally just one). */
export async function typesWithExpiredOffers(
  db: Queryable,
  now: Date,
  ticketTypeId: string | undefined,
): Promise<string[]> {
  const { rows } = await db.query<{ ticket_type_id: string }>(
    `SELECT DISTINCT ticket_type_id FROM waitlist_entries
     WHERE status = 'offered' AND offer_expires_at <= $1 AND ($2::uuid IS NULL OR ticket_type_id = $2)`,
    [now, ticketTypeId ?? null],
  );
  return rows.map((r) => r.ticket_type_id);
}

/**
 * Ends the ticket type's offers past their time. SKIP LOCKED: an offer being claimed right now is
 * left to its claim, which sees the time itself.
 */
export async function expireDueOffers(
  tx: Queryable,
  ticketTypeId: string,
  now: Date,
  limit: number,
): Promise<{ id: string; eventId: string; quantity: number; attendeeEmail: string }[]> {
  const { rows } = await tx.query<{
    id: string;
    event_id: string;
    quantity: number;
    attendee_email: string;
  }>(
    `UPDATE waitlist_entries w SET status = 'expired', updated_at = now()
     FROM (SELECT id FROM waitlist_entries
           WHERE ticket_type_id = $1 AND status = 'offered' AND offer_expires_at <= $2
           ORDER BY offer_expires_at LIMIT $3 FOR UPDATE SKIP LOCKED) due
     WHERE w.id = due.id
     RETURNING w.id, w.event_id, w.quantity, w.attendee_email`,
    [ticketTypeId, now, limit],
  );
  return rows.map((r) => ({
    id: r.id,
    eventId: r.event_id,
    quantity: r.quantity,
    attendeeEmail: r.attendee_email,
  }));
}

/** Ticket types with someone waiting. */
export async function typesWithWaitingEntries(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ ticket_type_id: string }>(
    `SELECT DISTINCT ticket_type_id FROM waitlist_entries WHERE status = 'waiting'`,
  );
  return rows.map((r) => r.ticket_type_id);
}

/** Other ticket types sharing a live quota with these, and with someone waiting. */
export async function quotaSiblingsWithWaiting(
  db: Queryable,
  ticketTypeIds: readonly string[],
): Promise<string[]> {
  const { rows } = await db.query<{ ticket_type_id: string }>(
    `SELECT DISTINCT other.ticket_type_id FROM quota_ticket_types mine
     JOIN quotas q ON q.id = mine.quota_id AND q.archived_at IS NULL
     JOIN quota_ticket_types other ON other.quota_id = mine.quota_id
     WHERE mine.ticket_type_id = ANY($1::uuid[]) AND NOT other.ticket_type_id = ANY($1::uuid[])
       AND EXISTS (SELECT 1 FROM waitlist_entries w
                   WHERE w.ticket_type_id = other.ticket_type_id AND w.status = 'waiting')`,
    [ticketTypeIds],
  );
  return rows.map((r) => r.ticket_type_id);
}

export async function setStatus(
  tx: Queryable,
  entryId: string,
  status: 'claimed' | 'cancelled',
  claimedOrderId: string | null = null,
): Promise<void> {
  await tx.query(
    `UPDATE waitlist_entries SET status = $2, claimed_order_id = coalesce($3, claimed_order_id),
       updated_at = now() WHERE id = $1`,
    [entryId, status, claimedOrderId],
  );
}

export interface ListFilter {
  eventId: string;
  ticketTypeId: string | undefined;
  status: EntryStatus | undefined;
  /** Queue position of the last entry of the previous page. */
  after: number | undefined;
  limit: number;
}

/** An event's entries in line order, each with its displayed position when still waiting. */
export async function listEntries(
  db: Queryable,
  f: ListFilter,
): Promise<(EntryRow & { waitingPosition: number | null })[]> {
  const { rows } = await db.query<RawEntry & { waiting_position: number | null }>(
    `SELECT ${ENTRY_COLUMNS},
            CASE WHEN w.status = 'waiting' THEN
              (SELECT count(*)::int + 1 FROM waitlist_entries ahead
               WHERE ahead.ticket_type_id = w.ticket_type_id AND ahead.status = 'waiting'
                 AND ahead.position < w.position)
            END AS waiting_position
     FROM waitlist_entries w JOIN events e ON e.id = w.event_id
     WHERE w.event_id = $1 AND ($2::uuid IS NULL OR w.ticket_type_id = $2)
       AND ($3::text IS NULL OR w.status = $3) AND ($4::bigint IS NULL OR w.position > $4)
     ORDER BY w.position LIMIT $5`,
    [f.eventId, f.ticketTypeId ?? null, f.status ?? null, f.after ?? null, f.limit],
  );
  return rows.map((r) => ({ ...toEntry(r), waitingPosition: r.waiting_position }));
}
