import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startTestServer, type TestServer } from '../../../server/test/harness.js';

const LANYARD = fileURLToPath(new URL('../../../bin/lanyard', import.meta.url));

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** A user of the built CLI: own config dir, logged in to one real server on loopback. */
export interface CliUser {
  server: TestServer;
  dir: string;
  run(args: string[], env?: Record<string, string>): Promise<Run>;
  json<T = Record<string, unknown>>(args: string[]): Promise<T>;
  file(name: string, content: string | Buffer): Promise<string>;
  stop(): Promise<void>;
}

export function runLanyard(args: string[], env: Record<string, string>): Promise<Run> {
  const clean = { ...process.env };
  for (const k of Object.keys(clean)) if (k.startsWith('LANYARD_')) delete clean[k];
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [LANYARD, ...args],
      { env: { ...clean, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err ? ((err as { code?: number }).code ?? 1) : 0;
        resolve({ code: typeof code === 'number' ? code : 1, stdout, stderr });
      },
    );
  });
}

export async function startCliUser(serverEnv: Record<string, string> = {}): Promise<CliUser> {
  // PostgreSQL, not the embedded PGlite: PGlite runs in the test's own process and made the CLI
  // files the slowest of the suite (apply 128 s against 91 s here); the server's contract tests
  // cover PGlite.
  const server = await startTestServer('postgres', serverEnv);
  const dir = await mkdtemp(join(tmpdir(), 'lanyard-cli-test-'));
  const env = { XDG_CONFIG_HOME: join(dir, 'config') };
  const user: CliUser = {
    server,
    dir,
    run: (args, extra = {}) => runLanyard(args, { ...env, ...extra }),
    async json<T>(args: string[]) {
      const r = await user.run([...args, '--json']);
      if (r.code !== 0) throw new Error(`lanyard ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
      return JSON.parse(r.stdout) as T;
    },
    async file(name, content) {
      const path = join(dir, name);
      await writeFile(path, content);
      return path;
    },
    stop: () => server.stop(),
  };
  const login = await user.run([
    'login',
    '--client-credentials',
    join(server.dataDir, 'bootstrap.json'),
    '--server',
    server.url,
  ]);
  if (login.code !== 0) throw new Error(`login failed: ${login.stderr}`);
  return user;
}
