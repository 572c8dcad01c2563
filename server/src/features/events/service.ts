import { enqueue } from '../../platform/bus/outbox.js';
import type { Db } from '../../platform/db/db.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import type { Principal } from '../identity/principal.js';
import type {
  CreateEventInput,
  CreateTicketTypeInput,
  Event,
  TicketType,
  UpdateEventInput,
  UpdateTicketTypeInput,
} from './schema.js';
import * as store from './store.js';
// Events page by (created_at, id) exactly as tickets do.
import { decodeCursor, encodeCursor } from '../ticketing/cursor.js';
import { appendAudit } from '../audit/service.js';
import { availableSeats } from '../registration/capacity.js';
import { offerSeatsAfterCapacityChange } from '../waitlist/offers.js';
import { makeOwner, ownerMade } from '../team/service.js';

// Use cases of the events feature: one exported function each, one transaction each. Events of
// another organization answer "not found", so their existence does not leak.

export async function createEvent(
  db: Db,
  actor: Principal,
  input: CreateEventInput,
): Promise<Event> {
  const event = await db.transaction(async (tx) => {
    const created = await store.insertEvent(tx, actor.organizationId, input);
    await makeOwner(tx, actor, created.id);
    await appendAudit(tx, actor, {
      action: 'event.created',
      objectType: 'event',
      objectId: created.id,
      eventId: created.id,
      after: created,
    });
    return created;
  });
  ownerMade(db, actor);
  return event;
}

export async function getEvent(db: Db, actor: Principal, eventId: string): Promise<Event> {
  const event = await store.findEvent(db, actor.organizationId, eventId);
  if (!event) throw notFound('event', eventId);
  return event;
}

export async function updateEvent(
  db: Db,
  actor: Principal,
  eventId: string,
  patch: UpdateEventInput,
): Promise<Event> {
  return db.transaction(async (tx) => {
    const event = await store.findEvent(tx, actor.organizationId, eventId, true);
    if (!event) throw notFound('event', eventId);
    if (event.status === 'archived')
      throw conflict('event_archived', 'An archived event cannot be changed.');
    const next = { ...event, ...withoutUndefined(patch) };
    if (Date.parse(next.startsAt) >= Date.parse(next.endsAt)) {
      throw invalid('validation_failed', 'endsAt: must be after startsAt', [
        { field: 'endsAt', message: 'must be after startsAt' },
      ]);
    }
    const updated = await store.updateEvent(tx, next);
    await appendAudit(tx, actor, {
      action: 'event.updated',
      objectType: 'event',
      objectId: eventId,
      eventId,
      before: event,
      after: updated,
    });
    await enqueue(tx, {
      topic: 'event.updated',
      eventId,
      aggregateId: eventId,
      payload: { eventId, event: updated },
    });
    return updated;
  });
}

export async function archiveEvent(db: Db, actor: Principal, eventId: string): Promise<Event> {
  return db.transaction(async (tx) => {
    const event = await store.findEvent(tx, actor.organizationId, eventId, true);
    if (!event) throw notFound('event', eventId);
    const archived = await store.archiveEvent(tx, eventId);
    await appendAudit(tx, actor, {
      action: 'event.archived',
      objectType: 'event',
      objectId: eventId,
      eventId,
      before: event,
      after: archived,
    });
    return archived;
  });
}

export async function listEvents(
  db: Db,
  actor: Principal,
  opts: { limit: number; cursor?: string | undefined; includeArchived: boolean },
): Promise<{ items: Event[]; nextCursor: string | null }> {
  const after = opts.cursor === undefined ? undefined : decodeCursor(opts.cursor);
  const reach = actor.reach;
  const page = await store.listEvents(db, actor.organizationId, {
    limit: opts.limit + 1,
    includeArchived: opts.includeArchived,
    // Only the events the caller has a role on, unless it reaches the whole organization.
    only:
      reach?.kind === 'account'
        ? [...reach.roles.keys()]
        : reach?.kind === 'device'
          ? [reach.eventId]
          : undefined,
    ...(after ? { after } : {}),
  });
  const items = page.slice(0, opts.limit);
  const last = items.at(-1);
  return {
    items: items.map((p) => p.event),
    nextCursor: page.length > opts.limit && last ? encodeCursor(last.cursor) : null,
  };
}

export async function createTicketType(
  db: Db,
  actor: Principal,
  eventId: string,
  input: CreateTicketTypeInput,
): Promise<TicketType> {
  return db.transaction(async (tx) => {
    const event = await store.findEvent(tx, actor.organizationId, eventId, true);
    if (!event) throw notFound('event', eventId);
    if (event.status === 'archived')
      throw conflict('event_archived', 'An archived event takes no new ticket types.');
    if (await store.findTicketTypeByName(tx, eventId, input.name)) throw duplicateName(input.name);
    const created = await store.insertTicketType(tx, eventId, input);
    await appendAudit(tx, actor, {
      action: 'ticket_type.created',
      objectType: 'ticket_type',
      objectId: created.id,
      eventId,
      after: created,
    });
    return created;
  });
}

export async function listTicketTypes(
  db: Db,
  actor: Principal,
  eventId: string,
  includeArchived: boolean,
): Promise<TicketType[]> {
  const event = await store.findEvent(db, actor.organizationId, eventId);
  if (!event) throw notFound('event', eventId);
  const types = await store.listTicketTypes(db, eventId, includeArchived);
  // Shared quotas can leave fewer seats than a type's own count.
  const available = await availableSeats(
    db,
    types.map((t) => t.id),
  );
  return types.map((t) => ({ ...t, available: available.get(t.id) ?? t.available }));
}

export async function getTicketType(
  db: Db,
  actor: Principal,
  eventId: string,
  ticketTypeId: string,
): Promise<TicketType> {
  const event = await store.findEvent(db, actor.organizationId, eventId);
  const ticketType = event && (await store.findTicketType(db, eventId, ticketTypeId));
  if (!ticketType) throw notFound('ticket type', ticketTypeId);
  return ticketType;
}

export async function updateTicketType(
  db: Db,
  actor: Principal,
  eventId: string,
  ticketTypeId: string,
  patch: UpdateTicketTypeInput,
): Promise<TicketType> {
  const updated = await db.transaction(async (tx) => {
    const event = await store.findEvent(tx, actor.organizationId, eventId);
    // The row lock orders this change against registrations taking seats from the same type.
    const current = event && (await store.findTicketType(tx, eventId, ticketTypeId, true));
    if (!current) throw notFound('ticket type', ticketTypeId);
    if (current.status === 'archived')
      throw conflict('ticket_type_archived', 'An archived ticket type cannot be changed.');
    const next = { ...current, ...withoutUndefined(patch) };
    if (next.quantity < current.sold + current.held) {
      throw conflict(
        'quantity_below_sold',
        `quantity ${next.quantity} is below the ${current.sold} sold and ${current.held} held seats.`,
      );
    }
    if (
      next.salesStart &&
      next.salesEnd &&
      Date.parse(next.salesStart) >= Date.parse(next.salesEnd)
    ) {
      throw invalid('validation_failed', 'salesEnd: must be after salesStart', [
        { field: 'salesEnd', message: 'must be after salesStart' },
      ]);
    }
    if (patch.name !== undefined) {
      const other = await store.findTicketTypeByName(tx, eventId, patch.name);
      if (other && other.id !== ticketTypeId) throw duplicateName(patch.name);
    }
    const after = await store.updateTicketType(tx, next);
    await appendAudit(tx, actor, {
      action: 'ticket_type.updated',
      objectType: 'ticket_type',
      objectId: ticketTypeId,
      eventId,
      before: current,
      after,
    });
    return { before: current, after };
  });
  // Raised capacity goes to the waitlist first. After commit: offering locks quotas before the
  // ticket type, which this transaction had already locked.
  if (updated.after.quantity > updated.before.quantity) {
    await offerSeatsAfterCapacityChange(db, [ticketTypeId]);
  }
  return updated.after;
}

export async function archiveTicketType(
  db: Db,
  actor: Principal,
  eventId: string,
  ticketTypeId: string,
): Promise<TicketType> {
  return db.transaction(async (tx) => {
    const event = await store.findEvent(tx, actor.organizationId, eventId);
    const current = event && (await store.findTicketType(tx, eventId, ticketTypeId, true));
    if (!current) throw notFound('ticket type', ticketTypeId);
    const archived = await store.archiveTicketType(tx, ticketTypeId);
    await appendAudit(tx, actor, {
      action: 'ticket_type.archived',
      objectType: 'ticket_type',
      objectId: ticketTypeId,
      eventId,
      before: current,
      after: archived,
    });
    return archived;
  });
}

const duplicateName = (name: string) =>
  conflict('duplicate_ticket_type_name', `This event already has a ticket type named "${name}".`);

function withoutUndefined<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}
