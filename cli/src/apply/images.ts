import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { dirname, extname, resolve } from 'node:path';
import type { LanyardClient } from '../client/lanyard-client.js';
import { inputError } from '../errors.js';
import type { Change } from './plan.js';

// The event's logo and banner in the event file: `images: {logo: ./logo.png, banner: …}`, paths
// relative to the file. A slot the file leaves out is left alone (an exported file names none);
// null removes the image. Compared by the content's SHA-256, so an unchanged file uploads nothing.

export const IMAGE_SLOTS = ['logo', 'banner'] as const;
export type ImageSlot = (typeof IMAGE_SLOTS)[number];

const TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
};

export interface ImageFile {
  path: string;
  contentType: string;
  sha256: string;
  bytes: Buffer;
}

/** What the file asks per slot: an image, null (none), or nothing said (left alone). */
export type DesiredImages = Partial<Record<ImageSlot, ImageFile | null>>;
/** The server's images by slot: their digests, null when none. */
export type CurrentImages = Record<ImageSlot, { sha256: string } | null>;

/** Reads the images the event file names, relative to it. */
export async function readImages(
  eventFile: string,
  spec: Partial<Record<ImageSlot, string | null>> | undefined,
): Promise<DesiredImages> {
  const out: DesiredImages = {};
  for (const slot of IMAGE_SLOTS) {
    const named = spec?.[slot];
    if (named === undefined) continue;
    if (named === null) {
      out[slot] = null;
      continue;
    }
    const path = resolve(dirname(eventFile), named);
    const contentType = TYPES[extname(path).toLowerCase()];
    if (!contentType)
      throw inputError('image_type', `images.${slot}: ${named} must be a .png, .jpg or .webp file`);
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch {
      throw inputError('image_unreadable', `images.${slot}: cannot read ${path}`);
    }
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    out[slot] = { path: named, contentType, sha256, bytes };
  }
  return out;
}

export async function loadImages(client: LanyardClient, eventId: string): Promise<CurrentImages> {
  return client.http.json<CurrentImages>(
    'GET',
    `/api/v1/events/${encodeURIComponent(eventId)}/images`,
  );
}

/** The images' part of the plan. */
export function planImages(
  desired: DesiredImages,
  current: CurrentImages | undefined,
): Change<ImageFile | null>[] {
  return IMAGE_SLOTS.filter((slot) => desired[slot] !== undefined).map((slot) => {
    const want = desired[slot]!;
    const have = current?.[slot] ?? null;
    const base = { kind: 'image' as const, name: slot };
    if (want === null)
      return have
        ? { ...base, action: 'delete', diffs: [] }
        : { ...base, action: 'unchanged', diffs: [] };
    if (!have) return { ...base, action: 'create', desired: want, diffs: [] };
    if (have.sha256 === want.sha256) return { ...base, action: 'unchanged', diffs: [] };
    return {
      ...base,
      action: 'update',
      desired: want,
      diffs: [{ field: 'sha256', from: have.sha256.slice(0, 12), to: want.sha256.slice(0, 12) }],
    };
  });
}

/** Uploads or removes the images the plan changes. */
export async function applyImages(
  client: LanyardClient,
  eventId: string,
  changes: Change[],
): Promise<void> {
  for (const c of changes) {
    if (c.kind !== 'image') continue;
    const path = `/api/v1/events/${encodeURIComponent(eventId)}/images/${c.name}`;
    if (c.action === 'delete') await client.http.json<void>('DELETE', path);
    else if (c.action === 'create' || c.action === 'update') {
      const image = c.desired as ImageFile;
      await client.http.json('PUT', path, {
        contentType: image.contentType,
        data: image.bytes.toString('base64'),
      });
    }
  }
}
