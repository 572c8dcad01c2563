import type { Db } from '../../platform/db/db.js';
import { route, type AnyRoute } from '../../http/route.js';
import { actor } from '../identity/principal.js';
import { Report, ReportParams, ReportQuery } from './schema.js';
import { getReport } from './service.js';
import { reportCsv } from './tables.js';

export function reportRoutes(db: Db): AnyRoute[] {
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
          actor(principal),
          params.eventId,
          params.kind,
          query.bucket,
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
  ];
}
