import type { Conflict } from './conflicts.js';
import type { Program } from './program.js';

// What must be zero before a release (after pretalx's release checks): sessions not on the
// grid, on the grid but unconfirmed, slots without a room, and blocking conflicts.

export type CheckName = 'unscheduled' | 'unconfirmed' | 'no_room' | 'blocking_conflicts';

export interface CheckItem {
  check: CheckName;
  count: number;
  /** The sessions concerned (for conflicts, those in a blocking one). */
  sessionIds: string[];
}

export interface Checklist {
  ready: boolean;
  items: CheckItem[];
}

export function releaseChecklist(program: Program, conflicts: readonly Conflict[]): Checklist {
  const scheduled = new Set<string>();
  const noRoom = new Set<string>();
  for (const slot of program.slots) {
    if (slot.kind !== 'session' || !slot.sessionId) continue;
    scheduled.add(slot.sessionId);
    if (!slot.roomId) noRoom.add(slot.sessionId);
  }
  const live = program.sessions.filter((s) => s.status !== 'cancelled');
  const blocking = conflicts.filter((c) => c.severity === 'block');
  const items: CheckItem[] = [
    item(
      'unscheduled',
      live.filter((s) => !scheduled.has(s.id)).map((s) => s.id),
    ),
    item(
      'unconfirmed',
      live.filter((s) => scheduled.has(s.id) && s.status === 'unconfirmed').map((s) => s.id),
    ),
    item('no_room', [...noRoom]),
    {
      check: 'blocking_conflicts',
      count: blocking.length,
      sessionIds: [...new Set(blocking.flatMap((c) => c.sessionIds))],
    },
  ];
  return { ready: items.every((i) => i.count === 0), items };
}

const item = (check: CheckName, sessionIds: string[]): CheckItem => ({
  check,
  count: sessionIds.length,
  sessionIds,
});
