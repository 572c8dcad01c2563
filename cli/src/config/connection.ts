import { refreshPersonToken } from '../client/device-login.js';
import { clientCredentialsGrant } from '../client/oauth.js';
import { authError } from '../errors.js';
import {
  configPath,
  readConfig,
  writeConfig,
  type ConfigFile,
  type Profile,
} from './config-file.js';

/** Where to send requests and how to get a bearer token for them. */
export interface Connection {
  server: string;
  profileName: string;
  /** A usable token; `fresh` re-runs the grant even if the stored token looks valid. */
  token(fresh?: boolean): Promise<string>;
}

export interface ConnectionFlags {
  server?: string | undefined;
  profile?: string | undefined;
}

const EXPIRY_MARGIN_MS = 60_000;

export const normalizeServer = (url: string) => url.replace(/\/+$/, '');

/**
 * `--server` beats LANYARD_SERVER beats the profile; LANYARD_TOKEN beats the profile's token.
 * A profile's token is used only for the profile's own server, and renewed when it is (nearly)
 * expired: with the person's refresh token, or by re-running the client credentials grant.
 */
export async function resolveConnection(
  flags: ConnectionFlags,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Connection> {
  const path = configPath(env);
  const config = await readConfig(path);
  const profileName = flags.profile ?? env.LANYARD_PROFILE ?? config.currentProfile;
  const profile = config.profiles[profileName];
  const serverRaw = flags.server ?? env.LANYARD_SERVER ?? profile?.server;
  if (!serverRaw) {
    throw authError(
      'no_server',
      'no server: run `lanyard login --server URL`, or set LANYARD_SERVER',
    );
  }
  const server = normalizeServer(serverRaw);
  const envToken = env.LANYARD_TOKEN;
  const own = profile && normalizeServer(profile.server) === server ? profile : undefined;
  return {
    server,
    profileName,
    async token(fresh = false) {
      if (envToken) return envToken;
      if (!own) {
        throw authError(
          'not_logged_in',
          `not logged in to ${server}: run \`lanyard login --server ${server}\`, or set LANYARD_TOKEN`,
        );
      }
      if (!fresh && own.accessToken && (own.expiresAt ?? 0) - EXPIRY_MARGIN_MS > Date.now())
        return own.accessToken;
      if (own.refreshToken) {
        const grant = await refreshPersonToken(server, own.refreshToken);
        Object.assign(own, grant);
        await saveProfile(path, profileName, own, false);
        return grant.accessToken;
      }
      if (!own.tokenEndpoint || !own.clientId || !own.clientSecret) {
        throw authError(
          'login_expired',
          `the login of profile "${profileName}" has expired: run \`lanyard login\` again`,
        );
      }
      const grant = await clientCredentialsGrant(own.tokenEndpoint, own.clientId, own.clientSecret);
      Object.assign(own, grant);
      await saveProfile(path, profileName, own, false);
      return grant.accessToken;
    },
  };
}

/** Stores a profile (re-reading the file first, so other profiles written meanwhile survive). */
export async function saveProfile(
  path: string,
  name: string,
  profile: Profile,
  makeCurrent: boolean,
): Promise<ConfigFile> {
  const config = await readConfig(path);
  config.profiles[name] = profile;
  if (makeCurrent) config.currentProfile = name;
  await writeConfig(path, config);
  return config;
}
