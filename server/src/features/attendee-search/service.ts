import { canSeePersonalData } from '../team/personal-data.js';
import type { Db } from '../../platform/db/db.js';
import { notFound } from '../../platform/errors.js';
import type { Principal } from '../identity/principal.js';
import { firstAdmissions } from '../checkin/admissions-store.js';
import { eventInOrganization } from '../ticketing/store.js';
import type { AttendeeHit } from './schema.js';
import type { SearchIndex } from './search-index.js';

/** Searches an event of the caller's organization; any other event is "not found". */
export async function searchAttendees(
  db: Db,
  index: SearchIndex,
  actor: Principal,
  eventId: string,
  query: { q: string; limit: number },
): Promise<{ items: AttendeeHit[] }> {
  if (!(await eventInOrganization(db, actor.organizationId, eventId)))
    throw notFound('event', eventId);
  const hits = await index.search(eventId, query.q, query.limit);
  const admitted = await firstAdmissions(
    db,
    hits.map((h) => h.ticketId),
  );
  return {
    items: hits.map((h) => ({
      ticketId: h.ticketId,
      orderId: h.orderId,
      name: h.name,
      ...(canSeePersonalData(actor, eventId) && { email: h.email }),
      ticketTypeName: h.ticketTypeName,
      status: h.status,
      score: h.score,
      checkedInAt: admitted.get(h.ticketId) ?? null,
    })),
  };
}
