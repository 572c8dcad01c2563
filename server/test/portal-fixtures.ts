import { eventBody, ticketTypeBody, type TestServer } from './harness.js';
import { json } from '../src/features/ticketing/test-support/ticket-fixtures.js';
import { locateBuiltPortal } from '../src/features/portal/built-portal.js';

export { json };

// Fixtures of the portal tests: an event set up through the organizer API, questions written
// straight to the table (the portal only reads them).

export interface PortalEvent {
  eventId: string;
  /** Ticket type ids by name. */
  types: Record<string, string>;
}

export async function createPortalEvent(
  t: TestServer,
  event: Record<string, unknown>,
  types: Record<string, Record<string, unknown>>,
): Promise<PortalEvent> {
  const { id: eventId } = await json<{ id: string }>(
    await t.api('/api/v1/events', { body: eventBody(event) }),
    201,
  );
  const ids: Record<string, string> = {};
  for (const [name, over] of Object.entries(types)) {
    const res = await t.api(`/api/v1/events/${eventId}/ticket-types`, {
      body: ticketTypeBody({ name, ...over }),
    });
    ids[name] = (await json<{ id: string }>(res, 201)).id;
  }
  return { eventId, types: ids };
}

export async function addQuestion(
  t: TestServer,
  eventId: string,
  q: {
    label: string;
    kind: 'text' | 'choice' | 'checkbox';
    required?: boolean;
    options?: string[];
    ticketTypeIds?: string[] | null;
    position?: number;
    archived?: boolean;
  },
): Promise<string> {
  const { rows } = await t.server.db.query<{ id: string }>(
    `INSERT INTO questions (event_id, label, kind, required, options, ticket_type_ids, position, archived_at)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6::uuid[], $7, CASE WHEN $8 THEN now() END) RETURNING id`,
    [
      eventId,
      q.label,
      q.kind,
      q.required ?? false,
      JSON.stringify(q.options ?? []),
      q.ticketTypeIds ?? null,
      q.position ?? 0,
      q.archived ?? false,
    ],
  );
  return rows[0]!.id;
}

/** Sells every seat of a ticket type through registration. */
export async function sellOut(t: TestServer, eventId: string, ticketTypeId: string, seats: number) {
  for (let i = 0; i < seats; i++) {
    const res = await t.api(`/api/v1/events/${eventId}/registrations`, {
      token: null,
      body: {
        ticketTypeId,
        quantity: 1,
        attendee: { name: `Early ${i}`, email: `early-${i}@example.org` },
      },
    });
    await json(res, 201);
  }
}

/** The tests serve the real build; without it they stop with the command that makes it. */
export function requireBuiltPortal(): string {
  const dir = locateBuiltPortal();
  if (!dir) throw new Error('The portal is not built: run `npm run build:web -w server` first.');
  return dir;
}
