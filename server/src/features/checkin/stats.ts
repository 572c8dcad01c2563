import type { Db } from '../../platform/db/db.js';
import { notFound } from '../../platform/errors.js';
import type { Principal } from '../identity/principal.js';
import { DEFAULT_LIST_NAME } from './list-choice.js';
import type { CheckinStats } from './schema.js';
import { checkinStatsRows, type StatsRow } from './stats-store.js';

/**
 * How many valid tickets have entered and how many are inside now, for the event and each
 * check-in list; entries and exits at each gate.
 */
export async function checkinStats(
  db: Db,
  actor: Principal,
  eventId: string,
): Promise<CheckinStats> {
  const rows = await checkinStatsRows(db, eventId, actor.organizationId);
  return toStats(eventId, rows, new Date());
}

/** The statement's rows as the API answers them: lists by name, gates by list then gate. */
export function toStats(eventId: string, rows: StatsRow[], at: Date): CheckinStats {
  const event = rows.find((r) => r.kind === 'event');
  if (!event) throw notFound('event', eventId);
  const lists = rows
    .filter((r) => r.kind === 'list')
    .map((r) => ({
      listId: r.key!,
      name: r.label ?? DEFAULT_LIST_NAME,
      admitted: Number(r.admitted),
      inside: Number(r.inside),
      total: Number(r.total),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const listName = new Map(lists.map((l) => [l.listId, l.name]));
  const gates = rows
    .filter((r) => r.kind === 'gate')
    .map((r) => ({
      gate: r.key,
      listId: r.label!,
      // A deleted list's scans still count at their gate.
      listName: listName.get(r.label!) ?? null,
      admitted: Number(r.admitted),
      exits: Number(r.exits),
    }))
    .sort(
      (a, b) =>
        (a.listName ?? '').localeCompare(b.listName ?? '') ||
        (a.gate ?? '').localeCompare(b.gate ?? ''),
    );
  return {
    eventId,
    at: at.toISOString(),
    admitted: Number(event.admitted),
    inside: Number(event.inside),
    total: Number(event.total),
    lists,
    gates,
  };
}
