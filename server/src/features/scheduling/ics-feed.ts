import { buildCalendar, type CalendarEntry } from '@lanyard/core';
import type { Program } from './program.js';
import type { Placement } from './release-diff.js';
import type { EventInfo, ReleaseRow } from './store.js';

// The released schedule as iCalendar. Each session's UID is derived from its id (and the slot's
// place among its slots), so a calendar that subscribed updates its copy on the next release;
// SEQUENCE is the session's change count from the feed state; sessions gone since an earlier
// release stay in the feed as STATUS:CANCELLED.

const uid = (sessionId: string, k: number) => `${sessionId}${k ? `-${k}` : ''}@lanyard`;

function placementsBySession(program: Program): Map<string, Placement[]> {
  const rooms = new Map(program.rooms.map((r) => [r.id, r.name]));
  const out = new Map<string, Placement[]>();
  for (const s of program.slots) {
    if (s.kind !== 'session' || !s.sessionId) continue;
    const list = out.get(s.sessionId) ?? [];
    list.push({
      roomId: s.roomId,
      room: s.roomId ? (rooms.get(s.roomId) ?? null) : null,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
    });
    out.set(s.sessionId, list);
  }
  for (const list of out.values()) list.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return out;
}

/**
 * The released schedule as iCalendar; with `only`, just those sessions (an attendee's agenda),
 * with the same UIDs and SEQUENCEs as the public feed, so one calendar may hold both.
 */
export function scheduleIcs(
  event: EventInfo,
  release: ReleaseRow,
  opts: { only?: ReadonlySet<string>; name?: string } = {},
): string {
  const { program, feed } = release;
  const wanted = (sessionId: string) => !opts.only || opts.only.has(sessionId);
  const now = new Date(release.releasedAt);
  const speakers = new Map(program.speakers.map((s) => [s.id, s.name]));
  const placements = placementsBySession(program);
  const entries: CalendarEntry[] = [];
  for (const session of program.sessions) {
    if (session.status === 'cancelled' || !wanted(session.id)) continue;
    const names = session.speakerIds
      .map((id) => speakers.get(id))
      .filter(Boolean)
      .join(', ');
    const description = [names && `Speakers: ${names}`, session.abstract]
      .filter(Boolean)
      .join('\n\n');
    (placements.get(session.id) ?? []).forEach((p, k) =>
      entries.push({
        uid: uid(session.id, k),
        title: session.title,
        startsAt: p.startsAt,
        endsAt: p.endsAt,
        location: p.room,
        description: description || null,
        now,
        sequence: feed.sequences[session.id] ?? 0,
        status: 'CONFIRMED',
      }),
    );
  }
  for (const gone of feed.cancelled) {
    if (!wanted(gone.sessionId)) continue;
    gone.placements.forEach((p, k) =>
      entries.push({
        uid: uid(gone.sessionId, k),
        title: gone.title,
        startsAt: p.startsAt,
        endsAt: p.endsAt,
        location: p.room,
        now,
        sequence: feed.sequences[gone.sessionId] ?? 0,
        status: 'CANCELLED',
      }),
    );
  }
  entries.sort((a, b) => a.startsAt.localeCompare(b.startsAt) || a.uid.localeCompare(b.uid));
  return buildCalendar(entries, {
    prodId: '-//Lanyard//Schedule//EN',
    name: opts.name ?? event.name,
  });
}
