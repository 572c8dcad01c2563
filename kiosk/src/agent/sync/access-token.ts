import { TransportError } from '../errors.js';
import type { DeviceCredentials } from '../cache/device-store.js';

/** Bearer tokens for the server; `invalidate` after a 401 forces a fresh one. */
export interface AccessTokenSource {
  get(signal?: AbortSignal): Promise<string>;
  invalidate(): void;
}

/**
 * Tokens from the device's credential: a ready token as is, or a client-credentials grant
 * (client_secret_basic) cached until a minute before it expires.
 */
export function accessTokens(
  credentials: DeviceCredentials,
  fetchImpl: typeof fetch = fetch,
  now: () => number = Date.now,
): AccessTokenSource {
  if (credentials.kind === 'token') {
    return { get: async () => credentials.accessToken, invalidate: () => undefined };
  }
  let cached: { token: string; expiresAtMs: number } | undefined;
  return {
    invalidate: () => (cached = undefined),
    async get(signal) {
      if (cached && cached.expiresAtMs > now()) return cached.token;
      const basic = Buffer.from(
        `${encodeURIComponent(credentials.clientId)}:${encodeURIComponent(credentials.clientSecret)}`,
      ).toString('base64');
      let response: Response;
      try {
        response = await fetchImpl(credentials.tokenEndpoint, {
          method: 'POST',
          headers: {
            authorization: `Basic ${basic}`,
            'content-type': 'application/x-www-form-urlencoded',
          },
          body: 'grant_type=client_credentials',
          ...(signal && { signal }),
        });
      } catch (cause) {
        throw new TransportError('network', 'cannot reach the token endpoint', undefined, {
          cause,
        });
      }
      if (response.status === 400 || response.status === 401) {
        throw new TransportError(
          'unauthorized',
          "the server refused this device's credential",
          response.status,
        );
      }
      if (!response.ok) {
        throw new TransportError(
          'http_status',
          `token endpoint answered ${response.status}`,
          response.status,
        );
      }
      const body = (await response.json().catch(() => undefined)) as
        { access_token?: unknown; expires_in?: unknown } | undefined;
      if (typeof body?.access_token !== 'string') {
        throw new TransportError('bad_response', 'the token endpoint sent no access_token');
      }
      const lifetime = typeof body.expires_in === 'number' ? body.expires_in : 300;
      cached = { token: body.access_token, expiresAtMs: now() + Math.max(0, lifetime - 60) * 1000 };
      return cached.token;
    },
  };
}
