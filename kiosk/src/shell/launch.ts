import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM_CANDIDATES, planKioskWindow, type KioskWindowPlan } from './browser-choice.js';

export interface LaunchOptions {
  /** The agent's UI, e.g. http://127.0.0.1:7380/. */
  url: string;
  /** Where Chromium keeps its profile (default: a folder under the system temp dir). */
  profileDir?: string;
  /** Restart the window when it exits on its own (default true): a kiosk never shows a desktop. */
  restart?: boolean;
  /** Extra command-line arguments (tests add `--headless=new`). */
  extraArgs?: string[];
  /** Overrides what is looked for on this machine. */
  chromiumPath?: string;
  preferChromium?: boolean;
}

export interface KioskWindow {
  kind: KioskWindowPlan['kind'];
  /** The running browser process (replaced after a restart). */
  readonly process: ChildProcess;
  /** How often it was restarted after exiting on its own. */
  readonly restarts: number;
  close(): Promise<void>;
}

/** Codes of launch failures. */
export class ShellError extends Error {
  override readonly name = 'ShellError';
  constructor(
    readonly code: 'no_browser',
    message: string,
  ) {
    super(message);
  }
}

/** node_modules/electron/dist's binary, when the Electron download completed. */
function electronBinary(): string | undefined {
  try {
    const pkg = createRequire(import.meta.url).resolve('electron/package.json');
    const pathFile = join(dirname(pkg), 'path.txt');
    if (!existsSync(pathFile)) return undefined;
    const binary = join(dirname(pkg), 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(binary) ? binary : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Opens the kiosk window on the agent's UI: the Electron shell when its binary is installed,
 * else Chromium in kiosk mode. Resolves once the browser process is running; a window that
 * exits on its own (crash, Alt+F4) is started again after a short pause.
 */
export async function launchKioskWindow(options: LaunchOptions): Promise<KioskWindow> {
  const profileDir = options.profileDir ?? join(tmpdir(), 'lanyard-kiosk-chromium');
  mkdirSync(profileDir, { recursive: true });
  const plan = planKioskWindow(options.url, profileDir, {
    electronBinary: options.preferChromium ? undefined : electronBinary(),
    electronMain: fileURLToPath(new URL('./electron-main.js', import.meta.url)),
    chromiumPath: options.chromiumPath ?? CHROMIUM_CANDIDATES.find((p) => existsSync(p)),
  });
  if (!plan) {
    throw new ShellError(
      'no_browser',
      'neither Electron nor Chromium is installed: apt-get install chromium, or open the URL yourself',
    );
  }
  const args = [...plan.args, ...(options.extraArgs ?? [])];
  let closing = false;
  let restarts = 0;
  let child: ChildProcess;

  const start = () => {
    child = spawn(plan.command, args, { stdio: 'ignore' });
    child.once('exit', () => {
      if (closing || options.restart === false) return;
      restarts++;
      setTimeout(() => !closing && start(), Math.min(500 * restarts, 5000)).unref();
    });
  };
  start();
  await new Promise<void>((resolve, reject) => {
    child.once('spawn', () => resolve());
    child.once('error', reject);
  });

  return {
    kind: plan.kind,
    get process() {
      return child;
    },
    get restarts() {
      return restarts;
    },
    close: () =>
      new Promise<void>((resolve) => {
        closing = true;
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

export default launchKioskWindow;
