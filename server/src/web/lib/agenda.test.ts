import type { PublicAgenda } from '../../features/scheduling/public-agenda.js';
import { agendaEntries, byDay, clockTime, dayLabel, filterEntries, nowAndNext } from './agenda.js';

const BERLIN = 'Europe/Berlin';
const ROOM_A = '00000000-0000-4000-8000-00000000000a';
const ROOM_B = '00000000-0000-4000-8000-00000000000b';

function agenda(over: Partial<PublicAgenda> = {}): PublicAgenda {
  const session = (id: string, title: string, status: 'confirmed' | 'cancelled' = 'confirmed') => ({
    id,
    title,
    abstract: null,
    kind: 'talk',
    speakerIds: ['sp-1'],
    trackId: id === 's2' ? 'tr-1' : null,
    language: null,
    signupCapacity: null,
    status,
  });
  const slot = (
    id: string,
    sessionId: string,
    roomId: string,
    startsAt: string,
    endsAt: string,
  ) => ({
    id,
    kind: 'session' as const,
    sessionId,
    roomId,
    startsAt,
    endsAt,
    title: null,
  });
  return {
    eventId: 'e',
    name: 'Conf',
    timezone: BERLIN,
    version: 2,
    releasedAt: '2027-10-01T00:00:00Z',
    comment: '',
    rooms: [
      { id: ROOM_A, name: 'Hall A', capacity: null },
      { id: ROOM_B, name: 'Hall B', capacity: 30 },
    ],
    tracks: [{ id: 'tr-1', name: 'Systems', color: null }],
    speakers: [{ id: 'sp-1', name: 'Ada Lovelace', bio: null }],
    sessions: [
      session('s1', 'Opening'),
      session('s2', 'Rust at scale'),
      session('s3', 'Gone', 'cancelled'),
    ],
    slots: [
      // 23:30 CEST on Saturday 30 October is 21:30Z; the clocks go back at 01:00Z on the 31st.
      slot('l1', 's1', ROOM_A, '2027-10-30T21:30:00Z', '2027-10-30T22:15:00Z'),
      // 02:30 CET on Sunday, after the change, and the first 02:30 (CEST) before it.
      slot('l2', 's2', ROOM_B, '2027-10-31T01:30:00Z', '2027-10-31T02:15:00Z'),
      slot('l3', 's3', ROOM_A, '2027-10-31T00:30:00Z', '2027-10-31T01:00:00Z'),
    ],
    changes: {
      since: 1,
      diff: { new: [], cancelled: [], moved: [], renamed: [], speakersChanged: [] },
    },
    ...over,
  };
}

describe('the portal agenda', () => {
  it('groups sessions by the event’s local day across the autumn DST change', () => {
    const days = byDay(agendaEntries(agenda(), false), BERLIN);
    expect(days.map((d) => d.day)).toEqual(['2027-10-30', '2027-10-31']);
    expect(days[1]!.entries.map((e) => clockTime(e.startsAt, BERLIN, 'en-GB'))).toEqual([
      '02:30',
      '02:30',
    ]);
    expect(dayLabel('2027-10-31', 'en-GB')).toBe('Sunday 31 October');
  });

  it('puts a session late in the evening UTC on the next local day in a zone east of UTC', () => {
    const days = byDay([{ startsAt: '2027-06-01T22:30:00Z' }], 'Asia/Tokyo');
    expect(days[0]!.day).toBe('2027-06-02');
  });

  it('says what runs now and what starts next, leaving cancelled sessions out', () => {
    const entries = agendaEntries(agenda(), false);
    const at = (iso: string) => nowAndNext(entries, Date.parse(iso));
    expect(at('2027-10-30T21:45:00Z').now.map((e) => e.title)).toEqual(['Opening']);
    // The cancelled one at 00:30Z is skipped: next is Rust.
    expect(at('2027-10-30T21:45:00Z').next.map((e) => e.title)).toEqual(['Rust at scale']);
    // Half-open: at its end a session is over.
    expect(at('2027-10-30T22:15:00Z').now).toEqual([]);
    expect(at('2027-11-01T00:00:00Z')).toEqual({ now: [], next: [] });
  });

  it('marks new, moved and renamed sessions, and keeps one cancelled off the grid in place', () => {
    const a = agenda({
      changes: {
        since: 1,
        diff: {
          new: [{ sessionId: 's1', title: 'Opening', placements: [] }],
          cancelled: [
            {
              sessionId: 'gone',
              title: 'Removed talk',
              placements: [
                {
                  roomId: ROOM_A,
                  room: 'Hall A',
                  startsAt: '2027-10-30T20:00:00Z',
                  endsAt: '2027-10-30T20:30:00Z',
                },
              ],
            },
          ],
          moved: [
            {
              sessionId: 's2',
              title: 'Rust at scale',
              from: [
                {
                  roomId: ROOM_A,
                  room: 'Hall A',
                  startsAt: '2027-10-30T08:00:00Z',
                  endsAt: '2027-10-30T08:45:00Z',
                },
              ],
              to: [],
            },
          ],
          renamed: [{ sessionId: 's2', from: 'Rust', to: 'Rust at scale' }],
          speakersChanged: [],
        },
      },
    });
    const entries = agendaEntries(a, true);
    const of = (title: string) => entries.find((e) => e.title === title)!;
    expect(of('Opening').badges).toEqual([{ kind: 'new' }]);
    expect(of('Rust at scale').badges.map((b) => b.kind)).toEqual(['moved', 'changed']);
    expect(of('Removed talk')).toMatchObject({ cancelled: true, room: 'Hall A' });
    expect(entries[0]!.title).toBe('Removed talk');
    // A first visit marks nothing.
    expect(agendaEntries(a, false).every((e) => e.badges.length === 0)).toBe(true);
  });

  it('filters by room, track, words of a title or speaker, and my agenda', () => {
    const entries = agendaEntries(agenda(), false);
    const f = { roomId: '', trackId: '', query: '', mineOnly: false };
    const titles = (over: Partial<typeof f>, fav = new Set<string>()) =>
      filterEntries(entries, { ...f, ...over }, fav).map((e) => e.title);
    expect(titles({ roomId: ROOM_B })).toEqual(['Rust at scale']);
    expect(titles({ trackId: 'tr-1' })).toEqual(['Rust at scale']);
    expect(titles({ query: 'lovelace open' })).toEqual(['Opening']);
    expect(titles({ query: 'nothing' })).toEqual([]);
    expect(titles({ mineOnly: true }, new Set(['s2']))).toEqual(['Rust at scale']);
  });
});
