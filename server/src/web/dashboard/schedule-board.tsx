import { useEffect, useRef, useState } from 'react';
import type { Conflict } from '../../features/scheduling/conflicts.js';
import { ApiError } from '../api.js';
import { Notice } from '../components/notice.js';
import { clockTime, dayLabel } from '../lib/agenda.js';
import { api } from './api.js';
import { useCarry, type Carry, type GridGeometry } from './schedule-carry.js';
import {
  STEP_MINUTES,
  STEP_MS,
  conflictLabel,
  conflictsOfLanding,
  dayFrame,
  instantOfRow,
  landedSlot,
  lengthOf,
  rowOf,
  scheduleDays,
  withLanded,
  type Carried,
  type DayFrame,
  type Target,
} from './schedule-grid.js';
import { ScheduleDayGrid } from './schedule-day-grid.js';
import { UnscheduledList } from './schedule-unscheduled.js';
import type { ScheduleDraft, Slot } from './schedule-types.js';
import type { OrganizerEvent } from './types.js';

/**
 * The draft's grid for one day at a time and the sessions not on it. A session dropped on a room
 * and time is saved at once (a new slot, or its slot moved); what the landing conflicts with is
 * shown while it is carried and said in the live region.
 */
export function ScheduleBoard(p: {
  event: OrganizerEvent;
  path: string;
  draft: ScheduleDraft;
  onChanged: () => void;
}) {
  const { event } = p;
  // A dropped session stays where it landed while the server saves it and the draft is read
  // again; the overlay belongs to the draft it was made on, so the new draft replaces it.
  const [saving, setSaving] = useState<{ on: ScheduleDraft; slot: Slot } | null>(null);
  const draft = saving?.on === p.draft ? withLanded(p.draft, saving.slot) : p.draft;
  const tz = event.timezone;
  const days = scheduleDays(draft.slots, event.startsAt, event.endsAt, tz);
  const [day, setDay] = useState(days[0]!);
  const frame = dayFrame(day, draft.slots, tz);
  const rooms = [...draft.rooms].sort((a, b) => a.position - b.position);
  const [said, say] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [focusSlot, setFocusSlot] = useState<string | null>(null);
  const gridRef = useRef<HTMLDivElement>(null);

  // A session placed from the list becomes a slot on the grid: focus follows it there.
  useEffect(() => {
    if (!focusSlot) return;
    const el = gridRef.current?.querySelector<HTMLElement>(`[data-slot-id="${focusSlot}"]`);
    if (el) {
      el.focus();
      setFocusSlot(null);
    }
  }, [draft, focusSlot]);

  const titleOf = (c: Carried) =>
    draft.sessions.find((s) => s.id === c.sessionId)?.title ?? 'Session';
  const landing = (c: Carried, t: Target) => {
    const room = rooms[t.roomIndex]!;
    const slot = landedSlot(draft, c, room.id, instantOfRow(frame, t.row));
    return {
      room,
      slot,
      conflicts: conflictsOfLanding(draft, draft.severities, slot),
      where: `${room.name}, ${clockTime(slot.startsAt, tz)} to ${clockTime(slot.endsAt, tz)}`,
    };
  };
  const conflictWords = (c: Conflict[]) =>
    c.length ? ` Conflicts: ${c.map(conflictLabel).join('; ')}.` : ' No conflicts.';

  const carrying = useCarry({
    rooms: rooms.length,
    rows: frame.rows,
    lengthRows: (c) => Math.ceil(lengthOf(draft, c) / STEP_MS),
    geometry: () => (gridRef.current ? geometryOf(gridRef.current, frame) : null),
    onMove(c: Carry) {
      if (c.by !== 'keyboard' || !c.target) return;
      const l = landing(c.carried, c.target);
      say(`${titleOf(c.carried)}: ${l.where}.${conflictWords(l.conflicts)}`);
    },
    onCancel(c: Carry) {
      say(`${titleOf(c.carried)} put back where it was.`);
    },
    onDrop(c) {
      const l = landing(c.carried, c.target);
      const body = { roomId: l.room.id, startsAt: l.slot.startsAt, endsAt: l.slot.endsAt };
      setProblem(null);
      setSaving({ on: p.draft, slot: l.slot });
      const saved = c.carried.slot
        ? api<Slot>(`${p.path}/slots/${c.carried.slot.id}`, { method: 'PATCH', body })
        : api<Slot>(`${p.path}/slots`, { body: { ...body, sessionId: c.carried.sessionId } });
      saved.then(
        (slot) => {
          say(`${titleOf(c.carried)} placed in ${l.where}.${conflictWords(l.conflicts)}`);
          if (!c.carried.slot) setFocusSlot(slot.id);
          p.onChanged();
        },
        (err: unknown) => {
          setSaving(null);
          const detail = err instanceof ApiError ? err.problem.detail : String(err);
          setProblem(`${titleOf(c.carried)} was not moved: ${detail}`);
          say(`${titleOf(c.carried)} was not moved.`);
        },
      );
    },
  });

  const carried = carrying.carry;
  const preview =
    carried?.target && rooms.length
      ? { ...landing(carried.carried, carried.target), carried }
      : null;
  const placeOf = (slot: Slot): Target => ({
    roomIndex: Math.max(
      rooms.findIndex((r) => r.id === slot.roomId),
      0,
    ),
    row: rowOf(frame, Date.parse(slot.startsAt)),
  });

  return (
    <section aria-labelledby="schedule-grid" className="panel">
      <h2 id="schedule-grid">Schedule</h2>
      <p className="hint" id="schedule-help">
        Drag a session to a room and time, or focus it and press Enter or Space to pick it up, the
        arrow keys to move it (left and right: room; up and down: {STEP_MINUTES} minutes), Enter to
        drop it and Escape to put it back. Times are in {tz}.
      </p>
      <div className="schedule-days" role="group" aria-label="Day">
        {days.map((d) => (
          <button
            key={d}
            type="button"
            className="button button-secondary"
            aria-pressed={d === day}
            onClick={() => setDay(d)}
          >
            {dayLabel(d)}
          </button>
        ))}
      </div>
      {problem ? <Notice tone="error">{problem}</Notice> : null}
      {rooms.length === 0 ? (
        <p>Add a room first: sessions are placed in rooms.</p>
      ) : (
        <div className="schedule-layout">
          <UnscheduledList
            draft={draft}
            carry={carried}
            onPointerDown={(e, c) => carrying.pointerDown(e, c, false)}
            onKeyDown={(e, c) => carrying.keyDown(e, c, { roomIndex: 0, row: 0 })}
            onBlur={carrying.blur}
          />
          <ScheduleDayGrid
            gridRef={gridRef}
            label={`Schedule of ${dayLabel(day)}`}
            draft={draft}
            rooms={rooms}
            frame={frame}
            timeZone={tz}
            carry={carried}
            preview={preview}
            onPointerDown={(e, c) => carrying.pointerDown(e, c, true)}
            onKeyDown={(e, c, slot) => carrying.keyDown(e, c, placeOf(slot))}
            onBlur={carrying.blur}
          />
        </div>
      )}
      <p className="visually-hidden" aria-live="assertive" aria-atomic="true">
        {said}
      </p>
    </section>
  );
}

/** The room columns' boxes, read when the pointer moves (the page may have scrolled). */
function geometryOf(grid: HTMLElement, frame: DayFrame): GridGeometry {
  const columns = [...grid.querySelectorAll<HTMLElement>('[data-room-column]')].map((el) =>
    el.getBoundingClientRect(),
  );
  const rowPx = (columns[0]?.height ?? 1) / frame.rows;
  return {
    targetAt(x, y) {
      const roomIndex = columns.findIndex((r) => x >= r.left && x < r.right);
      if (roomIndex < 0) return null;
      const top = columns[roomIndex]!.top;
      if (y < top || y >= top + columns[roomIndex]!.height) return null;
      return { roomIndex, row: Math.floor((y - top) / rowPx) };
    },
    rowsAbove(element, y) {
      return Math.floor((y - element.getBoundingClientRect().top) / rowPx);
    },
  };
}
