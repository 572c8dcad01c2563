import { errors as joseErrors, jwtVerify, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { DomainError, unauthenticated } from '../../platform/errors.js';
import type { Principal } from './principal.js';
import { VerifiedTokenCache } from './verified-token-cache.js';

/** Asymmetric JWS algorithms only: `none` and the HS* family (shared secrets) are never accepted. */
export const ASYMMETRIC_ALGS = [
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
  'Ed25519',
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
] as const;

export const CLOCK_TOLERANCE_SECONDS = 5;

export interface VerifierOptions {
  issuer: string;
  audience: string;
  /** Where the verification keys come from: the local issuer's JWKS or a remote one. */
  keys: JWTVerifyGetKey;
  algorithms: readonly string[];
  /** Required `typ` header, e.g. `at+jwt` (RFC 9068) so an ID token cannot pass as an access token. */
  typ?: string;
  /** Which organization the token acts for, from its claims; throws a DomainError when none. */
  organizationFor(claims: JWTPayload): Promise<string>;
  /** Clock in milliseconds (tests). */
  now?: () => number;
}

export type TokenVerifier = (token: string) => Promise<Principal>;

/** `scope` (RFC 9068, space-separated) or `scp` (array or string, as some issuers send it). */
export function scopesOf(claims: JWTPayload): Set<string> {
  const raw = claims.scope ?? claims.scp;
  const list = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(' ') : [];
  return new Set(list.filter((s): s is string => typeof s === 'string' && s.length > 0));
}

export function principalFromClaims(claims: JWTPayload, organizationId: string): Principal {
  const clientId = claims.client_id ?? claims.azp;
  return {
    subject: claims.sub!,
    clientId: typeof clientId === 'string' ? clientId : undefined,
    organizationId,
    scopes: scopesOf(claims),
  };
}

/** jose's verdict → the stable code a client can act on. Anything unexpected is rethrown. */
export function toAuthError(err: unknown): DomainError {
  if (err instanceof DomainError) return err;
  if (err instanceof joseErrors.JWTExpired)
    return unauthenticated('token_expired', 'The bearer token has expired.');
  if (err instanceof joseErrors.JWTClaimValidationFailed) {
    switch (err.claim) {
      case 'aud':
        return unauthenticated(
          'wrong_audience',
          'The bearer token was issued for another audience.',
        );
      case 'iss':
        return unauthenticated(
          'wrong_issuer',
          'The bearer token was issued by an issuer this server does not trust.',
        );
      case 'nbf':
        return unauthenticated('token_not_yet_valid', 'The bearer token is not valid yet.');
      default:
        return unauthenticated(
          'invalid_token',
          `The bearer token is invalid (${err.claim}: ${err.reason}).`,
        );
    }
  }
  if (err instanceof joseErrors.JOSEAlgNotAllowed || err instanceof joseErrors.JOSENotSupported) {
    return unauthenticated(
      'invalid_token',
      'The bearer token is signed with an algorithm this server does not accept.',
    );
  }
  if (
    err instanceof joseErrors.JWSSignatureVerificationFailed ||
    err instanceof joseErrors.JWKSNoMatchingKey
  ) {
    return unauthenticated('invalid_token', 'The bearer token signature does not verify.');
  }
  if (err instanceof joseErrors.JOSEError) {
    return unauthenticated('invalid_token', 'The bearer token is not a well-formed signed JWT.');
  }
  throw err;
}

/** Verifies a bearer JWT (signature, issuer, audience, algorithm, expiry) into a Principal. */
export function createTokenVerifier(opts: VerifierOptions): TokenVerifier {
  const algorithms = opts.algorithms.filter((a) => a !== 'none' && !a.startsWith('HS'));
  const now = opts.now ?? Date.now;
  const verified = new VerifiedTokenCache<Principal>();
  return async (token) => {
    const at = now();
    const known = verified.get(token, at);
    if (known) return known;
    let claims: JWTPayload;
    try {
      ({ payload: claims } = await jwtVerify(token, opts.keys, {
        issuer: opts.issuer,
        audience: opts.audience,
        algorithms,
        clockTolerance: CLOCK_TOLERANCE_SECONDS,
        currentDate: new Date(at),
        requiredClaims: ['exp', 'sub'],
        ...(opts.typ ? { typ: opts.typ } : {}),
      }));
    } catch (err) {
      throw toAuthError(err);
    }
    const principal = principalFromClaims(claims, await opts.organizationFor(claims));
    verified.set(token, principal, claims.exp! * 1000);
    return principal;
  };
}
