import { createHash } from 'node:crypto';
import type { Db } from '../../platform/db/db.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { appendAudit } from '../audit/service.js';
import { findEvent } from '../events/store.js';
import type { Principal } from '../identity/principal.js';
import { imageProblem, type ImageSlot, type ImageType } from './images.js';
import type { EventImage, EventImages } from './schema.js';
import * as store from './store.js';

export async function listEventImages(
  db: Db,
  actor: Principal,
  eventId: string,
): Promise<EventImages> {
  if (!(await findEvent(db, actor.organizationId, eventId))) throw notFound('event', eventId);
  return store.listImages(db, eventId);
}

/** Stores the event's logo or banner after checking its bytes are the image type it claims. */
export async function putEventImage(
  db: Db,
  actor: Principal,
  eventId: string,
  slot: ImageSlot,
  upload: { contentType: ImageType; data: string },
): Promise<EventImage> {
  const bytes = Buffer.from(upload.data, 'base64');
  const problem = imageProblem(bytes, upload.contentType);
  if (problem)
    throw invalid('validation_failed', `data: ${problem}`, [{ field: 'data', message: problem }]);
  const digest = createHash('sha256').update(bytes).digest('hex');
  return db.transaction(async (tx) => {
    await changeableEvent(tx, actor, eventId);
    await store.putImage(tx, { eventId, slot, contentType: upload.contentType, bytes, digest });
    await changed(tx, actor, eventId, `event.${slot}_changed`, {
      contentType: upload.contentType,
      bytes: bytes.length,
      sha256: digest,
    });
    return (await store.listImages(tx, eventId))[slot]!;
  });
}

export async function deleteEventImage(
  db: Db,
  actor: Principal,
  eventId: string,
  slot: ImageSlot,
): Promise<void> {
  await db.transaction(async (tx) => {
    await changeableEvent(tx, actor, eventId);
    if (!(await store.deleteImage(tx, eventId, slot))) throw notFound(slot, eventId);
    await changed(tx, actor, eventId, `event.${slot}_removed`, null);
  });
}

async function changeableEvent(
  tx: Parameters<typeof findEvent>[0],
  actor: Principal,
  eventId: string,
) {
  const event = await findEvent(tx, actor.organizationId, eventId, true);
  if (!event) throw notFound('event', eventId);
  if (event.status === 'archived')
    throw conflict('event_archived', 'An archived event cannot be changed.');
}

/** Audited; the public page's cache hears of it from the request (portal/public-cache.ts). */
async function changed(
  tx: Parameters<typeof findEvent>[0],
  actor: Principal,
  eventId: string,
  action: string,
  after: Record<string, unknown> | null,
) {
  await appendAudit(tx, actor, {
    action,
    objectType: 'event',
    objectId: eventId,
    eventId,
    ...(after ? { after } : {}),
  });
}
