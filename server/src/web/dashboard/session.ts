import * as oidc from 'openid-client';

// Sign-in with the embedded issuer: authorization code + PKCE (S256) for the public client
// `lanyard-dashboard`, through openid-client. Tokens live in memory and in this tab's
// sessionStorage (a reload keeps the session, another tab or a closed browser does not).

export const CLIENT_ID = 'lanyard-dashboard';
const SESSION_KEY = 'lanyard.dashboard.session';
const PENDING_KEY = 'lanyard.dashboard.signin';
// Everything the API knows; consent grants the scopes the account holds and drops the rest.
// offline_access gives a refresh token; oidc-provider honours it only with prompt=consent.
const SCOPE =
  'openid offline_access events:read events:write tickets:read tickets:write checkin devices:write webhooks:read webhooks:write admin';
// Renew a minute early, so a token never expires between the check and the request.
const RENEW_BEFORE_MS = 60_000;

export interface Session {
  accessToken: string;
  refreshToken: string | undefined;
  expiresAt: number;
  email: string | undefined;
}

interface PendingSignIn {
  verifier: string;
  state: string;
  returnTo: string;
}

let current: Session | undefined = read<Session>(SESSION_KEY);
const listeners = new Set<() => void>();

/** Calls `listener` when the person signs out (or their session cannot be renewed). */
export function onSignOut(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
let configuration: Promise<oidc.Configuration> | undefined;

export const redirectUri = () => `${window.location.origin}/dashboard/`;

function read<T>(key: string): T | undefined {
  const text = window.sessionStorage.getItem(key);
  return text ? (JSON.parse(text) as T) : undefined;
}

function discover(): Promise<oidc.Configuration> {
  const issuer = new URL('/oauth', window.location.origin);
  // A server on plain http is a local or test one; openid-client refuses http unless told.
  const execute = issuer.protocol === 'http:' ? [oidc.allowInsecureRequests] : [];
  configuration ??= oidc.discovery(issuer, CLIENT_ID, undefined, oidc.None(), { execute });
  return configuration;
}

function keep(tokens: oidc.TokenEndpointResponse, previous?: Session): Session {
  const claims = JSON.parse(
    atob(tokens.access_token.split('.')[1]!.replace(/-/g, '+').replace(/_/g, '/')),
  ) as { email?: string };
  current = {
    accessToken: tokens.access_token,
    // Refresh tokens rotate; an answer without one keeps the last.
    refreshToken: tokens.refresh_token ?? previous?.refreshToken,
    expiresAt: Date.now() + (tokens.expires_in ?? 3600) * 1000,
    email: claims.email,
  };
  window.sessionStorage.setItem(SESSION_KEY, JSON.stringify(current));
  return current;
}

export const signedIn = (): Session | undefined => current;

/** Leaves for the issuer's sign-in page; comes back to /dashboard/ and then to `returnTo`. */
export async function signIn(returnTo: string): Promise<void> {
  const config = await discover();
  const verifier = oidc.randomPKCECodeVerifier();
  const pending: PendingSignIn = { verifier, state: oidc.randomState(), returnTo };
  window.sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri(),
    scope: SCOPE,
    code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
    state: pending.state,
    prompt: 'consent',
  });
  window.location.assign(url.href);
}

/** True when this URL is the issuer's answer to a sign-in started here. */
export const isSignInReturn = (url: URL) =>
  (url.searchParams.has('code') || url.searchParams.has('error')) &&
  window.sessionStorage.getItem(PENDING_KEY) !== null;

/** Trades the code for tokens; returns where the person was going. */
export async function completeSignIn(url: URL): Promise<string> {
  const pending = read<PendingSignIn>(PENDING_KEY);
  window.sessionStorage.removeItem(PENDING_KEY);
  if (!pending) throw new Error('This sign-in was not started here. Sign in again.');
  const tokens = await oidc.authorizationCodeGrant(await discover(), url, {
    pkceCodeVerifier: pending.verifier,
    expectedState: pending.state,
  });
  keep(tokens);
  return pending.returnTo;
}

/** A valid access token, renewed with the refresh token when it is about to expire. */
export async function accessToken(force = false): Promise<string | undefined> {
  const s = current;
  if (!s) return undefined;
  if (!force && s.expiresAt - RENEW_BEFORE_MS > Date.now()) return s.accessToken;
  if (!s.refreshToken) {
    signOut();
    return undefined;
  }
  try {
    return keep(await oidc.refreshTokenGrant(await discover(), s.refreshToken), s).accessToken;
  } catch {
    // A disabled account or a revoked grant: the person has to sign in again.
    signOut();
    return undefined;
  }
}

export function signOut(): void {
  current = undefined;
  window.sessionStorage.removeItem(SESSION_KEY);
  for (const listener of listeners) listener();
}
