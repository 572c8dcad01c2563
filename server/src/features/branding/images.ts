// The event's logo and banner: which files are taken. Pure: no I/O.

export const IMAGE_SLOTS = ['logo', 'banner'] as const;
export type ImageSlot = (typeof IMAGE_SLOTS)[number];

export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export type ImageType = (typeof IMAGE_TYPES)[number];

/**
 * 512 KiB: plenty for a logo or a 1600-pixel banner as WebP or JPEG, and its base64 stays under
 * the API's 1 MiB body limit. Every visitor of the event page loads it.
 */
export const MAX_IMAGE_BYTES = 512 * 1024;

/** The type the file's first bytes say it is; undefined for anything else. */
export function sniffImageType(bytes: Uint8Array): ImageType | undefined {
  const starts = (sig: number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
  if (starts([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (starts([0xff, 0xd8, 0xff])) return 'image/jpeg';
  // RIFF....WEBP
  if (starts([0x52, 0x49, 0x46, 0x46]) && starts([0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return undefined;
}

/** Why the upload is refused, or undefined: empty, too large, or not the type it claims. */
export function imageProblem(bytes: Uint8Array, claimed: ImageType): string | undefined {
  if (bytes.length === 0) return 'is empty';
  if (bytes.length > MAX_IMAGE_BYTES) return `must be at most ${MAX_IMAGE_BYTES / 1024} KiB`;
  const actual = sniffImageType(bytes);
  if (!actual) return 'is not a PNG, JPEG or WebP image';
  if (actual !== claimed) return `is ${actual}, not ${claimed}`;
  return undefined;
}

/** Where anyone loads the image; the digest in the query makes each version its own URL. */
export const imageUrl = (eventId: string, slot: ImageSlot, digest: string) =>
  `/api/v1/public/events/${eventId}/images/${slot}?v=${digest.slice(0, 16)}`;
