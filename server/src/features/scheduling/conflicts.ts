import { toMs, type Program, type Slot, type Window } from './program.js';
import { zonedParts } from './zoned-time.js';

// Conflicts of a schedule, each kind a small pass over plain data (after pretalx's
// schedule/domain/warnings.py). Intervals are half-open, compared as UTC milliseconds, so a
// session ending at 10:00 and one starting at 10:00 do not overlap, and a DST change in the
// event's zone cannot hide or invent an overlap.

export const CONFLICT_KINDS = [
  'room_double_booked',
  'speaker_double_booked',
  'speaker_unavailable',
  'room_unavailable',
  'over_capacity',
  'travel_time',
] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];
export type Severity = 'block' | 'warn' | 'ignore';
export type Severities = Record<ConflictKind, Severity>;

export const DEFAULT_SEVERITIES: Severities = {
  room_double_booked: 'block',
  speaker_double_booked: 'block',
  speaker_unavailable: 'warn',
  room_unavailable: 'block',
  over_capacity: 'warn',
  travel_time: 'warn',
};

export interface Conflict {
  kind: ConflictKind;
  severity: Exclude<Severity, 'ignore'>;
  message: string;
  slotIds: string[];
  sessionIds: string[];
  roomId: string | null;
  speakerId: string | null;
}

export interface ConflictInput {
  program: Program;
  severities?: Partial<Severities>;
  /** Signups so far per session id. */
  signups?: Record<string, number>;
}

interface Timed {
  slot: Slot;
  start: number;
  end: number;
}

type Found = Omit<Conflict, 'severity'>;

/** Every conflict of the program whose kind is not ignored, blocking ones first. */
export function findConflicts(input: ConflictInput): Conflict[] {
  const severities = { ...DEFAULT_SEVERITIES, ...input.severities };
  const { program } = input;
  const timed = program.slots.map((slot) => ({
    slot,
    start: toMs(slot.startsAt),
    end: toMs(slot.endsAt),
  }));
  const found: Found[] = [];
  const wants = (kind: ConflictKind) => severities[kind] !== 'ignore';
  if (wants('room_double_booked') || wants('room_unavailable')) roomPasses(program, timed, found);
  if (wants('speaker_double_booked') || wants('travel_time') || wants('speaker_unavailable'))
    speakerPasses(program, timed, found);
  if (wants('over_capacity')) capacityPass(program, timed, input.signups ?? {}, found);
  const out: Conflict[] = [];
  for (const f of found) {
    const severity = severities[f.kind];
    if (severity !== 'ignore') out.push({ ...f, severity });
  }
  return out.sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'block' ? -1 : 1));
}

/** An instant as the organizer reads it: the event's local date and time ("2027-05-01 10:00"). */
function local(program: Program, iso: string): string {
  const { date, time } = zonedParts(iso, program.timezone);
  return `${date} ${time}`;
}

const overlaps = (a: Timed, b: Timed) => a.start < b.end && b.start < a.end;

/** Whether [start, end) lies inside one window; no windows means always available. */
function available(windows: Window[], start: number, end: number): boolean {
  if (windows.length === 0) return true;
  return windows.some((w) => toMs(w.start) <= start && end <= toMs(w.end));
}

/** Pairs of overlapping items in a list sorted by start: a sweep keeping the still-open ones. */
function overlappingPairs(sorted: Timed[], each: (a: Timed, b: Timed) => void): void {
  let open: Timed[] = [];
  for (const t of sorted) {
    open = open.filter((o) => o.end > t.start);
    for (const o of open) each(o, t);
    open.push(t);
  }
}

const byStart = (a: Timed, b: Timed) => a.start - b.start || a.end - b.end;

function groupBy<K>(items: Timed[], key: (t: Timed) => K | null): Map<K, Timed[]> {
  const groups = new Map<K, Timed[]>();
  for (const t of items) {
    const k = key(t);
    if (k === null) continue;
    const list = groups.get(k);
    if (list) list.push(t);
    else groups.set(k, [t]);
  }
  return groups;
}

function roomPasses(program: Program, timed: Timed[], found: Found[]): void {
  const rooms = new Map(program.rooms.map((r) => [r.id, r]));
  for (const [roomId, list] of groupBy(timed, (t) => t.slot.roomId)) {
    const room = rooms.get(roomId);
    const name = room?.name ?? roomId;
    list.sort(byStart);
    overlappingPairs(list, (a, b) => {
      // Breaks may overlap each other; a blocker against anything is the room being unavailable.
      if (a.slot.kind !== 'session' && b.slot.kind !== 'session') return;
      const blocker = a.slot.kind === 'blocker' || b.slot.kind === 'blocker';
      found.push({
        kind: blocker ? 'room_unavailable' : 'room_double_booked',
        message: blocker
          ? `${name} is blocked (${(a.slot.kind === 'blocker' ? a : b).slot.title ?? 'blocker'}) during a session.`
          : `${name} is booked twice at ${local(program, b.slot.startsAt)}.`,
        slotIds: [a.slot.id, b.slot.id],
        sessionIds: sessionIdsOf(a, b),
        roomId,
        speakerId: null,
      });
    });
    if (!room || room.availability.length === 0) continue;
    for (const t of list) {
      if (t.slot.kind === 'blocker' || available(room.availability, t.start, t.end)) continue;
      found.push({
        kind: 'room_unavailable',
        message: `${name} is not available at ${local(program, t.slot.startsAt)}.`,
        slotIds: [t.slot.id],
        sessionIds: sessionIdsOf(t),
        roomId,
        speakerId: null,
      });
    }
  }
}

function sessionIdsOf(...ts: Timed[]): string[] {
  return [...new Set(ts.flatMap((t) => (t.slot.sessionId ? [t.slot.sessionId] : [])))];
}

function speakerPasses(program: Program, timed: Timed[], found: Found[]): void {
  const sessions = new Map(program.sessions.map((s) => [s.id, s]));
  const speakers = new Map(program.speakers.map((s) => [s.id, s]));
  const rooms = new Map(program.rooms.map((r) => [r.id, r]));
  // Every speaker of a session, co-speakers included, is in each of its slots.
  const bySpeaker = new Map<string, Timed[]>();
  for (const t of timed) {
    const session = t.slot.kind === 'session' && t.slot.sessionId && sessions.get(t.slot.sessionId);
    if (!session || session.status === 'cancelled') continue;
    for (const speakerId of session.speakerIds) {
      const list = bySpeaker.get(speakerId);
      if (list) list.push(t);
      else bySpeaker.set(speakerId, [t]);
    }
  }
  let maxTravel = 0;
  for (const r of program.rooms)
    for (const m of Object.values(r.travelMinutes)) maxTravel = Math.max(maxTravel, m * 60_000);

  for (const [speakerId, list] of bySpeaker) {
    const speaker = speakers.get(speakerId);
    const name = speaker?.name ?? speakerId;
    list.sort(byStart);
    overlappingPairs(list, (a, b) => {
      // One session spanning two rooms is one appearance.
      if (a.slot.sessionId === b.slot.sessionId) return;
      found.push({
        kind: 'speaker_double_booked',
        message: `${name} is in two sessions at ${local(program, b.slot.startsAt)}.`,
        slotIds: [a.slot.id, b.slot.id],
        sessionIds: sessionIdsOf(a, b),
        roomId: null,
        speakerId,
      });
    });
    if (maxTravel > 0) {
      for (let i = 0; i < list.length; i++) {
        const a = list[i]!;
        for (let j = i + 1; j < list.length && list[j]!.start < a.end + maxTravel; j++) {
          const b = list[j]!;
          if (overlaps(a, b) || !a.slot.roomId || !b.slot.roomId) continue;
          if (a.slot.roomId === b.slot.roomId || a.slot.sessionId === b.slot.sessionId) continue;
          const minutes = rooms.get(a.slot.roomId)?.travelMinutes[b.slot.roomId] ?? 0;
          if (b.start - a.end >= minutes * 60_000) continue;
          found.push({
            kind: 'travel_time',
            message: `${name} has ${Math.round((b.start - a.end) / 60_000)} min to get from ${rooms.get(a.slot.roomId)?.name} to ${rooms.get(b.slot.roomId)?.name}; ${minutes} needed.`,
            slotIds: [a.slot.id, b.slot.id],
            sessionIds: sessionIdsOf(a, b),
            roomId: null,
            speakerId,
          });
        }
      }
    }
    if (!speaker || speaker.availability.length === 0) continue;
    for (const t of list) {
      if (available(speaker.availability, t.start, t.end)) continue;
      found.push({
        kind: 'speaker_unavailable',
        message: `${name} is not available at ${local(program, t.slot.startsAt)}.`,
        slotIds: [t.slot.id],
        sessionIds: sessionIdsOf(t),
        roomId: t.slot.roomId,
        speakerId,
      });
    }
  }
}

function capacityPass(
  program: Program,
  timed: Timed[],
  signups: Record<string, number>,
  found: Found[],
): void {
  const sessions = new Map(program.sessions.map((s) => [s.id, s]));
  const rooms = new Map(program.rooms.map((r) => [r.id, r]));
  for (const t of timed) {
    const session = t.slot.sessionId ? sessions.get(t.slot.sessionId) : undefined;
    const room = t.slot.roomId ? rooms.get(t.slot.roomId) : undefined;
    if (!session || !room || room.capacity === null) continue;
    const taken = signups[session.id] ?? 0;
    const offered = session.signupCapacity ?? 0;
    if (taken <= room.capacity && offered <= room.capacity) continue;
    found.push({
      kind: 'over_capacity',
      message:
        taken > room.capacity
          ? `“${session.title}” has ${taken} signups; ${room.name} seats ${room.capacity}.`
          : `“${session.title}” offers ${offered} signups; ${room.name} seats ${room.capacity}.`,
      slotIds: [t.slot.id],
      sessionIds: [session.id],
      roomId: room.id,
      speakerId: null,
    });
  }
}
