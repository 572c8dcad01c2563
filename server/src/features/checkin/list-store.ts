import type { Queryable } from '../../platform/db/db.js';
import type { Program } from '../scheduling/program.js';
import { doorSessionsOf } from './door-sessions.js';
import type { StoredList } from './list-choice.js';

// All SQL of check-in lists.

interface ListRow {
  id: string;
  event_id: string;
  name: string;
  ticket_type_ids: string[] | null;
  opens_at: Date | null;
  closes_at: Date | null;
  entry_rule: StoredList['entryRule'];
  gates: string[];
  room_id: string | null;
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
  [k: string]: unknown;
}

const COLUMNS =
  'id, event_id, name, ticket_type_ids, opens_at, closes_at, entry_rule, gates, room_id, created_at, updated_at, deleted_at';

export function toStoredList(r: ListRow): StoredList {
  return {
    id: r.id,
    eventId: r.event_id,
    name: r.name,
    ticketTypeIds: r.ticket_type_ids,
    opensAt: r.opens_at,
    closesAt: r.closes_at,
    entryRule: r.entry_rule,
    gates: r.gates,
    roomId: r.room_id,
    isDefault: false,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
  };
}

export type ListFields = Pick<
  StoredList,
  'name' | 'ticketTypeIds' | 'opensAt' | 'closesAt' | 'entryRule' | 'gates' | 'roomId'
>;

const values = (f: ListFields) => [
  f.name,
  f.ticketTypeIds,
  f.opensAt,
  f.closesAt,
  f.entryRule,
  f.gates,
  f.roomId,
];

export async function insertList(
  tx: Queryable,
  eventId: string,
  f: ListFields,
): Promise<StoredList> {
  const { rows } = await tx.query<ListRow>(
    `INSERT INTO checkin_lists (event_id, name, ticket_type_ids, opens_at, closes_at, entry_rule, gates, room_id)
     VALUES ($1, $2, $3::uuid[], $4, $5, $6, $7::text[], $8) RETURNING ${COLUMNS}`,
    [eventId, ...values(f)],
  );
  return toStoredList(rows[0]!);
}

export async function updateList(
  tx: Queryable,
  listId: string,
  f: ListFields,
): Promise<StoredList> {
  const { rows } = await tx.query<ListRow>(
    `UPDATE checkin_lists SET name = $2, ticket_type_ids = $3::uuid[], opens_at = $4, closes_at = $5,
       entry_rule = $6, gates = $7::text[], room_id = $8, updated_at = now()
     WHERE id = $1 RETURNING ${COLUMNS}`,
    [listId, ...values(f)],
  );
  return toStoredList(rows[0]!);
}

export async function deleteList(tx: Queryable, listId: string): Promise<void> {
  await tx.query(
    'UPDATE checkin_lists SET deleted_at = now(), updated_at = now() WHERE id = $1 AND deleted_at IS NULL',
    [listId],
  );
}

/**
 * Every list of the event, deleted ones included, by name; room lists with their sessions of the
 * latest release and those sessions' confirmed signups (two more queries, only when there are).
 */
export async function eventLists(
  db: Queryable,
  eventId: string,
  forUpdate = false,
): Promise<StoredList[]> {
  const { rows } = await db.query<ListRow>(
    `SELECT ${COLUMNS} FROM checkin_lists WHERE event_id = $1 ORDER BY name, id${forUpdate ? ' FOR UPDATE' : ''}`,
    [eventId],
  );
  const lists = rows.map(toStoredList);
  if (!lists.some((l) => l.roomId !== null && l.deletedAt === null)) return lists;
  const program = await latestReleasedProgram(db, eventId);
  const signups = program ? await confirmedSignups(db, program) : new Map();
  for (const l of lists)
    if (l.roomId !== null) l.sessions = doorSessionsOf(program, l.roomId, signups);
  return lists;
}

async function latestReleasedProgram(db: Queryable, eventId: string): Promise<Program | undefined> {
  const { rows } = await db.query<{ program: Program }>(
    'SELECT program FROM schedule_releases WHERE event_id = $1 ORDER BY version DESC LIMIT 1',
    [eventId],
  );
  return rows[0]?.program;
}

/** Ticket ids (lower case) with a confirmed seat, by session, for the program's signup sessions. */
async function confirmedSignups(
  db: Queryable,
  program: Program,
): Promise<Map<string, Set<string>>> {
  const ids = program.sessions.filter((s) => s.signupCapacity !== null).map((s) => s.id);
  const bySession = new Map<string, Set<string>>();
  if (ids.length === 0) return bySession;
  const { rows } = await db.query<{ session_id: string; ticket_id: string }>(
    `SELECT session_id, ticket_id FROM schedule_signups
     WHERE session_id = ANY($1::uuid[]) AND status = 'confirmed'`,
    [ids],
  );
  for (const r of rows) {
    const set = bySession.get(r.session_id) ?? new Set<string>();
    set.add(r.ticket_id.toLowerCase());
    bySession.set(r.session_id, set);
  }
  return bySession;
}

/** Whether the room is one of the event's schedule rooms. */
export async function eventHasRoom(
  db: Queryable,
  eventId: string,
  roomId: string,
): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM schedule_rooms WHERE event_id = $1 AND id = $2', [
    eventId,
    roomId,
  ]);
  return rows.length === 1;
}

/** Those of `ids` that are ticket types of the event. */
export async function eventTicketTypes(
  db: Queryable,
  eventId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  const { rows } = await db.query<{ id: string }>(
    'SELECT id FROM ticket_types WHERE event_id = $1 AND id = ANY($2::uuid[])',
    [eventId, ids],
  );
  return new Set(rows.map((r) => r.id));
}

/** The event row, locked: list changes of one event apply one after the other. */
export async function lockEvent(
  tx: Queryable,
  eventId: string,
  organizationId: string,
): Promise<boolean> {
  const { rows } = await tx.query(
    'SELECT 1 FROM events WHERE id = $1 AND organization_id = $2 FOR UPDATE',
    [eventId, organizationId],
  );
  return rows.length === 1;
}

export async function eventInOrganization(
  db: Queryable,
  eventId: string,
  organizationId: string,
): Promise<boolean> {
  const { rows } = await db.query('SELECT 1 FROM events WHERE id = $1 AND organization_id = $2', [
    eventId,
    organizationId,
  ]);
  return rows.length === 1;
}
