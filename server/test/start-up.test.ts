import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyMigratedPglite } from '../src/test-support/databases.js';

const LANYARD = fileURLToPath(new URL('../../bin/lanyard', import.meta.url));
const HANG_MS = 10_000;

/** A port the OS just handed out and took back, for a process that must be told its port. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const { port } = probe.address() as AddressInfo;
  await new Promise((r) => probe.close(r));
  return port;
}

type Outcome = { status: number } | { refused: true } | { hung: true };

/** One GET; a connection refused is reported as such, an answer that never comes as hung. */
function get(port: number, path: string): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0 }));
    });
    req.setTimeout(HANG_MS, () => {
      resolve({ hung: true });
      req.destroy();
    });
    req.on('error', (err: NodeJS.ErrnoException) =>
      resolve(err.code === 'ECONNREFUSED' ? { refused: true } : { status: -1 }),
    );
    req.end();
  });
}

// A request that reaches the server while it starts is answered (503 until it is ready), never
// left without an answer: before the fix the port accepted connections before the request handler
// was attached, and such a request waited forever.
describe('a server process starting up', () => {
  let child: ChildProcess | undefined;
  let dataDir: string;

  afterEach(async () => {
    if (child && child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child!.once('exit', r));
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers every request from the first accepted connection: 503 until ready, then 200', async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'lanyard-start-up-'));
    await copyMigratedPglite(join(dataDir, 'pg'));
    const port = await freePort();
    const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent' };
    delete env.DATABASE_URL;
    child = spawn(
      process.execPath,
      [LANYARD, 'server', 'start', '--port', String(port), '--data-dir', dataDir],
      { env, stdio: ['ignore', 'ignore', 'pipe'] },
    );

    let stderr = '';
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));

    // Knock until the port accepts, then keep firing requests (a few at a time, without waiting
    // for earlier ones) until one is answered 200.
    const inFlight: Promise<Outcome>[] = [];
    let accepted = false;
    const deadline = Date.now() + 60_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited: ${stderr}`);
      expect(Date.now()).toBeLessThan(deadline);
      if (!accepted) {
        const first = await get(port, '/healthz');
        if ('refused' in first) continue;
        accepted = true;
        inFlight.push(Promise.resolve(first));
      }
      const round = ['/healthz', '/readyz', '/api/v1/events'].map((p) => get(port, p));
      inFlight.push(...round);
      const health = await round[0]!;
      if ('status' in health && health.status === 200) break;
    }

    const outcomes = await Promise.all(inFlight);
    expect(outcomes.filter((o) => 'hung' in o)).toEqual([]);
    const statuses = new Set(outcomes.map((o) => ('status' in o ? o.status : 0)));
    // /api/v1/events without a token: 401 once ready.
    for (const s of statuses) expect([200, 401, 503]).toContain(s);
    expect(statuses.has(200)).toBe(true);
    // oidc-provider's "Unsupported runtime" on Node.js 20 is dropped; nothing else was said.
    expect(stderr).toBe('');
  }, 90_000);
});
