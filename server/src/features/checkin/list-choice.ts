import type { CheckinList, DoorSession, EntryRule } from '@lanyard/core';

/** A check-in list as the server keeps it (soft-deleted lists stay, so old scans can name them). */
export interface StoredList {
  id: string;
  eventId: string;
  name: string;
  /** null: every ticket type. */
  ticketTypeIds: string[] | null;
  opensAt: Date | null;
  closesAt: Date | null;
  entryRule: EntryRule;
  gates: string[];
  /** A room's list (see door-sessions.ts); null: an ordinary list. */
  roomId: string | null;
  /** A room's list: its released sessions with their signups, as last read. */
  sessions?: DoorSession[];
  isDefault: boolean;
  createdAt: Date;
  updatedAt: Date;
  deletedAt: Date | null;
}

export const DEFAULT_LIST_NAME = 'Default';

/**
 * The list of an event that has none: every ticket type, once. Its id is the event's id, so
 * every replica and every kiosk names it alike without storing it.
 */
export function defaultList(eventId: string, at = new Date(0)): StoredList {
  return {
    id: eventId,
    eventId,
    name: DEFAULT_LIST_NAME,
    ticketTypeIds: null,
    opensAt: null,
    closesAt: null,
    entryRule: 'single',
    gates: [],
    roomId: null,
    isDefault: true,
    createdAt: at,
    updatedAt: at,
    deletedAt: null,
  };
}

export type ListChoice = { list: StoredList } | { unknownListId: string };

/**
 * Which list a scan counts on: the one it names (even if deleted since, for late uploads when
 * `allowDeleted`), else the live list serving its gate, else the first live list by name (what a
 * kiosk without a configured list picks too), else the default list.
 */
export function chooseList(
  eventId: string,
  lists: readonly StoredList[],
  scan: { listId?: string | undefined; gate?: string | undefined },
  allowDeleted = false,
): ListChoice {
  const live = lists.filter((l) => l.deletedAt === null);
  if (scan.listId !== undefined) {
    const id = scan.listId.toLowerCase();
    if (id === eventId.toLowerCase() && live.length === 0) return { list: defaultList(eventId) };
    const named = lists.find((l) => l.id === id && (allowDeleted || l.deletedAt === null));
    return named ? { list: named } : { unknownListId: scan.listId };
  }
  if (live.length === 0) return { list: defaultList(eventId) };
  const byGate =
    scan.gate === undefined ? undefined : live.find((l) => l.gates.includes(scan.gate!));
  return { list: byGate ?? firstByName(live) };
}

function firstByName(lists: readonly StoredList[]): StoredList {
  return [...lists].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  )[0]!;
}

/** The check-in rule's view of a list. */
export function toCoreList(list: StoredList): CheckinList {
  return {
    id: list.id,
    eventId: list.eventId,
    ticketTypeIds: list.ticketTypeIds ?? 'all',
    entryRule: list.entryRule,
    ...(list.opensAt && { opensAt: list.opensAt }),
    ...(list.closesAt && { closesAt: list.closesAt }),
    ...(list.roomId !== null && { sessions: list.sessions ?? [] }),
  };
}
