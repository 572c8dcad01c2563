import { timeOrderedUuid } from './time-ordered-uuid.js';

describe('time-ordered UUIDs', () => {
  it('are RFC 9562 version 7 UUIDs that sort by the time they were made', () => {
    const earlier = timeOrderedUuid(Date.UTC(2026, 10, 24, 18, 0, 0));
    const later = timeOrderedUuid(Date.UTC(2026, 10, 24, 18, 0, 0, 1));
    for (const id of [earlier, later])
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(earlier.slice(0, 13)).toBe('01a20eb6-f100');
    expect(earlier < later).toBe(true);
    expect(timeOrderedUuid()).not.toBe(timeOrderedUuid());
  });
});
