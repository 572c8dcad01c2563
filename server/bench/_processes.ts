// Servers under load run in their own processes, so the load generator never shares their event loop.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const LANYARD = fileURLToPath(new URL('../../bin/lanyard', import.meta.url));

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  dataDir: string;
  token(): Promise<string>;
  stop(): Promise<void>;
}

function waitForLine(child: ChildProcess, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffer = '';
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString();
      const m = pattern.exec(buffer);
      if (m) {
        child.stdout!.off('data', onData);
        // From here on the server's log lines (warnings, errors) show beside the figures.
        child.stdout!.pipe(process.stderr);
        resolve(m[1] ?? m[0]);
      }
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`server exited with ${code} before it was ready: ${buffer}`)),
    );
  });
}

/** `bin/lanyard server start` (the built server) on a free port with a temporary data dir. */
export async function startLanyardProcess(
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const dataDir = await mkdtemp(join(tmpdir(), 'lanyard-bench-'));
  const child = spawn(
    LANYARD,
    ['server', 'start', '--port', '0', '--data-dir', dataDir, '--json'],
    {
      env: { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1', RATE_LIMITS: 'off', ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const line = await waitForLine(child, /^(\{"url".*\})$/m);
  const url = (JSON.parse(line) as { url: string }).url;
  return {
    url,
    child,
    dataDir,
    async token() {
      const b = JSON.parse(await readFile(join(dataDir, 'bootstrap.json'), 'utf8')) as Record<
        string,
        string
      >;
      const res = await fetch(b.token_endpoint!, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: b.client_id!,
          client_secret: b.client_secret!,
        }),
      });
      return ((await res.json()) as { access_token: string }).access_token;
    },
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

const BARE = `
  const s = require('node:http').createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });`;
// The floor of the framework the API is built on: express answering the same JSON, nothing else.
const EXPRESS = `
  const app = require('express')();
  app.set('etag', false);
  app.get('/events/:id', (req, res) => { res.json(JSON.parse(body)); });
  const s = require('node:http').createServer(app);`;

/** A baseline server in its own process answering `json`: bare node:http, or a one-route express app. */
export async function startBaselineProcess(
  kind: 'bare' | 'express',
  json: string,
): Promise<{ url: string; stop(): Promise<void> }> {
  const script = `const body = ${JSON.stringify(json)};${kind === 'bare' ? BARE : EXPRESS}
    s.listen(0, '127.0.0.1', () => console.log('listening ' + s.address().port));`;
  const child = spawn(process.execPath, ['-e', script], {
    stdio: ['ignore', 'pipe', 'inherit'],
    cwd: fileURLToPath(new URL('..', import.meta.url)),
  });
  const port = await waitForLine(child, /listening (\d+)/);
  return {
    url: `http://127.0.0.1:${port}/events/${'0'.repeat(8)}`,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
