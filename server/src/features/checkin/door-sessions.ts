import type { DoorSession } from '@lanyard/core';
import type { Program } from '../scheduling/program.js';

// A room list's sessions from the latest release. Pure.

/**
 * The released sessions on in `roomId`, by start, with their confirmed signups (a session
 * without signup: null). A session with several slots in the room is there once per slot;
 * cancelled sessions are not.
 */
export function doorSessionsOf(
  program: Program | undefined,
  roomId: string,
  signups: ReadonlyMap<string, ReadonlySet<string>>,
): DoorSession[] {
  if (!program) return [];
  const sessions = new Map(program.sessions.map((s) => [s.id, s]));
  const out: DoorSession[] = [];
  for (const slot of program.slots) {
    const session = slot.sessionId === null ? undefined : sessions.get(slot.sessionId);
    if (slot.kind !== 'session' || slot.roomId !== roomId || !session) continue;
    if (session.status === 'cancelled') continue;
    out.push({
      sessionId: session.id,
      title: session.title,
      startsAt: new Date(slot.startsAt),
      endsAt: new Date(slot.endsAt),
      signedUp:
        session.signupCapacity === null ? null : (signups.get(session.id) ?? new Set<string>()),
    });
  }
  return out.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}
