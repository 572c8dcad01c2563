import type { RequestHandler } from 'express';
import { clientIp, type RateGate } from '../../platform/ratelimit/gate.js';
import { problemHandler } from '../../http/problem.js';

/**
 * The token endpoint counts per client address and, with client_secret_basic, per client id,
 * before the secret is checked; over either it answers 429 problem+json, not oidc-provider's error.
 */
export function tokenEndpointLimit(limits: RateGate): RequestHandler {
  return (req, res, next) => {
    if (!limits.enabled) return next();
    const checks: Parameters<RateGate['take']>[1][] = [['token-ip', clientIp(req)]];
    const client = basicClientId(req.headers.authorization);
    if (client) checks.push(['token-client', client]);
    limits.take(res, ...checks).then(
      () => next(),
      (err: unknown) => problemHandler(err, req, res, next),
    );
  };
}

/** The client id of an `Authorization: Basic` header (RFC 6749 §2.3.1: form-encoded), if any. */
function basicClientId(header: string | undefined): string | undefined {
  const m = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
  if (!m) return undefined;
  const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  try {
    return decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}
