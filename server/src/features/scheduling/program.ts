// The schedule as plain data: what the draft tables hold, what a release freezes as JSON, and
// what every pure rule here (conflicts, checklist, diff, feeds) reads. Times are UTC instants
// (ISO 8601 with Z); the event's timezone is applied only when a feed or page shows them.

/** A half-open interval [start, end) of UTC instants. */
export interface Window {
  start: string;
  end: string;
}

export interface Room {
  id: string;
  name: string;
  /** Seats; null: not limited. */
  capacity: number | null;
  /** When the room may be used; empty: always. */
  availability: Window[];
  /** Minutes to walk from this room to another (by room id); missing: no minimum. */
  travelMinutes: Record<string, number>;
  position: number;
}

export interface Track {
  id: string;
  name: string;
  color: string | null;
}

export interface Speaker {
  id: string;
  /** Small integer id for frab/pretalx exports. */
  number: number;
  name: string;
  bio: string | null;
  email: string | null;
  /** When the speaker can be on stage; empty: always. */
  availability: Window[];
  /** The organization's account the speaker is, if any (releases made before have none). */
  accountId?: string | null;
}

export type SessionStatus = 'unconfirmed' | 'confirmed' | 'cancelled';

export interface Session {
  id: string;
  /** Small integer id for frab/pretalx exports. */
  number: number;
  title: string;
  abstract: string | null;
  kind: string;
  durationMinutes: number;
  speakerIds: string[];
  trackId: string | null;
  language: string | null;
  /** Seats for signup; null: no signup. */
  signupCapacity: number | null;
  status: SessionStatus;
}

export type SlotKind = 'session' | 'break' | 'blocker';

/**
 * A session in a room at a time, or a break (in every room when roomId is null) or a room blocker.
 * A session may have several slots (spanning rooms, or repeated).
 */
export interface Slot {
  id: string;
  number: number;
  kind: SlotKind;
  sessionId: string | null;
  roomId: string | null;
  startsAt: string;
  endsAt: string;
  /** Shown for breaks and blockers ("Lunch", "Setup"). */
  title: string | null;
}

export interface Program {
  timezone: string;
  rooms: Room[];
  tracks: Track[];
  speakers: Speaker[];
  sessions: Session[];
  slots: Slot[];
}

export const toMs = (iso: string) => Date.parse(iso);
