import { z } from 'zod';
import {
  SYNC_PROTOCOL_VERSION,
  checkinReasonSchema,
  checkinResultSchema,
  instantSchema,
  scanDirectionSchema,
  uuidSchema,
} from './common.js';

/** Most scans one upload may carry; a kiosk with more sends several batches. */
export const MAX_SCANS_PER_UPLOAD = 500;

/** Longest scanned text an upload keeps; garbage scans are uploaded too, to be recorded as invalid. */
export const MAX_SCANNED_TEXT_LENGTH = 4096;

/**
 * Largest clock difference a kiosk may report: a century, since a kiosk whose clock battery died
 * boots in 1970 or 2000 and still scans correctly once it has measured the server's clock.
 */
export const MAX_CLOCK_OFFSET_MS = 100 * 366 * 24 * 3600_000;

/** One scan a kiosk made, uploaded to `POST /api/v1/events/{eventId}/scans`. */
export const scanUploadItemSchema = z
  .object({
    /** Made by the kiosk when it scanned (UUID); the server applies each scanId once. */
    scanId: uuidSchema,
    /** The exact scanned text. */
    token: z.string().max(MAX_SCANNED_TEXT_LENGTH).optional(),
    /**
     * Instead of `token`: the ticket staff chose by hand (found by name; no QR code with them),
     * decided as a scan of the ticket's current code.
     */
    ticketId: uuidSchema.optional(),
    /** The kiosk's clock at the scan (the server adds `clockOffsetMs` to get its own time). */
    scannedAt: instantSchema,
    /**
     * Server time minus the kiosk's time, in ms, as the kiosk measured it when it scanned (absent:
     * 0). Only the kiosk can know it: its clock may have been set, or drifted, while offline.
     */
    clockOffsetMs: z.number().int().min(-MAX_CLOCK_OFFSET_MS).max(MAX_CLOCK_OFFSET_MS).optional(),
    deviceId: uuidSchema,
    gate: z.string().min(1).max(64).optional(),
    direction: scanDirectionSchema.default('entry'),
    /** The check-in list the kiosk scanned for; absent: the event's default list. */
    listId: uuidSchema.optional(),
    /** What the kiosk answered offline; absent when it asked the server online. */
    deviceResult: checkinResultSchema.optional(),
  })
  .refine((s) => (s.token === undefined) !== (s.ticketId === undefined), {
    message: 'a scan carries either token or ticketId',
    path: ['token'],
  });

/** When an uploaded scan happened on the server's clock: what ordering and the rule use. */
export function serverTimeOfScan(item: Pick<ScanUploadItem, 'scannedAt' | 'clockOffsetMs'>): Date {
  return new Date(Date.parse(item.scannedAt) + (item.clockOffsetMs ?? 0));
}

/** The body of a scan upload. */
export const scanUploadSchema = z.object({
  v: z.literal(SYNC_PROTOCOL_VERSION).default(SYNC_PROTOCOL_VERSION),
  scans: z.array(scanUploadItemSchema).min(1).max(MAX_SCANS_PER_UPLOAD),
});

/**
 * The server's answer for one uploaded scan: `stored` when first recorded, `replayed` when the
 * scanId was already known (the stored outcome is repeated, nothing is counted twice).
 * `duplicate` marks an offline admission that repeats an earlier one (see resolveAdmissions).
 */
export const scanOutcomeSchema = z.object({
  scanId: uuidSchema,
  status: z.enum(['stored', 'replayed']),
  result: checkinResultSchema,
  reason: checkinReasonSchema,
  ticketId: uuidSchema.optional(),
  duplicate: z.boolean(),
});

/** The response to a scan upload, one outcome per scan, in the order sent. */
export const scanUploadResultSchema = z.object({
  v: z.literal(SYNC_PROTOCOL_VERSION),
  outcomes: z.array(scanOutcomeSchema),
});

export type ScanUploadItem = z.infer<typeof scanUploadItemSchema>;
export type ScanUploadItemInput = z.input<typeof scanUploadItemSchema>;
export type ScanUpload = z.infer<typeof scanUploadSchema>;
export type ScanOutcome = z.infer<typeof scanOutcomeSchema>;
export type ScanUploadResult = z.infer<typeof scanUploadResultSchema>;
