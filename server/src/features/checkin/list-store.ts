import type { Queryable } from '../../platform/db/db.js';
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
  created_at: Date;
  updated_at: Date;
  deleted_at: Date | null;
  [k: string]: unknown;
}

const COLUMNS =
  'id, event_id, name, ticket_type_ids, opens_at, closes_at, entry_rule, gates, created_at, updated_at, deleted_at';

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
    isDefault: false,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    deletedAt: r.deleted_at,
  };
}

export type ListFields = Pick<
  StoredList,
  'name' | 'ticketTypeIds' | 'opensAt' | 'closesAt' | 'entryRule' | 'gates'
>;

const values = (f: ListFields) => [
  f.name,
  f.ticketTypeIds,
  f.opensAt,
  f.closesAt,
  f.entryRule,
  f.gates,
];

export async function insertList(
  tx: Queryable,
  eventId: string,
  f: ListFields,
): Promise<StoredList> {
  const { rows } = await tx.query<ListRow>(
    `INSERT INTO checkin_lists (event_id, name, ticket_type_ids, opens_at, closes_at, entry_rule, gates)
     VALUES ($1, $2, $3::uuid[], $4, $5, $6, $7::text[]) RETURNING ${COLUMNS}`,
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
       entry_rule = $6, gates = $7::text[], updated_at = now()
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

/** Every list of the event, deleted ones included, by name. */
export async function eventLists(
  db: Queryable,
  eventId: string,
  forUpdate = false,
): Promise<StoredList[]> {
  const { rows } = await db.query<ListRow>(
    `SELECT ${COLUMNS} FROM checkin_lists WHERE event_id = $1 ORDER BY name, id${forUpdate ? ' FOR UPDATE' : ''}`,
    [eventId],
  );
  return rows.map(toStoredList);
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
