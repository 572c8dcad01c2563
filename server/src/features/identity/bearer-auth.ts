import type { RequestHandler } from 'express';
import { DomainError, unauthenticated } from '../../platform/errors.js';
import type { Principal, Scope } from './principal.js';
import type { TokenVerifier } from './token-verifier.js';

declare module 'express-serve-static-core' {
  interface Request {
    /** Set by `authenticate` from a verified bearer token. */
    principal?: Principal;
  }
}

// RFC 6750 b64token after the scheme; anything else in the header is not a bearer credential.
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/** Express middleware: `Authorization: Bearer <jwt>` → `req.principal`, or a 401 DomainError. */
export function bearerAuthentication(verify: TokenVerifier): RequestHandler {
  return (req, _res, next) => {
    const header = req.headers.authorization;
    if (header === undefined || !/^bearer(\s|$)/i.test(header)) {
      next(
        unauthenticated(
          'missing_token',
          'This endpoint needs an `Authorization: Bearer <token>` header.',
        ),
      );
      return;
    }
    const match = BEARER.exec(header);
    if (!match) {
      next(unauthenticated('invalid_token', 'The Authorization header must be `Bearer <token>`.'));
      return;
    }
    verify(match[1]!).then((principal) => {
      req.principal = principal;
      next();
    }, next);
  };
}

/** Middleware after `authenticate`: 403 `insufficient_scope` unless the token carries `scope`. */
export function requireScope(scope: Scope): RequestHandler {
  return (req, _res, next) => {
    if (!req.principal) {
      next(unauthenticated('missing_token', 'This endpoint needs a bearer token.'));
    } else if (!req.principal.scopes.has(scope)) {
      next(
        new DomainError(
          'forbidden',
          'insufficient_scope',
          `This endpoint needs a token with the ${scope} scope.`,
          {
            requiredScope: scope,
          },
        ),
      );
    } else {
      next();
    }
  };
}
