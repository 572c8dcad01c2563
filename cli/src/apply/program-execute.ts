import type { LanyardClient } from '../client/lanyard-client.js';
import { CliError } from '../errors.js';
import type { Change } from './plan.js';
import type {
  CurrentProgram,
  RoomState,
  SessionState,
  SpeakerState,
  TrackState,
} from './program-state.js';

// Carries out the program's part of a plan through the schedule API: rooms, tracks and speakers
// first (sessions name them), then sessions and their one slot each, then what the file left out:
// sessions (a released one is cancelled instead, so its attendees hear of it), then speakers,
// tracks and rooms, which nothing references any more by then.

const lower = (s: string) => s.trim().toLowerCase();

function fieldsOf<S extends object>(c: Change<S>): Partial<S> {
  if (c.action === 'create') return { ...(c.desired as S) };
  return Object.fromEntries(c.diffs.map((d) => [d.field, d.to])) as Partial<S>;
}

export async function applyProgram(
  client: LanyardClient,
  eventId: string,
  changes: Change[],
  current: CurrentProgram,
): Promise<void> {
  const base = `/api/v1/events/${encodeURIComponent(eventId)}/schedule`;
  const send = <T = { id: string }>(method: string, path: string, body?: object) =>
    client.http.json<T>(method, `${base}${path}`, body);
  const of = <S>(kind: Change['kind']) => changes.filter((c) => c.kind === kind) as Change<S>[];
  const ids = (xs: { id: string; name: string }[]) => new Map(xs.map((x) => [lower(x.name), x.id]));
  const rooms = ids(current.rooms);
  const tracks = ids(current.tracks);
  const speakers = ids(current.speakers);

  const upsert = async <S extends object>(
    kind: Change['kind'],
    path: string,
    named: Map<string, string>,
  ) => {
    for (const c of of<S>(kind)) {
      if (c.action === 'create')
        named.set(lower(c.name), (await send('POST', path, fieldsOf(c))).id);
      else if (c.action === 'update') await send('PATCH', `${path}/${c.id}`, fieldsOf(c));
    }
  };
  await upsert<RoomState>('room', '/rooms', rooms);
  await upsert<TrackState>('track', '/tracks', tracks);
  await upsert<SpeakerState>('speaker', '/speakers', speakers);

  const slotsOf = new Map(current.sessions.map((s) => [s.id, s.slotIds]));
  const place = async (sessionId: string, room: string | null, startsAt: string | null) => {
    for (const slot of slotsOf.get(sessionId) ?? []) await send('DELETE', `/slots/${slot}`);
    if (room !== null && startsAt !== null)
      await send('POST', '/slots', { sessionId, roomId: rooms.get(lower(room)), startsAt });
  };
  for (const c of of<SessionState>('session')) {
    if (c.action !== 'create' && c.action !== 'update') continue;
    const { room, startsAt, speakers: names, track, ...fields } = fieldsOf(c);
    const body = {
      ...fields,
      ...(names !== undefined ? { speakerIds: names.map((n) => speakers.get(lower(n))) } : {}),
      ...(track !== undefined ? { trackId: track === null ? null : tracks.get(lower(track)) } : {}),
    };
    const id = c.action === 'create' ? (await send('POST', '/sessions', body)).id : c.id!;
    if (c.action === 'update' && Object.keys(body).length)
      await send('PATCH', `/sessions/${id}`, body);
    if (room !== undefined || startsAt !== undefined)
      await place(id, c.desired!.room, c.desired!.startsAt);
  }

  const deletes = (kind: Change['kind']) => of(kind).filter((c) => c.action === 'delete');
  for (const c of deletes('session')) {
    try {
      await send('DELETE', `/sessions/${c.id}`);
    } catch (err) {
      if (!(err instanceof CliError && err.code === 'session_released')) throw err;
      await send('PATCH', `/sessions/${c.id}`, { status: 'cancelled' });
      await place(c.id!, null, null);
    }
  }
  for (const c of deletes('speaker')) await send('DELETE', `/speakers/${c.id}`);
  for (const c of deletes('track')) await send('DELETE', `/tracks/${c.id}`);
  for (const c of deletes('room')) await send('DELETE', `/rooms/${c.id}`);
}
