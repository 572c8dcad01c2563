import { CliError, authError } from '../errors.js';

export interface TokenGrant {
  accessToken: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/** The client credentials grant (client_secret_basic) against an OAuth2 token endpoint. */
export async function clientCredentialsGrant(
  tokenEndpoint: string,
  clientId: string,
  clientSecret: string,
): Promise<TokenGrant> {
  let res: Response;
  try {
    res = await fetch(tokenEndpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`).toString('base64')}`,
      },
      body: new URLSearchParams({ grant_type: 'client_credentials' }),
    });
  } catch (err) {
    throw new CliError(
      'server_unreachable',
      `cannot reach the token endpoint ${tokenEndpoint} (${(err as Error).cause ?? (err as Error).message}); check the server URL`,
    );
  }
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (res.status !== 200 || typeof body.access_token !== 'string') {
    throw authError(
      'login_refused',
      `the token endpoint refused the client "${clientId}" (${String(body.error_description ?? body.error ?? res.status)}); check the credentials file`,
    );
  }
  const expiresIn = typeof body.expires_in === 'number' ? body.expires_in : 3600;
  return { accessToken: body.access_token, expiresAt: Date.now() + expiresIn * 1000 };
}
