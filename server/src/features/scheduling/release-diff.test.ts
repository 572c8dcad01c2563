import { releaseChecklist } from './checklist.js';
import { findConflicts } from './conflicts.js';
import { EMPTY_FEED_STATE, nextFeedState } from './feed-state.js';
import type { Program, Session } from './program.js';
import { affectedSpeakerIds, diffPrograms } from './release-diff.js';

const session = (
  id: string,
  title: string,
  speakerIds: string[],
  over: Partial<Session> = {},
): Session => ({
  id,
  number: 1,
  title,
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
const at = (id: string, sessionId: string, roomId: string | null, hour: number) => ({
  id,
  number: 1,
  kind: 'session' as const,
  sessionId,
  roomId,
  startsAt: `2027-05-01T${String(hour).padStart(2, '0')}:00:00.000Z`,
  endsAt: `2027-05-01T${String(hour).padStart(2, '0')}:30:00.000Z`,
  title: null,
});
const base = (sessions: Session[], slots: ReturnType<typeof at>[]): Program => ({
  timezone: 'Europe/Berlin',
  rooms: [
    { id: 'A', name: 'Hall A', capacity: null, availability: [], travelMinutes: {}, position: 0 },
    { id: 'B', name: 'Hall B', capacity: null, availability: [], travelMinutes: {}, position: 1 },
  ],
  tracks: [],
  speakers: [],
  sessions,
  slots,
});

const v1 = base(
  [
    session('keep', 'Keynote', ['ada']),
    session('move', 'Rust', ['bob']),
    session('drop', 'Go', ['cy']),
    session('ren', 'Old title', ['dee']),
  ],
  [
    at('k', 'keep', 'A', 9),
    at('m', 'move', 'A', 10),
    at('d', 'drop', 'B', 10),
    at('r', 'ren', 'B', 11),
  ],
);
const v2 = base(
  [
    session('keep', 'Keynote', ['ada']),
    session('move', 'Rust', ['bob', 'eve']),
    session('drop', 'Go', ['cy'], { status: 'cancelled' }),
    session('ren', 'New title', ['dee']),
    session('add', 'Zig', ['fay']),
  ],
  [
    at('k', 'keep', 'A', 9),
    at('m', 'move', 'B', 14),
    at('d', 'drop', 'B', 10),
    at('r', 'ren', 'B', 11),
    at('a', 'add', 'A', 15),
  ],
);

describe('release diff', () => {
  it('names new, cancelled, moved, renamed and re-staffed sessions, and leaves the rest out', () => {
    const diff = diffPrograms(v1, v2);
    expect(diff.new.map((c) => c.sessionId)).toEqual(['add']);
    expect(diff.cancelled).toEqual([
      {
        sessionId: 'drop',
        title: 'Go',
        placements: [
          {
            roomId: 'B',
            room: 'Hall B',
            startsAt: '2027-05-01T10:00:00.000Z',
            endsAt: '2027-05-01T10:30:00.000Z',
          },
        ],
      },
    ]);
    expect(diff.moved).toEqual([
      expect.objectContaining({
        sessionId: 'move',
        from: [expect.objectContaining({ room: 'Hall A', startsAt: '2027-05-01T10:00:00.000Z' })],
        to: [expect.objectContaining({ room: 'Hall B', startsAt: '2027-05-01T14:00:00.000Z' })],
      }),
    ]);
    expect(diff.renamed).toEqual([{ sessionId: 'ren', from: 'Old title', to: 'New title' }]);
    expect(diff.speakersChanged).toEqual([
      { sessionId: 'move', title: 'Rust', added: ['eve'], removed: [] },
    ]);
    expect([...affectedSpeakerIds(diff, v1, v2)].sort()).toEqual([
      'bob',
      'cy',
      'dee',
      'eve',
      'fay',
    ]);
  });

  it('treats a session removed from the grid as cancelled and the first release as all new', () => {
    const unslotted = { ...v1, slots: v1.slots.filter((s) => s.sessionId !== 'drop') };
    expect(diffPrograms(v1, unslotted).cancelled.map((c) => c.sessionId)).toEqual(['drop']);
    expect(diffPrograms(null, v1).new).toHaveLength(4);
    expect(diffPrograms(v1, v1)).toEqual({
      new: [],
      cancelled: [],
      moved: [],
      renamed: [],
      speakersChanged: [],
    });
  });

  it('raises the calendar SEQUENCE of each changed session once per release and keeps cancelled ones', () => {
    const first = nextFeedState(EMPTY_FEED_STATE, diffPrograms(null, v1));
    expect(first.sequences).toEqual({ keep: 0, move: 0, drop: 0, ren: 0 });
    const second = nextFeedState(first, diffPrograms(v1, v2));
    expect(second.sequences).toEqual({ keep: 0, move: 1, drop: 1, ren: 1, add: 0 });
    expect(second.cancelled.map((c) => c.sessionId)).toEqual(['drop']);
    // Scheduled again: out of the cancelled list, one more change.
    const third = nextFeedState(second, diffPrograms(v2, v1));
    expect(third.sequences.drop).toBe(2);
    expect(third.cancelled.map((c) => c.sessionId)).toEqual(['add']);
  });
});

describe('release checklist', () => {
  it('counts unscheduled, unconfirmed, roomless and blocking items; clear when all are zero', () => {
    const p = base(
      [
        session('s1', 'A', ['x']),
        session('s2', 'B', ['x'], { status: 'unconfirmed' }),
        session('s3', 'C', []),
        session('s4', 'D', ['x']),
      ],
      [at('a', 's1', 'A', 9), at('b', 's2', 'A', 12), at('c', 's4', null, 9)],
    );
    const list = releaseChecklist(p, findConflicts({ program: p }));
    expect(list.ready).toBe(false);
    expect(Object.fromEntries(list.items.map((i) => [i.check, i.sessionIds]))).toEqual({
      unscheduled: ['s3'],
      unconfirmed: ['s2'],
      no_room: ['s4'],
      blocking_conflicts: ['s1', 's4'],
    });
    expect(releaseChecklist(v1, findConflicts({ program: v1 })).ready).toBe(true);
  });
});
