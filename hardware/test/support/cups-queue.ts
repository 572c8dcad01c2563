import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// CUPS's admin tools live in /usr/sbin, which a CI runner's PATH may leave out.
const ADMIN_ENV = {
  ...process.env,
  PATH: `${process.env.PATH ?? ''}:/usr/local/sbin:/usr/sbin:/sbin`,
};

function run(file: string, args: string[], env: NodeJS.ProcessEnv = ADMIN_ENV): string {
  try {
    return execFileSync(file, args, { env, stdio: ['ignore', 'pipe', 'pipe'] }).toString();
  } catch (err) {
    const stderr = (err as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`${file} ${args.join(' ')} failed${stderr ? `: ${stderr}` : ''}`);
  }
}

/**
 * Starts cupsd if needed and creates a virtual cups-pdf queue that writes each job as a PDF into
 * `outdir` (hardware/test/cups-setup.sh; idempotent).
 */
export function setUpCupsPdfQueue(queue: string, outdir: string): void {
  const script = fileURLToPath(new URL('../cups-setup.sh', import.meta.url));
  run('bash', [script], { ...ADMIN_ENV, LANYARD_TEST_QUEUE: queue, LANYARD_TEST_PDF_DIR: outdir });
}

/** Stops or resumes a queue the way a technician would (cupsdisable / cupsenable). */
export function setCupsQueueEnabled(queue: string, enabled: boolean): void {
  run(enabled ? 'cupsenable' : 'cupsdisable', [queue]);
}

/** Deletes a test queue (lpadmin -x); its PDFs stay in its output directory. */
export function removeCupsQueue(queue: string): void {
  run('lpadmin', ['-x', queue]);
}
