import { createRemoteJWKSet, errors as joseErrors, type JWTVerifyGetKey } from 'jose';
import { allowInsecureRequests, discovery } from 'openid-client';
import type { Logger } from 'pino';
import { DomainError } from '../../platform/errors.js';

export interface ExternalIssuer {
  issuer: string;
  tokenEndpoint: string | undefined;
  keys: JWTVerifyGetKey;
}

export class IssuerDiscoveryError extends Error {
  override name = 'IssuerDiscoveryError';
}

// Verdicts about the token itself; anything else while fetching keys is the issuer's failure.
const TOKEN_FAULTS = [
  joseErrors.JWKSNoMatchingKey,
  joseErrors.JWKSMultipleMatchingKeys,
  joseErrors.JOSEAlgNotAllowed,
  joseErrors.JOSENotSupported,
];

/** A key source whose outage is a 503 for the caller, not a 401 and not a 500. */
function outageAware(keys: JWTVerifyGetKey, issuer: string): JWTVerifyGetKey {
  return async (header, token) => {
    try {
      return await keys(header, token);
    } catch (err) {
      if (TOKEN_FAULTS.some((fault) => err instanceof fault)) throw err;
      throw new DomainError(
        'unavailable',
        'issuer_unavailable',
        `The token issuer ${issuer} did not provide its keys.`,
      );
    }
  };
}

/**
 * OIDC_ISSUER: finds the issuer's `jwks_uri` by discovery and verifies tokens against its keys,
 * fetched and cached by jose (refetched when an unknown key id shows up).
 */
export async function discoverExternalIssuer(
  issuerUrl: string,
  log: Logger,
): Promise<ExternalIssuer> {
  const url = new URL(issuerUrl);
  const insecure = url.protocol === 'http:';
  if (insecure)
    log.warn({ issuer: issuerUrl }, 'OIDC_ISSUER is plain http; use https outside a lab');
  let metadata;
  try {
    // The client id is unused: this server only verifies tokens, it never asks for one.
    const config = await discovery(
      url,
      'lanyard-api',
      undefined,
      undefined,
      insecure ? { execute: [allowInsecureRequests] } : {},
    );
    metadata = config.serverMetadata();
  } catch (err) {
    throw new IssuerDiscoveryError(
      `OIDC_ISSUER ${issuerUrl}: discovery failed: ${(err as Error).message}`,
      { cause: err },
    );
  }
  if (!metadata.jwks_uri)
    throw new IssuerDiscoveryError(`OIDC_ISSUER ${issuerUrl}: the issuer publishes no jwks_uri`);
  const keys = createRemoteJWKSet(new URL(metadata.jwks_uri), {
    timeoutDuration: 5000,
    cooldownDuration: 30_000,
  });
  return {
    issuer: metadata.issuer,
    tokenEndpoint: metadata.token_endpoint,
    keys: outageAware(keys, metadata.issuer),
  };
}
