import type { Queryable } from '../../platform/db/db.js';
import { NO_BRANDING } from '../branding/schema.js';
import type { CreateEventInput, CreateTicketTypeInput, Event, TicketType } from './schema.js';

// All SQL of the events feature. Rows are mapped to the API shapes here and nowhere else.

interface EventRow {
  id: string;
  organization_id: string;
  name: string;
  starts_at: Date;
  ends_at: Date;
  timezone: string;
  venue: string | null;
  description: string | null;
  payment_provider: 'manual' | 'stripe';
  hold_minutes: number;
  waitlist_offer_minutes: number;
  max_tickets_per_email: number | null;
  max_holds_per_email: number | null;
  max_holds_per_ip: number | null;
  max_waitlist_per_ip: number | null;
  proof_of_work: boolean;
  attendee_phone: Event['attendeePhone'];
  phone_region: string | null;
  sms_kinds: Event['smsKinds'];
  languages: Event['languages'];
  branding: Partial<Event['branding']>;
  archived_at: Date | null;
  created_at: Date;
  updated_at: Date;
  [k: string]: unknown;
}

interface TicketTypeRow {
  id: string;
  event_id: string;
  name: string;
  description: string | null;
  price_cents: number;
  currency: string;
  quantity: number;
  max_per_order: number;
  tax_rate_bp: number;
  sales_start: Date | null;
  sales_end: Date | null;
  position: number;
  hidden: boolean;
  sold: number;
  held: number;
  archived_at: Date | null;
  created_at: Date;
  updated_at: Date;
  [k: string]: unknown;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toEvent(r: EventRow): Event {
  return {
    id: r.id,
    organizationId: r.organization_id,
    name: r.name,
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at.toISOString(),
    timezone: r.timezone,
    venue: r.venue,
    description: r.description,
    paymentProvider: r.payment_provider,
    holdMinutes: r.hold_minutes,
    waitlistOfferMinutes: r.waitlist_offer_minutes,
    maxTicketsPerEmail: r.max_tickets_per_email,
    maxHoldsPerEmail: r.max_holds_per_email,
    maxHoldsPerIp: r.max_holds_per_ip,
    maxWaitlistPerIp: r.max_waitlist_per_ip,
    proofOfWork: r.proof_of_work,
    attendeePhone: r.attendee_phone,
    phoneRegion: r.phone_region,
    smsKinds: r.sms_kinds,
    languages: r.languages,
    branding: { ...NO_BRANDING, ...r.branding },
    status: r.archived_at ? 'archived' : 'active',
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

function toTicketType(r: TicketTypeRow): TicketType {
  return {
    id: r.id,
    eventId: r.event_id,
    name: r.name,
    description: r.description,
    priceCents: Number(r.price_cents),
    currency: r.currency,
    quantity: r.quantity,
    maxPerOrder: r.max_per_order,
    taxRate: r.tax_rate_bp / 100,
    salesStart: iso(r.sales_start),
    salesEnd: iso(r.sales_end),
    position: r.position,
    hidden: r.hidden,
    sold: r.sold,
    held: r.held,
    available: Math.max(r.quantity - r.sold - r.held, 0),
    status: r.archived_at ? 'archived' : 'active',
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

export async function insertEvent(
  db: Queryable,
  organizationId: string,
  e: CreateEventInput,
): Promise<Event> {
  const { rows } = await db.query<EventRow>(
    `INSERT INTO events (organization_id, name, starts_at, ends_at, timezone, venue, description,
       payment_provider, hold_minutes, waitlist_offer_minutes, max_tickets_per_email,
       max_holds_per_email, max_holds_per_ip, max_waitlist_per_ip, proof_of_work, attendee_phone,
       phone_region, sms_kinds, languages, branding)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19,
             $20)
     RETURNING *`,
    [
      organizationId,
      e.name,
      e.startsAt,
      e.endsAt,
      e.timezone,
      e.venue ?? null,
      e.description ?? null,
      e.paymentProvider,
      e.holdMinutes,
      e.waitlistOfferMinutes,
      e.maxTicketsPerEmail,
      e.maxHoldsPerEmail,
      e.maxHoldsPerIp,
      e.maxWaitlistPerIp,
      e.proofOfWork,
      e.attendeePhone,
      e.phoneRegion,
      e.smsKinds,
      e.languages,
      JSON.stringify(e.branding),
    ],
  );
  return toEvent(rows[0]!);
}

/** The event if it belongs to the organization; `forUpdate` locks its row for the transaction. */
export async function findEvent(
  db: Queryable,
  organizationId: string,
  eventId: string,
  forUpdate = false,
): Promise<Event | undefined> {
  const { rows } = await db.query<EventRow>(
    `SELECT * FROM events WHERE id = $1 AND organization_id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
    [eventId, organizationId],
  );
  return rows[0] && toEvent(rows[0]);
}

export async function updateEvent(db: Queryable, e: Event): Promise<Event> {
  const { rows } = await db.query<EventRow>(
    `UPDATE events SET name = $2, starts_at = $3, ends_at = $4, timezone = $5, venue = $6,
       description = $7, payment_provider = $8, hold_minutes = $9, waitlist_offer_minutes = $10,
       max_tickets_per_email = $11, max_holds_per_email = $12, max_holds_per_ip = $13,
       max_waitlist_per_ip = $14, proof_of_work = $15, attendee_phone = $16, phone_region = $17,
       sms_kinds = $18, languages = $19, branding = $20, updated_at = now()
     WHERE id = $1 RETURNING *`,
    [
      e.id,
      e.name,
      e.startsAt,
      e.endsAt,
      e.timezone,
      e.venue,
      e.description,
      e.paymentProvider,
      e.holdMinutes,
      e.waitlistOfferMinutes,
      e.maxTicketsPerEmail,
      e.maxHoldsPerEmail,
      e.maxHoldsPerIp,
      e.maxWaitlistPerIp,
      e.proofOfWork,
      e.attendeePhone,
      e.phoneRegion,
      e.smsKinds,
      e.languages,
      JSON.stringify(e.branding),
    ],
  );
  return toEvent(rows[0]!);
}

export async function archiveEvent(db: Queryable, eventId: string): Promise<Event> {
  const { rows } = await db.query<EventRow>(
    `UPDATE events SET archived_at = coalesce(archived_at, now()), updated_at = now()
     WHERE id = $1 RETURNING *`,
    [eventId],
  );
  return toEvent(rows[0]!);
}

/** Newest first; keyset pagination on (created_at, id). */
export async function listEvents(
  db: Queryable,
  organizationId: string,
  opts: {
    limit: number;
    after?: EventCursor;
    includeArchived: boolean;
    only?: string[] | undefined;
  },
): Promise<{ event: Event; cursor: EventCursor }[]> {
  // The cursor keeps created_at to the microsecond, so rows created in the same millisecond page right.
  const { rows } = await db.query<EventRow & { created_us: string }>(
    `SELECT *, (extract(epoch FROM created_at) * 1000000)::bigint::text AS created_us FROM events
     WHERE organization_id = $1
       AND ($2::boolean OR archived_at IS NULL)
       AND ($3::bigint IS NULL
            OR (created_at, id) < (timestamptz 'epoch' + $3::bigint * interval '1 microsecond', $4::uuid))
       AND ($6::uuid[] IS NULL OR id = ANY($6::uuid[]))
     ORDER BY created_at DESC, id DESC
     LIMIT $5`,
    [
      organizationId,
      opts.includeArchived,
      opts.after?.createdUs ?? null,
      opts.after?.id ?? null,
      opts.limit,
      opts.only ?? null,
    ],
  );
  return rows.map((r) => ({ event: toEvent(r), cursor: { createdUs: r.created_us, id: r.id } }));
}

export interface EventCursor {
  /** created_at in microseconds since the epoch, as a decimal string. */
  createdUs: string;
  id: string;
}

export async function insertTicketType(
  db: Queryable,
  eventId: string,
  t: CreateTicketTypeInput,
): Promise<TicketType> {
  const { rows } = await db.query<TicketTypeRow>(
    `INSERT INTO ticket_types (event_id, name, description, price_cents, currency, quantity, max_per_order,
       sales_start, sales_end, position, tax_rate_bp, hidden)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9,
       coalesce($10, (SELECT count(*) FROM ticket_types WHERE event_id = $1)), $11, $12)
     RETURNING *`,
    [
      eventId,
      t.name,
      t.description ?? null,
      t.priceCents,
      t.currency,
      t.quantity,
      t.maxPerOrder,
      t.salesStart ?? null,
      t.salesEnd ?? null,
      t.position ?? null,
      Math.round(t.taxRate * 100),
      t.hidden ?? false,
    ],
  );
  return toTicketType(rows[0]!);
}

export async function findTicketType(
  db: Queryable,
  eventId: string,
  ticketTypeId: string,
  forUpdate = false,
): Promise<TicketType | undefined> {
  const { rows } = await db.query<TicketTypeRow>(
    `SELECT * FROM ticket_types WHERE id = $1 AND event_id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
    [ticketTypeId, eventId],
  );
  return rows[0] && toTicketType(rows[0]);
}

export async function findTicketTypeByName(
  db: Queryable,
  eventId: string,
  name: string,
): Promise<TicketType | undefined> {
  const { rows } = await db.query<TicketTypeRow>(
    `SELECT * FROM ticket_types WHERE event_id = $1 AND lower(name) = lower($2) AND archived_at IS NULL`,
    [eventId, name],
  );
  return rows[0] && toTicketType(rows[0]);
}

export async function listTicketTypes(
  db: Queryable,
  eventId: string,
  includeArchived: boolean,
): Promise<TicketType[]> {
  const { rows } = await db.query<TicketTypeRow>(
    `SELECT * FROM ticket_types WHERE event_id = $1 AND ($2::boolean OR archived_at IS NULL)
     ORDER BY position, created_at, id`,
    [eventId, includeArchived],
  );
  return rows.map(toTicketType);
}

export async function updateTicketType(db: Queryable, t: TicketType): Promise<TicketType> {
  const { rows } = await db.query<TicketTypeRow>(
    `UPDATE ticket_types SET name = $2, description = $3, price_cents = $4, currency = $5, quantity = $6,
       max_per_order = $7, sales_start = $8, sales_end = $9, position = $10, tax_rate_bp = $11, hidden = $12,
       updated_at = now()
     WHERE id = $1 RETURNING *`,
    [
      t.id,
      t.name,
      t.description,
      t.priceCents,
      t.currency,
      t.quantity,
      t.maxPerOrder,
      t.salesStart,
      t.salesEnd,
      t.position,
      Math.round(t.taxRate * 100),
      t.hidden,
    ],
  );
  return toTicketType(rows[0]!);
}

export async function archiveTicketType(db: Queryable, ticketTypeId: string): Promise<TicketType> {
  const { rows } = await db.query<TicketTypeRow>(
    `UPDATE ticket_types SET archived_at = coalesce(archived_at, now()), updated_at = now()
     WHERE id = $1 RETURNING *`,
    [ticketTypeId],
  );
  return toTicketType(rows[0]!);
}
