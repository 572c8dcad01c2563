import type { KeyboardEvent, PointerEvent, RefObject } from 'react';
import type { Conflict } from '../../features/scheduling/conflicts.js';
import { clockTime, localDay } from '../lib/agenda.js';
import { sameCarried, type Carry } from './schedule-carry.js';
import {
  STEP_MINUTES,
  STEP_MS,
  conflictLabel,
  hourMarks,
  rowOf,
  type Carried,
  unavailableRuns,
  type DayFrame,
} from './schedule-grid.js';
import type { Room, ScheduleDraft, Slot } from './schedule-types.js';

const ROWS_PER_HOUR = 60 / STEP_MINUTES;

/** Grid lines of a slot: its room's column (a break without a room spans all) and its rows. */
function area(frame: DayFrame, slot: Pick<Slot, 'startsAt' | 'endsAt'>, column: string) {
  const row = rowOf(frame, Date.parse(slot.startsAt));
  const span = Math.max(
    1,
    Math.ceil((Date.parse(slot.endsAt) - Date.parse(slot.startsAt)) / STEP_MS),
  );
  return { gridColumn: column, gridRow: `${row + 2} / span ${Math.min(span, frame.rows - row)}` };
}

/**
 * Side by side lanes for slots that overlap in one room, so a double booking shows both: each
 * run of overlapping slots shares its width; slots overlapping nothing keep the whole column.
 */
function lanesOf(slots: Slot[]): Map<string, { lane: number; lanes: number }> {
  const out = new Map<string, { lane: number; lanes: number }>();
  const byRoom = new Map<string, Slot[]>();
  for (const s of slots) if (s.roomId) byRoom.set(s.roomId, [...(byRoom.get(s.roomId) ?? []), s]);
  for (const list of byRoom.values()) {
    let run: { id: string; lane: number }[] = [];
    let ends: number[] = [];
    const close = () => {
      for (const r of run) out.set(r.id, { lane: r.lane, lanes: ends.length });
      run = [];
      ends = [];
    };
    for (const s of [...list].sort((a, b) => a.startsAt.localeCompare(b.startsAt))) {
      const start = Date.parse(s.startsAt);
      if (ends.length && Math.max(...ends) <= start) close();
      const free = ends.findIndex((end) => end <= start);
      const lane = free < 0 ? ends.length : free;
      ends[lane] = Date.parse(s.endsAt);
      run.push({ id: s.id, lane });
    }
    close();
  }
  return out;
}

/** One day of the draft: rooms across, time down in the event's zone, slots in their places. */
export function ScheduleDayGrid(p: {
  gridRef: RefObject<HTMLDivElement | null>;
  label: string;
  draft: ScheduleDraft;
  rooms: Room[];
  frame: DayFrame;
  timeZone: string;
  carry: Carry | null;
  preview: { slot: Slot; conflicts: Conflict[]; carried: Carry } | null;
  onPointerDown: (e: PointerEvent<HTMLElement>, c: Carried) => void;
  onKeyDown: (e: KeyboardEvent<HTMLElement>, c: Carried, slot: Slot) => void;
  onBlur: (c: Carried) => void;
}) {
  const { frame, rooms, timeZone: tz, draft } = p;
  const column = (roomId: string | null) => {
    const i = rooms.findIndex((r) => r.id === roomId);
    return i < 0 ? `2 / ${rooms.length + 2}` : String(i + 2);
  };
  // In the order they were made, which a move does not change: a moved slot's element stays in
  // place in the document, and so keeps the keyboard's focus (moving a node drops its focus).
  const slots = draft.slots
    .filter((s) => localDay(s.startsAt, tz) === frame.day && (s.kind !== 'session' || s.roomId))
    .sort((a, b) => a.number - b.number);
  const lanes = lanesOf(slots.filter((s) => s.kind === 'session'));
  const conflictsOf = (slotId: string) => draft.conflicts.filter((c) => c.slotIds.includes(slotId));
  const sessions = new Map(draft.sessions.map((s) => [s.id, s]));
  const speakers = new Map(draft.speakers.map((s) => [s.id, s.name]));
  const roomName = new Map(rooms.map((r) => [r.id, r.name]));
  const time = (s: Pick<Slot, 'startsAt' | 'endsAt'>) =>
    `${clockTime(s.startsAt, tz)}–${clockTime(s.endsAt, tz)}`;
  return (
    <div className="schedule-scroll">
      <div
        ref={p.gridRef}
        className="schedule-grid"
        role="group"
        aria-label={p.label}
        style={{
          gridTemplateColumns: `4rem repeat(${rooms.length}, minmax(9rem, 1fr))`,
          gridTemplateRows: `auto repeat(${frame.rows}, 0.45rem)`,
        }}
      >
        {rooms.map((r, i) => (
          <div key={r.id} className="schedule-room" style={{ gridColumn: i + 2, gridRow: 1 }}>
            {r.name}
            {r.capacity !== null ? <span className="hint"> · {r.capacity} seats</span> : null}
          </div>
        ))}
        {hourMarks(frame, tz).map((m) => (
          <div
            key={m.row}
            className="schedule-hour"
            style={{
              gridColumn: 1,
              gridRow: `${m.row + 2} / span ${Math.min(ROWS_PER_HOUR, frame.rows - m.row)}`,
            }}
          >
            {m.label}
          </div>
        ))}
        {rooms.map((r, i) => (
          <div
            key={r.id}
            data-room-column
            className="schedule-column"
            style={{ gridColumn: i + 2, gridRow: `2 / span ${frame.rows}` }}
          />
        ))}
        {rooms.flatMap((r, i) =>
          unavailableRuns(frame, r.availability).map((run) => (
            <div
              key={`${r.id}-${run.row}`}
              aria-hidden="true"
              className="schedule-unavailable"
              style={{ gridColumn: i + 2, gridRow: `${run.row + 2} / span ${run.rows}` }}
            />
          )),
        )}
        {slots.map((slot) => {
          if (slot.kind !== 'session' || !slot.sessionId)
            return (
              <div
                key={slot.id}
                className={`schedule-slot schedule-${slot.kind}`}
                style={area(frame, slot, column(slot.roomId))}
              >
                <span className="schedule-slot-title">
                  {slot.title ?? (slot.kind === 'break' ? 'Break' : 'Blocked')}
                </span>{' '}
                <span className="schedule-slot-time">{time(slot)}</span>
              </div>
            );
          const session = sessions.get(slot.sessionId);
          const carried: Carried = { slot, sessionId: slot.sessionId };
          const conflicts = conflictsOf(slot.id);
          const lane = lanes.get(slot.id) ?? { lane: 0, lanes: 1 };
          const blocking = conflicts.some((c) => c.severity === 'block');
          const classes = [
            'schedule-slot',
            'schedule-session',
            conflicts.length ? (blocking ? 'has-block' : 'has-warn') : '',
            p.carry && sameCarried(p.carry.carried, carried) ? 'is-carried' : '',
            session?.status === 'cancelled' ? 'is-cancelled' : '',
          ];
          return (
            <button
              key={slot.id}
              type="button"
              data-slot-id={slot.id}
              className={classes.filter(Boolean).join(' ')}
              aria-describedby="schedule-help"
              style={{
                ...area(frame, slot, column(slot.roomId)),
                width: `${100 / lane.lanes}%`,
                marginLeft: `${(100 / lane.lanes) * lane.lane}%`,
              }}
              onPointerDown={(e) => p.onPointerDown(e, carried)}
              onKeyDown={(e) => p.onKeyDown(e, carried, slot)}
              onBlur={() => p.onBlur(carried)}
            >
              <span className="schedule-slot-title">{session?.title ?? 'Session'}</span>
              <span className="schedule-slot-time">
                {time(slot)}
                <span className="visually-hidden">, {roomName.get(slot.roomId ?? '')}</span>
              </span>
              {session && session.status !== 'confirmed' ? (
                <span className="schedule-slot-status">
                  {session.status === 'cancelled' ? 'Cancelled' : 'Unconfirmed'}
                </span>
              ) : null}
              {session?.speakerIds.length ? (
                <span className="schedule-slot-speakers">
                  {session.speakerIds.map((id) => speakers.get(id)).join(', ')}
                </span>
              ) : null}
              {conflicts.map((c, i) => (
                <span key={i} className={`schedule-conflict conflict-${c.severity}`}>
                  {conflictLabel(c)}
                </span>
              ))}
            </button>
          );
        })}
        {p.preview ? (
          <div
            aria-hidden="true"
            className={`schedule-slot schedule-landing${
              p.preview.conflicts.some((c) => c.severity === 'block') ? ' has-block' : ''
            }`}
            style={area(frame, p.preview.slot, column(p.preview.slot.roomId))}
          >
            <span className="schedule-slot-title">
              {sessions.get(p.preview.carried.carried.sessionId)?.title}
            </span>
            <span className="schedule-slot-time">{time(p.preview.slot)}</span>
            {p.preview.conflicts.map((c, i) => (
              <span key={i} className={`schedule-conflict conflict-${c.severity}`}>
                {conflictLabel(c)}
              </span>
            ))}
          </div>
        ) : null}
      </div>
    </div>
  );
}
