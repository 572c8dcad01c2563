import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { inputError } from '../errors.js';

// The CLI's own state: named profiles (server, client credentials, the last token) in
// $XDG_CONFIG_HOME/lanyard/config.json, readable by the user only (it holds a client secret).

export const Profile = z.object({
  server: z.string(),
  /** The OAuth2 client the token is got with: re-running its grant refreshes the token. */
  tokenEndpoint: z.string().optional(),
  clientId: z.string().optional(),
  clientSecret: z.string().optional(),
  /** A person's device login: the refresh token gets the next access token. */
  refreshToken: z.string().optional(),
  accessToken: z.string().optional(),
  /** Epoch milliseconds. */
  expiresAt: z.number().optional(),
});
export type Profile = z.output<typeof Profile>;

export const ConfigFile = z.object({
  currentProfile: z.string().default('default'),
  profiles: z.record(z.string(), Profile).default({}),
});
export type ConfigFile = z.output<typeof ConfigFile>;

export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME || join(env.HOME || homedir(), '.config');
  return join(base, 'lanyard', 'config.json');
}

export async function readConfig(path: string): Promise<ConfigFile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return ConfigFile.parse({});
    throw err;
  }
  let parsed: ConfigFile;
  try {
    parsed = ConfigFile.parse(JSON.parse(text));
  } catch {
    throw inputError('config_invalid', `${path} is not a Lanyard config file; fix or delete it`);
  }
  return parsed;
}

/** Writes atomically with mode 0600, so a crash never leaves half a file and others cannot read it. */
export async function writeConfig(path: string, config: ConfigFile): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
  await chmod(tmp, 0o600);
  await rename(tmp, path);
}
