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
            method: req.method,
            url: req.originalUrl,
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

/** Attendee access keys travel in ticket links (`?key=`); they must not land in logs. */
export const redactKeys = (url: string) => url.replace(/([?&]key=)[^&#]*/gi, '$1[redacted]');
