import { chmod, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEachDb, openTestDatabase } from '../../test-support/databases.js';
import {
  BOOTSTRAP_CLIENT_ID,
  ensureBootstrapClient,
  ensureDefaultOrganization,
} from './bootstrap.js';
import { findClient, saveClient } from './client-store.js';
import { loadOrCreateKeys, publicJwks } from './key-store.js';
import { SCOPES } from './principal.js';
import { silentLog as log } from './test-support/identity-app.js';

const identity = {
  embedded: true,
  issuer: 'http://127.0.0.1:9/oauth',
  tokenEndpoint: 'http://127.0.0.1:9/oauth/token',
};

describeEachDb('bootstrap client and issuer keys', (get) => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'lanyard-bootstrap-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });
  const ensure = (dir = dataDir) =>
    ensureBootstrapClient({ config: { dataDir: dir }, db: get().db, identity, log });
  const bootstrapFile = () => join(dataDir, 'bootstrap.json');

  it('creates one default organization, however often it is asked', async () => {
    const first = await ensureDefaultOrganization(get().db);
    expect(await ensureDefaultOrganization(get().db)).toBe(first);
    const { rows } = await get().db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM organizations',
    );
    expect(rows[0]!.n).toBe(1);
  });

  it('gives the bootstrap client every scope and the default organization', async () => {
    const creds = await ensure();
    const client = await findClient(get().db, BOOTSTRAP_CLIENT_ID);
    expect(client).toMatchObject({
      clientSecret: creds!.client_secret,
      organizationId: await ensureDefaultOrganization(get().db),
    });
    expect([...client!.scopes]).toEqual([...SCOPES]);
    expect(creds!.client_secret.length).toBeGreaterThanOrEqual(43);
  });

  it('writes the same credentials into a second data dir instead of making a new client', async () => {
    const other = await mkdtemp(join(tmpdir(), 'lanyard-bootstrap-'));
    try {
      expect(await ensure(other)).toEqual(await ensure());
      expect(await readFile(join(other, 'bootstrap.json'), 'utf8')).toBe(
        await readFile(bootstrapFile(), 'utf8'),
      );
    } finally {
      await rm(other, { recursive: true, force: true });
    }
  });

  it('puts a bootstrap.json that was edited or opened up back to the truth, mode 0600', async () => {
    const creds = await ensure();
    await writeFile(bootstrapFile(), '{"client_id":"tampered"}');
    await chmod(bootstrapFile(), 0o644);
    await ensure();
    expect(JSON.parse(await readFile(bootstrapFile(), 'utf8'))).toEqual(creds);
    expect((await stat(bootstrapFile())).mode & 0o777).toBe(0o600);
    await chmod(bootstrapFile(), 0o644);
    await ensure();
    expect((await stat(bootstrapFile())).mode & 0o777).toBe(0o600);
  });

  it('grants the bootstrap client scopes added by a newer version, keeping its secret', async () => {
    const creds = await ensure();
    const client = (await findClient(get().db, BOOTSTRAP_CLIENT_ID))!;
    await saveClient(get().db, { ...client, scopes: ['events:read'] });
    expect(await ensure()).toEqual(creds);
    expect([...(await findClient(get().db, BOOTSTRAP_CLIENT_ID))!.scopes]).toEqual([...SCOPES]);
  });

  it('does nothing for an external issuer', async () => {
    const external = {
      embedded: false,
      issuer: 'https://idp.example',
      tokenEndpoint: 'https://idp.example/token',
    };
    const result = await ensureBootstrapClient({
      config: { dataDir },
      db: get().db,
      identity: external,
      log,
    });
    expect(result).toBeUndefined();
    await expect(stat(bootstrapFile())).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('keeps the same signing key across loads and publishes only its public half', async () => {
    const first = await loadOrCreateKeys(get().db);
    const again = await loadOrCreateKeys(get().db);
    expect(again).toEqual(first);
    expect(first.signing).toHaveLength(1);
    expect(first.signing[0]).toMatchObject({
      kty: 'EC',
      crv: 'P-256',
      alg: 'ES256',
      use: 'sig',
      d: expect.any(String),
    });
    const [pub] = publicJwks(first).keys;
    expect(pub).toEqual({
      kty: 'EC',
      crv: 'P-256',
      x: first.signing[0]!.x,
      y: first.signing[0]!.y,
      kid: first.signing[0]!.kid,
      alg: 'ES256',
      use: 'sig',
    });
    expect(first.cookieSecrets).toHaveLength(1);
  });
});

describe('replicas starting together [postgres]', () => {
  it('agree on one organization, one bootstrap client and one signing key', async () => {
    const t = await openTestDatabase('postgres');
    const dirs = await Promise.all(
      [1, 2, 3].map(() => mkdtemp(join(tmpdir(), 'lanyard-bootstrap-'))),
    );
    try {
      const [keys, creds] = await Promise.all([
        Promise.all(dirs.map(() => loadOrCreateKeys(t.db))),
        Promise.all(
          dirs.map((dataDir) =>
            ensureBootstrapClient({ config: { dataDir }, db: t.db, identity, log }),
          ),
        ),
      ]);
      expect(new Set(keys.map((k) => k.signing[0]!.kid)).size).toBe(1);
      expect(new Set(creds.map((c) => c!.client_secret)).size).toBe(1);
      const { rows } = await t.db.query<{ orgs: number; keys: number }>(
        `SELECT (SELECT count(*)::int FROM organizations) AS orgs,
                (SELECT count(*)::int FROM identity_keys WHERE purpose = 'signing') AS keys`,
      );
      expect(rows[0]).toEqual({ orgs: 1, keys: 1 });
    } finally {
      await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
      await t.drop();
    }
  });
});
