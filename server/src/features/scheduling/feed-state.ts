import type { PlacedSession, ScheduleDiff } from './release-diff.js';

// What the calendar feed needs to carry from release to release: a SEQUENCE per session that
// rises each time the session changes, and the sessions released once and gone since, so
// calendars that imported them see them as STATUS:CANCELLED instead of keeping them.

export interface FeedState {
  sequences: Record<string, number>;
  cancelled: PlacedSession[];
}

export const EMPTY_FEED_STATE: FeedState = { sequences: {}, cancelled: [] };

export function nextFeedState(prev: FeedState, diff: ScheduleDiff): FeedState {
  const sequences = { ...prev.sequences };
  const bump = (id: string) => {
    sequences[id] = id in sequences ? sequences[id]! + 1 : 0;
  };
  const cancelledNow = new Set(diff.cancelled.map((c) => c.sessionId));
  const back = new Set(diff.new.map((c) => c.sessionId));
  const changed = new Set(
    [diff.new, diff.cancelled, diff.moved, diff.renamed, diff.speakersChanged].flatMap((l) =>
      l.map((c) => c.sessionId),
    ),
  );
  for (const id of changed) bump(id);
  const cancelled = [
    ...prev.cancelled.filter((c) => !back.has(c.sessionId) && !cancelledNow.has(c.sessionId)),
    ...diff.cancelled,
  ];
  return { sequences, cancelled };
}
