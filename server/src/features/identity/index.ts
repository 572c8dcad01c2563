import { createLocalJWKSet } from 'jose';
import express, { type RequestHandler } from 'express';
import type { Logger } from 'pino';
import type { Config } from '../../platform/config.js';
import type { RateGate } from '../../platform/ratelimit/gate.js';
import type { Db } from '../../platform/db/db.js';
import { bearerAuthentication } from './bearer-auth.js';
import { ensureDefaultOrganization } from './bootstrap.js';
import { discoverExternalIssuer } from './external-issuer.js';
import { createIssuer } from './issuer.js';
import { loadOrCreateKeys, publicJwks, SIGNING_ALG } from './key-store.js';
import { organizationResolver } from './organization-claim.js';
import { purgeExpiredPayloads } from './payload-store.js';
import { portalLinks } from '../notifications/links.js';
import { passwordRoutes } from './password-routes.js';
import { signInRoutes } from './sign-in-routes.js';
import { tokenEndpointLimit } from './token-endpoint-limit.js';
import { ASYMMETRIC_ALGS, createTokenVerifier, type TokenVerifier } from './token-verifier.js';

export { requireScope } from './bearer-auth.js';
export {
  ensureBootstrapClient,
  ensureDefaultOrganization,
  type BootstrapCredentials,
  type BootstrapOptions,
} from './bootstrap.js';
export {
  saveClient,
  findClient,
  deleteClient,
  newClientSecret,
  type ApiClient,
} from './client-store.js';
export { SCOPES, type Scope, type Principal } from './principal.js';
export { CLI_CLIENT_ID } from './issuer.js';

export interface Identity {
  /** True for the built-in issuer, false with OIDC_ISSUER. */
  embedded: boolean;
  /** The embedded issuer as a Node handler, for `app.use('/oauth', ...)`; undefined with OIDC_ISSUER. */
  issuerHandler: RequestHandler | undefined;
  /** Issuer identifier access tokens must carry. */
  issuer: string;
  /** Where clients get tokens (the embedded one, or the external issuer's). */
  tokenEndpoint: string | undefined;
  /** Audience access tokens must carry. */
  audience: string;
  /** Owner of the bootstrap client, and of tokens that carry no `org` claim. */
  defaultOrganizationId: string;
  /** Express middleware: verifies `Authorization: Bearer <jwt>` and sets `req.principal`. */
  authenticate: RequestHandler;
  /** The same verification without express, e.g. for WebSocket upgrades. */
  verifyToken: TokenVerifier;
  close(): Promise<void>;
}

export interface IdentityOptions {
  config: Pick<Config, 'oidcIssuer' | 'apiAudience'>;
  /** Base URL clients reach this server at, without a trailing slash. */
  publicUrl: string;
  /** Migrated database. */
  db: Db;
  log: Logger;
  /** Sign-in and token-endpoint limits: shared by replicas when REDIS_URL is set. */
  rateLimits: RateGate;
}

/**
 * Identity for the API: the embedded OAuth2 issuer at `${publicUrl}/oauth` (keys and clients in
 * the database; call ensureBootstrapClient after it), or an external OIDC issuer (OIDC_ISSUER);
 * both verified by the same bearer middleware. Creates the default organization if none.
 */
export async function createIdentity(opts: IdentityOptions): Promise<Identity> {
  const { config, db } = opts;
  const log = opts.log.child({ component: 'identity' });
  const publicUrl = opts.publicUrl.replace(/\/+$/, '');
  const audience = config.apiAudience ?? `${publicUrl}/api`;
  const defaultOrganizationId = await ensureDefaultOrganization(db);
  const organizationFor = organizationResolver(db, defaultOrganizationId);

  if (config.oidcIssuer) {
    const external = await discoverExternalIssuer(config.oidcIssuer, log);
    const verifyToken = createTokenVerifier({
      issuer: external.issuer,
      audience,
      keys: external.keys,
      algorithms: ASYMMETRIC_ALGS,
      organizationFor,
    });
    log.info({ issuer: external.issuer, audience }, 'verifying tokens of an external issuer');
    return {
      embedded: false,
      issuerHandler: undefined,
      issuer: external.issuer,
      tokenEndpoint: external.tokenEndpoint,
      audience,
      defaultOrganizationId,
      authenticate: bearerAuthentication(verifyToken),
      verifyToken,
      close: async () => {},
    };
  }

  const issuer = `${publicUrl}/oauth`;
  const keys = await loadOrCreateKeys(db);
  await purgeExpiredPayloads(db);
  const provider = createIssuer({ issuer, apiAudience: audience, keys, db, log });
  const tokenEndpoint = provider.urlFor('token');
  // Our own tokens are verified against our own public keys: no HTTP round trip to ourselves.
  const verifyToken = createTokenVerifier({
    issuer,
    audience,
    keys: createLocalJWKSet(publicJwks(keys)),
    algorithms: [SIGNING_ALG],
    typ: 'at+jwt',
    organizationFor,
  });
  const callback = provider.callback();
  // The sign-in pages answer their own paths; everything else is the issuer's.
  const issuerHandler = express.Router();
  issuerHandler.use(signInRoutes(provider, db, log, opts.rateLimits));
  issuerHandler.use(
    passwordRoutes({
      db,
      log,
      limits: opts.rateLimits,
      links: portalLinks(publicUrl),
      signInUrl: `${publicUrl}/dashboard/`,
    }),
  );
  // oidc-provider's default token route, relative to where the issuer is mounted.
  issuerHandler.post('/token', tokenEndpointLimit(opts.rateLimits));
  issuerHandler.use((req, res) => void callback(req, res));
  log.info({ issuer, audience }, 'embedded OAuth2 issuer ready');
  return {
    embedded: true,
    issuerHandler,
    issuer,
    tokenEndpoint,
    audience,
    defaultOrganizationId,
    authenticate: bearerAuthentication(verifyToken),
    verifyToken,
    close: async () => {},
  };
}
