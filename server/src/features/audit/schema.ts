import { z } from 'zod';

export const AuditQuery = z.strictObject({
  since: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }).optional(),
  actor: z.string().min(1).max(200).optional(),
  action: z.string().min(1).max(100).optional(),
  eventId: z.uuid({ message: 'must be a UUID' }).optional(),
  cursor: z
    .string()
    .regex(/^[1-9]\d{0,15}$/, 'is not a cursor this server gave out')
    .transform(Number)
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const EventAuditQuery = AuditQuery.omit({ eventId: true });

export const AuditEntry = z.object({
  seq: z.number().int(),
  at: z.string(),
  organizationId: z.string(),
  eventId: z.string().nullable(),
  actor: z.object({
    subject: z.string().nullable(),
    clientId: z.string().nullable(),
    deviceId: z.string().nullable(),
  }),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string().nullable(),
  payload: z.record(z.string(), z.unknown()).nullable(),
  payloadHash: z.string(),
  prevHash: z.string(),
  hash: z.string(),
  redactedAt: z.string().nullable(),
});

export const AuditPage = z.object({
  items: z.array(AuditEntry),
  nextCursor: z.string().nullable(),
});

const Problem = z.object({
  seq: z.number().int(),
  kind: z.enum([
    'gap',
    'broken_link',
    'hash_mismatch',
    'payload_hash_mismatch',
    'head_mismatch',
    'bad_checkpoint',
  ]),
  message: z.string(),
});

export const VerifyReport = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  head: z.object({ seq: z.number().int(), hash: z.string() }),
  checkpoints: z.number().int(),
  firstBad: Problem.nullable(),
  problems: z.array(Problem),
});

export const RedactParams = z.strictObject({
  seq: z
    .string()
    .regex(/^[1-9]\d{0,15}$/, 'must be an entry number')
    .transform(Number),
});
