import type { Client, KoaContextWithOIDC, ResourceServerInfo, Token } from 'oidc-provider';
import { Provider, errors } from './load-oidc-provider.js';
import type { Logger } from 'pino';
import type { Queryable } from '../../platform/db/db.js';
import { SIGNING_ALG, type IdentityKeys } from './key-store.js';
import { payloadAdapter } from './payload-store.js';
import { findAccountById, type OrganizerAccount } from '../accounts/store.js';
import { SCOPES } from './principal.js';
import { deviceSignedInPage, userCodeConfirmPage, userCodeInputPage } from './sign-in-pages.js';

export const ACCESS_TOKEN_TTL_SECONDS = 3600;
const DAY_SECONDS = 24 * 3600;

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

/** The CLI's public client: no secret; a person signs it in with the device login (RFC 8628). */
export const CLI_CLIENT_ID = 'lanyard-cli';
const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

const cliClient = {
  client_id: CLI_CLIENT_ID,
  client_name: 'Lanyard CLI',
  grant_types: [DEVICE_CODE_GRANT, 'refresh_token'],
  response_types: [],
  redirect_uris: [],
  token_endpoint_auth_method: 'none',
  scope: ['openid', 'offline_access', ...SCOPES].join(' '),
};

/** The dashboard's public client: a person signs in in the browser, authorization code + PKCE. */
export const DASHBOARD_CLIENT_ID = 'lanyard-dashboard';

/** The issuer is `${publicUrl}/oauth`; the dashboard is served at `${publicUrl}/dashboard/`. */
function dashboardClient(issuer: string) {
  return {
    client_id: DASHBOARD_CLIENT_ID,
    client_name: 'Lanyard dashboard',
    grant_types: ['authorization_code', 'refresh_token'],
    response_types: ['code'],
    redirect_uris: [`${issuer.replace(/\/oauth\/?$/, '')}/dashboard/`],
    token_endpoint_auth_method: 'none',
    scope: ['openid', 'offline_access', ...SCOPES].join(' '),
  };
}

function userCodeError(err: unknown): string | undefined {
  if (!err) return undefined;
  const e = err as { name?: string; userCode?: string };
  if (e.userCode || e.name === 'NoCodeError')
    return 'That code is not valid (or has expired). Check it and try again.';
  if (e.name === 'AbortedError') return 'The sign-in was cancelled.';
  return 'Something went wrong; try again.';
}

/**
 * The embedded OAuth2 issuer (oidc-provider), JWT access tokens for the API: client_credentials
 * for scripts and kiosks, and the device login for people at a terminal (their account's scopes).
 */
export function createIssuer(opts: IssuerOptions): Provider {
  const { apiAudience } = opts;
  const apiResource: ResourceServerInfo = {
    scope: SCOPES.join(' '),
    audience: apiAudience,
    accessTokenFormat: 'jwt',
    jwt: { sign: { alg: SIGNING_ALG } },
  };

  const interactionBase = new URL(opts.issuer).pathname.replace(/\/+$/, '');
  const provider = new Provider(opts.issuer, {
    adapter: payloadAdapter(opts.db),
    jwks: { keys: opts.keys.signing as Record<string, unknown>[] },
    cookies: { keys: opts.keys.cookieSecrets },
    // API clients live in the database (client-store.ts); only Lanyard's own apps are built in.
    clients: [cliClient, dashboardClient(opts.issuer)],
    // Browsers send Origin with every POST, same-origin ones too. The staff phone app, served by
    // this server at /staff/, gets its device's tokens from here; other origins keep
    // oidc-provider's rule (a public client, from one of its redirect URIs' origins).
    clientBasedCORS(
      ctx: KoaContextWithOIDC,
      origin: string,
      client: { clientAuthMethod: string; redirectUris: string[] },
    ) {
      if (origin === new URL(opts.issuer).origin) return true;
      if (origin === 'null') return false;
      if (ctx.oidc.route !== 'userinfo' && client.clientAuthMethod !== 'none') return false;
      return client.redirectUris.some((uri) => URL.parse(uri)?.origin === origin);
    },
    interactions: {
      url: (_ctx: unknown, interaction: { uid: string }) =>
        `${interactionBase}/interaction/${interaction.uid}`,
    },
    // A disabled or deleted account gets no new tokens, refreshes included.
    async findAccount(_ctx: unknown, sub: string) {
      const account = await findAccountById(opts.db, sub);
      if (!account || account.disabledAt) return undefined;
      return {
        accountId: account.id,
        // Kept for extraTokenClaims: the grant that loads the account also issues its token.
        organizer: account,
        claims: () => ({ sub: account.id, email: account.email, name: account.name }),
      };
    },
    scopes: ['openid', 'offline_access', ...SCOPES],
    ttl: {
      AccessToken: ACCESS_TOKEN_TTL_SECONDS,
      ClientCredentials: ACCESS_TOKEN_TTL_SECONDS,
      IdToken: ACCESS_TOKEN_TTL_SECONDS,
      // A device code is typed in within minutes; a sign-in page left open that long is stale.
      DeviceCode: 10 * 60,
      Interaction: 30 * 60,
      // A signed-in terminal keeps working while it is used at least once a month.
      RefreshToken: 30 * DAY_SECONDS,
      Grant: 30 * DAY_SECONDS,
      Session: 14 * DAY_SECONDS,
    },
    clientDefaults: {
      grant_types: ['client_credentials'],
      response_types: [],
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: SIGNING_ALG,
    },
    extraClientMetadata: {
      properties: ['organization_id'],
      validator(_ctx: unknown, key: string, value: unknown) {
        if (key === 'organization_id' && value !== undefined && typeof value !== 'string') {
          throw new errors.InvalidClientMetadata('organization_id must be a string');
        }
      },
    },
    // Every API token names the organization it acts for: its person's, else its client's.
    async extraTokenClaims(ctx: KoaContextWithOIDC, token: Token) {
      if (token.accountId) {
        const loaded = ctx.oidc.account?.organizer as OrganizerAccount | undefined;
        const account =
          loaded?.id === token.accountId ? loaded : await findAccountById(opts.db, token.accountId);
        // The address lets `lanyard whoami` and the dashboard say who is signed in.
        return account ? { org: account.organizationId, email: account.email } : undefined;
      }
      const org = ctx.oidc.client?.organization_id;
      return typeof org === 'string' ? { org } : undefined;
    },
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      deviceFlow: {
        enabled: true,
        // Letters only, no vowels: easy to read out and type, never spells a word.
        charset: 'base-20',
        mask: '****-****',
        async userCodeInputSource(
          ctx: { body: unknown },
          form: string,
          _out: unknown,
          err: unknown,
        ) {
          ctx.body = userCodeInputPage(form, userCodeError(err));
        },
        async userCodeConfirmSource(
          ctx: { body: unknown },
          form: string,
          client: Client,
          _deviceInfo: unknown,
          userCode: string,
        ) {
          ctx.body = userCodeConfirmPage(form, client.clientName ?? client.clientId, userCode);
        },
        async successSource(ctx: { body: unknown; oidc: { client?: Client } }) {
          const client = ctx.oidc.client;
          ctx.body = deviceSignedInPage(client?.clientName ?? client?.clientId ?? 'Your terminal');
        },
      },
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
