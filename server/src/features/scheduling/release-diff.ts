import type { Program, Session } from './program.js';

// The difference between two releases as data (after pretalx's schedule/domain/changes.py).
// A session counts as scheduled when it is not cancelled and has at least one session slot;
// one that leaves the grid or is cancelled is "cancelled", one that enters it is "new".

export interface Placement {
  roomId: string | null;
  room: string | null;
  startsAt: string;
  endsAt: string;
}

export interface PlacedSession {
  sessionId: string;
  title: string;
  placements: Placement[];
}

export interface ScheduleDiff {
  new: PlacedSession[];
  cancelled: PlacedSession[];
  moved: { sessionId: string; title: string; from: Placement[]; to: Placement[] }[];
  renamed: { sessionId: string; from: string; to: string }[];
  speakersChanged: { sessionId: string; title: string; added: string[]; removed: string[] }[];
}

interface Scheduled {
  session: Session;
  placements: Placement[];
  key: string;
}

/** Scheduled sessions by id with their placements in start order. */
function scheduledSessions(program: Program): Map<string, Scheduled> {
  const rooms = new Map(program.rooms.map((r) => [r.id, r.name]));
  const sessions = new Map(program.sessions.map((s) => [s.id, s]));
  const out = new Map<string, Scheduled>();
  for (const slot of program.slots) {
    if (slot.kind !== 'session' || !slot.sessionId) continue;
    const session = sessions.get(slot.sessionId);
    if (!session || session.status === 'cancelled') continue;
    const placement: Placement = {
      roomId: slot.roomId,
      room: slot.roomId ? (rooms.get(slot.roomId) ?? null) : null,
      startsAt: new Date(slot.startsAt).toISOString(),
      endsAt: new Date(slot.endsAt).toISOString(),
    };
    const entry = out.get(session.id);
    if (entry) entry.placements.push(placement);
    else out.set(session.id, { session, placements: [placement], key: '' });
  }
  for (const entry of out.values()) {
    entry.placements.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    entry.key = entry.placements.map((p) => `${p.roomId}@${p.startsAt}/${p.endsAt}`).join(',');
  }
  return out;
}

/** What changed from `before` (null: nothing released yet) to `after`. */
export function diffPrograms(before: Program | null, after: Program): ScheduleDiff {
  const prev = before ? scheduledSessions(before) : new Map<string, Scheduled>();
  const next = scheduledSessions(after);
  const diff: ScheduleDiff = {
    new: [],
    cancelled: [],
    moved: [],
    renamed: [],
    speakersChanged: [],
  };
  for (const [id, n] of next) {
    const p = prev.get(id);
    if (!p) {
      diff.new.push({ sessionId: id, title: n.session.title, placements: n.placements });
      continue;
    }
    if (p.key !== n.key)
      diff.moved.push({
        sessionId: id,
        title: n.session.title,
        from: p.placements,
        to: n.placements,
      });
    if (p.session.title !== n.session.title)
      diff.renamed.push({ sessionId: id, from: p.session.title, to: n.session.title });
    const was = new Set(p.session.speakerIds);
    const is = new Set(n.session.speakerIds);
    const added = [...is].filter((s) => !was.has(s));
    const removed = [...was].filter((s) => !is.has(s));
    if (added.length || removed.length)
      diff.speakersChanged.push({ sessionId: id, title: n.session.title, added, removed });
  }
  for (const [id, p] of prev) {
    if (!next.has(id))
      diff.cancelled.push({ sessionId: id, title: p.session.title, placements: p.placements });
  }
  return diff;
}

/** Ids of every session the diff names. */
export function changedSessionIds(diff: ScheduleDiff): Set<string> {
  return new Set(
    [diff.new, diff.cancelled, diff.moved, diff.renamed, diff.speakersChanged].flatMap((list) =>
      list.map((c) => c.sessionId),
    ),
  );
}

export const isEmptyDiff = (diff: ScheduleDiff) => changedSessionIds(diff).size === 0;

/**
 * Speakers to tell about a release: those of every changed session as it was and as it is
 * (a speaker removed from a session hears of it too).
 */
export function affectedSpeakerIds(
  diff: ScheduleDiff,
  before: Program | null,
  after: Program,
): Set<string> {
  const changed = changedSessionIds(diff);
  const out = new Set<string>();
  for (const program of [before, after]) {
    for (const s of program?.sessions ?? []) {
      if (changed.has(s.id)) for (const id of s.speakerIds) out.add(id);
    }
  }
  return out;
}
