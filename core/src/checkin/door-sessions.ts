import type { CheckinList, DoorSession, PriorScan } from './types.js';

/**
 * Minutes before a session's start from which its room's door admits its people: long enough to
 * find a seat, short enough not to let the next session's people into the one before.
 */
export const SESSION_DOORS_OPEN_MINUTES = 15;

/** From when the door admits a session's people, in ms. */
export const doorOpensAt = (s: DoorSession) =>
  s.startsAt.getTime() - SESSION_DOORS_OPEN_MINUTES * 60_000;

/**
 * The session a room's door admits for at `at`: doors open SESSION_DOORS_OPEN_MINUTES before it
 * starts and close when it ends. When two overlap (the next session's doors open before the last
 * one ends), the later-starting one is what people arriving now come for.
 */
export function sessionAt(sessions: readonly DoorSession[], at: Date): DoorSession | undefined {
  const t = at.getTime();
  let found: DoorSession | undefined;
  for (const s of sessions)
    if (doorOpensAt(s) <= t && t < s.endsAt.getTime() && (!found || s.startsAt > found.startsAt))
      found = s;
  return found;
}

/**
 * The earlier scans that count for an entry into `session`: those made while the door admitted
 * for it, so a single-entry room list admits a ticket once per session, not once per room.
 */
export function scansOfSession<T extends PriorScan>(
  scans: readonly T[],
  sessions: readonly DoorSession[],
  session: DoorSession,
): T[] {
  return scans.filter((s) => sessionAt(sessions, s.scannedAt) === session);
}

/**
 * A room list's scans grouped by the session each was made for (scans outside any session
 * together), so offline duplicates are resolved per session as the door decided them; any
 * other list's scans are one group.
 */
export function groupBySession<T extends PriorScan>(scans: readonly T[], list: CheckinList): T[][] {
  if (!list.sessions) return [[...scans]];
  const groups = new Map<DoorSession | undefined, T[]>();
  for (const s of scans) {
    const key = sessionAt(list.sessions, s.scannedAt);
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  return [...groups.values()];
}

/**
 * Why a room's list refuses this ticket now, or undefined when the room rule lets it through
 * (other lists: always undefined). A session with signup admits its confirmed signups only; a
 * free session admits every ticket the list admits.
 */
export function roomRefusal(
  list: CheckinList,
  ticketId: string,
  at: Date,
): 'no_session_now' | 'not_signed_up' | undefined {
  if (!list.sessions) return undefined;
  const session = sessionAt(list.sessions, at);
  if (!session) return 'no_session_now';
  if (session.signedUp && !session.signedUp.has(ticketId.toLowerCase())) return 'not_signed_up';
  return undefined;
}
