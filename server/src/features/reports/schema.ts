import { z } from 'zod';
import { Uuid } from '../events/schema.js';

export const REPORT_KINDS = [
  'sales',
  'orders-by-status',
  'refunds',
  'promo-codes',
  'answers',
  'waitlist',
  'no-shows',
] as const;
export const ReportKind = z.enum(REPORT_KINDS, {
  message: `must be one of ${REPORT_KINDS.join(', ')}`,
});
export type ReportKind = z.output<typeof ReportKind>;

export const Bucket = z.enum(['hour', 'day', 'week'], {
  message: "must be 'hour', 'day' or 'week'",
});
export type Bucket = z.output<typeof Bucket>;

export const ReportParams = z.strictObject({ eventId: Uuid, kind: ReportKind });
export const ReportQuery = z.strictObject({
  /** Overrides the Accept header. */
  format: z.enum(['csv', 'json'], { message: "must be 'csv' or 'json'" }).optional(),
  bucket: Bucket.default('day'),
  /** Sales and refunds from this instant on (ISO 8601); rounded down to 15 minutes. */
  from: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 instant' }).optional(),
  /** ... and before this one (rounded down to 15 minutes). */
  to: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 instant' }).optional(),
});

const Cell = z.union([z.string(), z.number(), z.null()]);
export const Report = z.object({
  kind: ReportKind,
  eventId: z.string(),
  timezone: z.string(),
  bucket: Bucket.optional(),
  from: z.string().optional(),
  to: z.string().optional(),
  columns: z.array(z.string()),
  rows: z.array(z.record(z.string(), Cell)),
  generatedAt: z.string(),
});
export type ReportCell = z.output<typeof Cell>;
export type Report = z.output<typeof Report>;

export const DoorQuery = z.strictObject({
  /** Minutes of history to return (default 120). */
  minutes: z.coerce.number().int().min(5).max(1440).default(120),
  /** The organizer's target for the queue wait, in minutes (default 5). */
  targetWaitMinutes: z.coerce.number().min(0.5).max(120).default(5),
  /** Scans one lane handles per minute when the devices have not shown it yet (default 6). */
  laneRatePerMinute: z.coerce.number().min(0.5).max(120).default(6),
  /** Share of registered attendees not yet in who are expected to come (default 0.9). */
  showRate: z.coerce.number().min(0).max(1).default(0.9),
});
export type DoorQuery = z.output<typeof DoorQuery>;
