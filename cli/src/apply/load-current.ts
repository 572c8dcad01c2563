import type { LanyardClient } from '../client/lanyard-client.js';
import type { Event } from '../client/types.js';
import { CliError, inputError } from '../errors.js';
import { loadTexts } from './message-texts.js';
import { currentProgram, type CurrentProgram, type ScheduleItems } from './program-state.js';
import { currentState, type CurrentState } from './state.js';

/**
 * The event a file names: by its `id` when given, else the one active event with the file's
 * event name (none: apply creates it; several: the file must name the id).
 */
export async function findEvent(
  client: LanyardClient,
  id: string | undefined,
  name: string,
): Promise<Event | undefined> {
  if (id) {
    try {
      return await client.getEvent(id);
    } catch (err) {
      if (err instanceof CliError && err.code === 'event_not_found')
        throw inputError(
          'event_not_found',
          `event ${id} (the file's id) is not on ${client.server}; remove "id" to create the event`,
        );
      throw err;
    }
  }
  const named = (await client.listEvents()).filter((e) => e.name === name);
  if (named.length > 1) {
    throw inputError(
      'event_ambiguous',
      `${named.length} events are named "${name}" (${named.map((e) => e.id).join(', ')}); add "id: <one of them>" to the file`,
    );
  }
  return named[0];
}

export async function loadCurrent(client: LanyardClient, event: Event): Promise<CurrentState> {
  const [types, quotas, questions, promos, lists, program, texts] = await Promise.all([
    client.ticketTypes.list(event.id),
    client.quotas.list(event.id),
    client.questions.list(event.id),
    client.promoCodes.list(event.id),
    client.checkinLists.list(event.id),
    loadProgram(client, event.id),
    loadTexts(client, event.id),
  ]);
  return currentState(event, types, quotas, questions, promos, lists, program, texts);
}

/** The schedule's draft, and which of its sessions the latest release holds. */
async function loadProgram(client: LanyardClient, eventId: string): Promise<CurrentProgram> {
  const base = `/api/v1/events/${encodeURIComponent(eventId)}/schedule`;
  const [draft, releases] = await Promise.all([
    client.http.json<Omit<ScheduleItems, 'releasedSessionIds'>>('GET', `${base}/draft`),
    client.http.json<{ version: number }[]>('GET', `${base}/releases`),
  ]);
  const latest = releases.at(-1);
  const released = latest
    ? await client.http.json<{ program: { sessions: { id: string }[] } }>(
        'GET',
        `${base}/releases/${latest.version}`,
      )
    : undefined;
  return currentProgram({
    ...draft,
    releasedSessionIds: released?.program.sessions.map((s) => s.id) ?? [],
  });
}
