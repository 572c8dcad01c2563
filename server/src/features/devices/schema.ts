import { z } from 'zod';

const Uuid = z.uuid({ message: 'must be a UUID' });
const Name = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters');

export const EventIdParams = z.strictObject({ eventId: Uuid });
export const DeviceParams = z.strictObject({ eventId: Uuid, deviceId: Uuid });

export const CreateDeviceBody = z.strictObject({ name: Name });
export const RenameDeviceBody = z.strictObject({ name: Name });
export const EnrollBody = z.strictObject({
  code: z.string().max(100, 'must be at most 100 characters'),
});

export const DeviceStatus = z.enum(['pending', 'active', 'revoked']);

export const Device = z.object({
  id: Uuid,
  eventId: Uuid,
  name: z.string(),
  /** pending: waiting for its enrollment code; active: enrolled; revoked: refused from now on. */
  status: DeviceStatus,
  enrollmentExpiresAt: z.string(),
  enrolledAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  createdAt: z.string(),
  /** When it last reached the server (scan, sync), to within about half a minute; null: never. */
  lastSeenAt: z.string().nullable(),
});
export type Device = z.infer<typeof Device>;

export const CreatedDevice = Device.extend({
  /** Shown once: the kiosk redeems it at `POST /api/v1/devices/enroll`. */
  enrollmentCode: z.string(),
  /** The same code as a URI naming this server, for a QR code a kiosk scans. */
  enrollmentUri: z.string(),
  /** The staff phone app with the code, for a QR code a phone's camera opens (docs/mobile.md). */
  staffAppUrl: z.string(),
});
export type CreatedDevice = z.infer<typeof CreatedDevice>;

export const DeviceList = z.object({ items: z.array(Device) });

export const Enrollment = z.object({
  deviceId: Uuid,
  eventId: Uuid,
  name: z.string(),
  clientId: z.string(),
  /** Shown once; the kiosk keeps it. */
  clientSecret: z.string(),
  tokenEndpoint: z.string(),
  issuer: z.string(),
  /** The scope the device's tokens carry. */
  scope: z.literal('checkin'),
});
export type Enrollment = z.infer<typeof Enrollment>;
