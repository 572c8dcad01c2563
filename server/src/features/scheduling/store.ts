import type { Queryable } from '../../platform/db/db.js';
import type { Severities } from './conflicts.js';
import type { FeedState } from './feed-state.js';
import type { Program, Room, Session, Slot, Speaker, Track } from './program.js';
import type { ScheduleDiff } from './release-diff.js';

// All SQL of scheduling. The draft lives in one table per kind; a release is one row whose
// program, diff and feed state are JSON written once (a trigger refuses changes).

export type ItemKind = 'rooms' | 'tracks' | 'speakers' | 'sessions' | 'slots';

interface Column {
  column: string;
  /** SQL cast of the parameter, e.g. `::jsonb`. */
  cast?: string;
  json?: boolean;
}

// The API field → column of each kind; the only identifiers interpolated into SQL.
const COLUMNS: Record<ItemKind, { table: string; fields: Record<string, Column> }> = {
  rooms: {
    table: 'schedule_rooms',
    fields: {
      name: { column: 'name' },
      capacity: { column: 'capacity' },
      availability: { column: 'availability', cast: '::jsonb', json: true },
      travelMinutes: { column: 'travel_minutes', cast: '::jsonb', json: true },
      position: { column: 'position' },
    },
  },
  tracks: {
    table: 'schedule_tracks',
    fields: { name: { column: 'name' }, color: { column: 'color' } },
  },
  speakers: {
    table: 'schedule_speakers',
    fields: {
      name: { column: 'name' },
      bio: { column: 'bio' },
      email: { column: 'email' },
      availability: { column: 'availability', cast: '::jsonb', json: true },
      externalId: { column: 'external_id' },
      accountId: { column: 'account_id' },
    },
  },
  sessions: {
    table: 'schedule_sessions',
    fields: {
      title: { column: 'title' },
      abstract: { column: 'abstract' },
      kind: { column: 'kind' },
      durationMinutes: { column: 'duration_minutes' },
      speakerIds: { column: 'speaker_ids', cast: '::uuid[]' },
      trackId: { column: 'track_id' },
      language: { column: 'language' },
      signupCapacity: { column: 'signup_capacity' },
      status: { column: 'status' },
      externalId: { column: 'external_id' },
    },
  },
  slots: {
    table: 'schedule_slots',
    fields: {
      kind: { column: 'kind' },
      sessionId: { column: 'session_id' },
      roomId: { column: 'room_id' },
      startsAt: { column: 'starts_at' },
      endsAt: { column: 'ends_at' },
      title: { column: 'title' },
    },
  },
};

const param = (c: Column, v: unknown) => (c.json ? JSON.stringify(v) : v);

function known(kind: ItemKind, values: Record<string, unknown>): [Column, unknown][] {
  const fields = COLUMNS[kind].fields;
  return Object.entries(values).flatMap(([k, v]) =>
    fields[k] && v !== undefined ? [[fields[k], v] as [Column, unknown]] : [],
  );
}

export async function insertItem(
  q: Queryable,
  kind: ItemKind,
  eventId: string,
  values: Record<string, unknown>,
): Promise<string> {
  const cols = known(kind, values);
  const { rows } = await q.query<{ id: string }>(
    `INSERT INTO ${COLUMNS[kind].table} (event_id, ${cols.map(([c]) => c.column).join(', ')})
     VALUES ($1, ${cols.map(([c], i) => `$${i + 2}${c.cast ?? ''}`).join(', ')}) RETURNING id`,
    [eventId, ...cols.map(([c, v]) => param(c, v))],
  );
  return rows[0]!.id;
}

/** Writes the given fields; false when the event has no such item. */
export async function updateItem(
  q: Queryable,
  kind: ItemKind,
  eventId: string,
  id: string,
  patch: Record<string, unknown>,
): Promise<boolean> {
  const cols = known(kind, patch);
  const sets = cols.map(([c], i) => `${c.column} = $${i + 3}${c.cast ?? ''}`);
  if (kind === 'sessions') sets.push('updated_at = now()');
  const { rowCount } = await q.query(
    `UPDATE ${COLUMNS[kind].table} SET ${sets.length ? sets.join(', ') : 'id = id'}
     WHERE event_id = $1 AND id = $2`,
    [eventId, id, ...cols.map(([c, v]) => param(c, v))],
  );
  return rowCount > 0;
}

export async function deleteItem(
  q: Queryable,
  kind: ItemKind,
  eventId: string,
  id: string,
): Promise<boolean> {
  if (kind === 'speakers') {
    await q.query(
      `UPDATE schedule_sessions SET speaker_ids = array_remove(speaker_ids, $2::uuid),
         updated_at = now()
       WHERE event_id = $1 AND $2::uuid = ANY (speaker_ids)`,
      [eventId, id],
    );
  }
  const { rowCount } = await q.query(
    `DELETE FROM ${COLUMNS[kind].table} WHERE event_id = $1 AND id = $2`,
    [eventId, id],
  );
  return rowCount > 0;
}

/** Ids of the event's items of a kind among `ids`. */
export async function existingIds(
  q: Queryable,
  kind: ItemKind,
  eventId: string,
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { rows } = await q.query<{ id: string }>(
    `SELECT id FROM ${COLUMNS[kind].table} WHERE event_id = $1 AND id = ANY ($2::uuid[])`,
    [eventId, ids],
  );
  return new Set(rows.map((r) => r.id));
}

const iso = (d: Date | string) => new Date(d).toISOString();
type R = Record<string, unknown>;

const toRoom = (r: R): Room => ({
  id: r.id as string,
  name: r.name as string,
  capacity: r.capacity as number | null,
  availability: r.availability as Room['availability'],
  travelMinutes: r.travel_minutes as Room['travelMinutes'],
  position: r.position as number,
});
const toTrack = (r: R): Track => ({
  id: r.id as string,
  name: r.name as string,
  color: r.color as string | null,
});
const toSpeaker = (r: R): Speaker => ({
  id: r.id as string,
  number: Number(r.number),
  name: r.name as string,
  bio: r.bio as string | null,
  email: r.email as string | null,
  availability: r.availability as Speaker['availability'],
  accountId: (r.account_id as string | null) ?? null,
});
const toSession = (r: R): Session => ({
  id: r.id as string,
  number: Number(r.number),
  title: r.title as string,
  abstract: r.abstract as string | null,
  kind: r.kind as string,
  durationMinutes: r.duration_minutes as number,
  speakerIds: r.speaker_ids as string[],
  trackId: r.track_id as string | null,
  language: r.language as string | null,
  signupCapacity: r.signup_capacity as number | null,
  status: r.status as Session['status'],
});
const toSlot = (r: R): Slot => ({
  id: r.id as string,
  number: Number(r.number),
  kind: r.kind as Slot['kind'],
  sessionId: r.session_id as string | null,
  roomId: r.room_id as string | null,
  startsAt: iso(r.starts_at as Date),
  endsAt: iso(r.ends_at as Date),
  title: r.title as string | null,
});

const MAPPERS = {
  rooms: toRoom,
  tracks: toTrack,
  speakers: toSpeaker,
  sessions: toSession,
  slots: toSlot,
};
const ORDER: Record<ItemKind, string> = {
  rooms: 'position, name',
  tracks: 'name',
  speakers: 'name, number',
  sessions: 'number',
  slots: 'starts_at, number',
};

async function listOf<K extends ItemKind>(
  q: Queryable,
  kind: K,
  eventId: string,
  id?: string,
): Promise<ReturnType<(typeof MAPPERS)[K]>[]> {
  const { rows } = await q.query(
    `SELECT * FROM ${COLUMNS[kind].table} WHERE event_id = $1 ${id ? 'AND id = $2' : ''}
     ORDER BY ${ORDER[kind]}`,
    id ? [eventId, id] : [eventId],
  );
  const map = MAPPERS[kind] as (r: R) => ReturnType<(typeof MAPPERS)[K]>;
  return rows.map(map);
}

export async function findItem<K extends ItemKind>(
  q: Queryable,
  kind: K,
  eventId: string,
  id: string,
): Promise<ReturnType<(typeof MAPPERS)[K]> | undefined> {
  return (await listOf(q, kind, eventId, id))[0];
}

export async function listItems<K extends ItemKind>(
  q: Queryable,
  kind: K,
  eventId: string,
): Promise<ReturnType<(typeof MAPPERS)[K]>[]> {
  return listOf(q, kind, eventId);
}

export async function loadProgram(
  q: Queryable,
  eventId: string,
  timezone: string,
): Promise<Program> {
  // Sequential: inside a transaction the queries share one connection.
  const rooms = await listOf(q, 'rooms', eventId);
  const tracks = await listOf(q, 'tracks', eventId);
  const speakers = await listOf(q, 'speakers', eventId);
  const sessions = await listOf(q, 'sessions', eventId);
  const slots = await listOf(q, 'slots', eventId);
  return { timezone, rooms, tracks, speakers, sessions, slots };
}

/** Ids of imported items by their external id. */
export async function externalIds(
  q: Queryable,
  kind: 'speakers' | 'sessions',
  eventId: string,
): Promise<Map<string, string>> {
  const { rows } = await q.query<{ id: string; external_id: string }>(
    `SELECT id, external_id FROM ${COLUMNS[kind].table}
     WHERE event_id = $1 AND external_id IS NOT NULL`,
    [eventId],
  );
  return new Map(rows.map((r) => [r.external_id, r.id]));
}

export async function deleteSlotsOfSessions(q: Queryable, sessionIds: string[]): Promise<void> {
  await q.query('DELETE FROM schedule_slots WHERE session_id = ANY ($1::uuid[])', [sessionIds]);
}

/**
 * Before a reset to a release: removes every slot, and the items the release does not have.
 * Sessions it has stay (with their signups and favourites) and are overwritten by restoreDraft.
 */
export async function pruneDraft(q: Queryable, eventId: string, keep: Program): Promise<void> {
  await q.query('DELETE FROM schedule_slots WHERE event_id = $1', [eventId]);
  const kinds: [string, { id: string }[]][] = [
    ['schedule_sessions', keep.sessions],
    ['schedule_speakers', keep.speakers],
    ['schedule_tracks', keep.tracks],
    ['schedule_rooms', keep.rooms],
  ];
  for (const [table, items] of kinds)
    await q.query(`DELETE FROM ${table} WHERE event_id = $1 AND NOT (id = ANY ($2::uuid[]))`, [
      eventId,
      items.map((i) => i.id),
    ]);
}

/** Writes a released program back as the draft, keeping every id and number. */
export async function restoreDraft(q: Queryable, eventId: string, p: Program): Promise<void> {
  // Rows go in as one JSON array per table, read back into the table's own row type.
  const insertRows = async (table: string, rows: Record<string, unknown>[]) => {
    if (rows.length === 0) return;
    const cols = Object.keys(rows[0]!);
    await q.query(
      `INSERT INTO ${table} (event_id, ${cols.join(', ')})
       SELECT $1, ${cols.map((c) => `x.${c}`).join(', ')}
       FROM json_populate_recordset(NULL::${table}, $2::json) AS x
       ON CONFLICT (id) DO UPDATE SET ${cols.map((c) => `${c} = EXCLUDED.${c}`).join(', ')}`,
      [eventId, JSON.stringify(rows)],
    );
  };
  await insertRows(
    'schedule_rooms',
    p.rooms.map((r) => ({
      id: r.id,
      name: r.name,
      capacity: r.capacity,
      availability: r.availability,
      travel_minutes: r.travelMinutes,
      position: r.position,
    })),
  );
  await insertRows(
    'schedule_tracks',
    p.tracks.map((t) => ({ id: t.id, name: t.name, color: t.color })),
  );
  await insertRows(
    'schedule_speakers',
    p.speakers.map((s) => ({
      id: s.id,
      number: s.number,
      name: s.name,
      bio: s.bio,
      email: s.email,
      availability: s.availability,
    })),
  );
  await insertRows(
    'schedule_sessions',
    p.sessions.map((s) => ({
      id: s.id,
      number: s.number,
      title: s.title,
      abstract: s.abstract,
      kind: s.kind,
      duration_minutes: s.durationMinutes,
      speaker_ids: s.speakerIds,
      track_id: s.trackId,
      language: s.language,
      signup_capacity: s.signupCapacity,
      status: s.status,
    })),
  );
  await insertRows(
    'schedule_slots',
    p.slots.map((s) => ({
      id: s.id,
      number: s.number,
      kind: s.kind,
      session_id: s.sessionId,
      room_id: s.roomId,
      starts_at: s.startsAt,
      ends_at: s.endsAt,
      title: s.title,
    })),
  );
}

export async function findSeverities(q: Queryable, eventId: string): Promise<Partial<Severities>> {
  const { rows } = await q.query<{ severities: Partial<Severities> }>(
    'SELECT severities FROM schedule_settings WHERE event_id = $1',
    [eventId],
  );
  return rows[0]?.severities ?? {};
}

export async function saveSeverities(
  q: Queryable,
  eventId: string,
  severities: Partial<Severities>,
): Promise<void> {
  await q.query(
    `INSERT INTO schedule_settings (event_id, severities) VALUES ($1, $2::jsonb)
     ON CONFLICT (event_id) DO UPDATE SET severities = schedule_settings.severities || $2::jsonb`,
    [eventId, JSON.stringify(severities)],
  );
}

export interface ReleaseRow {
  version: number;
  comment: string;
  program: Program;
  diff: ScheduleDiff;
  feed: FeedState;
  releasedBy: string;
  releasedAt: string;
}

const toRelease = (r: R): ReleaseRow => ({
  version: r.version as number,
  comment: r.comment as string,
  program: r.program as Program,
  diff: r.diff as ScheduleDiff,
  feed: r.feed as FeedState,
  releasedBy: r.released_by as string,
  releasedAt: iso(r.released_at as Date),
});

export interface EventInfo {
  id: string;
  name: string;
  startsAt: string;
  endsAt: string;
  timezone: string;
}

/**
 * What a public feed depends on, in one cheap read: the event's facts (no organization check),
 * when they last changed, and the latest release's number (undefined before the first).
 */
export async function findFeedHead(
  q: Queryable,
  eventId: string,
): Promise<{ event: EventInfo; updatedAt: number; version: number | undefined } | undefined> {
  const { rows } = await q.query<{
    id: string;
    name: string;
    starts_at: Date;
    ends_at: Date;
    timezone: string;
    updated_at: Date;
    version: number | null;
  }>(
    `SELECT e.id, e.name, e.starts_at, e.ends_at, e.timezone, e.updated_at,
       (SELECT max(version) FROM schedule_releases r WHERE r.event_id = e.id) AS version
     FROM events e WHERE e.id = $1`,
    [eventId],
  );
  const r = rows[0];
  if (!r) return undefined;
  return {
    event: {
      id: r.id,
      name: r.name,
      startsAt: iso(r.starts_at),
      endsAt: iso(r.ends_at),
      timezone: r.timezone,
    },
    updatedAt: new Date(r.updated_at).getTime(),
    version: r.version ?? undefined,
  };
}

export async function findRelease(
  q: Queryable,
  eventId: string,
  version?: number,
): Promise<ReleaseRow | undefined> {
  const { rows } = await q.query(
    version === undefined
      ? 'SELECT * FROM schedule_releases WHERE event_id = $1 ORDER BY version DESC LIMIT 1'
      : 'SELECT * FROM schedule_releases WHERE event_id = $1 AND version = $2',
    version === undefined ? [eventId] : [eventId, version],
  );
  return rows[0] && toRelease(rows[0]);
}

/** The newest releases' comments and diffs (not their programs), newest first. */
export async function releaseNotes(
  q: Queryable,
  eventId: string,
  limit: number,
): Promise<{ version: number; comment: string; releasedAt: string; diff: ScheduleDiff }[]> {
  const { rows } = await q.query<{
    version: number;
    comment: string;
    released_at: Date;
    diff: ScheduleDiff;
  }>(
    `SELECT version, comment, released_at, diff FROM schedule_releases
      WHERE event_id = $1 ORDER BY version DESC LIMIT $2`,
    [eventId, limit],
  );
  return rows.map((r) => ({
    version: r.version,
    comment: r.comment,
    releasedAt: iso(r.released_at),
    diff: r.diff,
  }));
}

export async function listReleases(q: Queryable, eventId: string): Promise<ReleaseRow[]> {
  const { rows } = await q.query(
    'SELECT * FROM schedule_releases WHERE event_id = $1 ORDER BY version',
    [eventId],
  );
  return rows.map(toRelease);
}

export async function insertRelease(q: Queryable, eventId: string, r: ReleaseRow): Promise<void> {
  await q.query(
    `INSERT INTO schedule_releases (event_id, version, comment, program, diff, feed, released_by)
     VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6::jsonb, $7)`,
    [
      eventId,
      r.version,
      r.comment,
      JSON.stringify(r.program),
      JSON.stringify(r.diff),
      JSON.stringify(r.feed),
      r.releasedBy,
    ],
  );
}

/** Tickets whose holders favourited or signed up for any of the sessions, with which ones. */
export async function ticketsFollowing(
  q: Queryable,
  sessionIds: readonly string[],
): Promise<{ ticketId: string; sessionIds: string[] }[]> {
  if (sessionIds.length === 0) return [];
  const { rows } = await q.query<{ ticket_id: string; session_ids: string[] }>(
    `SELECT ticket_id, array_agg(DISTINCT session_id ORDER BY session_id) AS session_ids
     FROM (SELECT ticket_id, session_id FROM schedule_favourites WHERE session_id = ANY ($1::uuid[])
           UNION ALL
           SELECT ticket_id, session_id FROM schedule_signups WHERE session_id = ANY ($1::uuid[])) f
     GROUP BY ticket_id ORDER BY ticket_id`,
    [sessionIds],
  );
  return rows.map((r) => ({ ticketId: r.ticket_id, sessionIds: r.session_ids }));
}

/** Confirmed signups per session of the event. */
export async function signupCounts(q: Queryable, eventId: string): Promise<Record<string, number>> {
  const { rows } = await q.query<{ id: string; signups_taken: number }>(
    'SELECT id, signups_taken FROM schedule_sessions WHERE event_id = $1 AND signups_taken > 0',
    [eventId],
  );
  return Object.fromEntries(rows.map((r) => [r.id, r.signups_taken]));
}

/** Which of `ids` are accounts of the organization (a speaker may be linked to one). */
export async function organizationAccountIds(
  q: Queryable,
  organizationId: string,
  ids: string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const { rows } = await q.query<{ id: string }>(
    `SELECT id FROM organizer_accounts WHERE organization_id = $1 AND id = ANY ($2::uuid[])`,
    [organizationId, ids],
  );
  return new Set(rows.map((r) => r.id));
}

/** The addresses of speakers' accounts, by speaker id, for speakers with an account. */
export async function speakerAccountEmails(
  q: Queryable,
  speakerIds: string[],
): Promise<Map<string, string>> {
  if (speakerIds.length === 0) return new Map();
  const { rows } = await q.query<{ id: string; email: string }>(
    `SELECT s.id, a.email FROM schedule_speakers s
     JOIN organizer_accounts a ON a.id = s.account_id AND a.disabled_at IS NULL
     WHERE s.id = ANY ($1::uuid[])`,
    [speakerIds],
  );
  return new Map(rows.map((r) => [r.id, r.email]));
}
