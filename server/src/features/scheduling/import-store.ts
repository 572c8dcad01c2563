import type { Queryable } from '../../platform/db/db.js';
import type { ImportPlan } from './frab-import.js';

// SQL of a schedule import: each item upserted by its natural key (room and track by name,
// speaker and session by their id in the imported file), so importing twice changes nothing.

type Upserted = { id: string; inserted: boolean };

async function one(q: Queryable, sql: string, params: unknown[]): Promise<Upserted> {
  const { rows } = await q.query<{ id: string; inserted: boolean }>(sql, params);
  return rows[0]!;
}

export const upsertRoom = (q: Queryable, eventId: string, r: ImportPlan['rooms'][number]) =>
  one(
    q,
    `INSERT INTO schedule_rooms (event_id, name, capacity) VALUES ($1, $2, $3)
     ON CONFLICT (event_id, name) DO UPDATE SET capacity = coalesce(EXCLUDED.capacity, schedule_rooms.capacity)
     RETURNING id, (xmax = 0) AS inserted`,
    [eventId, r.name, r.capacity],
  );

export const upsertTrack = (q: Queryable, eventId: string, name: string) =>
  one(
    q,
    `INSERT INTO schedule_tracks (event_id, name) VALUES ($1, $2)
     ON CONFLICT (event_id, name) DO UPDATE SET name = EXCLUDED.name
     RETURNING id, (xmax = 0) AS inserted`,
    [eventId, name],
  );

export const upsertSpeaker = (q: Queryable, eventId: string, s: ImportPlan['speakers'][number]) =>
  one(
    q,
    `INSERT INTO schedule_speakers (event_id, external_id, name, bio) VALUES ($1, $2, $3, $4)
     ON CONFLICT (event_id, external_id) DO UPDATE SET name = EXCLUDED.name, bio = EXCLUDED.bio
     RETURNING id, (xmax = 0) AS inserted`,
    [eventId, s.externalId, s.name, s.bio],
  );

export const upsertSession = (
  q: Queryable,
  eventId: string,
  s: ImportPlan['sessions'][number],
  speakerIds: string[],
  trackId: string | null,
) =>
  one(
    q,
    `INSERT INTO schedule_sessions (event_id, external_id, title, abstract, kind, language,
       duration_minutes, speaker_ids, track_id, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8::uuid[], $9, 'confirmed')
     ON CONFLICT (event_id, external_id) DO UPDATE SET title = EXCLUDED.title,
       abstract = EXCLUDED.abstract, kind = EXCLUDED.kind, language = EXCLUDED.language,
       duration_minutes = EXCLUDED.duration_minutes, speaker_ids = EXCLUDED.speaker_ids,
       track_id = EXCLUDED.track_id, updated_at = now()
     RETURNING id, (xmax = 0) AS inserted`,
    [
      eventId,
      s.externalId,
      s.title,
      s.abstract,
      s.kind,
      s.language,
      s.durationMinutes,
      speakerIds,
      trackId,
    ],
  );

/** Puts the session in one room at one time, replacing its slots when they differ. */
export async function placeSession(
  q: Queryable,
  eventId: string,
  sessionId: string,
  roomId: string,
  startsAt: string,
  endsAt: string,
): Promise<boolean> {
  const { rows } = await q.query<{ same: boolean }>(
    `SELECT count(*) = 1 AND bool_and(room_id = $2 AND starts_at = $3 AND ends_at = $4) AS same
     FROM schedule_slots WHERE session_id = $1`,
    [sessionId, roomId, startsAt, endsAt],
  );
  if (rows[0]?.same) return false;
  await q.query('DELETE FROM schedule_slots WHERE session_id = $1', [sessionId]);
  await q.query(
    `INSERT INTO schedule_slots (event_id, kind, session_id, room_id, starts_at, ends_at)
     VALUES ($1, 'session', $2, $3, $4, $5)`,
    [eventId, sessionId, roomId, startsAt, endsAt],
  );
  return true;
}
