import type { Queryable } from '../../platform/db/db.js';
import type { ScheduleDiff } from '../scheduling/release-diff.js';
import type { MailEvent, MailTicket } from './messages/kinds.js';

// The SQL that reads orders, tickets, waitlist entries and schedule releases as messages show
// them: current rows, read when the message is queued.

export interface OrderFacts extends SmsContact {
  id: string;
  event: MailEvent;
  name: string;
  email: string;
  status: string;
  totalCents: number;
  currency: string;
  holdExpiresAt: string | null;
  accessKey: string | undefined;
  /** The language the buyer chose, else the event's default. */
  lang: string;
  /** The order's tickets still held by its buyer (not transferred away), valid or pending. */
  tickets: MailTicket[];
}

/**
 * Where a person's SMS go: their phone if they agreed to SMS on an event that asks for phones,
 * and the message kinds the event sends by SMS. `t` is the order or waitlist entry; `also`, a
 * further condition on the phone (a ticket's: that its buyer still holds it).
 */
export interface SmsContact {
  phone: string | null;
  smsKinds: string[];
}

const SMS_CONTACT = (t: string, also = 'true') => `CASE WHEN ${t}.sms_opt_in
  AND e.attendee_phone <> 'off' AND ${also} THEN ${t}.attendee_phone END AS phone,
  e.sms_kinds AS "smsKinds"`;

/**
 * A ticket's messages may go to its order's phone while the buyer holds it: not transferred, and
 * no other holder named (their address differs). A holder named by the buyer gave no phone.
 */
const BUYER_HOLDS = `t.access_key_hash IS NULL AND lower(t.attendee_email) = lower(o.attendee_email)`;

const EVENT_JSON = `json_build_object('id', e.id, 'name', e.name, 'startsAt', e.starts_at,
  'endsAt', e.ends_at, 'timezone', e.timezone, 'venue', e.venue, 'language', e.languages[1])`;

export async function orderFacts(q: Queryable, orderId: string): Promise<OrderFacts | undefined> {
  const { rows } = await q.query<Record<string, unknown>>(
    `SELECT o.id, ${EVENT_JSON} AS event, o.attendee_name AS name, o.attendee_email AS email,
            o.status, o.total_cents::float8 AS "totalCents", o.currency,
            o.hold_expires_at AS "holdExpiresAt", k.access_key AS "accessKey", ${SMS_CONTACT('o')},
            coalesce(o.locale, e.languages[1]) AS lang,
            coalesce((SELECT json_agg(json_build_object('id', t.id, 'token', t.token,
                        'ticketTypeName', tt.name, 'holderName', t.attendee_name) ORDER BY t.id)
                      FROM tickets t JOIN ticket_types tt ON tt.id = t.ticket_type_id
                      WHERE t.order_id = o.id AND t.status IN ('valid', 'pending')
                        AND t.access_key_hash IS NULL), '[]') AS tickets
     FROM orders o JOIN events e ON e.id = o.event_id
     LEFT JOIN mail_access_keys k ON k.subject_id = o.id
     WHERE o.id = $1`,
    [orderId],
  );
  const r = rows[0];
  if (!r) return undefined;
  return {
    ...(r as unknown as OrderFacts),
    event: eventOf(r.event),
    accessKey: (r.accessKey as string | null) ?? undefined,
    holdExpiresAt: r.holdExpiresAt ? (r.holdExpiresAt as Date).toISOString() : null,
  };
}

export interface TicketFacts extends SmsContact {
  ticket: MailTicket;
  orderId: string;
  event: MailEvent;
  email: string;
  status: string;
  /** The ticket's own key once transferred, else its order's. */
  accessKey: string | undefined;
  /** Whether the key is the ticket's own (links go to the ticket) or its order's. */
  ownKey: boolean;
  /** The buyer's language while the ticket is theirs; a transferred one's holder gets the default. */
  lang: string;
}

export async function ticketFacts(
  q: Queryable,
  ticketId: string,
): Promise<TicketFacts | undefined> {
  const { rows } = await q.query<Record<string, unknown>>(
    `SELECT t.id, t.token, tt.name AS "ticketTypeName", t.attendee_name AS "holderName",
            t.order_id AS "orderId", ${EVENT_JSON} AS event, t.attendee_email AS email, t.status,
            t.access_key_hash IS NOT NULL AS "ownKey",
            CASE WHEN t.access_key_hash IS NOT NULL THEN tk.access_key ELSE ok.access_key END
              AS "accessKey",
            coalesce(CASE WHEN t.access_key_hash IS NULL THEN o.locale END, e.languages[1]) AS lang,
            ${SMS_CONTACT('o', BUYER_HOLDS)}
     FROM tickets t JOIN ticket_types tt ON tt.id = t.ticket_type_id
     JOIN events e ON e.id = t.event_id
     JOIN orders o ON o.id = t.order_id
     LEFT JOIN mail_access_keys tk ON tk.subject_id = t.id
     LEFT JOIN mail_access_keys ok ON ok.subject_id = t.order_id
     WHERE t.id = $1`,
    [ticketId],
  );
  const r = rows[0];
  if (!r) return undefined;
  return {
    ticket: {
      id: r.id as string,
      token: r.token as string,
      ticketTypeName: r.ticketTypeName as string,
      holderName: r.holderName as string,
    },
    orderId: r.orderId as string,
    event: eventOf(r.event),
    email: r.email as string,
    status: r.status as string,
    accessKey: (r.accessKey as string | null) ?? undefined,
    ownKey: r.ownKey as boolean,
    lang: r.lang as string,
    phone: r.phone as string | null,
    smsKinds: r.smsKinds as string[],
  };
}

export interface WaitlistFacts extends SmsContact {
  id: string;
  event: MailEvent;
  name: string;
  email: string;
  position: number;
  offerExpiresAt: string | null;
  accessKey: string | undefined;
  /** The language they chose, else the event's default. */
  lang: string;
}

export async function waitlistFacts(
  q: Queryable,
  entryId: string,
): Promise<WaitlistFacts | undefined> {
  const { rows } = await q.query<Record<string, unknown>>(
    `SELECT w.id, ${EVENT_JSON} AS event, w.attendee_name AS name, w.attendee_email AS email,
            w.position::float8 AS position, w.offer_expires_at AS "offerExpiresAt",
            k.access_key AS "accessKey", ${SMS_CONTACT('w')},
            coalesce(w.locale, e.languages[1]) AS lang
     FROM waitlist_entries w JOIN events e ON e.id = w.event_id
     LEFT JOIN mail_access_keys k ON k.subject_id = w.id
     WHERE w.id = $1`,
    [entryId],
  );
  const r = rows[0];
  if (!r) return undefined;
  return {
    ...(r as unknown as WaitlistFacts),
    event: eventOf(r.event),
    offerExpiresAt: r.offerExpiresAt ? (r.offerExpiresAt as Date).toISOString() : null,
    accessKey: (r.accessKey as string | null) ?? undefined,
  };
}

/** The orders of an address for an event (case-insensitive), newest first. */
export async function ordersOfAddress(
  q: Queryable,
  eventId: string,
  email: string,
): Promise<{ id: string; name: string; email: string }[]> {
  const { rows } = await q.query<{ id: string; name: string; email: string }>(
    `SELECT id, attendee_name AS name, attendee_email AS email FROM orders
     WHERE event_id = $1 AND email_normalized = $2 AND status IN ('confirmed', 'pending_payment')
     ORDER BY created_at DESC LIMIT 20`,
    [eventId, email],
  );
  return rows;
}

export async function eventFacts(q: Queryable, eventId: string): Promise<MailEvent | undefined> {
  const { rows } = await q.query<{ event: unknown }>(
    `SELECT ${EVENT_JSON} AS event FROM events e WHERE e.id = $1`,
    [eventId],
  );
  return rows[0] ? eventOf(rows[0].event) : undefined;
}

// json_build_object writes timestamps in the session's zone: hand them on as ISO UTC.
function eventOf(value: unknown): MailEvent {
  const e = value as MailEvent;
  return {
    ...e,
    startsAt: new Date(e.startsAt).toISOString(),
    endsAt: new Date(e.endsAt).toISOString(),
  };
}

/**
 * The organization's name, its enabled administrators, and since when the endpoint has been
 * failing (for the notice that it was disabled).
 */
export async function organizationAdmins(
  q: Queryable,
  organizationId: string,
  endpointId: string | undefined,
): Promise<{
  organization: string;
  admins: { email: string; name: string }[];
  failingSince: string | null;
}> {
  const [org, admins, endpoint] = await Promise.all([
    q.query<{ name: string }>('SELECT name FROM organizations WHERE id = $1', [organizationId]),
    q.query<{ email: string; name: string }>(
      `SELECT email, name FROM organizer_accounts
        WHERE organization_id = $1 AND organization_admin AND disabled_at IS NULL
        ORDER BY created_at, id`,
      [organizationId],
    ),
    endpointId
      ? q.query<{ failing_since: Date | null }>(
          'SELECT failing_since FROM webhook_endpoints WHERE id = $1',
          [endpointId],
        )
      : undefined,
  ]);
  return {
    organization: org.rows[0]?.name ?? '',
    admins: admins.rows,
    failingSince: endpoint?.rows[0]?.failing_since?.toISOString() ?? null,
  };
}

/** A schedule release's diff and the event it belongs to, as the schedule mails describe it. */
export async function releaseFacts(
  q: Queryable,
  eventId: string,
  version: number,
): Promise<{ event: MailEvent; diff: ScheduleDiff } | undefined> {
  const { rows } = await q.query<{ event: unknown; diff: ScheduleDiff }>(
    `SELECT ${EVENT_JSON} AS event, r.diff
     FROM schedule_releases r JOIN events e ON e.id = r.event_id
     WHERE r.event_id = $1 AND r.version = $2`,
    [eventId, version],
  );
  const r = rows[0];
  return r && { event: eventOf(r.event), diff: r.diff };
}

export async function sessionTitle(q: Queryable, sessionId: string): Promise<string | undefined> {
  const { rows } = await q.query<{ title: string }>(
    'SELECT title FROM schedule_sessions WHERE id = $1',
    [sessionId],
  );
  return rows[0]?.title;
}
