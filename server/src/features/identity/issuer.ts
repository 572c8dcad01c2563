import {
  Provider,
  errors,
  type Client,
  type KoaContextWithOIDC,
  type ResourceServerInfo,
} from 'oidc-provider';
import type { Logger } from 'pino';
import type { Queryable } from '../../platform/db/db.js';
import { SIGNING_ALG, type IdentityKeys } from './key-store.js';
import { payloadAdapter } from './payload-store.js';
import { SCOPES } from './principal.js';

export const ACCESS_TOKEN_TTL_SECONDS = 3600;

export interface IssuerOptions {
  /** `${publicUrl}/oauth`: the issuer identifier, and where the app mounts the handler. */
  issuer: string;
  /** The API resource: the only audience access tokens are issued for. */
  apiAudience: string;
  keys: IdentityKeys;
  db: Queryable;
  log: Logger;
}

const API_SCOPES: ReadonlySet<string> = new Set(SCOPES);

/**
 * Completes a client_credentials request for the API before oidc-provider checks its scopes:
 * no `scope` asks for everything the client may hold (oidc-provider would grant none), and a
 * scope the API does not know is refused rather than silently dropped. This hook runs for every
 * token request that targets the API.
 */
function completeScopeRequest(ctx: KoaContextWithOIDC, client: Client | undefined): void {
  const params = ctx.oidc.params;
  if (params?.grant_type !== 'client_credentials') return;
  if (!params.scope) {
    if (client?.scope) params.scope = client.scope;
    return;
  }
  const unknown = String(params.scope)
    .split(' ')
    .find((s) => s && !API_SCOPES.has(s));
  if (unknown !== undefined)
    throw new errors.InvalidScope(`the API has no scope ${unknown}`, unknown);
}

/** The embedded OAuth2 issuer (oidc-provider): client_credentials, JWT access tokens for the API. */
export function createIssuer(opts: IssuerOptions): Provider {
  const { apiAudience } = opts;
  const apiResource: ResourceServerInfo = {
    scope: SCOPES.join(' '),
    audience: apiAudience,
    accessTokenFormat: 'jwt',
    jwt: { sign: { alg: SIGNING_ALG } },
  };

  const provider = new Provider(opts.issuer, {
    adapter: payloadAdapter(opts.db),
    jwks: { keys: opts.keys.signing as Record<string, unknown>[] },
    cookies: { keys: opts.keys.cookieSecrets },
    // Clients live in the database (client-store.ts), none in configuration.
    clients: [],
    scopes: ['openid', 'offline_access', ...SCOPES],
    ttl: { ClientCredentials: ACCESS_TOKEN_TTL_SECONDS },
    clientDefaults: {
      grant_types: ['client_credentials'],
      response_types: [],
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: SIGNING_ALG,
    },
    extraClientMetadata: {
      properties: ['organization_id'],
      validator(_ctx: unknown, key: string, value: unknown) {
        if (key === 'organization_id' && typeof value !== 'string') {
          throw new errors.InvalidClientMetadata('organization_id must be a string');
        }
      },
    },
    // Every API token names the organization its client belongs to.
    async extraTokenClaims(ctx: KoaContextWithOIDC) {
      const org = ctx.oidc.client?.organization_id;
      return typeof org === 'string' ? { org } : undefined;
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        async defaultResource() {
          return apiAudience;
        },
        async useGrantedResource() {
          return true;
        },
        async getResourceServerInfo(
          ctx: KoaContextWithOIDC,
          resource: string,
          client: Client | undefined,
        ) {
          if (resource !== apiAudience)
            throw new errors.InvalidTarget(`unknown resource ${resource}`);
          completeScopeRequest(ctx, client);
          return apiResource;
        },
      },
    },
  });

  // Behind a TLS-terminating proxy the public URL is https while the socket is plain http.
  provider.proxy = new URL(opts.issuer).protocol === 'https:';
  provider.on('server_error', (_ctx: unknown, err: unknown) =>
    opts.log.error({ err }, 'oauth issuer failed'),
  );
  provider.on('grant.error', (_ctx: unknown, err: { error?: string; error_description?: string }) =>
    opts.log.info({ error: err.error, detail: err.error_description }, 'token request refused'),
  );
  return provider;
}
