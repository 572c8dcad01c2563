import type { Queryable } from '../../platform/db/db.js';
import type { Language } from '../events/languages.js';
import type { ImageSlot } from '../branding/images.js';
import type { Branding } from '../branding/schema.js';
import type { PublicQuestion } from './schema.js';

// All SQL of the portal: public reads only, never an organization's private fields.

export interface EventRow {
  id: string;
  name: string;
  description: string | null;
  venue: string | null;
  startsAt: Date;
  endsAt: Date;
  timezone: string;
  proofOfWork: boolean;
  attendeePhone: 'off' | 'optional' | 'required';
  phoneRegion: string | null;
  smsOffered: boolean;
  languages: Language[];
  branding: Partial<Branding>;
  /** sha256 of each uploaded image, by slot. */
  images: Partial<Record<ImageSlot, string>>;
}

export interface TicketTypeRow {
  id: string;
  name: string;
  description: string | null;
  priceCents: number;
  currency: string;
  maxPerOrder: number;
  salesStart: Date | null;
  salesEnd: Date | null;
  hidden: boolean;
}

/** An event that is not archived. */
export async function findOpenEvent(db: Queryable, eventId: string): Promise<EventRow | undefined> {
  const { rows } = await db.query<EventRow & Record<string, unknown>>(
    `SELECT id, name, description, venue, starts_at AS "startsAt", ends_at AS "endsAt", timezone,
            proof_of_work AS "proofOfWork", attendee_phone AS "attendeePhone",
            phone_region AS "phoneRegion",
            attendee_phone <> 'off' AND cardinality(sms_kinds) > 0 AS "smsOffered", languages,
            branding,
            (SELECT coalesce(jsonb_object_agg(slot, digest), '{}') FROM event_images
              WHERE event_id = events.id) AS images
     FROM events WHERE id = $1 AND archived_at IS NULL`,
    [eventId],
  );
  return rows[0];
}

/** The event's ticket types on offer, in the organizer's order. */
export async function listOpenTicketTypes(
  db: Queryable,
  eventId: string,
): Promise<TicketTypeRow[]> {
  const { rows } = await db.query<TicketTypeRow & Record<string, unknown>>(
    `SELECT id, name, description, price_cents AS "priceCents", currency,
            max_per_order AS "maxPerOrder", sales_start AS "salesStart", sales_end AS "salesEnd",
            hidden
     FROM ticket_types WHERE event_id = $1 AND archived_at IS NULL
     ORDER BY position, created_at, id`,
    [eventId],
  );
  return rows.map((r) => ({ ...r, priceCents: Number(r.priceCents) }));
}

/** The event's questions still asked, in the organizer's order. */
export async function listOpenQuestions(db: Queryable, eventId: string): Promise<PublicQuestion[]> {
  const { rows } = await db.query<PublicQuestion & Record<string, unknown>>(
    `SELECT id, label, kind, required, options, ticket_type_ids AS "ticketTypeIds"
     FROM questions WHERE event_id = $1 AND archived_at IS NULL
     ORDER BY position, created_at, id`,
    [eventId],
  );
  return rows;
}

export interface UnlockingCode {
  code: string;
  ticketTypeIds: string[] | null;
  reserveLeft: number;
  validFrom: Date | null;
  validUntil: Date | null;
}

/** The event's live access code spelled `code`, ignoring case (what a `?code=` link names). */
export async function findLiveCode(
  db: Queryable,
  eventId: string,
  code: string,
): Promise<UnlockingCode | undefined> {
  const { rows } = await db.query<UnlockingCode & Record<string, unknown>>(
    `SELECT code, ticket_type_ids AS "ticketTypeIds", reserve_left AS "reserveLeft",
            valid_from AS "validFrom", valid_until AS "validUntil"
     FROM promo_codes
     WHERE event_id = $1 AND upper(code) = upper($2) AND archived_at IS NULL
       AND (max_uses IS NULL OR uses < max_uses)`,
    [eventId, code],
  );
  return rows[0];
}
