import { z } from 'zod';
import { EventIdParams } from '../events/schema.js';

export { EventIdParams };

export const AttendeeSearchQuery = z.strictObject({
  q: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
  limit: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(100, 'must be at most 100')
    .default(20),
});

export const AttendeeHit = z.object({
  ticketId: z.uuid(),
  orderId: z.uuid(),
  name: z.string(),
  email: z.string().optional().describe('Absent for roles that may not see personal data (staff)'),
  ticketTypeName: z.string(),
  status: z.enum(['pending', 'valid', 'revoked', 'cancelled']),
  score: z.number().describe('Higher is better; comparable only within one answer'),
  checkedInAt: z
    .string()
    .nullable()
    .describe('When the ticket was first admitted at an entrance; null: not yet'),
});
export type AttendeeHit = z.output<typeof AttendeeHit>;

export const AttendeeSearchResult = z.object({ items: z.array(AttendeeHit) });
