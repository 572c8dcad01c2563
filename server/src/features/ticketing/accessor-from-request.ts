import type { Request, Response } from 'express';
import { DomainError, unauthenticated } from '../../platform/errors.js';
import type { Identity } from '../identity/index.js';
import type { Scope } from '../identity/principal.js';
import type { Accessor } from './access.js';

/**
 * The credential of a route open to the ticket's holder and to staff. A bearer token, when sent,
 * is the credential (verified as on every other route, and it must carry `scope`); otherwise the
 * access key from `X-Access-Key` or `?key=`. Neither is a 401.
 */
export async function accessorFromRequest(
  req: Request,
  res: Response,
  identity: Identity,
  scope: Scope,
  queryKey: string | undefined,
): Promise<Accessor> {
  if (req.headers.authorization !== undefined) {
    // Already verified (and its roles checked) when the route's access rule ran.
    if (!req.principal)
      await new Promise<void>((resolve, reject) =>
        identity.authenticate(req, res, (err?: unknown) => (err ? reject(err) : resolve())),
      );
    const principal = req.principal!;
    if (!principal.scopes.has(scope)) {
      throw new DomainError(
        'forbidden',
        'insufficient_scope',
        `This endpoint needs a token with the ${scope} scope.`,
        { requiredScope: scope },
      );
    }
    return { kind: 'staff', principal };
  }
  return holderFromRequest(req, queryKey);
}

/** The attendee's access key from `X-Access-Key` or `?key=`, for routes only they may call. */
export function holderFromRequest(req: Request, queryKey: string | undefined): Accessor {
  const header = req.headers['x-access-key'];
  const accessKey = (typeof header === 'string' && header.trim()) || queryKey;
  if (accessKey) return { kind: 'holder', accessKey };
  throw unauthenticated(
    'missing_credential',
    'Send the attendee’s access key (X-Access-Key header or ?key=) or a staff bearer token.',
  );
}
