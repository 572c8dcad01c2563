import { isValidPin, StaffSessions } from './staff-sessions.js';

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('staff sessions', () => {
  it('opens a session for the right PIN and refuses a wrong one', () => {
    const s = new StaffSessions({ pin: '4821' });
    expect(s.unlock('1234')).toEqual({ ok: false, code: 'wrong_pin' });
    const ok = s.unlock('4821');
    expect(ok.ok).toBe(true);
    expect(s.touch(ok.ok ? ok.session : undefined)).toBe(true);
    expect(s.touch('made-up')).toBe(false);
    expect(s.touch(undefined)).toBe(false);
  });

  it('locks PIN entry after five wrong PINs, even for the right one, until the lock ends', () => {
    const c = clock();
    const s = new StaffSessions({ pin: '4821', now: c.now, lockMs: 60_000 });
    for (let i = 0; i < 4; i++) expect(s.unlock('0000')).toMatchObject({ code: 'wrong_pin' });
    expect(s.unlock('0000')).toMatchObject({ code: 'staff_locked', retryAt: c.now() + 60_000 });
    expect(s.unlock('4821')).toMatchObject({ ok: false, code: 'staff_locked' });
    c.advance(60_001);
    expect(s.unlock('4821').ok).toBe(true);
  });

  it('ends a session left idle, and keeps one in use alive', () => {
    const c = clock();
    const s = new StaffSessions({ pin: '4821', now: c.now, idleMs: 1000 });
    const a = s.unlock('4821');
    const b = s.unlock('4821');
    if (!a.ok || !b.ok) throw new Error('unlock failed');
    c.advance(800);
    expect(s.touch(a.session)).toBe(true);
    c.advance(800);
    expect(s.touch(a.session)).toBe(true);
    expect(s.touch(b.session)).toBe(false);
    s.end(a.session);
    expect(s.touch(a.session)).toBe(false);
  });

  it('accepts PINs of 4 to 12 digits only', () => {
    expect(isValidPin('4821')).toBe(true);
    expect(isValidPin('123')).toBe(false);
    expect(isValidPin('12ab')).toBe(false);
    expect(isValidPin('1234567890123')).toBe(false);
  });
});
