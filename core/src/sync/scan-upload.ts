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

/** One scan a kiosk made, uploaded to `POST /api/v1/events/{eventId}/scans`. */
export const scanUploadItemSchema = z.object({
  /** Made by the kiosk when it scanned (UUID); the server applies each scanId once. */
  scanId: uuidSchema,
  /** The exact scanned text. */
  token: z.string().max(MAX_SCANNED_TEXT_LENGTH),
  /** The kiosk's clock at the scan; the server corrects it by the device's known offset. */
  scannedAt: instantSchema,
  deviceId: uuidSchema,
  gate: z.string().min(1).max(64).optional(),
  direction: scanDirectionSchema.default('entry'),
  /** The check-in list the kiosk scanned for; absent: the event's default list. */
  listId: uuidSchema.optional(),
  /** What the kiosk answered offline; absent when it asked the server online. */
  deviceResult: checkinResultSchema.optional(),
});

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
