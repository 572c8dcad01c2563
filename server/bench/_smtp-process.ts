// An SMTP server (smtp-server on loopback, accepting and dropping every mail) in a process of
// its own, so the benchmark's load generator does not share an event loop with it.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { startMailSink } from '../test/mail-sink.js';

if (process.argv[2] === '--serve') {
  const sink = await startMailSink({ parse: false });
  console.log(JSON.stringify({ url: sink.url }));
  process.on('SIGTERM', () => void sink.stop().then(() => process.exit(0)));
}

/** Starts the SMTP server process; its URL for SMTP_URL, and how to stop it. */
export async function startSmtpProcess(): Promise<{
  url: string;
  pid: number;
  stop(): Promise<void>;
}> {
  const tsx = createRequire(import.meta.url).resolve('tsx');
  const child = spawn(
    process.execPath,
    ['--import', tsx, fileURLToPath(import.meta.url), '--serve'],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let buffer = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const line = /^(\{"url".*\})$/m.exec(buffer);
      if (line) resolve((JSON.parse(line[1]!) as { url: string }).url);
    });
    child.once('exit', (code) => reject(new Error(`SMTP process exited with ${code}`)));
  });
  return {
    url,
    pid: child.pid!,
    async stop() {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
