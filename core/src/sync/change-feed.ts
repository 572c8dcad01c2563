import { z } from 'zod';
import {
  SYNC_PROTOCOL_VERSION,
  checkinResultSchema,
  entryRuleSchema,
  instantSchema,
  publicKeySchema,
  scanDirectionSchema,
  uuidSchema,
} from './common.js';

/** A ticket as kiosks cache it: enough to decide a scan and to find the attendee by name. */
export const syncTicketSchema = z.object({
  id: uuidSchema,
  eventId: uuidSchema,
  ticketTypeId: uuidSchema,
  status: z.enum(['valid', 'revoked']),
  /** Bumped on reissue and transfer; older tokens of the ticket are refused as `superseded`. */
  revision: z.number().int().min(0).max(0xffff),
  /** `email` only for callers whose role may see attendees' personal data (not staff, kiosks). */
  attendee: z.object({ name: z.string().max(200), email: z.string().max(320).optional() }),
  updatedAt: instantSchema,
  /**
   * sha256 (hex) of the ticket's current token (ticketTokenSha256): a scan of exactly that token
   * needs no signature check. Absent from older servers: every scan is then verified in full.
   */
  tokenSha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
});

/** A session of a room's list; `signedUp` null: a session without signup. */
export const syncDoorSessionSchema = z.object({
  sessionId: uuidSchema,
  title: z.string().max(300),
  startsAt: instantSchema,
  endsAt: instantSchema,
  signedUp: z.array(uuidSchema).max(100_000).nullable(),
});

/** A check-in list as kiosks cache it. */
export const syncCheckinListSchema = z.object({
  id: uuidSchema,
  eventId: uuidSchema,
  name: z.string().max(200),
  ticketTypeIds: z.union([z.literal('all'), z.array(uuidSchema).max(1000)]),
  opensAt: instantSchema.nullable(),
  closesAt: instantSchema.nullable(),
  entryRule: entryRuleSchema,
  /**
   * Gates that scan for this list when a station names no list (as the server chooses). Absent
   * from older servers: such a station checks against the first list by name.
   */
  gates: z.array(z.string().min(1).max(64)).max(100).optional(),
  /** A room's list: the room, and its released sessions with their confirmed signups. */
  roomId: uuidSchema.optional(),
  sessions: z.array(syncDoorSessionSchema).max(1000).optional(),
  updatedAt: instantSchema,
});

/** A scan recorded by any device, so every kiosk knows who is already inside. */
export const syncScanSchema = z.object({
  scanId: uuidSchema,
  eventId: uuidSchema,
  listId: uuidSchema,
  ticketId: uuidSchema,
  deviceId: uuidSchema,
  gate: z.string().max(64).optional(),
  direction: scanDirectionSchema,
  result: checkinResultSchema,
  scannedAt: instantSchema,
});

/**
 * One entry of the change feed. Kiosks apply entries in page order; applying one twice is
 * harmless (each is an upsert or a removal). Unknown `type`s fail to parse, so a kiosk refuses a
 * page it cannot understand instead of skipping part of it.
 */
export const syncChangeSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ticket.upserted'), ticket: syncTicketSchema }),
  z.object({
    type: z.literal('ticket.revoked'),
    ticketId: uuidSchema,
    eventId: uuidSchema,
    revokedAt: instantSchema,
  }),
  z.object({ type: z.literal('checkin_list.upserted'), list: syncCheckinListSchema }),
  z.object({ type: z.literal('checkin_list.deleted'), listId: uuidSchema, eventId: uuidSchema }),
  /** A key to trust from now on; the previous keys stay trusted (rotation). */
  z.object({ type: z.literal('signing_key.added'), key: publicKeySchema, addedAt: instantSchema }),
  /** A key no longer trusted: tokens it signed become `unknown_key`. */
  z.object({
    type: z.literal('signing_key.retired'),
    kid: publicKeySchema.shape.kid,
    retiredAt: instantSchema,
  }),
  /** Another device's scan (a kiosk's own scans come back too; it ignores those it holds). */
  z.object({ type: z.literal('scan.recorded'), scan: syncScanSchema }),
  /**
   * An admission an organizer or staff annulled (a wrong check-in): it no longer counts, so the
   * ticket may enter again. Kiosks forget the scan.
   */
  z.object({
    type: z.literal('scan.annulled'),
    scanId: uuidSchema,
    eventId: uuidSchema,
    ticketId: uuidSchema,
    listId: uuidSchema,
    annulledAt: instantSchema,
  }),
]);

/**
 * One page of `GET /api/v1/events/{eventId}/sync?cursor=C`. Pass `cursor` back to get the next
 * page; `hasMore` says another page is ready now. `snapshot` marks the pages of a first sync
 * (no cursor), after which the kiosk drops anything the snapshot did not mention. `keys` is the
 * full set of public keys currently trusted for the event.
 */
export const syncPageSchema = z.object({
  v: z.literal(SYNC_PROTOCOL_VERSION),
  cursor: z.string().min(1).max(200),
  changes: z.array(syncChangeSchema),
  keys: z.array(publicKeySchema),
  /**
   * Every ticket type of the event, hidden ones too, so a screen names a ticket's type offline.
   * Absent from older servers.
   */
  ticketTypes: z
    .array(z.object({ id: uuidSchema, name: z.string().max(200) }))
    .max(1000)
    .optional(),
  hasMore: z.boolean(),
  snapshot: z.boolean().optional(),
});

export type SyncTicket = z.infer<typeof syncTicketSchema>;
export type SyncCheckinList = z.infer<typeof syncCheckinListSchema>;
export type SyncDoorSession = z.infer<typeof syncDoorSessionSchema>;
export type SyncScan = z.infer<typeof syncScanSchema>;
export type SyncChange = z.infer<typeof syncChangeSchema>;
export type SyncChangeType = SyncChange['type'];
export type SyncPage = z.infer<typeof syncPageSchema>;
