import type { Db, Queryable } from '../../platform/db/db.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import type { Principal } from '../identity/principal.js';
import { findEvent } from '../events/store.js';
import { eventTicketTypeIds, refuseUnknownTicketTypes } from '../quotas/ticket-type-refs.js';
import { promoTermsIssues } from './rules.js';
import type { CreatePromoCodeInput, PromoCode, UpdatePromoCodeInput } from './schema.js';
import * as store from './store.js';

// Use cases of promo codes: one exported function each, one transaction each. Registration
// applies them (registration/service.ts, pricing.ts); here organizers define and watch them.

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
    return created;
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
    };
    await checkTerms(tx, eventId, next);
    if (next.code.toUpperCase() !== current.code.toUpperCase()) {
      const other = await store.findLiveCode(tx, eventId, next.code);
      if (other) throw duplicateCode(next.code);
    }
    const updated = await store.updatePromoCode(tx, promoCodeId, next);
    if (updated === 'duplicate_code') throw duplicateCode(next.code);
    if (updated === 'max_uses_below_uses') {
      throw conflict(
        'max_uses_below_uses',
        `maxUses ${next.maxUses} is below the ${current.uses} uses already counted.`,
        { maxUses: next.maxUses, uses: current.uses },
      );
    }
    return updated;
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
    return store.archivePromoCode(tx, promoCodeId);
  });
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
