import type { Db, Queryable } from '../../platform/db/db.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import type { Principal } from '../identity/principal.js';
import type { ListCache } from './list-cache.js';
import { defaultList, type StoredList } from './list-choice.js';
import * as store from './list-store.js';
import type { CheckinListBody, CreateListInput, UpdateListInput } from './schema.js';

// Use cases of check-in lists: one exported function each, one transaction each. Each change
// locks the event row, so two organizers editing lists apply one after the other.

export function toListBody(l: StoredList): CheckinListBody {
  return {
    id: l.id,
    eventId: l.eventId,
    name: l.name,
    ticketTypeIds: l.ticketTypeIds,
    window: { from: l.opensAt?.toISOString() ?? null, until: l.closesAt?.toISOString() ?? null },
    entryRule: l.entryRule,
    gates: l.gates,
    roomId: l.roomId,
    isDefault: l.isDefault,
    createdAt: l.createdAt.toISOString(),
    updatedAt: l.updatedAt.toISOString(),
  };
}

/** The event's lists by name; an event without lists shows its default list. */
export async function listLists(
  db: Db,
  actor: Principal,
  eventId: string,
): Promise<CheckinListBody[]> {
  if (!(await store.eventInOrganization(db, eventId, actor.organizationId)))
    throw notFound('event', eventId);
  const live = (await store.eventLists(db, eventId)).filter((l) => l.deletedAt === null);
  return (live.length ? live : [defaultList(eventId)]).map(toListBody);
}

export async function getList(
  db: Db,
  actor: Principal,
  eventId: string,
  listId: string,
): Promise<CheckinListBody> {
  const lists = await listLists(db, actor, eventId);
  const list = lists.find((l) => l.id === listId);
  if (!list) throw notFound('checkin list', listId);
  return list;
}

export async function createList(
  db: Db,
  cache: ListCache,
  actor: Principal,
  eventId: string,
  input: CreateListInput,
): Promise<CheckinListBody> {
  const created = await db.transaction(async (tx) => {
    const lists = await lockedLists(tx, actor, eventId);
    const fields: store.ListFields = {
      name: input.name,
      ticketTypeIds: input.ticketTypeIds,
      opensAt: input.window?.from ? new Date(input.window.from) : null,
      closesAt: input.window?.until ? new Date(input.window.until) : null,
      entryRule: input.entryRule,
      gates: [...new Set(input.gates)],
      roomId: input.roomId,
    };
    await checkFields(tx, eventId, fields, lists);
    return store.insertList(tx, eventId, fields);
  });
  cache.invalidate(eventId);
  return toListBody(created);
}

export async function updateList(
  db: Db,
  cache: ListCache,
  actor: Principal,
  eventId: string,
  listId: string,
  input: UpdateListInput,
): Promise<CheckinListBody> {
  const updated = await db.transaction(async (tx) => {
    const lists = await lockedLists(tx, actor, eventId);
    const current = lists.find((l) => l.id === listId);
    if (!current) throw notFound('checkin list', listId);
    const window =
      input.window === undefined
        ? { opensAt: current.opensAt, closesAt: current.closesAt }
        : {
            opensAt: input.window?.from ? new Date(input.window.from) : null,
            closesAt: input.window?.until ? new Date(input.window.until) : null,
          };
    const fields: store.ListFields = {
      name: input.name ?? current.name,
      ticketTypeIds:
        input.ticketTypeIds === undefined ? current.ticketTypeIds : input.ticketTypeIds,
      ...window,
      entryRule: input.entryRule ?? current.entryRule,
      gates: input.gates ? [...new Set(input.gates)] : current.gates,
      roomId: input.roomId === undefined ? current.roomId : input.roomId,
    };
    await checkFields(tx, eventId, fields, lists, listId);
    return store.updateList(tx, listId, fields);
  });
  cache.invalidate(eventId);
  return toListBody(updated);
}

/** Deletes a list; its scans stay. Deleting the last list brings the default list back. */
export async function deleteList(
  db: Db,
  cache: ListCache,
  actor: Principal,
  eventId: string,
  listId: string,
): Promise<void> {
  await db.transaction(async (tx) => {
    const lists = await lockedLists(tx, actor, eventId);
    if (!lists.some((l) => l.id === listId)) throw notFound('checkin list', listId);
    await store.deleteList(tx, listId);
  });
  cache.invalidate(eventId);
}

/** The live lists of the event, after locking the event (404 for another organization's). */
async function lockedLists(tx: Queryable, actor: Principal, eventId: string) {
  if (!(await store.lockEvent(tx, eventId, actor.organizationId))) throw notFound('event', eventId);
  return (await store.eventLists(tx, eventId)).filter((l) => l.deletedAt === null);
}

async function checkFields(
  tx: Queryable,
  eventId: string,
  f: store.ListFields,
  live: StoredList[],
  self?: string,
): Promise<void> {
  if (f.opensAt && f.closesAt && f.opensAt >= f.closesAt)
    throw invalid('invalid_window', 'window.from must be before window.until.');
  if (f.ticketTypeIds) {
    const known = await store.eventTicketTypes(tx, eventId, f.ticketTypeIds);
    const stranger = f.ticketTypeIds.find((id) => !known.has(id));
    if (stranger !== undefined)
      throw invalid('unknown_ticket_type', `The event has no ticket type ${stranger}.`);
  }
  if (f.roomId !== null && !(await store.eventHasRoom(tx, eventId, f.roomId)))
    throw invalid('unknown_room', `The event's schedule has no room ${f.roomId}.`);
  const others = live.filter((l) => l.id !== self);
  if (others.some((l) => l.name.toLowerCase() === f.name.toLowerCase()))
    throw conflict('checkin_list_exists', `The event already has a check-in list named ${f.name}.`);
  const taken = f.gates.find((g) => others.some((l) => l.gates.includes(g)));
  if (taken !== undefined)
    throw conflict('gate_taken', `Gate ${taken} already serves another check-in list.`);
}
