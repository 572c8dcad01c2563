import type { RequestHandler } from 'express';
import { clientIp, type RateGate } from '../../platform/ratelimit/gate.js';

/**
 * Every request that opens a ticket, order or waitlist place with an access key (`?key=` or
 * X-Access-Key) counts against its address, before the key is looked up: keys are long enough
 * not to be guessed, and this keeps it so.
 */
export function accessKeyLimit(limits: RateGate): RequestHandler {
  return (req, res, next) => {
    const hasKey = req.query.key !== undefined || req.headers['x-access-key'] !== undefined;
    if (!hasKey || !limits.enabled) return next();
    limits.take(res, ['access-key-ip', clientIp(req)]).then(() => next(), next);
  };
}
