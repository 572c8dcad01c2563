import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { Config } from '../../platform/config.js';
import type { Db, Queryable } from '../../platform/db/db.js';
import { findClient, newClientSecret, saveClient, type ApiClient } from './client-store.js';
import { SCOPES } from './principal.js';

/** `<data dir>/bootstrap.json`, exactly as the outside contract names its fields. */
export interface BootstrapCredentials {
  issuer: string;
  token_endpoint: string;
  client_id: string;
  client_secret: string;
}

export const BOOTSTRAP_CLIENT_ID = 'lanyard-bootstrap';
export const BOOTSTRAP_FILE = 'bootstrap.json';
// Replicas starting together create one organization and one bootstrap client between them.
const BOOTSTRAP_LOCK_KEY = 4_242_003;

async function lockedDefaultOrganization(tx: Queryable): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    'SELECT id FROM organizations ORDER BY created_at, id LIMIT 1',
  );
  if (rows[0]) return rows[0].id;
  const created = await tx.query<{ id: string }>(
    `INSERT INTO organizations (name) VALUES ('Default organization') RETURNING id`,
  );
  return created.rows[0]!.id;
}

/** The oldest organization, created on first start: owner of clients and tokens without `org`. */
export function ensureDefaultOrganization(db: Db): Promise<string> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [BOOTSTRAP_LOCK_KEY]);
    return lockedDefaultOrganization(tx);
  });
}

/** The bootstrap client in the database (created once), holding every scope this version knows. */
async function ensureClient(db: Db): Promise<ApiClient> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [BOOTSTRAP_LOCK_KEY]);
    const existing = await findClient(tx, BOOTSTRAP_CLIENT_ID);
    const organizationId = existing?.organizationId ?? (await lockedDefaultOrganization(tx));
    const client: ApiClient = {
      clientId: BOOTSTRAP_CLIENT_ID,
      clientSecret: existing?.clientSecret ?? newClientSecret(),
      name: 'Lanyard bootstrap',
      organizationId,
      scopes: SCOPES,
    };
    // A newer version may add scopes: the bootstrap client keeps holding all of them.
    if (!existing || existing.scopes.join(' ') !== SCOPES.join(' ')) await saveClient(tx, client);
    return client;
  });
}

async function readIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

export interface BootstrapOptions {
  config: Pick<Config, 'dataDir'>;
  db: Db;
  /** The identity the client is for; an external issuer (OIDC_ISSUER) gets no bootstrap client. */
  identity: { embedded: boolean; issuer: string; tokenEndpoint: string | undefined };
  log: Logger;
}

/**
 * On first start: the default organization, the bootstrap client with every scope, and
 * `<dataDir>/bootstrap.json` (mode 0600) holding its credentials. Later starts reuse the client;
 * the file is rewritten only when it no longer matches (a new database, a new public URL).
 * Returns undefined, and does nothing, for an external issuer.
 */
export async function ensureBootstrapClient(
  opts: BootstrapOptions,
): Promise<BootstrapCredentials | undefined> {
  const { identity, log } = opts;
  if (!identity.embedded || !identity.tokenEndpoint) return undefined;
  const client = await ensureClient(opts.db);
  const credentials: BootstrapCredentials = {
    issuer: identity.issuer,
    token_endpoint: identity.tokenEndpoint,
    client_id: client.clientId,
    client_secret: client.clientSecret,
  };
  const text = `${JSON.stringify(credentials, null, 2)}\n`;
  const dataDir = opts.config.dataDir;
  const path = join(dataDir, BOOTSTRAP_FILE);
  await mkdir(dataDir, { recursive: true });
  if ((await readIfPresent(path)) === text) {
    await chmod(path, 0o600);
    return credentials;
  }
  // Written beside and renamed, so a reader never sees half a file, and never world-readable.
  const tmp = `${path}.${process.pid}.tmp`;
  await writeFile(tmp, text, { mode: 0o600 });
  await chmod(tmp, 0o600);
  await rename(tmp, path);
  log.info({ path, clientId: client.clientId }, 'wrote bootstrap credentials');
  return credentials;
}
