import type { Program } from '../../features/scheduling/program.js';
import {
  clampTarget,
  conflictsOfLanding,
  dayFrame,
  hourMarks,
  instantOfRow,
  keyMove,
  landedSlot,
  rowOf,
  scheduleDays,
  unavailableRuns,
} from './schedule-grid.js';

const BERLIN = 'Europe/Berlin';

function program(): Program {
  const room = (id: string, position: number) => ({
    id,
    name: id,
    capacity: null,
    availability: [],
    travelMinutes: {},
    position,
  });
  const session = (id: string, durationMinutes: number) => ({
    id,
    number: 1,
    title: id,
    abstract: null,
    kind: 'talk',
    durationMinutes,
    speakerIds: ['ada'],
    trackId: null,
    language: null,
    signupCapacity: null,
    status: 'confirmed' as const,
  });
  return {
    timezone: BERLIN,
    rooms: [room('a', 0), room('b', 1)],
    tracks: [],
    speakers: [{ id: 'ada', number: 1, name: 'Ada', bio: null, email: null, availability: [] }],
    sessions: [session('keynote', 45), session('rust', 30)],
    slots: [
      {
        id: 's1',
        number: 1,
        kind: 'session',
        sessionId: 'keynote',
        roomId: 'a',
        startsAt: '2027-05-01T07:00:00.000Z',
        endsAt: '2027-05-01T07:45:00.000Z',
        title: null,
      },
    ],
  };
}

describe('the schedule grid', () => {
  it('lists every day of the event in its zone and days slots start on', () => {
    // 23:30 UTC on 1 May is already 2 May in Berlin.
    expect(
      scheduleDays(
        [{ startsAt: '2027-05-04T08:00:00Z' }],
        '2027-05-01T07:00:00Z',
        '2027-05-02T23:30:00Z',
        BERLIN,
      ),
    ).toEqual(['2027-05-01', '2027-05-02', '2027-05-03', '2027-05-04']);
  });

  it('runs 08:00 to 18:00 wall time, widened to whole hours around the day’s slots', () => {
    const summer = dayFrame('2027-05-01', [], BERLIN);
    expect(new Date(summer.start).toISOString()).toBe('2027-05-01T06:00:00.000Z');
    expect(summer.rows).toBe(120);
    const wide = dayFrame(
      '2027-05-01',
      [{ startsAt: '2027-05-01T05:10:00Z', endsAt: '2027-05-01T16:20:00Z' }],
      BERLIN,
    );
    expect(hourMarks(wide, BERLIN)[0]).toEqual({ row: 0, label: '07:00' });
    expect(hourMarks(wide, BERLIN).at(-1)!.label).toBe('18:00');
    expect(wide.rows).toBe(12 * 12);
  });

  it('has an hour fewer on the day clocks spring forward, labelled as the wall clock reads', () => {
    // 28 March 2027: Berlin goes from 02:00 CET to 03:00 CEST.
    const frame = dayFrame(
      '2027-03-28',
      [{ startsAt: '2027-03-28T00:00:00Z', endsAt: '2027-03-28T00:30:00Z' }],
      BERLIN,
    );
    const marks = hourMarks(frame, BERLIN).map((m) => m.label);
    expect(marks.slice(0, 3)).toEqual(['01:00', '03:00', '04:00']);
    // 01:00 CET to 18:00 CEST is 16 real hours.
    expect(frame.rows).toBe(16 * 12);
    // A session at 09:00 CEST sits at its real distance from the first row.
    expect(rowOf(frame, Date.parse('2027-03-28T07:00:00Z'))).toBe(7 * 12);
    expect(new Date(instantOfRow(frame, 7 * 12)).toISOString()).toBe('2027-03-28T07:00:00.000Z');
  });

  it('shades the rows outside a room’s availability', () => {
    const frame = dayFrame('2027-05-01', [], BERLIN);
    // Available 09:00–17:00 Berlin: 08:00–09:00 and 17:00–18:00 are not.
    expect(
      unavailableRuns(frame, [{ start: '2027-05-01T07:00:00Z', end: '2027-05-01T15:00:00Z' }]),
    ).toEqual([
      { row: 0, rows: 12 },
      { row: 108, rows: 12 },
    ]);
    expect(unavailableRuns(frame, [])).toEqual([]);
  });

  it('moves a carried session by keys inside the grid', () => {
    expect(keyMove('ArrowRight', { roomIndex: 0, row: 3 })).toEqual({ roomIndex: 1, row: 3 });
    expect(keyMove('ArrowUp', { roomIndex: 0, row: 3 })).toEqual({ roomIndex: 0, row: 2 });
    expect(keyMove('Enter', { roomIndex: 0, row: 3 })).toBeUndefined();
    expect(clampTarget({ roomIndex: 2, row: 118 }, 2, 120, 9)).toEqual({ roomIndex: 1, row: 111 });
    expect(clampTarget({ roomIndex: -1, row: -1 }, 2, 120, 9)).toEqual({ roomIndex: 0, row: 0 });
  });

  it('finds the conflicts a landing would cause before it is saved', () => {
    const p = program();
    const rust = landedSlot(
      p,
      { slot: null, sessionId: 'rust' },
      'a',
      Date.parse('2027-05-01T07:30:00Z'),
    );
    expect(rust.endsAt).toBe('2027-05-01T08:00:00.000Z');
    const found = conflictsOfLanding(p, { speaker_double_booked: 'warn' }, rust);
    expect(found.map((c) => [c.kind, c.severity])).toEqual([
      ['room_double_booked', 'block'],
      ['speaker_double_booked', 'warn'],
    ]);
    // Moving the keynote itself never conflicts with where it was.
    const moved = landedSlot(
      p,
      { slot: p.slots[0]!, sessionId: 'keynote' },
      'b',
      Date.parse('2027-05-01T07:15:00Z'),
    );
    expect(conflictsOfLanding(p, {}, moved)).toEqual([]);
    expect(moved.endsAt).toBe('2027-05-01T08:00:00.000Z');
  });
});
