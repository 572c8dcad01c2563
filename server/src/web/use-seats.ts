import { createContext, useEffect, useState } from 'react';
import type { SessionSeats } from '../features/scheduling/seats.js';
import { call } from './api.js';

/** Seats left by session id, for the sessions with signup; empty until loaded. */
export type SeatMap = ReadonlyMap<string, SessionSeats>;

/** What the programme's session rows and pages read the seats from. */
export const SeatsContext = createContext<SeatMap>(new Map());

// Seats change with every signup; the count is a guide (the signup itself decides), so a page
// left open asks again now and then rather than streaming every signup.
const REFRESH_MS = 30_000;

/**
 * Seats left in the event's sessions with signup: loaded with the page, again every 30 s, after
 * the attendee's own signups (`mine` is read again then) and with each release (`version`). A
 * failed load keeps what was shown.
 */
export function useSeats(
  eventId: string | undefined,
  mine: unknown,
  version: number | undefined,
): SeatMap {
  const [seats, setSeats] = useState<SeatMap>(new Map());
  useEffect(() => {
    if (!eventId) return;
    let live = true;
    const load = () =>
      call<{ sessions: SessionSeats[] }>(
        `/api/v1/public/events/${encodeURIComponent(eventId)}/agenda/seats`,
        { cache: 'no-cache' },
      ).then(
        (r) => live && setSeats(new Map(r.body.sessions.map((s) => [s.sessionId, s]))),
        () => undefined,
      );
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [eventId, mine, version]);
  return seats;
}
