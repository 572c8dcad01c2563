import * as oidc from 'openid-client';
import { CliError, authError } from '../errors.js';
import type { TokenGrant } from './oauth.js';

// The CLI's public client at the embedded issuer (server: identity/issuer.ts).
export const CLI_CLIENT_ID = 'lanyard-cli';

export interface PersonGrant extends TokenGrant {
  refreshToken: string | undefined;
  tokenEndpoint: string;
}

/** openid-client's configuration for the server's issuer; plain http only on loopback-style dev setups. */
async function issuerConfig(server: string): Promise<oidc.Configuration> {
  const issuer = new URL(`${server}/oauth`);
  try {
    return await oidc.discovery(
      issuer,
      CLI_CLIENT_ID,
      undefined,
      oidc.None(),
      issuer.protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : undefined,
    );
  } catch (err) {
    throw new CliError(
      'server_unreachable',
      `cannot read the sign-in settings of ${server} (${(err as Error).message}); check the server URL`,
    );
  }
}

function grantOf(
  tokens: oidc.TokenEndpointResponse & oidc.TokenEndpointResponseHelpers,
  tokenEndpoint: string,
): PersonGrant {
  return {
    accessToken: tokens.access_token,
    expiresAt: Date.now() + (tokens.expiresIn() ?? 3600) * 1000,
    refreshToken: tokens.refresh_token,
    tokenEndpoint,
  };
}

/**
 * The device authorization grant (RFC 8628): asks for every API scope the server offers (the
 * token gets those the person holds), shows where to confirm, and polls until they have.
 */
export async function deviceLogin(
  server: string,
  show: (prompt: { url: string; code: string; urlWithCode: string | undefined }) => void,
  signal?: AbortSignal,
): Promise<PersonGrant> {
  const config = await issuerConfig(server);
  const metadata = config.serverMetadata();
  const scope = (metadata.scopes_supported ?? ['openid', 'offline_access']).join(' ');
  const started = await oidc.initiateDeviceAuthorization(config, { scope });
  show({
    url: started.verification_uri,
    code: started.user_code,
    urlWithCode: started.verification_uri_complete,
  });
  try {
    const tokens = await oidc.pollDeviceAuthorizationGrant(config, started, undefined, { signal });
    return grantOf(tokens, metadata.token_endpoint ?? `${server}/oauth/token`);
  } catch (err) {
    const code = (err as { error?: string }).error;
    if (code === 'expired_token')
      throw authError(
        'login_expired',
        'the code expired before it was confirmed: run `lanyard login` again',
      );
    if (code === 'access_denied')
      throw authError('login_refused', 'the sign-in was cancelled in the browser');
    throw err;
  }
}

/** A new access token from a person's refresh token (the refresh token rotates). */
export async function refreshPersonToken(
  server: string,
  refreshToken: string,
): Promise<PersonGrant> {
  const config = await issuerConfig(server);
  try {
    const tokens = await oidc.refreshTokenGrant(config, refreshToken);
    return grantOf(tokens, config.serverMetadata().token_endpoint ?? `${server}/oauth/token`);
  } catch (err) {
    if ((err as { error?: string }).error === 'invalid_grant')
      throw authError(
        'login_expired',
        'the sign-in has expired or the account was disabled: run `lanyard login` again',
      );
    throw err;
  }
}
