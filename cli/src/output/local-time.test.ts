import { localTime } from './local-time.js';

describe('localTime', () => {
  it("shows an instant on the timezone's clock", () => {
    expect(localTime('2026-06-12T07:00:00.000Z', 'Europe/Berlin')).toBe('2026-06-12 09:00');
    expect(localTime('2026-01-12T07:00:00.000Z', 'Europe/Berlin')).toBe('2026-01-12 08:00');
    expect(localTime('2026-06-12T02:30:00.000Z', 'America/New_York')).toBe('2026-06-11 22:30');
    expect(localTime('2026-06-12T23:59:00.000Z', 'UTC')).toBe('2026-06-12 23:59');
  });
});
