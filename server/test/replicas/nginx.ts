import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './cluster.js';

// nginx (Debian's package) in front of the same replicas, with docs/ops/nginx.conf: only its
// addresses are replaced, and it runs in the foreground with its own pid file and logs here.

const NGINX_CONF = fileURLToPath(new URL('../../../docs/ops/nginx.conf', import.meta.url));

export interface Nginx {
  url: string;
  log(): string;
  stop(): Promise<void>;
}

export async function startNginx(replicas: string[]): Promise<Nginx> {
  const dir = await mkdtemp(join(tmpdir(), 'lanyard-nginx-'));
  const port = await freePort();
  let servers = 0;
  const conf = (await readFile(NGINX_CONF, 'utf8'))
    .replace(/server 10\.0\.0\.\d+:8080/g, () => `server ${new URL(replicas[servers++]!).host}`)
    .replace('listen 8080;', `listen 127.0.0.1:${port};`)
    .replace('worker_processes auto;', 'worker_processes 1;');
  if (servers !== replicas.length) throw new Error(`nginx.conf names ${servers} replicas`);
  await writeFile(
    join(dir, 'nginx.conf'),
    `daemon off;\npid ${join(dir, 'nginx.pid')};\nerror_log stderr warn;\n${conf}`,
  );
  const nginx: ChildProcess = spawn('nginx', ['-p', dir, '-c', join(dir, 'nginx.conf')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  nginx.stderr!.on('data', (c: Buffer) => (log += c.toString()));
  const exited = new Promise<void>((r) => nginx.once('exit', () => r()));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    nginx.kill('SIGQUIT');
    await exited;
    await rm(dir, { recursive: true, force: true });
  };
  for (let i = 0; ; i++) {
    const ok = await fetch(`${url}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ok) return { url, log: () => log, stop };
    if (nginx.exitCode !== null || i > 200) {
      await stop();
      throw new Error(`nginx did not come up: ${log}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}
