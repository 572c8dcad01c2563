import type { Placement, ScheduleDiff } from './release-diff.js';
import { zonedParts } from './zoned-time.js';

// A release's changes in words, with times in the event's timezone: the Atom feed's entries and
// the mails to the attendees and speakers they concern.

/** The words of each kind of change, in one language (the mails' catalogs have one each). */
export interface ChangeWords {
  cancelled(title: string): string;
  moved(title: string, from: string, to: string): string;
  added(title: string, at: string): string;
  renamed(from: string, to: string): string;
  speakersChanged(title: string): string;
  notPlaced: string;
}

/** English: the Atom feed's, and the English mails'. */
export const ENGLISH_CHANGES: ChangeWords = {
  cancelled: (title) => `Cancelled: ${title}`,
  moved: (title, from, to) => `Moved: ${title}, ${from} → ${to}`,
  added: (title, at) => `New: ${title}, ${at}`,
  renamed: (from, to) => `Renamed: ${from} → ${to}`,
  speakersChanged: (title) => `Speakers changed: ${title}`,
  notPlaced: 'not placed',
};

function where(p: Placement | undefined, timeZone: string, words: ChangeWords): string {
  if (!p) return words.notPlaced;
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
  words: ChangeWords = ENGLISH_CHANGES,
): string[] {
  const mine = <T extends { sessionId: string }>(xs: T[]) =>
    only ? xs.filter((x) => only.has(x.sessionId)) : xs;
  return [
    ...mine(diff.cancelled).map((s) => words.cancelled(s.title)),
    ...mine(diff.moved).map((m) =>
      words.moved(m.title, where(m.from[0], timeZone, words), where(m.to[0], timeZone, words)),
    ),
    ...mine(diff.new).map((s) => words.added(s.title, where(s.placements[0], timeZone, words))),
    ...mine(diff.renamed).map((r) => words.renamed(r.from, r.to)),
    ...mine(diff.speakersChanged).map((s) => words.speakersChanged(s.title)),
  ];
}
