import { z } from 'zod';
import { IMAGE_SLOTS, IMAGE_TYPES, MAX_IMAGE_BYTES } from './images.js';

const Text = (max: number) =>
  z.string().trim().max(max, `must be at most ${max} characters`).nullable().optional();
const WebLink = z
  .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
  .max(500, 'must be at most 500 characters')
  .nullable()
  .optional();

/**
 * How the public page presents the event and its organizer. Every field is optional; a missing
 * one is null. Written whole: what is left out is cleared.
 */
export const BrandingBody = z
  .strictObject({
    /** The portal's accent (buttons, links' underline, the header band), e.g. #1f4fd1. */
    accentColor: z
      .string()
      .regex(/^#[0-9a-fA-F]{6}$/, 'must be a colour like #1f4fd1')
      .nullable()
      .optional(),
    organizerName: Text(200),
    contactEmail: z.email({ message: 'must be an email address' }).max(254).nullable().optional(),
    contactPhone: Text(40),
    contactAddress: Text(500),
    /** The legal notice (Impressum): who is responsible, registration numbers; plain text. */
    imprint: Text(2000),
    /** With either link, registration asks the buyer to agree, and the order records it. */
    termsUrl: WebLink,
    privacyUrl: WebLink,
  })
  .transform((b) => ({
    accentColor: b.accentColor?.toLowerCase() ?? null,
    organizerName: b.organizerName || null,
    contactEmail: b.contactEmail || null,
    contactPhone: b.contactPhone || null,
    contactAddress: b.contactAddress || null,
    imprint: b.imprint || null,
    termsUrl: b.termsUrl || null,
    privacyUrl: b.privacyUrl || null,
  }));
export type Branding = z.output<typeof BrandingBody>;

export const NO_BRANDING: Branding = BrandingBody.parse({});

export const Branding = z.object({
  accentColor: z.string().nullable(),
  organizerName: z.string().nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactAddress: z.string().nullable(),
  imprint: z.string().nullable(),
  termsUrl: z.string().nullable(),
  privacyUrl: z.string().nullable(),
});

/** An uploaded image as the organizer's API shows it. */
export const EventImage = z.object({
  /** Public, versioned by content: cached for a year. */
  url: z.string(),
  contentType: z.enum(IMAGE_TYPES),
  bytes: z.number().int(),
  /** sha256 of the bytes, hex: `lanyard apply` compares it with the file's. */
  sha256: z.string(),
});
export type EventImage = z.output<typeof EventImage>;

export const EventImages = z.object({ logo: EventImage.nullable(), banner: EventImage.nullable() });
export type EventImages = z.output<typeof EventImages>;

export const ImageParams = z.strictObject({
  eventId: z.uuid({ message: 'must be a UUID' }),
  slot: z.enum(IMAGE_SLOTS, { message: "must be 'logo' or 'banner'" }),
});

export const ImageQuery = z.strictObject({ v: z.string().max(64).optional() });

export const ImageUploadBody = z.strictObject({
  contentType: z.enum(IMAGE_TYPES, { message: 'must be image/png, image/jpeg or image/webp' }),
  /** The file, base64. */
  data: z
    .string()
    .max(Math.ceil(MAX_IMAGE_BYTES / 3) * 4 + 4, `must be at most ${MAX_IMAGE_BYTES / 1024} KiB`)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64'),
});
