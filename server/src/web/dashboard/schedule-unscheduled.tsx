import type { KeyboardEvent, PointerEvent } from 'react';
import { sameCarried, type Carry } from './schedule-carry.js';
import type { Carried } from './schedule-grid.js';
import type { ScheduleDraft } from './schedule-types.js';

/**
 * Sessions still to place: not cancelled and on no slot, or on a slot without a room. Each is
 * carried to the grid like a session on it.
 */
export function UnscheduledList(p: {
  draft: ScheduleDraft;
  carry: Carry | null;
  onPointerDown: (e: PointerEvent<HTMLElement>, c: Carried) => void;
  onKeyDown: (e: KeyboardEvent<HTMLElement>, c: Carried) => void;
  onBlur: (c: Carried) => void;
}) {
  const { draft } = p;
  const speakers = new Map(draft.speakers.map((s) => [s.id, s.name]));
  const items: Carried[] = [
    ...draft.slots
      .filter((s) => s.kind === 'session' && s.sessionId && !s.roomId)
      .map((slot) => ({ slot, sessionId: slot.sessionId! })),
    ...draft.sessions
      .filter((s) => s.status !== 'cancelled')
      .filter((s) => !draft.slots.some((slot) => slot.sessionId === s.id))
      .map((s) => ({ slot: null, sessionId: s.id })),
  ];
  const sessions = new Map(draft.sessions.map((s) => [s.id, s]));
  return (
    <section aria-labelledby="schedule-unscheduled" className="schedule-unscheduled">
      <h3 id="schedule-unscheduled">Not on the grid ({items.length})</h3>
      {items.length === 0 ? <p className="hint">Every session has a room and a time.</p> : null}
      <ul>
        {items.map((c) => {
          const s = sessions.get(c.sessionId)!;
          const carried = p.carry && sameCarried(p.carry.carried, c);
          return (
            <li key={c.slot?.id ?? c.sessionId}>
              <button
                type="button"
                className={`schedule-slot schedule-session${carried ? ' is-carried' : ''}`}
                aria-describedby="schedule-help"
                onPointerDown={(e) => p.onPointerDown(e, c)}
                onKeyDown={(e) => p.onKeyDown(e, c)}
                onBlur={() => p.onBlur(c)}
              >
                <span className="schedule-slot-title">{s.title}</span>
                <span className="schedule-slot-time">
                  {s.durationMinutes} min{c.slot ? ', no room' : ''}
                </span>
                {s.speakerIds.length ? (
                  <span className="schedule-slot-speakers">
                    {s.speakerIds.map((id) => speakers.get(id)).join(', ')}
                  </span>
                ) : null}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
