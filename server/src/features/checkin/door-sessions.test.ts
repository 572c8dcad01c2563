import { randomUUID } from 'node:crypto';
import type { Program, Session, Slot } from '../scheduling/program.js';
import { doorSessionsOf } from './door-sessions.js';

const room = randomUUID();
const elsewhere = randomUUID();
const session = (title: string, over: Partial<Session> = {}): Session => ({
  id: randomUUID(),
  number: 1,
  title,
  abstract: null,
  kind: 'talk',
  durationMinutes: 60,
  speakerIds: [],
  trackId: null,
  language: null,
  signupCapacity: null,
  status: 'confirmed',
  ...over,
});
const slot = (
  s: Session | null,
  roomId: string | null,
  hour: number,
  kind: Slot['kind'] = 'session',
): Slot => ({
  id: randomUUID(),
  number: 1,
  kind,
  sessionId: s?.id ?? null,
  roomId,
  startsAt: `2027-05-01T${String(hour).padStart(2, '0')}:00:00.000Z`,
  endsAt: `2027-05-01T${String(hour + 1).padStart(2, '0')}:00:00.000Z`,
  title: s ? null : 'Lunch',
});

describe("a room list's sessions from the latest release", () => {
  it('takes the room’s session slots by start, with signups for sessions that take them', () => {
    const workshop = session('Workshop', { signupCapacity: 10 });
    const talk = session('Talk');
    const gone = session('Gone', { status: 'cancelled' });
    const away = session('Away');
    const ticket = randomUUID();
    const program: Program = {
      timezone: 'Europe/Berlin',
      rooms: [],
      tracks: [],
      speakers: [],
      sessions: [workshop, talk, gone, away],
      slots: [
        slot(talk, room, 14),
        slot(workshop, room, 9),
        slot(gone, room, 11),
        slot(away, elsewhere, 9),
        slot(null, null, 12, 'break'),
      ],
    };
    const doors = doorSessionsOf(program, room, new Map([[workshop.id, new Set([ticket])]]));
    expect(doors.map((d) => [d.title, d.startsAt.toISOString(), d.signedUp])).toEqual([
      ['Workshop', '2027-05-01T09:00:00.000Z', new Set([ticket])],
      ['Talk', '2027-05-01T14:00:00.000Z', null],
    ]);
    expect(doorSessionsOf(program, room, new Map())[0]!.signedUp).toEqual(new Set());
    expect(doorSessionsOf(undefined, room, new Map())).toEqual([]);
  });
});
