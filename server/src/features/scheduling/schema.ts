import { z } from 'zod';
import { Uuid } from '../events/schema.js';
import { CONFLICT_KINDS } from './conflicts.js';

// Request and response shapes of the scheduling API. Times are ISO 8601 instants with an offset;
// they are stored and returned in UTC.

export const EventParams = z.strictObject({ eventId: Uuid });
export const ItemParams = z.strictObject({ eventId: Uuid, id: Uuid });
export const VersionParams = z.strictObject({
  eventId: Uuid,
  version: z.coerce.number().int().min(1, 'must be a release number'),
});

const Instant = z.iso
  .datetime({ offset: true, message: 'must be an ISO 8601 date-time with an offset' })
  .transform((v) => new Date(v).toISOString());
const Name = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(200, 'must be at most 200 characters');
const Text = (max: number) => z.string().max(max, `must be at most ${max} characters`);
const Count = z
  .number()
  .int('must be a whole number')
  .min(0, 'must not be negative')
  .max(1_000_000);

export const Window = z
  .strictObject({ start: Instant, end: Instant })
  .refine((w) => w.start < w.end, { message: 'start must be before end' });
const Windows = z.array(Window).max(100);

const roomFields = {
  name: Name,
  capacity: Count.nullable(),
  availability: Windows,
  travelMinutes: z.record(Uuid, z.number().int().min(0).max(1440)),
  position: z.number().int().min(0).max(10_000),
};
export const CreateRoomBody = z.strictObject({
  ...roomFields,
  capacity: roomFields.capacity.default(null),
  availability: roomFields.availability.default([]),
  travelMinutes: roomFields.travelMinutes.default({}),
  position: roomFields.position.default(0),
});
export const UpdateRoomBody = z.strictObject(roomFields).partial();

const trackFields = {
  name: Name,
  color: z
    .string()
    .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1a2b3c')
    .nullable(),
};
export const CreateTrackBody = z.strictObject({
  ...trackFields,
  color: trackFields.color.default(null),
});
export const UpdateTrackBody = z.strictObject(trackFields).partial();

const speakerFields = {
  name: Name,
  bio: Text(10_000).nullable(),
  email: z.email('must be an email address').nullable(),
  availability: Windows,
  /** One of the organization's accounts, when the speaker is one of the organizers. */
  accountId: z.uuid('must be an account id').nullable(),
};
export const CreateSpeakerBody = z.strictObject({
  ...speakerFields,
  bio: speakerFields.bio.default(null),
  email: speakerFields.email.default(null),
  availability: speakerFields.availability.default([]),
  accountId: speakerFields.accountId.default(null),
});
export const UpdateSpeakerBody = z.strictObject(speakerFields).partial();

const sessionFields = {
  title: Text(300).trim().min(1, 'must not be empty'),
  abstract: Text(20_000).nullable(),
  kind: Text(50).trim().min(1, 'must not be empty'),
  durationMinutes: z
    .number()
    .int('must be whole minutes')
    .min(1)
    .max(24 * 60),
  speakerIds: z
    .array(Uuid)
    .max(50)
    .refine((ids) => new Set(ids).size === ids.length, { message: 'must not repeat a speaker' }),
  trackId: Uuid.nullable(),
  language: Text(20).nullable(),
  signupCapacity: Count.nullable(),
  status: z.enum(['unconfirmed', 'confirmed', 'cancelled']),
};
export const CreateSessionBody = z.strictObject({
  ...sessionFields,
  abstract: sessionFields.abstract.default(null),
  kind: sessionFields.kind.default('talk'),
  speakerIds: sessionFields.speakerIds.default([]),
  trackId: sessionFields.trackId.default(null),
  language: sessionFields.language.default(null),
  signupCapacity: sessionFields.signupCapacity.default(null),
  status: sessionFields.status.default('unconfirmed'),
});
export const UpdateSessionBody = z.strictObject(sessionFields).partial();

const slotFields = {
  kind: z.enum(['session', 'break', 'blocker']),
  sessionId: Uuid.nullable(),
  roomId: Uuid.nullable(),
  startsAt: Instant,
  /** Defaults to startsAt + the session's duration. */
  endsAt: Instant,
  title: Text(200).nullable(),
};
export const CreateSlotBody = z.strictObject({
  ...slotFields,
  kind: slotFields.kind.default('session'),
  sessionId: slotFields.sessionId.default(null),
  roomId: slotFields.roomId.default(null),
  endsAt: slotFields.endsAt.optional(),
  title: slotFields.title.default(null),
});
export const UpdateSlotBody = z.strictObject(slotFields).partial();

export type CreateRoomInput = z.output<typeof CreateRoomBody>;
export type CreateTrackInput = z.output<typeof CreateTrackBody>;
export type CreateSpeakerInput = z.output<typeof CreateSpeakerBody>;
export type CreateSessionInput = z.output<typeof CreateSessionBody>;
export type CreateSlotInput = z.output<typeof CreateSlotBody>;

const SeverityEnum = z.enum(['block', 'warn', 'ignore']);
export const SeveritiesBody = z.partialRecord(z.enum(CONFLICT_KINDS), SeverityEnum);

export const ReleaseBody = z.strictObject({
  comment: Text(2000).trim().min(1, 'must say what changed'),
  /** Release with sessions unscheduled, unconfirmed or without a room; blocking conflicts still refuse. */
  allowIncomplete: z.boolean().default(false),
});
export const ResetBody = z.strictObject({ version: z.number().int().min(1) });
export const DiffQuery = z.strictObject({
  from: z.coerce.number().int().min(0).optional(),
  to: z.coerce.number().int().min(1).optional(),
});

// Responses (documentation; handlers return the domain objects as they are).
const WindowOut = z.object({ start: z.string(), end: z.string() });
export const RoomOut = z.object({
  id: z.uuid(),
  name: z.string(),
  capacity: z.number().nullable(),
  availability: z.array(WindowOut),
  travelMinutes: z.record(z.string(), z.number()),
  position: z.number(),
});
export const TrackOut = z.object({ id: z.uuid(), name: z.string(), color: z.string().nullable() });
export const SpeakerOut = z.object({
  id: z.uuid(),
  number: z.number(),
  name: z.string(),
  bio: z.string().nullable(),
  email: z.string().nullable(),
  availability: z.array(WindowOut),
  accountId: z.uuid().nullable(),
});
export const SessionOut = z.object({
  id: z.uuid(),
  number: z.number(),
  title: z.string(),
  abstract: z.string().nullable(),
  kind: z.string(),
  durationMinutes: z.number(),
  speakerIds: z.array(z.uuid()),
  trackId: z.uuid().nullable(),
  language: z.string().nullable(),
  signupCapacity: z.number().nullable(),
  status: z.enum(['unconfirmed', 'confirmed', 'cancelled']),
});
export const SlotOut = z.object({
  id: z.uuid(),
  number: z.number(),
  kind: z.enum(['session', 'break', 'blocker']),
  sessionId: z.uuid().nullable(),
  roomId: z.uuid().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
  title: z.string().nullable(),
});
export const ProgramOut = z.object({
  timezone: z.string(),
  rooms: z.array(RoomOut),
  tracks: z.array(TrackOut),
  speakers: z.array(SpeakerOut),
  sessions: z.array(SessionOut),
  slots: z.array(SlotOut),
});
export const ConflictOut = z.object({
  kind: z.enum(CONFLICT_KINDS),
  severity: z.enum(['block', 'warn']),
  message: z.string(),
  slotIds: z.array(z.string()),
  sessionIds: z.array(z.string()),
  roomId: z.string().nullable(),
  speakerId: z.string().nullable(),
});
export const ChecklistOut = z.object({
  ready: z.boolean(),
  items: z.array(
    z.object({
      check: z.enum(['unscheduled', 'unconfirmed', 'no_room', 'blocking_conflicts']),
      count: z.number(),
      sessionIds: z.array(z.string()),
    }),
  ),
});
export const ConflictsOut = z.object({
  severities: z.record(z.string(), SeverityEnum),
  conflicts: z.array(ConflictOut),
  checklist: ChecklistOut,
});
export const DraftOut = ProgramOut.extend({
  conflicts: z.array(ConflictOut),
  checklist: ChecklistOut,
});
const Placement = z.object({
  roomId: z.string().nullable(),
  room: z.string().nullable(),
  startsAt: z.string(),
  endsAt: z.string(),
});
const Placed = z.object({
  sessionId: z.string(),
  title: z.string(),
  placements: z.array(Placement),
});
export const DiffOut = z.object({
  new: z.array(Placed),
  cancelled: z.array(Placed),
  moved: z.array(
    z.object({
      sessionId: z.string(),
      title: z.string(),
      from: z.array(Placement),
      to: z.array(Placement),
    }),
  ),
  renamed: z.array(z.object({ sessionId: z.string(), from: z.string(), to: z.string() })),
  speakersChanged: z.array(
    z.object({
      sessionId: z.string(),
      title: z.string(),
      added: z.array(z.string()),
      removed: z.array(z.string()),
    }),
  ),
});
export const ReleaseSummaryOut = z.object({
  version: z.number(),
  comment: z.string(),
  releasedAt: z.string(),
  releasedBy: z.string(),
  counts: z.record(z.string(), z.number()),
});
export const ReleaseOut = ReleaseSummaryOut.extend({ diff: DiffOut, program: ProgramOut });
export const DiffResultOut = z.object({ from: z.number(), to: z.number(), diff: DiffOut });
