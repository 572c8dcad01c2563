import type { IncomingMessage, ServerResponse } from 'node:http';
import { readJsonBody } from '../api/body.js';
import { LocalApiError, sendJson } from '../api/problem.js';
import type { LocalRoute } from '../api/local-api.js';
import type { StaffSessions } from './staff-sessions.js';

/** The header a staff request carries its session in. */
export const STAFF_SESSION_HEADER = 'x-staff-session';

/** What the screens need to know about this kiosk, whoever stands at it. */
export interface StationInfo {
  eventName: string | null;
  instructions: string | null;
  /** The language of the screens: the kiosk's setting, else the event's default; null: unknown yet. */
  language: string | null;
  gate: string | null;
  /** Whether a PIN is set, i.e. whether the staff button does anything. */
  staffMode: boolean;
  printing: boolean;
  /** Whether staff may annul a check-in here (`POST /api/staff/annul`; needs the server). */
  undo: boolean;
}

/** Throws 401/404 unless the request carries a live staff session. */
export function requireStaff(sessions: StaffSessions | undefined, req: IncomingMessage): void {
  if (!sessions)
    throw new LocalApiError(404, 'staff_mode_off', 'no staff PIN is set on this kiosk');
  const session = req.headers[STAFF_SESSION_HEADER];
  if (!sessions.touch(typeof session === 'string' ? session : undefined)) {
    throw new LocalApiError(401, 'staff_session_required', 'enter the staff PIN again');
  }
}

/** `GET /api/station`, `POST /api/staff/session` (PIN → session), `DELETE` (lock again). */
export function staffRoutes(
  sessions: StaffSessions | undefined,
  info: () => StationInfo,
): LocalRoute {
  return async (req: IncomingMessage, url: URL, res: ServerResponse) => {
    if (url.pathname === '/api/station' && req.method === 'GET') {
      sendJson(res, 200, info());
      return true;
    }
    if (url.pathname !== '/api/staff/session') return false;
    if (!sessions)
      throw new LocalApiError(404, 'staff_mode_off', 'no staff PIN is set on this kiosk');
    if (req.method === 'DELETE') {
      const session = req.headers[STAFF_SESSION_HEADER];
      sessions.end(typeof session === 'string' ? session : undefined);
      sendJson(res, 200, { locked: true });
      return true;
    }
    if (req.method !== 'POST') {
      res.setHeader('allow', 'POST, DELETE');
      throw new LocalApiError(405, 'method_not_allowed', 'use POST /api/staff/session');
    }
    const body = (await readJsonBody(req)) as { pin?: unknown } | null;
    const pin = typeof body?.pin === 'string' ? body.pin : '';
    const result = sessions.unlock(pin);
    if (result.ok) {
      sendJson(res, 200, {
        session: result.session,
        expiresAt: new Date(result.expiresAt).toISOString(),
      });
    } else if (result.code === 'staff_locked_out') {
      throw new LocalApiError(
        423,
        'staff_locked_out',
        'staff mode is locked after 10 wrong PINs; restart the kiosk agent to unlock it',
      );
    } else {
      const wait = Math.max(1, Math.ceil((result.retryAt - Date.now()) / 1000));
      res.setHeader('retry-after', String(wait));
      if (result.code === 'staff_locked')
        throw new LocalApiError(429, 'staff_locked', `too many wrong PINs; try again in ${wait} s`);
      throw new LocalApiError(401, 'wrong_pin', `that PIN is not right; try again in ${wait} s`);
    }
    return true;
  };
}
