import { z } from 'zod';

// Field shapes both parts of the event file use, and the rule that keys in a list are unique.

export const Instant = z.iso
  .datetime({
    offset: true,
    message: 'must be an ISO 8601 date-time with an offset, e.g. 2027-05-01T09:00:00Z',
  })
  .describe('ISO 8601 date-time with an offset');
export const Name = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters');
export const Int = (min: number, max: number) =>
  z
    .number({ message: 'must be a whole number' })
    .int('must be a whole number')
    .min(min, `must be at least ${min}`)
    .max(max, `must be at most ${max}`);
export const unique =
  <T>(key: (t: T) => string, what: string) =>
  (items: T[], ctx: z.RefinementCtx) => {
    const seen = new Map<string, number>();
    items.forEach((item, i) => {
      const k = key(item);
      const first = seen.get(k);
      if (first === undefined) seen.set(k, i);
      else
        ctx.addIssue({
          code: 'custom',
          path: [i, what],
          message: `repeats the ${what} of item ${first + 1} (compared ignoring case)`,
        });
    });
  };

/** The languages Lanyard's portal, messages and kiosk are translated into. */
export const LANGUAGES = ['en', 'de'] as const;
