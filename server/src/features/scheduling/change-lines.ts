import type { Placement, ScheduleDiff } from './release-diff.js';
import { zonedParts } from './zoned-time.js';

// A release's changes in words, with times in the event's timezone: the Atom feed's entries and
// the mails to the attendees and speakers they concern.

function where(p: Placement | undefined, timeZone: string): string {
  if (!p) return 'not placed';
  const t = zonedParts(p.startsAt, timeZone);
  return `${t.date} ${t.time}${p.room ? `, ${p.room}` : ''}`;
}

/**
 * What a release changed, one line per session, in the order an attendee cares about; with
 * `only`, just those sessions (what one attendee or speaker follows).
 */
export function changeLines(
  diff: ScheduleDiff,
  timeZone: string,
  only?: ReadonlySet<string>,
): string[] {
  const mine = <T extends { sessionId: string }>(xs: T[]) =>
    only ? xs.filter((x) => only.has(x.sessionId)) : xs;
  return [
    ...mine(diff.cancelled).map((s) => `Cancelled: ${s.title}`),
    ...mine(diff.moved).map(
      (m) => `Moved: ${m.title}, ${where(m.from[0], timeZone)} → ${where(m.to[0], timeZone)}`,
    ),
    ...mine(diff.new).map((s) => `New: ${s.title}, ${where(s.placements[0], timeZone)}`),
    ...mine(diff.renamed).map((r) => `Renamed: ${r.from} → ${r.to}`),
    ...mine(diff.speakersChanged).map((s) => `Speakers changed: ${s.title}`),
  ];
}
