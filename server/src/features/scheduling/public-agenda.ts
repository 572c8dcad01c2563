import type { Program, SessionStatus } from './program.js';
import { diffPrograms, type ScheduleDiff } from './release-diff.js';
import type { EventInfo, ReleaseRow } from './store.js';

// The latest release as the attendee portal's agenda reads it: the ids the agenda API takes
// (sessions, rooms, tracks), nothing an attendee should not see (speakers' emails and
// availability, rooms' travel times, blockers), and what changed since a release the attendee
// saw. The frab schedule.json has no room or track ids and one entry per slot, so it does not do.

export interface PublicAgenda {
  eventId: string;
  name: string;
  timezone: string;
  version: number;
  releasedAt: string;
  comment: string;
  rooms: { id: string; name: string; capacity: number | null }[];
  tracks: { id: string; name: string; color: string | null }[];
  speakers: { id: string; name: string; bio: string | null }[];
  sessions: {
    id: string;
    title: string;
    abstract: string | null;
    kind: string;
    speakerIds: string[];
    trackId: string | null;
    language: string | null;
    signupCapacity: number | null;
    status: SessionStatus;
  }[];
  /** Session slots and breaks, in start order. */
  slots: {
    id: string;
    kind: 'session' | 'break';
    sessionId: string | null;
    roomId: string | null;
    startsAt: string;
    endsAt: string;
    title: string | null;
  }[];
  /** What changed from release `since` to this one (since = version: nothing). */
  changes: { since: number; diff: ScheduleDiff };
}

const EMPTY_DIFF: ScheduleDiff = {
  new: [],
  cancelled: [],
  moved: [],
  renamed: [],
  speakersChanged: [],
};

/**
 * The diff from release `since` to `latest`: the stored one for the release before, nothing for
 * `since` at or past the latest, else computed from the older release's program (null: gone).
 */
export function diffSince(latest: ReleaseRow, since: number, older: Program | null): ScheduleDiff {
  if (since >= latest.version) return EMPTY_DIFF;
  if (since === latest.version - 1) return latest.diff;
  return diffPrograms(older, latest.program);
}

export function publicAgenda(
  event: EventInfo,
  release: ReleaseRow,
  since: number,
  diff: ScheduleDiff,
): PublicAgenda {
  const p = release.program;
  return {
    eventId: event.id,
    name: event.name,
    timezone: event.timezone,
    version: release.version,
    releasedAt: release.releasedAt,
    comment: release.comment,
    rooms: [...p.rooms]
      .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name))
      .map((r) => ({ id: r.id, name: r.name, capacity: r.capacity })),
    tracks: p.tracks.map((t) => ({ id: t.id, name: t.name, color: t.color })),
    speakers: p.speakers.map((s) => ({ id: s.id, name: s.name, bio: s.bio })),
    sessions: p.sessions.map((s) => ({
      id: s.id,
      title: s.title,
      abstract: s.abstract,
      kind: s.kind,
      speakerIds: s.speakerIds,
      trackId: s.trackId,
      language: s.language,
      signupCapacity: s.signupCapacity,
      status: s.status,
    })),
    slots: p.slots
      .filter((s) => s.kind === 'break' || (s.kind === 'session' && s.sessionId && s.roomId))
      .map((s) => ({
        id: s.id,
        kind: s.kind as 'session' | 'break',
        sessionId: s.sessionId,
        roomId: s.roomId,
        startsAt: new Date(s.startsAt).toISOString(),
        endsAt: new Date(s.endsAt).toISOString(),
        title: s.title,
      }))
      .sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
    changes: { since: Math.min(since, release.version), diff },
  };
}
