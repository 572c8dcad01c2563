import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { createPostgresDatabase } from '../../src/test-support/databases.js';

// Three replicas on one PostgreSQL and one Redis behind HAProxy (Debian's package), all on
// loopback, as docs/operations.md sets them up on three machines: each its own
// `lanyard server start` process, stopped with SIGTERM as systemd does.

const REDIS_URL = process.env.REDIS_TEST_URL ?? 'redis://127.0.0.1:6379';
const HAPROXY_CFG = fileURLToPath(new URL('../../../docs/ops/haproxy.cfg', import.meta.url));
const LANYARD = fileURLToPath(new URL('../../../bin/lanyard', import.meta.url));
export const NAMES = ['a', 'b', 'c'] as const;

export interface Cluster {
  /** The load balancer's URL: PUBLIC_URL of every replica. */
  url: string;
  /** The shared database, for checking what the replicas wrote. */
  db: pg.Pool;
  /** Each replica's own address, bypassing the load balancer. */
  direct: string[];
  /** What HAProxy printed: servers going down and up, with the reason. */
  haproxyLog(): string;
  token(): Promise<string>;
  api(
    path: string,
    init?: { method?: string; body?: unknown; token?: string | null },
  ): Promise<Response>;
  /** Stops replica i with SIGTERM (it drains first) and starts it again on its port. */
  restart(i: number): Promise<void>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

export async function startCluster(drainSeconds: number): Promise<Cluster> {
  // An empty database: the replicas, started together, migrate it once between them.
  const pgdb = await createPostgresDatabase();
  const lbPort = await freePort();
  const url = `http://127.0.0.1:${lbPort}`;
  const ports = await Promise.all(NAMES.map(() => freePort()));
  const dirs = await Promise.all(NAMES.map(() => mkdtemp(join(tmpdir(), 'lanyard-replica-'))));
  const env = {
    DATABASE_URL: pgdb.url,
    REDIS_URL,
    PUBLIC_URL: url,
    DRAIN_SECONDS: String(drainSeconds),
    LOG_LEVEL: 'silent',
    DATABASE_POOL_SIZE: '4',
    // Confirmation mails (PDF tickets rendered per order) are not what this test measures.
    MAIL_DELIVERY: 'off',
    // Rushes come from this one address; every other limit keeps its default, counted in Redis.
    RATE_LIMIT_REGISTRATION_IP: '100000/600',
    // As docs/operations.md says behind a balancer: the client is the one HAProxy names.
    TRUST_PROXY: '1',
  };
  const boot = (i: number) => startReplica(env, ports[i]!, dirs[i]!);
  const replicas = await Promise.all(NAMES.map((_, i) => boot(i)));
  const db = new pg.Pool({ connectionString: pgdb.url, max: 2 });
  const direct = ports.map((p) => `http://127.0.0.1:${p}`);

  const haproxy: ChildProcess = spawn('haproxy', ['-db', '-f', HAPROXY_CFG], {
    env: {
      ...process.env,
      LB_BIND: `127.0.0.1:${lbPort}`,
      REPLICA_A: `127.0.0.1:${ports[0]}`,
      REPLICA_B: `127.0.0.1:${ports[1]}`,
      REPLICA_C: `127.0.0.1:${ports[2]}`,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let haproxyLog = '';
  haproxy.stderr!.on('data', (c: Buffer) => (haproxyLog += c.toString()));
  const exited = new Promise<number | null>((r) => haproxy.once('exit', r));

  let cachedToken: string | undefined;
  const cluster: Cluster = {
    url,
    db,
    direct,
    haproxyLog: () => haproxyLog,
    async token() {
      if (cachedToken) return cachedToken;
      const b = JSON.parse(await readFile(join(dirs[0]!, 'bootstrap.json'), 'utf8')) as Record<
        string,
        string
      >;
      const res = await fetch(b.token_endpoint!, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: b.client_id!,
          client_secret: b.client_secret!,
        }),
      });
      if (res.status !== 200) throw new Error(`token: ${res.status} ${await res.text()}`);
      cachedToken = ((await res.json()) as { access_token: string }).access_token;
      return cachedToken;
    },
    async api(path, init = {}) {
      const token = init.token === undefined ? await cluster.token() : init.token;
      return fetch(`${url}${path}`, {
        method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
        headers: {
          ...(token && { authorization: `Bearer ${token}` }),
          ...(init.body !== undefined && { 'content-type': 'application/json' }),
        },
        ...(init.body !== undefined && { body: JSON.stringify(init.body) }),
      });
    },
    async restart(i) {
      await stopReplica(replicas[i]!);
      replicas[i] = await boot(i);
    },
    async stop() {
      haproxy.kill('SIGTERM');
      await exited;
      await Promise.all(replicas.map(stopReplica));
      await db.end();
      await pgdb.drop();
      await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
    },
  };
  // Up once HAProxy answers through to a replica (its checks passed).
  for (let i = 0; ; i++) {
    const ready = await fetch(`${url}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) return cluster;
    if (haproxy.exitCode !== null || i > 200) {
      await cluster.stop();
      throw new Error(`haproxy did not come up: ${haproxyLog}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** One server process (the built CLI), started and taking requests. */
export async function startReplica(env: Record<string, string>, port: number, dataDir: string) {
  const child = spawn(
    process.execPath,
    [LANYARD, 'server', 'start', '--json', '--port', String(port), '--data-dir', dataDir],
    { env: { ...process.env, ...env, HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  // The start-up line is printed once the server takes requests.
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      output += c.toString();
      if (output.includes('"url"')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`replica exited (${code}): ${output}`)));
  });
  return child;
}

export async function stopReplica(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}
