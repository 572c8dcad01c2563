import type { Db } from '../../platform/db/db.js';
import { route, type AnyRoute } from '../../http/route.js';
import { actor } from '../identity/principal.js';
import { EventIdParams } from '../events/schema.js';
import type { SalesStreams } from '../sales/stream.js';
import { doorSnapshot } from './door-service.js';
import { DoorQuery, Report, ReportParams, ReportQuery } from './schema.js';
import type { ReportSource } from './report-source.js';
import { getReport } from './service.js';
import { reportCsv } from './tables.js';

export function reportRoutes(db: Db, source: ReportSource, doorStreams: SalesStreams): AnyRoute[] {
  return [
    route({
      method: 'get',
      path: '/api/v1/events/{eventId}/reports/{kind}',
      operationId: 'getReport',
      summary:
        'A report of the event: sales, orders-by-status, refunds, promo-codes, answers, waitlist or no-shows; JSON, or CSV with `Accept: text/csv` or `?format=csv`. Time buckets (sales, refunds) are in the event’s time zone',
      tags: ['reports'],
      auth: 'events:read',
      params: ReportParams,
      query: ReportQuery,
      responses: {
        200: { description: 'The report (CSV: its columns as the header)', schema: Report },
        404: { description: '`event_not_found`' },
      },
      handler: async ({ params, query, principal, req, res }) => {
        const report = await getReport(
          db,
          source,
          actor(principal),
          params.eventId,
          params.kind,
          query.bucket,
          {
            from: query.from,
            to: query.to,
          },
        );
        const format =
          query.format ??
          (req.accepts(['application/json', 'text/csv']) === 'text/csv' ? 'csv' : 'json');
        res.setHeader('Vary', 'Accept');
        if (format === 'json') return { status: 200, body: report };
        res
          .status(200)
          .type('text/csv; charset=utf-8')
          .attachment(`${params.kind}-${params.eventId}.csv`)
          .send(reportCsv(report));
        return undefined;
      },
    }),
    route({
      method: 'get',
      path: '/api/v1/events/{eventId}/door',
      operationId: 'getDoorView',
      summary:
        'The door now: admitted arrivals per minute by gate and by check-in list, people inside, each device’s scans per minute (last 5 minutes), the next hour’s arrival forecast (Holt’s linear smoothing capped by registrations still expected) and the lanes (M/M/c) that keep the mean queue wait under the target',
      tags: ['reports'],
      auth: 'events:read',
      params: EventIdParams,
      query: DoorQuery,
      responses: {
        200: { description: 'The door view' },
        404: { description: '`event_not_found`' },
      },
      handler: async ({ params, query, principal }) => ({
        status: 200,
        body: await doorSnapshot(db, actor(principal).organizationId, params.eventId, query),
      }),
    }),
    route({
      method: 'get',
      path: '/api/v1/events/{eventId}/door/stream',
      operationId: 'streamDoorView',
      summary:
        'Server-Sent Events: a `door` event with the door view at once, then one each time it changes (read once a second, as the sales monitor’s stream); a comment every 15 s',
      tags: ['reports'],
      auth: 'events:read',
      params: EventIdParams,
      query: DoorQuery,
      responses: {
        200: {
          description: 'text/event-stream; each `data:` line is a door view',
          contentType: 'text/event-stream',
        },
        404: { description: '`event_not_found`' },
      },
      handler: async ({ params, query, principal, res }) => {
        const variant = new URLSearchParams(
          Object.entries(query).map(([k, v]) => [k, String(v)]),
        ).toString();
        await doorStreams.serve(res, actor(principal).organizationId, params.eventId, variant);
        return undefined;
      },
    }),
  ];
}
