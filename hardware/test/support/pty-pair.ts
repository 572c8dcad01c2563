import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Two connected pseudo-terminals made by socat: what one end writes the other reads, like a
 * scanner (or printer) on a serial cable. `device` is the end our code opens.
 */
export interface PtyPair {
  device: string;
  peer: string;
  close(): Promise<void>;
}

export async function openPtyPair(
  dir = mkdtempSync(join(tmpdir(), 'lanyard-pty-')),
  names = ['device', 'peer'],
): Promise<PtyPair> {
  const device = join(dir, names[0] ?? 'device');
  const peer = join(dir, names[1] ?? 'peer');
  const child: ChildProcess = spawn(
    'socat',
    [`pty,raw,echo=0,link=${device}`, `pty,raw,echo=0,link=${peer}`],
    { stdio: 'ignore' },
  );
  let exited = false;
  child.once('exit', () => (exited = true));
  const deadline = Date.now() + 5000;
  while (!(existsSync(device) && existsSync(peer))) {
    if (exited || Date.now() > deadline)
      throw new Error('socat did not create the pty pair (is socat installed?)');
    await new Promise((r) => setTimeout(r, 20));
  }
  return {
    device,
    peer,
    close: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
