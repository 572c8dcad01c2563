import { randomBytes } from 'node:crypto';
import { appendAudit, recorded } from '../audit/service.js';
import type { Db, Queryable } from '../../platform/db/db.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import type { Principal } from '../identity/principal.js';
import { findEvent } from '../events/store.js';
import { eventTicketTypeIds, refuseUnknownTicketTypes } from '../quotas/ticket-type-refs.js';
import { releaseSeats, takeSeats } from '../registration/capacity.js';
import { promoTermsIssues, randomCode } from './rules.js';
import type {
  CreatePromoCodeInput,
  GeneratePromoCodesInput,
  PromoCode,
  UpdatePromoCodeInput,
} from './schema.js';
import * as store from './store.js';

// Use cases of promo codes, which are access codes: a code may discount, unlock hidden ticket
// types it names, and hold a reserve of seats. One exported function each, one transaction each.
// Registration applies them (registration/service.ts, pricing.ts); here organizers define them.
// A reserve's seats are taken as held from the ticket type and its quotas with the same
// conditional UPDATEs as a sale (capacity.ts), promo row first, capacity after, as registration.

export async function createPromoCode(
  db: Db,
  actor: Principal,
  eventId: string,
  input: CreatePromoCodeInput,
): Promise<PromoCode> {
  return db.transaction(async (tx) => {
    await activeEvent(tx, actor, eventId);
    await checkTerms(tx, eventId, input);
    if (await store.findLiveCode(tx, eventId, input.code)) throw duplicateCode(input.code);
    const created = await store.insertPromoCode(tx, eventId, input);
    if (!created) throw duplicateCode(input.code);
    await changeReserve(tx, created.ticketTypeIds, input.reservedSeats);
    return recorded(tx, actor, 'promo_code.created', eventId, null, created);
  });
}

/**
 * Creates `count` codes with random letters after `prefix`, on the same terms (bulk vouchers; a
 * reserve belongs to one partner's code, so none here). Returns them in creation order.
 */
export async function generatePromoCodes(
  db: Db,
  actor: Principal,
  eventId: string,
  input: GeneratePromoCodesInput,
): Promise<PromoCode[]> {
  return db.transaction(async (tx) => {
    await activeEvent(tx, actor, eventId);
    const { count, prefix, ...terms } = input;
    await checkTerms(tx, eventId, { ...terms, code: prefix, reservedSeats: 0 });
    const made: PromoCode[] = [];
    // 8 characters of 31: a collision with a live code is rare; those drawn again.
    for (let round = 0; made.length < count && round < 5; round++) {
      const codes = Array.from({ length: count - made.length }, () =>
        randomCode(prefix, randomBytes(8)),
      );
      made.push(...(await store.insertPromoCodes(tx, eventId, codes, terms)));
    }
    if (made.length < count)
      throw conflict(
        'codes_exhausted',
        'Could not draw enough distinct codes; use another prefix.',
      );
    await appendAudit(tx, actor, {
      action: 'promo_code.generated',
      objectType: 'promo_code',
      objectId: null,
      eventId,
      details: { count: made.length, prefix, ids: made.map((p) => p.id) },
    });
    return made;
  });
}

export async function listPromoCodes(
  db: Db,
  actor: Principal,
  eventId: string,
  includeArchived: boolean,
): Promise<PromoCode[]> {
  if (!(await findEvent(db, actor.organizationId, eventId))) throw notFound('event', eventId);
  return store.listPromoCodes(db, eventId, includeArchived);
}

export async function getPromoCode(
  db: Db,
  actor: Principal,
  eventId: string,
  promoCodeId: string,
): Promise<PromoCode> {
  const event = await findEvent(db, actor.organizationId, eventId);
  const promo = event && (await store.findPromoCode(db, eventId, promoCodeId));
  if (!promo) throw notFound('promo code', promoCodeId);
  return promo;
}

/**
 * Changes some fields; they apply to orders placed from now on. maxUses cannot go below the uses
 * already counted (409 `max_uses_below_uses`).
 */
export async function updatePromoCode(
  db: Db,
  actor: Principal,
  eventId: string,
  promoCodeId: string,
  patch: UpdatePromoCodeInput,
): Promise<PromoCode> {
  return db.transaction(async (tx) => {
    await activeEvent(tx, actor, eventId);
    const current = await store.findPromoCode(tx, eventId, promoCodeId, true);
    if (!current) throw notFound('promo code', promoCodeId);
    if (current.status === 'archived')
      throw conflict('promo_code_archived', 'An archived promo code cannot be changed.');
    const next: store.PromoFields = {
      code: patch.code ?? current.code,
      discountKind: patch.discountKind ?? current.discountKind,
      discountValue: patch.discountValue ?? current.discountValue,
      maxUses: patch.maxUses === undefined ? current.maxUses : patch.maxUses,
      validFrom: patch.validFrom === undefined ? current.validFrom : patch.validFrom,
      validUntil: patch.validUntil === undefined ? current.validUntil : patch.validUntil,
      ticketTypeIds:
        patch.ticketTypeIds === undefined ? current.ticketTypeIds : patch.ticketTypeIds,
      reservedSeats: patch.reservedSeats ?? current.reservedSeats,
    };
    await checkTerms(tx, eventId, next);
    const usedReserve = current.reservedSeats - current.reserveLeft;
    if (next.reservedSeats < usedReserve) {
      throw conflict(
        'reserve_below_used',
        `reservedSeats ${next.reservedSeats} is below the ${usedReserve} seats orders already took from the reserve.`,
      );
    }
    if (
      current.reservedSeats > 0 &&
      next.reservedSeats > 0 &&
      next.ticketTypeIds?.[0] !== current.ticketTypeIds?.[0]
    ) {
      throw conflict(
        'reserve_type_fixed',
        'The ticket type of a reserve cannot change; set reservedSeats to 0 first.',
      );
    }
    if (next.code.toUpperCase() !== current.code.toUpperCase()) {
      const other = await store.findLiveCode(tx, eventId, next.code);
      if (other) throw duplicateCode(next.code);
    }
    const updated = await store.updatePromoCode(tx, promoCodeId, next);
    if (updated === 'duplicate_code') throw duplicateCode(next.code);
    if (typeof updated !== 'string') {
      const reserveOf = next.reservedSeats > 0 ? next : current;
      await changeReserve(tx, reserveOf.ticketTypeIds, next.reservedSeats - current.reservedSeats);
    }
    if (updated === 'max_uses_below_uses') {
      throw conflict(
        'max_uses_below_uses',
        `maxUses ${next.maxUses} is below the ${current.uses} uses already counted.`,
        { maxUses: next.maxUses, uses: current.uses },
      );
    }
    return recorded(tx, actor, 'promo_code.updated', eventId, current, updated);
  });
}

/** Archives a promo code: it is refused from now on, and its spelling can be used again. */
export async function archivePromoCode(
  db: Db,
  actor: Principal,
  eventId: string,
  promoCodeId: string,
): Promise<PromoCode> {
  return db.transaction(async (tx) => {
    const event = await findEvent(tx, actor.organizationId, eventId);
    const current = event && (await store.findPromoCode(tx, eventId, promoCodeId, true));
    if (!current) throw notFound('promo code', promoCodeId);
    const archived = await store.archivePromoCode(tx, promoCodeId);
    // Seats still reserved go back to the public (the sweeper offers them to a waitlist).
    await changeReserve(tx, current.ticketTypeIds, -current.reserveLeft);
    return recorded(tx, actor, 'promo_code.archived', eventId, current, archived);
  });
}

/**
 * Takes (n > 0) or gives back (n < 0) reserved seats of the code's one ticket type; sold out is
 * 409 `not_enough_seats` and the caller's transaction rolls back.
 */
async function changeReserve(
  tx: Queryable,
  ticketTypeIds: string[] | null,
  n: number,
): Promise<void> {
  const ticketTypeId = ticketTypeIds?.[0];
  if (n === 0 || !ticketTypeId) return;
  if (n < 0) return releaseSeats(tx, ticketTypeId, -n, 'held');
  if (!(await takeSeats(tx, ticketTypeId, n, 'held'))) {
    throw conflict(
      'not_enough_seats',
      `Not ${n} seats left to reserve for this ticket type (its quotas included).`,
    );
  }
}

async function activeEvent(tx: Queryable, actor: Principal, eventId: string): Promise<void> {
  const event = await findEvent(tx, actor.organizationId, eventId);
  if (!event) throw notFound('event', eventId);
  if (event.status === 'archived')
    throw conflict('event_archived', 'The promo codes of an archived event cannot be changed.');
}

async function checkTerms(tx: Queryable, eventId: string, p: store.PromoFields): Promise<void> {
  const issues = promoTermsIssues(p);
  if (issues.length > 0)
    throw invalid('validation_failed', `${issues[0]!.field}: ${issues[0]!.message}`, issues);
  if (p.ticketTypeIds)
    refuseUnknownTicketTypes(
      p.ticketTypeIds,
      await eventTicketTypeIds(tx, eventId, p.ticketTypeIds),
    );
}

const duplicateCode = (code: string) =>
  conflict('duplicate_promo_code', `This event already has a promo code "${code}".`);
