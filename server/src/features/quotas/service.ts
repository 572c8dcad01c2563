import type { Db, Queryable } from '../../platform/db/db.js';
import { recorded } from '../audit/service.js';
import { conflict, notFound } from '../../platform/errors.js';
import type { Principal } from '../identity/principal.js';
import { findEvent } from '../events/store.js';
import { offerSeatsAfterCapacityChange } from '../waitlist/offers.js';
import { planMembership } from './membership.js';
import type { CreateQuotaInput, Quota, UpdateQuotaInput } from './schema.js';
import * as store from './store.js';
import { refuseUnknownTicketTypes } from './ticket-type-refs.js';

// Use cases of quotas: one exported function each, one transaction each. Lock order, as every
// capacity writer: the membership table (when membership changes), the quota, then its ticket
// types by id. Freed capacity is offered to the waitlist after commit.

export async function createQuota(
  db: Db,
  actor: Principal,
  eventId: string,
  input: CreateQuotaInput,
): Promise<Quota> {
  return db.transaction(async (tx) => {
    await store.lockMembership(tx);
    await activeEvent(tx, actor, eventId);
    await refuseDuplicateName(tx, eventId, input.name);
    const seats = await store.lockTicketTypeSeats(tx, eventId, input.ticketTypeIds);
    refuseUnknownTicketTypes(input.ticketTypeIds, seats);
    const { usedDelta: used } = planMembership([], input.ticketTypeIds, seats);
    if (used > input.size) throw sizeBelowUsed(input.size, used);
    const id = await store.insertQuota(tx, { eventId, name: input.name, size: input.size, used });
    await store.addMembers(tx, id, input.ticketTypeIds);
    const created = (await store.findQuota(tx, eventId, id))!;
    return recorded(tx, actor, 'quota.created', eventId, null, created);
  });
}

export async function listQuotas(
  db: Db,
  actor: Principal,
  eventId: string,
  includeArchived: boolean,
): Promise<Quota[]> {
  if (!(await findEvent(db, actor.organizationId, eventId))) throw notFound('event', eventId);
  return store.listQuotas(db, eventId, includeArchived);
}

export async function getQuota(
  db: Db,
  actor: Principal,
  eventId: string,
  quotaId: string,
): Promise<Quota> {
  const event = await findEvent(db, actor.organizationId, eventId);
  const quota = event && (await store.findQuota(db, eventId, quotaId));
  if (!quota) throw notFound('quota', quotaId);
  return quota;
}

/**
 * Renames, resizes or changes the ticket types of a quota. The size cannot go below the seats
 * already used (409 `size_below_used`); a joining ticket type brings its sold and held seats into
 * `used` and is refused with the same code when they do not fit; a leaving one takes them out.
 */
export async function updateQuota(
  db: Db,
  actor: Principal,
  eventId: string,
  quotaId: string,
  patch: UpdateQuotaInput,
): Promise<Quota> {
  const { quota, freedFor } = await db.transaction(async (tx) => {
    if (patch.ticketTypeIds) await store.lockMembership(tx);
    await activeEvent(tx, actor, eventId);
    const current = await store.findQuota(tx, eventId, quotaId, true);
    if (!current) throw notFound('quota', quotaId);
    if (current.status === 'archived')
      throw conflict('quota_archived', 'An archived quota cannot be changed.');
    if (patch.name !== undefined && patch.name.toLowerCase() !== current.name.toLowerCase())
      await refuseDuplicateName(tx, eventId, patch.name);

    const next = patch.ticketTypeIds ?? current.ticketTypeIds;
    const members = new Set(current.ticketTypeIds);
    const moving = [
      ...next.filter((id) => !members.has(id)),
      ...current.ticketTypeIds.filter((id) => !next.includes(id)),
    ];
    const seats = await store.lockTicketTypeSeats(tx, eventId, moving);
    refuseUnknownTicketTypes(next, { has: (id) => members.has(id) || seats.has(id) });
    const plan = planMembership(current.ticketTypeIds, next, seats);
    const size = patch.size ?? current.size;
    const name = patch.name ?? current.name;
    const outcome = await store.updateQuota(tx, {
      id: quotaId,
      name,
      size,
      usedDelta: plan.usedDelta,
    });
    if (outcome === 'does_not_fit') throw sizeBelowUsed(size, current.used + plan.usedDelta);
    if (outcome === 'duplicate_name') throw duplicateName(name);
    await store.removeMembers(tx, quotaId, plan.removed);
    await store.addMembers(tx, quotaId, plan.added);

    const quota = await recorded(
      tx,
      actor,
      'quota.updated',
      eventId,
      current,
      (await store.findQuota(tx, eventId, quotaId))!,
    );
    // Seats freed by a larger size, or a type no longer bounded by this quota, may reach the waitlist.
    const freed = quota.available > current.available || plan.removed.length > 0;
    return { quota, freedFor: freed ? [...current.ticketTypeIds, ...plan.added] : [] };
  });
  await offerSeatsAfterCapacityChange(db, freedFor);
  return quota;
}

/** Archives a quota: its ticket types are no longer bounded by it (their own quantities still are). */
export async function archiveQuota(
  db: Db,
  actor: Principal,
  eventId: string,
  quotaId: string,
): Promise<Quota> {
  const { quota, freedFor } = await db.transaction(async (tx) => {
    // Archiving changes which quotas a sale takes from, exactly like a membership change.
    await store.lockMembership(tx);
    const event = await findEvent(tx, actor.organizationId, eventId);
    const current = event && (await store.findQuota(tx, eventId, quotaId, true));
    if (!current) throw notFound('quota', quotaId);
    const wasActive = current.status === 'active';
    if (wasActive) await store.archiveQuota(tx, quotaId);
    const quota = await recorded(
      tx,
      actor,
      'quota.archived',
      eventId,
      current,
      (await store.findQuota(tx, eventId, quotaId))!,
    );
    return { quota, freedFor: wasActive ? current.ticketTypeIds : [] };
  });
  await offerSeatsAfterCapacityChange(db, freedFor);
  return quota;
}

async function activeEvent(tx: Queryable, actor: Principal, eventId: string): Promise<void> {
  const event = await findEvent(tx, actor.organizationId, eventId);
  if (!event) throw notFound('event', eventId);
  if (event.status === 'archived')
    throw conflict('event_archived', 'The quotas of an archived event cannot be changed.');
}

async function refuseDuplicateName(tx: Queryable, eventId: string, name: string): Promise<void> {
  if (await store.findQuotaByName(tx, eventId, name)) throw duplicateName(name);
}

const duplicateName = (name: string) =>
  conflict('duplicate_quota_name', `This event already has a quota named "${name}".`);

const sizeBelowUsed = (size: number, used: number) =>
  conflict(
    'size_below_used',
    `size ${size} is below the ${used} seats its ticket types have sold or held.`,
    { size, used },
  );
