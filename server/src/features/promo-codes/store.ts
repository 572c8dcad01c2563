import type { Queryable } from '../../platform/db/db.js';
import type { PromoCode } from './schema.js';

// All SQL of promo codes. Registration reads and uses them (registration/store.ts): `uses` grows
// only there, by a conditional UPDATE that respects max_uses.

interface PromoRow {
  id: string;
  event_id: string;
  code: string;
  discount_kind: 'percent' | 'fixed' | null;
  discount_value: number | null;
  reserved_seats: number;
  reserve_left: number;
  generated: boolean;
  max_uses: number | null;
  uses: number;
  valid_from: Date | null;
  valid_until: Date | null;
  ticket_type_ids: string[] | null;
  archived_at: Date | null;
  created_at: Date;
  updated_at: Date;
  [k: string]: unknown;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function toPromoCode(r: PromoRow): PromoCode {
  return {
    id: r.id,
    eventId: r.event_id,
    code: r.code,
    discountKind: r.discount_kind,
    discountValue: r.discount_value,
    reservedSeats: r.reserved_seats,
    reserveLeft: r.reserve_left,
    generated: r.generated,
    maxUses: r.max_uses,
    uses: r.uses,
    validFrom: iso(r.valid_from),
    validUntil: iso(r.valid_until),
    ticketTypeIds: r.ticket_type_ids,
    status: r.archived_at ? 'archived' : 'active',
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

export type PromoFields = Pick<
  PromoCode,
  | 'code'
  | 'discountKind'
  | 'discountValue'
  | 'maxUses'
  | 'validFrom'
  | 'validUntil'
  | 'ticketTypeIds'
  | 'reservedSeats'
>;

const isUniqueViolation = (err: unknown) => (err as { code?: unknown }).code === '23505';

/** The new code, or undefined when the event already has a live code spelled the same. */
export async function insertPromoCode(
  tx: Queryable,
  eventId: string,
  p: PromoFields,
): Promise<PromoCode | undefined> {
  try {
    const { rows } = await tx.query<PromoRow>(
      `INSERT INTO promo_codes (event_id, code, discount_kind, discount_value, max_uses, valid_from,
         valid_until, ticket_type_ids, reserved_seats, reserve_left)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::uuid[], $9, $9) RETURNING *`,
      [
        eventId,
        p.code,
        p.discountKind,
        p.discountValue,
        p.maxUses,
        p.validFrom,
        p.validUntil,
        p.ticketTypeIds,
        p.reservedSeats,
      ],
    );
    return toPromoCode(rows[0]!);
  } catch (err) {
    // The unique index decides: two organizers creating the same code at once get one each way.
    if (isUniqueViolation(err)) return undefined;
    throw err;
  }
}

export async function findPromoCode(
  db: Queryable,
  eventId: string,
  promoCodeId: string,
  forUpdate = false,
): Promise<PromoCode | undefined> {
  const { rows } = await db.query<PromoRow>(
    `SELECT * FROM promo_codes WHERE id = $1 AND event_id = $2${forUpdate ? ' FOR UPDATE' : ''}`,
    [promoCodeId, eventId],
  );
  return rows[0] && toPromoCode(rows[0]);
}

/** A live code of the event spelled the same, ignoring case. */
export async function findLiveCode(
  db: Queryable,
  eventId: string,
  code: string,
): Promise<{ id: string } | undefined> {
  const { rows } = await db.query<{ id: string }>(
    'SELECT id FROM promo_codes WHERE event_id = $1 AND upper(code) = upper($2) AND archived_at IS NULL',
    [eventId, code],
  );
  return rows[0];
}

export async function listPromoCodes(
  db: Queryable,
  eventId: string,
  includeArchived: boolean,
): Promise<PromoCode[]> {
  const { rows } = await db.query<PromoRow>(
    `SELECT * FROM promo_codes WHERE event_id = $1 AND ($2::boolean OR archived_at IS NULL)
     ORDER BY created_at, id`,
    [eventId, includeArchived],
  );
  return rows.map(toPromoCode);
}

/**
 * Inserts many codes on the same terms; a code that collides with a live one is skipped (the
 * caller draws again). Returns the codes written.
 */
export async function insertPromoCodes(
  tx: Queryable,
  eventId: string,
  codes: readonly string[],
  p: Omit<PromoFields, 'code' | 'reservedSeats'>,
): Promise<PromoCode[]> {
  const { rows } = await tx.query<PromoRow>(
    `INSERT INTO promo_codes (event_id, code, discount_kind, discount_value, max_uses, valid_from,
       valid_until, ticket_type_ids, generated)
     SELECT $1, code, $3, $4, $5, $6, $7, $8::uuid[], true FROM unnest($2::text[]) AS code
     ON CONFLICT (event_id, upper(code)) WHERE archived_at IS NULL DO NOTHING
     RETURNING *`,
    [
      eventId,
      codes,
      p.discountKind,
      p.discountValue,
      p.maxUses,
      p.validFrom,
      p.validUntil,
      p.ticketTypeIds,
    ],
  );
  return rows.map(toPromoCode);
}

/**
 * Writes all fields; `max_uses` is checked against `uses` in the same statement, since orders
 * may be using the code right now. `max_uses_below_uses` or `duplicate_code` (another live code
 * took the spelling meanwhile) change nothing.
 */
export async function updatePromoCode(
  tx: Queryable,
  id: string,
  p: PromoFields,
): Promise<PromoCode | 'max_uses_below_uses' | 'duplicate_code'> {
  try {
    const { rows } = await tx.query<PromoRow>(
      `UPDATE promo_codes SET code = $2, discount_kind = $3, discount_value = $4, max_uses = $5,
         valid_from = $6, valid_until = $7, ticket_type_ids = $8::uuid[], reserved_seats = $9,
         reserve_left = reserve_left + $9 - reserved_seats, updated_at = now()
       WHERE id = $1 AND ($5::int IS NULL OR uses <= $5::int) RETURNING *`,
      [
        id,
        p.code,
        p.discountKind,
        p.discountValue,
        p.maxUses,
        p.validFrom,
        p.validUntil,
        p.ticketTypeIds,
        p.reservedSeats,
      ],
    );
    return rows[0] ? toPromoCode(rows[0]) : 'max_uses_below_uses';
  } catch (err) {
    if (isUniqueViolation(err)) return 'duplicate_code';
    throw err;
  }
}

export async function archivePromoCode(tx: Queryable, id: string): Promise<PromoCode> {
  const { rows } = await tx.query<PromoRow>(
    `UPDATE promo_codes SET archived_at = coalesce(archived_at, now()), reserve_left = 0,
       updated_at = now()
     WHERE id = $1 RETURNING *`,
    [id],
  );
  return toPromoCode(rows[0]!);
}
