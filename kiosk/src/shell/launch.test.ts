import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromiumKioskArgs, planKioskWindow } from './browser-choice.js';
import { launchKioskWindow, type KioskWindow } from './launch.js';

describe('choosing the kiosk window', () => {
  const url = 'http://127.0.0.1:7380/';
  it('uses Electron when its binary is installed, pointing it at the agent', () => {
    const plan = planKioskWindow(url, '/tmp/p', {
      electronBinary: '/opt/electron/electron',
      electronMain: '/app/dist/shell/electron-main.js',
      chromiumPath: '/usr/bin/chromium',
    });
    expect(plan).toEqual({
      kind: 'electron',
      command: '/opt/electron/electron',
      args: ['/app/dist/shell/electron-main.js', `--lanyard-url=${url}`],
    });
  });

  it('falls back to Chromium in kiosk mode, quiet on a closed network', () => {
    const plan = planKioskWindow(url, '/tmp/p', {
      electronBinary: undefined,
      electronMain: 'x',
      chromiumPath: '/usr/bin/chromium',
    });
    expect(plan?.kind).toBe('chromium');
    expect(plan?.args).toEqual(expect.arrayContaining(['--kiosk', `--app=${url}`]));
    expect(plan?.args).toEqual(
      expect.arrayContaining([
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--user-data-dir=/tmp/p',
      ]),
    );
  });

  it('has nothing to open when neither browser is installed', () => {
    expect(
      planKioskWindow(url, '/tmp/p', {
        electronBinary: undefined,
        electronMain: 'x',
        chromiumPath: undefined,
      }),
    ).toBeUndefined();
    expect(chromiumKioskArgs(url, '/p').filter((a) => a.startsWith('--app='))).toHaveLength(1);
  });
});

describe('launching Debian’s Chromium on the agent’s page', () => {
  let server: Server;
  let hits: string[];
  let window: KioskWindow | undefined;
  let profile: string;

  beforeEach(async () => {
    hits = [];
    profile = mkdtempSync(join(tmpdir(), 'lanyard-shell-'));
    server = createServer((req, res) => {
      hits.push(req.url ?? '');
      res.writeHead(200, { 'content-type': 'text/html' }).end('<title>kiosk</title>ok');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  });
  afterEach(async () => {
    await window?.close();
    window = undefined;
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
    // Chromium's helpers of the killed browser may still be writing its profile for a moment.
    await rm(profile, { recursive: true, force: true, maxRetries: 20, retryDelay: 100 });
  }, 30_000);

  const waitFor = async (check: () => boolean) => {
    const deadline = Date.now() + 15_000;
    while (!check()) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  it('opens the page, and opens it again when the browser dies', async () => {
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    window = await launchKioskWindow({
      url,
      profileDir: profile,
      preferChromium: true,
      extraArgs: ['--headless=new', '--no-sandbox', '--disable-gpu'],
    });
    expect(window.kind).toBe('chromium');
    await waitFor(() => hits.includes('/'));
    const first = window.process.pid;
    window.process.kill('SIGKILL');
    await waitFor(() => window!.restarts === 1 && window!.process.pid !== first);
    await waitFor(() => hits.filter((h) => h === '/').length >= 2);
  }, 30_000);
});
