import type { Db } from '../../platform/db/db.js';
import { route, type AnyRoute } from '../../http/route.js';
import { notFound } from '../../platform/errors.js';
import { actor } from '../identity/principal.js';
import { EventIdParams } from '../events/schema.js';
import { EventImage, EventImages, ImageParams, ImageQuery, ImageUploadBody } from './schema.js';
import * as service from './service.js';
import { findPublicImage } from './store.js';

const tags = ['branding'];

/** The event's logo and banner: uploaded by the organizer, served to anyone. */
export function brandingRoutes(db: Db): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/v1/events/{eventId}/images',
      operationId: 'listEventImages',
      summary: "The event's logo and banner (null when none), with their public URLs",
      tags,
      auth: 'events:read',
      params: EventIdParams,
      responses: { 200: { description: 'The images', schema: EventImages } },
      handler: async ({ params, principal }) => ({
        status: 200,
        body: await service.listEventImages(db, actor(principal), params.eventId),
      }),
    }),
    route({
      method: 'put',
      path: '/api/v1/events/{eventId}/images/{slot}',
      operationId: 'putEventImage',
      summary:
        'Upload the logo or banner: PNG, JPEG or WebP, at most 512 KiB, base64 in JSON; the bytes must be the type named',
      tags,
      auth: 'events:write',
      params: ImageParams,
      body: ImageUploadBody,
      responses: {
        200: { description: 'The stored image', schema: EventImage },
        400: { description: '`validation_failed`: not that image type, empty or too large' },
        409: { description: '`event_archived`' },
      },
      handler: async ({ params, body, principal }) => ({
        status: 200,
        body: await service.putEventImage(db, actor(principal), params.eventId, params.slot, body),
      }),
    }),
    route({
      method: 'delete',
      path: '/api/v1/events/{eventId}/images/{slot}',
      operationId: 'deleteEventImage',
      summary: 'Remove the logo or banner',
      tags,
      auth: 'events:write',
      params: ImageParams,
      responses: { 204: { description: 'Removed' }, 404: { description: 'There was none' } },
      handler: async ({ params, principal }) => {
        await service.deleteEventImage(db, actor(principal), params.eventId, params.slot);
        return { status: 204 };
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/public/events/{eventId}/images/{slot}',
      operationId: 'getPublicEventImage',
      summary:
        "The event's logo or banner. Its URL carries the version (`?v=`): that one is cached for a year; without it, revalidated by ETag",
      tags,
      auth: 'public',
      params: ImageParams,
      query: ImageQuery,
      responses: {
        200: { description: 'The image', contentType: 'image/*' },
        304: { description: 'Not modified (If-None-Match)' },
        404: { description: 'No such image, or the event is archived' },
      },
      handler: async ({ params, query, req, res }) => {
        const image = await findPublicImage(db, params.eventId, params.slot);
        if (!image) throw notFound('image', params.slot);
        const etag = `"${image.digest}"`;
        const current =
          query.v !== undefined && image.digest.startsWith(query.v) && query.v.length >= 16;
        res.setHeader(
          'Cache-Control',
          // A versioned URL never changes content; an unversioned or stale one may.
          current ? 'public, max-age=31536000, immutable' : 'public, max-age=60, must-revalidate',
        );
        res.setHeader('ETag', etag);
        // The type was checked at upload; nosniff (helmet) keeps browsers to it.
        if (req.headers['if-none-match'] === etag) res.status(304).end();
        else res.status(200).type(image.contentType).end(image.bytes);
        return undefined;
      },
    }),
  ];
}
