import { z } from 'zod';
import { Uuid } from '../events/schema.js';

export const ReindexRequest = z.strictObject({
  /** Only this event's documents; all events when left out. */
  eventId: Uuid.optional(),
});

export const ReindexProgress = z.object({
  scope: z.string(),
  kind: z.enum(['tickets', 'orders', 'refunds', 'waitlist']).nullable(),
  indexed: z.number().int(),
  done: z.boolean(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
});
