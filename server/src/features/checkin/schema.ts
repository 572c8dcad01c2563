import { MAX_SCANNED_TEXT_LENGTH, checkinReasonSchema, checkinResultSchema } from '@lanyard/core';
import { z } from 'zod';

const Uuid = z.uuid({ message: 'must be a UUID' });
const Instant = z.iso.datetime({
  offset: true,
  message: 'must be an ISO 8601 date-time with an offset, e.g. 2027-05-01T09:00:00Z',
});
const Name = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters');
const Gate = z.string().trim().min(1, 'must not be empty').max(64, 'must be at most 64 characters');
const EntryRule = z.enum(['single', 'reentry_after_exit', 'multi'], {
  message: "must be 'single', 'reentry_after_exit' or 'multi'",
});
const Direction = z.enum(['entry', 'exit'], { message: "must be 'entry' or 'exit'" });

export const EventIdParams = z.strictObject({ eventId: Uuid });
export const ListParams = z.strictObject({ eventId: Uuid, listId: Uuid });

const Window = z
  .strictObject({ from: Instant.nullable().optional(), until: Instant.nullable().optional() })
  .refine((w) => !w.from || !w.until || Date.parse(w.from) < Date.parse(w.until), {
    message: 'from must be before until',
    path: ['until'],
  });

const listFields = {
  name: Name,
  /** null: every ticket type of the event. */
  ticketTypeIds: z.array(Uuid).max(1000, 'must list at most 1000 ticket types').nullable(),
  /** When the list admits; exits are always allowed. null: always. */
  window: Window.nullable(),
  entryRule: EntryRule,
  /** Gates that scan for this list when a scan names no list. */
  gates: z.array(Gate).max(100, 'must list at most 100 gates'),
  /**
   * A schedule room: the list then admits, while a released session is on there (from 15
   * minutes before its start until its end), that session's confirmed signups, or any ticket of
   * the list for a session without signup. null: an ordinary list.
   */
  roomId: Uuid.nullable(),
};

export const CreateListBody = z.strictObject({
  name: listFields.name,
  ticketTypeIds: listFields.ticketTypeIds.default(null),
  window: listFields.window.optional(),
  entryRule: listFields.entryRule.default('single'),
  gates: listFields.gates.default([]),
  roomId: listFields.roomId.default(null),
});
export type CreateListInput = z.infer<typeof CreateListBody>;

export const UpdateListBody = z
  .strictObject({
    name: listFields.name.optional(),
    ticketTypeIds: listFields.ticketTypeIds.optional(),
    window: listFields.window.optional(),
    entryRule: listFields.entryRule.optional(),
    gates: listFields.gates.optional(),
    roomId: listFields.roomId.optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'must change at least one field' });
export type UpdateListInput = z.infer<typeof UpdateListBody>;

export const CheckinListBody = z.object({
  id: Uuid,
  eventId: Uuid,
  name: z.string(),
  ticketTypeIds: z.array(Uuid).nullable(),
  window: z.object({ from: z.string().nullable(), until: z.string().nullable() }),
  entryRule: EntryRule,
  gates: z.array(z.string()),
  /** The schedule room whose sessions this list admits to; null: an ordinary list. */
  roomId: Uuid.nullable(),
  /** True for the event's implicit list (id = event id), which exists while it has no other. */
  isDefault: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type CheckinListBody = z.infer<typeof CheckinListBody>;

export const CheckinListCollection = z.object({ items: z.array(CheckinListBody) });

export const CheckinBody = z
  .strictObject({
    /** The exact text the QR code encodes; garbage is answered `invalid`, not refused. */
    token: z
      .string()
      .max(MAX_SCANNED_TEXT_LENGTH, `must be at most ${MAX_SCANNED_TEXT_LENGTH} characters`)
      .optional(),
    /**
     * Instead of `token`: the ticket chosen by hand (a person found by name, without their QR
     * code). Decided by the same rule as a scan of the ticket's current code, and marked manual.
     */
    ticketId: Uuid.optional(),
    /** Makes a retried scan idempotent; made up by the server when absent. */
    scanId: Uuid.optional(),
    gate: Gate.optional(),
    listId: Uuid.optional(),
    direction: Direction.default('entry'),
  })
  .refine((b) => (b.token === undefined) !== (b.ticketId === undefined), {
    message: 'give either token (a scan) or ticketId (a check-in by hand), not both',
    path: ['token'],
  });
export type CheckinRequest = z.infer<typeof CheckinBody>;
/** A scan as decided: a check-in by hand carries the ticket's current token. */
export type CheckinInput = Omit<CheckinRequest, 'token' | 'ticketId'> & { token: string };

const Previous = z.object({
  at: z.string(),
  gate: z.string().optional(),
  deviceId: z.string().optional(),
});

export const CheckinAnswer = z.object({
  result: checkinResultSchema,
  reason: checkinReasonSchema,
  direction: Direction,
  scanId: Uuid,
  listId: Uuid,
  ticketId: Uuid.optional(),
  ticketTypeId: Uuid.optional(),
  attendee: z.object({ name: z.string() }).optional(),
  ticketType: z.object({ id: Uuid, name: z.string() }).optional(),
  /** Where and when the ticket was admitted before (already_checked_in). */
  previous: Previous.optional(),
  /** The same as `previous`, under core's name (the kiosk agent reads this one). */
  previousAdmission: Previous.optional(),
  /** True when this scanId had been answered before: the stored answer is repeated. */
  replayed: z.boolean(),
});
export type CheckinAnswer = z.infer<typeof CheckinAnswer>;

const FlagScan = z.object({
  scanId: Uuid,
  deviceId: z.string().nullable(),
  gate: z.string().nullable(),
  scannedAt: z.string(),
  receivedAt: z.string(),
});

export const CheckinFlag = z.object({
  ticketId: Uuid,
  listId: Uuid,
  listName: z.string(),
  attendee: z.object({ name: z.string() }).nullable(),
  /** The admission that should not have happened. */
  scan: FlagScan,
  /** The canonical admission it repeats. */
  duplicateOf: FlagScan,
  flaggedAt: z.string(),
});
export type CheckinFlag = z.infer<typeof CheckinFlag>;
export const CheckinFlagList = z.object({ items: z.array(CheckinFlag) });

export const FlagsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(1000).default(200),
});

export const CheckinStats = z.object({
  eventId: z.string(),
  /** When the figures were read. */
  at: z.string(),
  /** Valid tickets with at least one counted entry, of all valid tickets. */
  admitted: z.number().int(),
  /** Valid tickets inside now on some list: their last counted passage was an entry. */
  inside: z.number().int(),
  total: z.number().int(),
  /** Per active check-in list (the default list while the event has none): its tickets. */
  lists: z.array(
    z.object({
      listId: z.string(),
      name: z.string(),
      admitted: z.number().int(),
      inside: z.number().int(),
      total: z.number().int(),
    }),
  ),
  /** Per gate (null: scans without a gate) and list: tickets let in there, and exits counted. */
  gates: z.array(
    z.object({
      gate: z.string().nullable(),
      listId: z.string(),
      listName: z.string().nullable(),
      admitted: z.number().int(),
      exits: z.number().int(),
    }),
  ),
});
export type CheckinStats = z.infer<typeof CheckinStats>;

export const ScanParams = z.strictObject({ eventId: Uuid, scanId: Uuid });
export const TicketParams = z.strictObject({ eventId: Uuid, ticketId: Uuid });

export const AnnulBody = z.strictObject({
  /** Why, for the record (e.g. "scanned the wrong person's ticket"). */
  reason: z.string().trim().min(1, 'must not be empty').max(500).optional(),
});
export type AnnulInput = z.infer<typeof AnnulBody>;

export const Annulment = z.object({
  scanId: Uuid,
  ticketId: Uuid,
  listId: Uuid,
  actor: z.string(),
  reason: z.string().nullable(),
  annulledAt: z.string(),
  /** True when the scan had been annulled before: that annulment is repeated. */
  replayed: z.boolean(),
});
export type Annulment = z.infer<typeof Annulment>;

/** One scan of a ticket, as the attendee page lists them. */
export const Passage = z.object({
  scanId: Uuid,
  listId: Uuid,
  listName: z.string().nullable(),
  direction: Direction,
  result: checkinResultSchema,
  reason: checkinReasonSchema,
  gate: z.string().nullable(),
  deviceId: z.string().nullable(),
  /** `staff` when the scan was made by a person's token (a dashboard, the CLI). */
  actor: z.string(),
  /** True when staff chose the ticket by hand instead of scanning its QR code. */
  manual: z.boolean(),
  scannedAt: z.string(),
  annulment: z
    .object({ actor: z.string(), reason: z.string().nullable(), annulledAt: z.string() })
    .nullable(),
});
export type Passage = z.infer<typeof Passage>;
export const PassageList = z.object({ items: z.array(Passage) });
