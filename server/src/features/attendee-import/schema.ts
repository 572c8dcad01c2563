import { z } from 'zod';
import { EventIdParams } from '../events/schema.js';

export { EventIdParams };

/** Rows per request: one transaction each, small enough for the body limit. */
export const MAX_IMPORT_ROWS = 1000;

// Rows are checked one by one in rows.ts, so one bad row is reported by its line and never
// refuses the whole batch; the schema only bounds sizes.
const Cell = (max: number) =>
  z.string({ message: 'must be text' }).max(max, `is longer than ${max}`);

export const ImportRow = z.strictObject({
  /** Line of the source file the row starts on, echoed in errors. */
  line: z.number().int().min(1),
  name: Cell(1000),
  email: Cell(1000),
  /** A ticket type's name (any case) or id. */
  ticketType: Cell(200),
  /** Answers to the event's questions, by question id. */
  answers: z.record(z.string().max(64), Cell(2000)).optional(),
});
export type ImportRow = z.output<typeof ImportRow>;

export const ImportBody = z.strictObject({
  rows: z
    .array(ImportRow)
    .min(1, 'must hold at least one row')
    .max(MAX_IMPORT_ROWS, `must hold at most ${MAX_IMPORT_ROWS} rows`),
  /** Check everything, take and write nothing. */
  dryRun: z.boolean().default(false),
  /** Announce each new ticket (`attendee.invited` on the outbox) so the attendee gets an invitation. */
  invite: z.boolean().default(false),
});
export type ImportInput = z.output<typeof ImportBody>;

export const RowError = z.object({ line: z.number().int(), code: z.string(), message: z.string() });
export type RowError = z.output<typeof RowError>;

export const ImportResult = z.object({
  imported: z.number().int(),
  skipped: z.number().int(),
  errors: z.array(RowError),
  dryRun: z.boolean(),
});
export type ImportResult = z.output<typeof ImportResult>;
