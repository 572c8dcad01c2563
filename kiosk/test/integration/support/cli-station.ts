import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const LANYARD = fileURLToPath(new URL('../../../../bin/lanyard', import.meta.url));

/** The first line `lanyard kiosk start --json` prints. */
export interface StartLine {
  url: string;
  port: number;
  deviceId: string;
  eventId: string;
  dataDir: string;
  enrolled: boolean;
  ui: string;
}

/** `bin/lanyard` (the built CLI) as a child process, its output gathered. */
export class CliProcess {
  readonly child: ChildProcess;
  stdout = '';
  stderr = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  constructor(args: string[]) {
    const env = { ...process.env };
    for (const k of Object.keys(env)) if (k.startsWith('LANYARD_')) delete env[k];
    this.child = spawn(process.execPath, [LANYARD, ...args], { env });
    this.child.stdout!.setEncoding('utf8').on('data', (d: string) => (this.stdout += d));
    this.child.stderr!.setEncoding('utf8').on('data', (d: string) => (this.stderr += d));
    this.exited = new Promise((resolve) =>
      this.child.once('exit', (code, signal) => resolve({ code, signal })),
    );
  }

  /** The first stdout line as JSON, once printed; fails if the process ends first. */
  async firstLine(ms = 60_000): Promise<StartLine> {
    const deadline = Date.now() + ms;
    for (;;) {
      const newline = this.stdout.indexOf('\n');
      if (newline >= 0) return JSON.parse(this.stdout.slice(0, newline)) as StartLine;
      if (this.child.exitCode !== null || this.child.signalCode !== null)
        throw new Error(`lanyard exited before printing: ${this.stderr}`);
      if (Date.now() > deadline) throw new Error(`lanyard printed nothing: ${this.stderr}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  kill(signal: NodeJS.Signals): void {
    this.child.kill(signal);
  }
}

export const kioskStart = (args: string[]) =>
  new CliProcess(['kiosk', 'start', '--headless', '--port', '0', '--json', ...args]);
