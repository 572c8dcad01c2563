import type { Queryable } from '../../platform/db/db.js';
import { imageUrl, type ImageSlot, type ImageType } from './images.js';
import type { EventImage, EventImages } from './schema.js';

// All SQL of the event's images (event_images).

export async function putImage(
  q: Queryable,
  i: { eventId: string; slot: ImageSlot; contentType: ImageType; bytes: Buffer; digest: string },
): Promise<void> {
  await q.query(
    `INSERT INTO event_images (event_id, slot, content_type, bytes, digest) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (event_id, slot) DO UPDATE
       SET content_type = excluded.content_type, bytes = excluded.bytes, digest = excluded.digest,
           updated_at = now()`,
    [i.eventId, i.slot, i.contentType, i.bytes, i.digest],
  );
}

/** Removes the image; false when there was none. */
export async function deleteImage(
  q: Queryable,
  eventId: string,
  slot: ImageSlot,
): Promise<boolean> {
  const { rowCount } = await q.query('DELETE FROM event_images WHERE event_id = $1 AND slot = $2', [
    eventId,
    slot,
  ]);
  return rowCount > 0;
}

/** The image's bytes for anyone: only of an event that is not archived. */
export async function findPublicImage(
  q: Queryable,
  eventId: string,
  slot: ImageSlot,
): Promise<{ contentType: string; bytes: Buffer; digest: string } | undefined> {
  const { rows } = await q.query<{ contentType: string; bytes: Buffer; digest: string }>(
    `SELECT i.content_type AS "contentType", i.bytes, i.digest
       FROM event_images i JOIN events e ON e.id = i.event_id
      WHERE i.event_id = $1 AND i.slot = $2 AND e.archived_at IS NULL`,
    [eventId, slot],
  );
  return rows[0];
}

/** The event's images without their bytes. */
export async function listImages(q: Queryable, eventId: string): Promise<EventImages> {
  const { rows } = await q.query<{
    slot: ImageSlot;
    content_type: EventImage['contentType'];
    size: number;
    digest: string;
  }>(
    `SELECT slot, content_type, octet_length(bytes) AS size, digest
       FROM event_images WHERE event_id = $1`,
    [eventId],
  );
  const of = (slot: ImageSlot): EventImage | null => {
    const r = rows.find((x) => x.slot === slot);
    return r
      ? {
          url: imageUrl(eventId, slot, r.digest),
          contentType: r.content_type,
          bytes: Number(r.size),
          sha256: r.digest,
        }
      : null;
  };
  return { logo: of('logo'), banner: of('banner') };
}
