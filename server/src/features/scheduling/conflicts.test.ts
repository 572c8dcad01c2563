import { findConflicts, type ConflictKind } from './conflicts.js';
import type { Program, Room, Session, Slot, Speaker } from './program.js';

let n = 0;
const room = (id: string, over: Partial<Room> = {}): Room => ({
  id,
  name: `Room ${id}`,
  capacity: null,
  availability: [],
  travelMinutes: {},
  position: 0,
  ...over,
});
const speaker = (id: string, over: Partial<Speaker> = {}): Speaker => ({
  id,
  number: ++n,
  name: `Speaker ${id}`,
  bio: null,
  email: null,
  availability: [],
  ...over,
});
const session = (id: string, speakerIds: string[], over: Partial<Session> = {}): Session => ({
  id,
  number: ++n,
  title: `Talk ${id}`,
  abstract: null,
  kind: 'talk',
  durationMinutes: 30,
  speakerIds,
  trackId: null,
  language: null,
  signupCapacity: null,
  status: 'confirmed',
  ...over,
});
const slot = (
  id: string,
  sessionId: string | null,
  roomId: string | null,
  startsAt: string,
  endsAt: string,
  kind: Slot['kind'] = 'session',
): Slot => ({
  id,
  number: ++n,
  kind,
  sessionId,
  roomId,
  startsAt,
  endsAt,
  title: kind === 'session' ? null : kind,
});
const program = (p: Partial<Program>): Program => ({
  timezone: 'Europe/Berlin',
  rooms: [room('A'), room('B')],
  tracks: [],
  speakers: [speaker('ada'), speaker('bob'), speaker('cy')],
  sessions: [],
  slots: [],
  ...p,
});
const kinds = (p: Program, severities = {}) =>
  findConflicts({ program: p, severities }).map((c) => c.kind);

describe('schedule conflicts', () => {
  it('finds a room booked twice, and not back-to-back sessions', () => {
    const p = program({
      sessions: [session('s1', []), session('s2', []), session('s3', [])],
      slots: [
        slot('x1', 's1', 'A', '2027-05-01T09:00:00Z', '2027-05-01T10:00:00Z'),
        slot('x2', 's2', 'A', '2027-05-01T09:30:00Z', '2027-05-01T10:30:00Z'),
        slot('x3', 's3', 'A', '2027-05-01T10:30:00Z', '2027-05-01T11:00:00Z'),
      ],
    });
    const found = findConflicts({ program: p });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      kind: 'room_double_booked',
      severity: 'block',
      roomId: 'A',
      slotIds: ['x1', 'x2'],
    });
    // Said in the event's local time (Berlin, UTC+2 in May), as the organizer plans it.
    expect(found[0]!.message).toMatch(/at 2027-05-01 11:30\.$/);
  });

  it('finds the same speaker in two sessions with identical start and length (pretalx missed it)', () => {
    const p = program({
      sessions: [session('s1', ['ada']), session('s2', ['ada'])],
      slots: [
        slot('x1', 's1', 'A', '2027-05-01T09:00:00Z', '2027-05-01T09:30:00Z'),
        slot('x2', 's2', 'B', '2027-05-01T09:00:00Z', '2027-05-01T09:30:00Z'),
      ],
    });
    const found = findConflicts({ program: p });
    expect(found).toEqual([
      expect.objectContaining({
        kind: 'speaker_double_booked',
        speakerId: 'ada',
        sessionIds: ['s1', 's2'],
      }),
    ]);
  });

  it('finds a co-speaker in two places, though the first speakers differ (pretalx missed it)', () => {
    const p = program({
      sessions: [session('s1', ['ada', 'cy']), session('s2', ['bob', 'cy'])],
      slots: [
        slot('x1', 's1', 'A', '2027-05-01T09:00:00Z', '2027-05-01T10:00:00Z'),
        slot('x2', 's2', 'B', '2027-05-01T09:45:00Z', '2027-05-01T10:15:00Z'),
      ],
    });
    expect(findConflicts({ program: p })).toEqual([
      expect.objectContaining({ kind: 'speaker_double_booked', speakerId: 'cy' }),
    ]);
  });

  it('does not count one session spanning two rooms as two places', () => {
    const p = program({
      sessions: [session('s1', ['ada'])],
      slots: [
        slot('x1', 's1', 'A', '2027-05-01T09:00:00Z', '2027-05-01T10:00:00Z'),
        slot('x2', 's1', 'B', '2027-05-01T09:00:00Z', '2027-05-01T10:00:00Z'),
      ],
    });
    expect(kinds(p)).toEqual([]);
  });

  it('ignores cancelled sessions for speakers', () => {
    const p = program({
      sessions: [session('s1', ['ada']), session('s2', ['ada'], { status: 'cancelled' })],
      slots: [
        slot('x1', 's1', 'A', '2027-05-01T09:00:00Z', '2027-05-01T10:00:00Z'),
        slot('x2', 's2', 'B', '2027-05-01T09:00:00Z', '2027-05-01T10:00:00Z'),
      ],
    });
    expect(kinds(p)).toEqual([]);
  });

  it('finds a speaker or room outside their availability, and a blocker in the room', () => {
    const p = program({
      rooms: [
        room('A', {
          availability: [{ start: '2027-05-01T08:00:00Z', end: '2027-05-01T12:00:00Z' }],
        }),
        room('B'),
      ],
      speakers: [
        speaker('ada', {
          availability: [{ start: '2027-05-01T09:00:00Z', end: '2027-05-01T09:30:00Z' }],
        }),
      ],
      sessions: [session('s1', ['ada']), session('s2', [])],
      slots: [
        slot('x1', 's1', 'A', '2027-05-01T09:00:00Z', '2027-05-01T10:00:00Z'),
        slot('x2', 's2', 'A', '2027-05-01T11:30:00Z', '2027-05-01T12:30:00Z'),
        slot('b1', null, 'B', '2027-05-01T13:00:00Z', '2027-05-01T14:00:00Z', 'blocker'),
        slot('x3', 's2', 'B', '2027-05-01T13:30:00Z', '2027-05-01T14:30:00Z'),
      ],
    });
    const found = findConflicts({ program: p });
    expect(found.map((c) => [c.kind, c.slotIds]).sort()).toEqual(
      [
        ['room_unavailable', ['x2']],
        ['room_unavailable', ['b1', 'x3']],
        ['speaker_unavailable', ['x1']],
      ].sort(),
    );
  });

  it('finds signups (taken or offered) above the room’s seats', () => {
    const p = program({
      rooms: [room('A', { capacity: 40 }), room('B', { capacity: 100 })],
      sessions: [
        session('w1', [], { signupCapacity: 60 }),
        session('w2', [], { signupCapacity: 30 }),
      ],
      slots: [
        slot('x1', 'w1', 'A', '2027-05-01T09:00:00Z', '2027-05-01T10:00:00Z'),
        slot('x2', 'w2', 'A', '2027-05-01T11:00:00Z', '2027-05-01T12:00:00Z'),
        slot('x3', 'w1', 'B', '2027-05-01T13:00:00Z', '2027-05-01T14:00:00Z'),
      ],
    });
    expect(findConflicts({ program: p }).map((c) => c.slotIds)).toEqual([['x1']]);
    expect(
      findConflicts({ program: p, signups: { w2: 41 } })
        .map((c) => c.slotIds)
        .sort(),
    ).toEqual([['x1'], ['x2']]);
  });

  it('finds too little time to walk between rooms, and enough time passes', () => {
    const p = program({
      rooms: [room('A', { travelMinutes: { B: 15 } }), room('B')],
      sessions: [session('s1', ['ada']), session('s2', ['ada']), session('s3', ['ada'])],
      slots: [
        slot('x1', 's1', 'A', '2027-05-01T09:00:00Z', '2027-05-01T10:00:00Z'),
        slot('x2', 's2', 'B', '2027-05-01T10:10:00Z', '2027-05-01T10:40:00Z'),
        slot('x3', 's3', 'A', '2027-05-01T10:40:00Z', '2027-05-01T11:00:00Z'),
      ],
    });
    // B → A has no travel time set: only A → B counts.
    expect(findConflicts({ program: p })).toEqual([
      expect.objectContaining({ kind: 'travel_time', slotIds: ['x1', 'x2'], severity: 'warn' }),
    ]);
  });

  it('applies the organizer’s severity per kind: ignored kinds vanish, warnings can block', () => {
    const p = program({
      sessions: [session('s1', ['ada']), session('s2', ['ada'])],
      slots: [
        slot('x1', 's1', 'A', '2027-05-01T09:00:00Z', '2027-05-01T10:00:00Z'),
        slot('x2', 's2', 'A', '2027-05-01T09:00:00Z', '2027-05-01T10:00:00Z'),
      ],
    });
    expect(kinds(p).sort()).toEqual<ConflictKind[]>([
      'room_double_booked',
      'speaker_double_booked',
    ]);
    expect(kinds(p, { room_double_booked: 'ignore' })).toEqual(['speaker_double_booked']);
    const warned = findConflicts({ program: p, severities: { speaker_double_booked: 'warn' } });
    expect(warned.map((c) => [c.kind, c.severity])).toEqual([
      ['room_double_booked', 'block'],
      ['speaker_double_booked', 'warn'],
    ]);
  });

  describe('across a DST change (Europe/Berlin)', () => {
    it('sees the overlap of a session over the spring-forward night that wall clocks hide', () => {
      // 01:00–03:30 local on 2027-03-28 is 00:00Z–01:30Z (the clock skips 02:00–03:00); a session
      // at 03:00 CEST is 01:00Z, inside it, though "03:00" is after "02:30" one might compute.
      const p = program({
        sessions: [session('s1', ['ada']), session('s2', ['ada'])],
        slots: [
          slot('x1', 's1', 'A', '2027-03-28T00:00:00Z', '2027-03-28T01:30:00Z'),
          slot('x2', 's2', 'B', '2027-03-28T01:00:00Z', '2027-03-28T01:30:00Z'),
        ],
      });
      expect(kinds(p)).toEqual(['speaker_double_booked']);
    });

    it('keeps the two 02:30s of the autumn night apart', () => {
      // 02:30 CEST (00:30Z) and 02:30 CET (01:30Z) on 2027-10-31 are an hour apart.
      const p = program({
        sessions: [session('s1', []), session('s2', [])],
        slots: [
          slot('x1', 's1', 'A', '2027-10-31T00:30:00Z', '2027-10-31T01:30:00Z'),
          slot('x2', 's2', 'A', '2027-10-31T01:30:00Z', '2027-10-31T02:00:00Z'),
        ],
      });
      expect(kinds(p)).toEqual([]);
    });
  });
});
