import type { ProgramSpec } from './program-schema.js';
import type { z } from 'zod';

// The program as apply compares it: references by name, the server's defaults filled in, each
// session's placement as (room, start) of its one session slot.

export interface RoomState {
  name: string;
  capacity: number | null;
  /** Rank in the file's order (0 first). */
  position: number;
}
export interface TrackState {
  name: string;
  color: string | null;
}
export interface SpeakerState {
  name: string;
  email: string | null;
  bio: string | null;
}
export interface SessionState {
  title: string;
  abstract: string | null;
  kind: string;
  language: string | null;
  durationMinutes: number;
  speakers: string[];
  track: string | null;
  status: 'unconfirmed' | 'confirmed' | 'cancelled';
  signupCapacity: number | null;
  /** Where its one session slot is; null (both) when it is not placed. */
  room: string | null;
  startsAt: string | null;
}

export interface ProgramState {
  rooms: RoomState[];
  tracks: TrackState[];
  speakers: SpeakerState[];
  sessions: SessionState[];
}

type WithId<T> = T & { id: string };
export interface CurrentProgram {
  rooms: WithId<RoomState>[];
  tracks: WithId<TrackState>[];
  speakers: WithId<SpeakerState>[];
  /** `released`: part of a release, so leaving it out cancels it rather than deleting it. */
  sessions: WithId<SessionState & { slotIds: string[]; released: boolean }>[];
}

/** The items of the schedule API, as apply reads them. */
export interface ScheduleItems {
  rooms: { id: string; name: string; capacity: number | null; position: number }[];
  tracks: { id: string; name: string; color: string | null }[];
  speakers: { id: string; name: string; email: string | null; bio: string | null }[];
  sessions: {
    id: string;
    title: string;
    abstract: string | null;
    kind: string;
    language: string | null;
    durationMinutes: number;
    speakerIds: string[];
    trackId: string | null;
    status: SessionState['status'];
    signupCapacity: number | null;
  }[];
  slots: {
    id: string;
    kind: string;
    sessionId: string | null;
    roomId: string | null;
    startsAt: string;
  }[];
  /** Ids of the sessions of the latest release. */
  releasedSessionIds: string[];
}

export function desiredProgram(p: z.output<typeof ProgramSpec>): ProgramState {
  const canonical = <T extends { name: string }>(xs: T[]) =>
    new Map(xs.map((x) => [x.name.trim().toLowerCase(), x.name]));
  // References are written as the items' own names, whatever case the session used.
  const [rooms, tracks, speakers] = [
    canonical(p.rooms),
    canonical(p.tracks),
    canonical(p.speakers),
  ];
  const named = (m: Map<string, string>, n: string) => m.get(n.trim().toLowerCase()) ?? n;
  return {
    rooms: p.rooms.map((r, i) => ({ name: r.name, capacity: r.capacity ?? null, position: i })),
    tracks: p.tracks.map((t) => ({ name: t.name, color: t.color?.toLowerCase() ?? null })),
    speakers: p.speakers.map((s) => ({ name: s.name, email: s.email ?? null, bio: s.bio ?? null })),
    sessions: p.sessions.map((s) => ({
      title: s.title,
      abstract: s.abstract ?? null,
      kind: s.kind ?? 'talk',
      language: s.language ?? null,
      durationMinutes: s.durationMinutes,
      speakers: (s.speakers ?? []).map((n) => named(speakers, n)),
      track: s.track ? named(tracks, s.track) : null,
      status: s.status ?? 'confirmed',
      signupCapacity: s.signupCapacity ?? null,
      room: s.room === undefined ? null : named(rooms, s.room),
      startsAt: s.startsAt ?? null,
    })),
  };
}

/** What a session's placement reads as when it is not one slot in a room, which a file cannot say. */
export const OTHER_SLOTS = '(other slots)';

export const NO_PROGRAM: CurrentProgram = { rooms: [], tracks: [], speakers: [], sessions: [] };

export function currentProgram(items: ScheduleItems): CurrentProgram {
  const nameOf = <T extends { id: string; name: string }>(xs: T[]) =>
    new Map(xs.map((x) => [x.id, x.name]));
  const [rooms, tracks, speakers] = [
    nameOf(items.rooms),
    nameOf(items.tracks),
    nameOf(items.speakers),
  ];
  const released = new Set(items.releasedSessionIds);
  const ranked = [...items.rooms].sort((a, b) => a.position - b.position);
  return {
    rooms: ranked.map((r, i) => ({ id: r.id, name: r.name, capacity: r.capacity, position: i })),
    tracks: items.tracks.map((t) => ({
      id: t.id,
      name: t.name,
      color: t.color?.toLowerCase() ?? null,
    })),
    speakers: items.speakers.map((s) => ({ id: s.id, name: s.name, email: s.email, bio: s.bio })),
    sessions: items.sessions.map((s) => {
      const slots = items.slots.filter((x) => x.kind === 'session' && x.sessionId === s.id);
      // One slot with a room is a placement the file can say; anything else is "not as written".
      const only = slots.length === 1 && slots[0]!.roomId ? slots[0]! : undefined;
      return {
        id: s.id,
        title: s.title,
        abstract: s.abstract,
        kind: s.kind,
        language: s.language,
        durationMinutes: s.durationMinutes,
        speakers: s.speakerIds.map((id) => speakers.get(id) ?? id),
        track: s.trackId ? (tracks.get(s.trackId) ?? s.trackId) : null,
        status: s.status,
        signupCapacity: s.signupCapacity,
        room: only ? (rooms.get(only.roomId!) ?? null) : slots.length ? OTHER_SLOTS : null,
        startsAt: only ? only.startsAt : null,
        slotIds: slots.map((x) => x.id),
        released: released.has(s.id),
      };
    }),
  };
}
