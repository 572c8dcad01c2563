import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Config } from '@oclif/core';
import HardwareList from './list.js';
import HardwareListen from './listen.js';

const cliRoot = new URL('../../..', import.meta.url).pathname;

async function capture(fn: () => Promise<unknown>): Promise<{ out: string; exit: number }> {
  let out = '';
  // oclif prints through console.log; capture it as the terminal would see it.
  const log = console.log;
  console.log = (...args: unknown[]) => {
    out += `${args.map(String).join(' ')}\n`;
  };
  try {
    await fn();
    return { out, exit: 0 };
  } catch (err) {
    const exit = (err as { oclif?: { exit?: number } }).oclif?.exit;
    if (exit === undefined) throw err;
    return { out, exit };
  } finally {
    console.log = log;
  }
}

describe('lanyard hardware list', () => {
  it('prints an inventory as JSON on a machine with or without devices', async () => {
    const config = await Config.load({ root: cliRoot });
    const { out } = await capture(() => HardwareList.run(['--json'], config));
    const inv = JSON.parse(out);
    expect(Object.keys(inv).sort()).toEqual([
      'cupsQueues',
      'hid',
      'problems',
      'scanners',
      'serial',
    ]);
  });
});

describe('lanyard hardware listen', () => {
  it('prints exactly one JSON line per scanned code from a serial scanner', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lanyard-listen-'));
    const device = join(dir, 'scanner');
    const peer = join(dir, 'cable');
    const socat = spawn('socat', [`pty,raw,echo=0,link=${device}`, `pty,raw,echo=0,link=${peer}`], {
      stdio: 'ignore',
    });
    try {
      while (!existsSync(device) || !existsSync(peer)) await new Promise((r) => setTimeout(r, 20));
      const config = await Config.load({ root: cliRoot });
      const running = capture(() =>
        HardwareListen.run(
          ['--serial', device, '--baud', '19200', '--count', '2', '--json'],
          config,
        ),
      );
      await new Promise((r) => setTimeout(r, 300));
      const fd = openSync(peer, 'w');
      writeSync(fd, 'TICKET-"1"\r\n\u0000garbage-free\r\n');
      closeSync(fd);
      const { out, exit } = await running;
      expect(exit).toBe(0);
      expect(out).toBe(
        '{"source":"serial","data":"TICKET-\\"1\\""}\n{"source":"serial","data":"garbage-free"}\n',
      );
    } finally {
      socat.kill();
    }
  });

  it('fails with exit code 2 when the port cannot be opened', async () => {
    const config = await Config.load({ root: cliRoot });
    const { exit } = await capture(() =>
      HardwareListen.run(['--serial', '/dev/lanyard-no-such-tty', '--json'], config),
    );
    expect(exit).toBe(2);
  });
});
