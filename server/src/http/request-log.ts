import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import type { Logger } from '../platform/log.js';

declare module 'express-serve-static-core' {
  interface Request {
    id: string;
    /** A logger carrying this request's id (made on first use). */
    log: Logger;
  }
}

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/**
 * Gives each request an id (the caller's X-Request-Id when well-formed), echoes it, and logs one
 * line when the response finishes. Child loggers are made only when a handler logs, since
 * building one per request costs more than the rest of a cached GET.
 */
export function requestLog(log: Logger, quiet: (path: string) => boolean): RequestHandler {
  return (req, res, next) => {
    const given = req.headers['x-request-id'];
    const id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    req.id = id;
    res.setHeader('X-Request-Id', id);
    let child: Logger | undefined;
    Object.defineProperty(req, 'log', {
      configurable: true,
      get: () => (child ??= log.child({ reqId: id })),
    });
    if (log.isLevelEnabled('info') && !quiet(req.path)) {
      const started = process.hrtime.bigint();
      res.on('finish', () => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        log.info(
          {
            reqId: id,
            ...(req.traceId && { trace_id: req.traceId }),
            method: req.method,
            url: redactUrl(req.originalUrl),
            status: res.statusCode,
            ms: Math.round(ms * 10) / 10,
          },
          'request',
        );
      });
    }
    next();
  };
}

// Query parameters that carry a credential: attendee access keys (`?key=` in ticket links),
// access codes, OAuth codes and tokens, device codes.
const SECRET_PARAMS =
  /([?&](?:key|code|token|access_token|refresh_token|id_token|client_secret|user_code|password|secret)=)[^&#]*/gi;
// A ticket token (the QR code's text, `LY1:` + base32) is a credential wherever it appears.
const TICKET_TOKEN = /LY1(?::|%3A)[A-Z2-7=]+/gi;

/** The URL as it may be logged: credentials in the query or path replaced by `[redacted]`. */
export const redactUrl = (url: string) =>
  url.replace(SECRET_PARAMS, '$1[redacted]').replace(TICKET_TOKEN, 'LY1:[redacted]');
