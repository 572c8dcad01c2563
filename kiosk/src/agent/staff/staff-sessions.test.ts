import { isValidPin, StaffSessions } from './staff-sessions.js';

function clock(start = 1_000_000) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('staff sessions', () => {
  it('opens a session for the right PIN and refuses a wrong one', () => {
    const c = clock();
    const s = new StaffSessions({ pin: '4821', now: c.now });
    expect(s.unlock('1234')).toMatchObject({ ok: false, code: 'wrong_pin' });
    c.advance(1000);
    const ok = s.unlock('4821');
    expect(ok.ok).toBe(true);
    expect(s.touch(ok.ok ? ok.session : undefined)).toBe(true);
    expect(s.touch('made-up')).toBe(false);
    expect(s.touch(undefined)).toBe(false);
  });

  it('doubles the wait after each wrong PIN, and refuses tries during it unread', () => {
    const c = clock();
    const s = new StaffSessions({ pin: '4821', now: c.now, backoffMs: 1000 });
    expect(s.unlock('0000')).toEqual({ ok: false, code: 'wrong_pin', retryAt: c.now() + 1000 });
    // The right PIN during the wait is not even compared.
    expect(s.unlock('4821')).toMatchObject({ ok: false, code: 'staff_locked' });
    c.advance(1000);
    expect(s.unlock('0000')).toEqual({ ok: false, code: 'wrong_pin', retryAt: c.now() + 2000 });
    c.advance(2000);
    expect(s.unlock('0000')).toEqual({ ok: false, code: 'wrong_pin', retryAt: c.now() + 4000 });
    c.advance(4000);
    expect(s.unlock('4821').ok).toBe(true);
    // A success starts the count again.
    expect(s.unlock('0000')).toEqual({ ok: false, code: 'wrong_pin', retryAt: c.now() + 1000 });
  });

  it('locks staff mode for good after ten wrong PINs in a row, ending open sessions', () => {
    const c = clock();
    const s = new StaffSessions({ pin: '4821', now: c.now, backoffMs: 1000 });
    const open = s.unlock('4821');
    for (let i = 1; i <= 9; i++) {
      expect(s.unlock(`000${i}`)).toMatchObject({ code: 'wrong_pin' });
      c.advance(2 ** (i - 1) * 1000);
    }
    expect(s.unlock('0010')).toEqual({ ok: false, code: 'staff_locked_out' });
    c.advance(24 * 3600_000);
    expect(s.unlock('4821')).toEqual({ ok: false, code: 'staff_locked_out' });
    expect(s.touch(open.ok ? open.session : undefined)).toBe(false);
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
