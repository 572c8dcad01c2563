import type { IncomingMessage, ServerResponse } from 'node:http';
import { readJsonBody } from '../api/body.js';
import type { LocalRoute } from '../api/local-api.js';
import { LocalApiError, sendJson } from '../api/problem.js';
import type { BadgePrinting } from './badge-printing.js';
import { PrintingError } from './print-job.js';

const MAX_REASON = 200;

/**
 * `GET /api/prints` (the print log, newest first) and `POST /api/prints` `{ticketId, reason}`
 * (a reprint), both for staff only.
 */
export function printRoutes(
  printing: BadgePrinting | undefined,
  requireStaff: (req: IncomingMessage) => void,
): LocalRoute {
  return async (req: IncomingMessage, url: URL, res: ServerResponse) => {
    if (url.pathname !== '/api/prints') return false;
    requireStaff(req);
    if (!printing) throw new LocalApiError(404, 'printing_off', 'no printer is set on this kiosk');
    if (req.method === 'GET') {
      sendJson(res, 200, { prints: printing.recent(50), printer: printing.status() });
      return true;
    }
    if (req.method !== 'POST') {
      res.setHeader('allow', 'GET, POST');
      throw new LocalApiError(405, 'method_not_allowed', 'use GET or POST /api/prints');
    }
    const body = (await readJsonBody(req)) as { ticketId?: unknown; reason?: unknown } | null;
    const ticketId = body?.ticketId;
    const reason = body?.reason;
    if (typeof ticketId !== 'string' || ticketId === '' || ticketId.length > 100) {
      throw new LocalApiError(400, 'bad_data', 'ticketId must be the ticket id');
    }
    if (typeof reason !== 'string' || reason.length > MAX_REASON) {
      throw new LocalApiError(
        400,
        'bad_data',
        `reason must be text up to ${MAX_REASON} characters`,
      );
    }
    try {
      sendJson(res, 202, { job: printing.reprint(ticketId, reason) });
    } catch (error) {
      if (!(error instanceof PrintingError)) throw error;
      const status = error.code === 'reason_required' ? 400 : 409;
      throw new LocalApiError(status, error.code, error.message);
    }
    return true;
  };
}
