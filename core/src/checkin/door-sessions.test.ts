import { randomUUID } from 'node:crypto';
import { sessionAt } from './door-sessions.js';
import { at, decide, entered, ticketId, type Row } from './test-support/checkin-fixtures.js';
import type { DoorSession } from './types.js';

// A room's list: a workshop with signup 10:00–11:00 (minutes 60–120 of the fixtures' clock),
// a free talk 11:30–12:00, and the entry rule counting per session.
const workshop: DoorSession = {
  sessionId: randomUUID(),
  title: 'Rust workshop',
  startsAt: at(60),
  endsAt: at(120),
  signedUp: new Set([ticketId.toLowerCase()]),
};
const talk: DoorSession = {
  sessionId: randomUUID(),
  title: 'Keynote',
  startsAt: at(150),
  endsAt: at(180),
  signedUp: null,
};
const onRoom = (sessions: DoorSession[], input: Row['input']) =>
  decide({ input, listChanges: { sessions } });

describe('a room check-in list', () => {
  it('admits a signed-up ticket from doors open (15 min before) until the session ends', () => {
    for (const minute of [45, 60, 119])
      expect(onRoom([workshop], { at: at(minute) }).result).toBe('admitted');
  });

  it('refuses a ticket without a signup for a session with signup', () => {
    const full = { ...workshop, signedUp: new Set([randomUUID()]) };
    expect(onRoom([full], { at: at(70) })).toMatchObject({
      result: 'invalid',
      reason: 'not_signed_up',
    });
  });

  it('refuses when no session is on in the room, before doors open or after the end', () => {
    for (const minute of [44, 120, 134, 180])
      expect(onRoom([workshop, talk], { at: at(minute) })).toMatchObject({
        result: 'invalid',
        reason: 'no_session_now',
      });
    expect(onRoom([], { at: at(70) })).toMatchObject({ reason: 'no_session_now' });
  });

  it('admits any ticket of the list to a session without signup', () => {
    const other = { ...talk, signedUp: null };
    expect(onRoom([other], { at: at(140) }).result).toBe('admitted');
  });

  it('counts single entry per session: the morning workshop does not block the talk', () => {
    const sessions = [workshop, talk];
    expect(onRoom(sessions, { at: at(140), previousScans: [entered(61)] }).result).toBe('admitted');
    expect(onRoom(sessions, { at: at(100), previousScans: [entered(61)] })).toMatchObject({
      result: 'already_checked_in',
    });
  });

  it('picks the later session where the next one opens its doors before the last ends', () => {
    const next = { ...talk, startsAt: at(125), endsAt: at(150) };
    expect(sessionAt([workshop, next], at(112))?.title).toBe('Keynote');
    expect(sessionAt([workshop, next], at(109))?.title).toBe('Rust workshop');
  });

  it('lets someone inside leave whatever the time', () => {
    const out = onRoom([workshop], {
      at: at(200),
      direction: 'exit',
      previousScans: [entered(61)],
    });
    expect(out).toMatchObject({ result: 'admitted', reason: 'exit' });
  });
});
