import { execFile, spawn } from 'node:child_process';
import { asHardwareError, HardwareError } from '../errors.js';
import {
  listedJobIds,
  parseLpJobId,
  parsePrinterState,
  type CupsJobState,
  type CupsPrinterState,
} from './cups-status.js';

const C_LOCALE = { ...process.env, LC_ALL: 'C', LANG: 'C' };

export interface LpOptions {
  title?: string;
  /** Extra `-o name=value` job options, e.g. "media=Custom.76x102mm" for a label printer. */
  jobOptions?: readonly string[];
}

/** Prints a PDF through `lp -d QUEUE` (document on stdin); returns the CUPS job id. */
export function lpPrint(queue: string, pdf: Uint8Array, options: LpOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const args = ['-d', queue, '-t', options.title ?? 'badge'];
    for (const o of options.jobOptions ?? []) args.push('-o', o);
    const child = spawn('lp', [...args, '--', '-'], { env: C_LOCALE });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (err += c.toString()));
    child.once('error', (e) =>
      reject(asHardwareError(e, 'printer_unreachable', 'cannot run lp (is CUPS installed?)')),
    );
    child.once('close', (code) => {
      const jobId = parseLpJobId(out);
      if (code === 0 && jobId) resolve(jobId);
      else
        reject(
          new HardwareError(
            'printer_rejected',
            `lp -d ${queue} failed: ${(err || out).trim() || `exit ${code}`}`,
          ),
        );
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(Buffer.from(pdf));
  });
}

function lpstat(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('lpstat', args, { env: C_LOCALE, timeout: 10_000 }, (err, stdout, stderr) => {
      // lpstat exits non-zero with empty output when a list is empty; that is an answer, not a failure.
      if (err && stderr.trim() !== '') {
        reject(
          new HardwareError(
            'printer_status_unavailable',
            `lpstat ${args.join(' ')}: ${stderr.trim()}`,
          ),
        );
      } else if (err && (err as NodeJS.ErrnoException).code === 'ENOENT') {
        reject(
          asHardwareError(
            err,
            'printer_status_unavailable',
            'cannot run lpstat (is CUPS installed?)',
          ),
        );
      } else resolve(stdout);
    });
  });
}

/** Where a job is: waiting, printing, done, or gone (cancelled or purged from history). */
export async function cupsJobState(queue: string, jobId: string): Promise<CupsJobState> {
  const active = listedJobIds(await lpstat(['-W', 'not-completed', '-o', queue]));
  if (active.includes(jobId)) {
    const raw = await lpstat(['-p', queue]);
    return parsePrinterState(raw).state === 'printing' && raw.includes(jobId)
      ? 'printing'
      : 'pending';
  }
  const completed = listedJobIds(await lpstat(['-W', 'completed', '-o', queue]));
  return completed.includes(jobId) ? 'completed' : 'gone';
}

export async function cupsPrinterState(queue: string): Promise<CupsPrinterState> {
  return parsePrinterState(await lpstat(['-l', '-p', queue]));
}

/** Waits until a job leaves the queue; resolves to its final state. */
export async function waitForCupsJob(
  queue: string,
  jobId: string,
  timeoutMs = 30_000,
): Promise<CupsJobState> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const state = await cupsJobState(queue, jobId);
    if (state === 'completed' || state === 'gone') return state;
    if (Date.now() > deadline)
      throw new HardwareError(
        'printer_timeout',
        `job ${jobId} still ${state} after ${timeoutMs} ms`,
      );
    await new Promise((r) => setTimeout(r, 200));
  }
}
