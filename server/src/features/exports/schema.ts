import { z } from 'zod';
import { Uuid } from '../events/schema.js';

export const ExportKind = z.enum(['attendees', 'orders', 'checkins'], {
  message: "must be 'attendees', 'orders' or 'checkins'",
});
export type ExportKind = z.output<typeof ExportKind>;

export const ExportParams = z.strictObject({ eventId: Uuid, kind: ExportKind });
export const ExportQuery = z.strictObject({
  format: z.enum(['csv', 'json'], { message: "must be 'csv' or 'json'" }).default('csv'),
});
export type ExportFormat = z.output<typeof ExportQuery>['format'];
