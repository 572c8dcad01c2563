import {
  findConflicts,
  type Conflict,
  type Severities,
} from '../../features/scheduling/conflicts.js';
import type { Program, Slot } from '../../features/scheduling/program.js';
import { zonedParts, zonedToUtc } from '../../features/scheduling/zoned-time.js';
import { localDay } from '../lib/agenda.js';

// The schedule grid as plain data: a day is a column of rows of five real minutes from a wall
// hour to a wall hour in the event's zone, so a DST change shortens or lengthens the day's grid
// instead of shifting sessions; where a dropped session lands; and what that landing conflicts
// with, by the same pure rules the server checks.

export const STEP_MINUTES = 5;
export const STEP_MS = STEP_MINUTES * 60_000;
const HOUR_MS = 3_600_000;

export interface DayFrame {
  day: string;
  /** UTC ms of the first row (a whole wall hour). */
  start: number;
  /** Number of rows of STEP_MINUTES. */
  rows: number;
}

/** Where a carried session would land: a room (by its index in the grid) and a row. */
export interface Target {
  roomIndex: number;
  row: number;
}

/** The days to show: each day the event runs, in its zone, and any day a slot starts on. */
export function scheduleDays(
  slots: readonly Pick<Slot, 'startsAt'>[],
  eventStartsAt: string,
  eventEndsAt: string,
  timeZone: string,
): string[] {
  const days = new Set<string>();
  // Noon to noon steps cannot skip a day whatever the zone's DST does.
  const last = localDay(eventEndsAt, timeZone);
  for (let day = localDay(eventStartsAt, timeZone); day <= last; day = nextDay(day)) days.add(day);
  for (const s of slots) days.add(localDay(s.startsAt, timeZone));
  return [...days].sort();
}

function nextDay(day: string): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The wall hour at or before an instant, as UTC ms. */
function floorHour(ms: number, timeZone: string): number {
  const [, minutes] = zonedParts(ms, timeZone).time.split(':').map(Number) as [number, number];
  return Math.floor(ms / 60_000) * 60_000 - minutes * 60_000;
}

/**
 * The day's grid: 08:00 to 18:00 in the event's zone, widened to whole hours around the day's
 * slots.
 */
export function dayFrame(
  day: string,
  slots: readonly Pick<Slot, 'startsAt' | 'endsAt'>[],
  timeZone: string,
): DayFrame {
  let start = zonedToUtc(day, '08:00', timeZone);
  let end = zonedToUtc(day, '18:00', timeZone);
  for (const s of slots) {
    if (localDay(s.startsAt, timeZone) !== day) continue;
    start = Math.min(start, floorHour(Date.parse(s.startsAt), timeZone));
    const ends = Date.parse(s.endsAt);
    const floor = floorHour(ends, timeZone);
    end = Math.max(end, floor === ends ? ends : floor + HOUR_MS);
  }
  return { day, start, rows: Math.round((end - start) / STEP_MS) };
}

export const instantOfRow = (frame: DayFrame, row: number) => frame.start + row * STEP_MS;

/** The row an instant falls in (may be outside the frame). */
export const rowOf = (frame: DayFrame, ms: number) => Math.floor((ms - frame.start) / STEP_MS);

/**
 * The rows of the frame outside every availability window (none when there are no windows: always
 * available), as runs of rows, for the grid to shade.
 */
export function unavailableRuns(
  frame: DayFrame,
  windows: readonly { start: string; end: string }[],
): { row: number; rows: number }[] {
  if (windows.length === 0) return [];
  const runs: { row: number; rows: number }[] = [];
  for (let row = 0; row < frame.rows; row++) {
    const start = instantOfRow(frame, row);
    const open = windows.some(
      (w) => Date.parse(w.start) <= start && start + STEP_MS <= Date.parse(w.end),
    );
    const last = runs.at(-1);
    if (open) continue;
    if (last && last.row + last.rows === row) last.rows++;
    else runs.push({ row, rows: 1 });
  }
  return runs;
}

/** The rows starting a wall hour, with its label: where the time column prints hours. */
export function hourMarks(frame: DayFrame, timeZone: string): { row: number; label: string }[] {
  const marks: { row: number; label: string }[] = [];
  for (let row = 0; row < frame.rows; row++) {
    const { time } = zonedParts(instantOfRow(frame, row), timeZone);
    if (time.endsWith(':00')) marks.push({ row, label: time });
  }
  return marks;
}

/** A target kept inside the grid, the whole session on it. */
export function clampTarget(t: Target, rooms: number, rows: number, lengthRows: number): Target {
  return {
    roomIndex: Math.min(Math.max(t.roomIndex, 0), rooms - 1),
    row: Math.min(Math.max(t.row, 0), Math.max(rows - lengthRows, 0)),
  };
}

/** The key's move of a carried session: a room left or right, a step earlier or later. */
export function keyMove(key: string, t: Target): Target | undefined {
  const moves: Record<string, Target> = {
    ArrowLeft: { roomIndex: t.roomIndex - 1, row: t.row },
    ArrowRight: { roomIndex: t.roomIndex + 1, row: t.row },
    ArrowUp: { roomIndex: t.roomIndex, row: t.row - 1 },
    ArrowDown: { roomIndex: t.roomIndex, row: t.row + 1 },
  };
  return moves[key];
}

/** What is carried: a slot already on the grid, or a session not yet on it. */
export type Carried = { slot: Slot; sessionId: string } | { slot: null; sessionId: string };

/** The carried thing's length in ms: its slot's, or its session's duration. */
export function lengthOf(program: Program, c: Carried): number {
  if (c.slot) return Date.parse(c.slot.endsAt) - Date.parse(c.slot.startsAt);
  const session = program.sessions.find((s) => s.id === c.sessionId);
  return (session?.durationMinutes ?? 30) * 60_000;
}

/** Id a not-yet-saved slot has while its landing is checked. */
export const NEW_SLOT_ID = 'new-slot';

/** The slot as it would be after landing at `startMs` in `roomId`. */
export function landedSlot(program: Program, c: Carried, roomId: string, startMs: number): Slot {
  const length = lengthOf(program, c);
  const base: Slot = c.slot ?? {
    id: NEW_SLOT_ID,
    number: 0,
    kind: 'session',
    sessionId: c.sessionId,
    roomId,
    startsAt: '',
    endsAt: '',
    title: null,
  };
  return {
    ...base,
    roomId,
    startsAt: new Date(startMs).toISOString(),
    endsAt: new Date(startMs + length).toISOString(),
  };
}

/** The program with the slot landed: in its new place, or added. */
export const withLanded = <P extends Program>(program: P, landed: Slot): P => ({
  ...program,
  slots: [...program.slots.filter((s) => s.id !== landed.id), landed],
});

/** The conflicts the landed slot would be part of, under the organizer's severities. */
export function conflictsOfLanding(
  program: Program,
  severities: Partial<Severities>,
  landed: Slot,
): Conflict[] {
  return findConflicts({ program: withLanded(program, landed), severities }).filter((c) =>
    c.slotIds.includes(landed.id),
  );
}

/** "Room double-booked" for a conflict kind. */
export const kindLabel = (kind: string) => {
  const words = kind.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
};

/** "Room double-booked (blocks release)" */
export const conflictLabel = (c: Pick<Conflict, 'kind' | 'severity'>) =>
  `${kindLabel(c.kind)} (${c.severity === 'block' ? 'blocks release' : 'warning'})`;
