import type { Queryable } from '../../platform/db/db.js';
import { invalid } from '../../platform/errors.js';

// Quotas, questions and promo codes name ticket types; each must be one of the same event's.

/** The ids among `ids` that are ticket types of the event (archived ones included). */
export async function eventTicketTypeIds(
  db: Queryable,
  eventId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { rows } = await db.query<{ id: string }>(
    'SELECT id FROM ticket_types WHERE event_id = $1 AND id = ANY($2::uuid[])',
    [eventId, ids],
  );
  return new Set(rows.map((r) => r.id));
}

/** Throws 400 `unknown_ticket_type`, naming each `ticketTypeIds.<i>` that is not in `known`. */
export function refuseUnknownTicketTypes(
  ids: readonly string[],
  known: { has(id: string): boolean },
): void {
  const fields = ids.flatMap((id, i) =>
    known.has(id)
      ? []
      : [{ field: `ticketTypeIds.${i}`, message: 'is not a ticket type of this event' }],
  );
  if (fields.length > 0)
    throw invalid('unknown_ticket_type', `${fields[0]!.field}: ${fields[0]!.message}`, fields);
}
