import { execFileSync, spawn } from 'node:child_process';
import {
  closeSync,
  existsSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readlinkSync,
  realpathSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { Config } from '@oclif/core';
import type { HardwareInventory } from '@lanyard/hardware';
import { setUpCupsPdfQueue } from '../../../../hardware/test/support/cups-queue.js';
import HardwareList from './list.js';
import HardwareListen from './listen.js';

const cliRoot = new URL('../../..', import.meta.url).pathname;
const QUEUE = 'lanyardclilist';

const onPath = (program: string) =>
  (process.env.PATH ?? '').split(delimiter).some((dir) => existsSync(join(dir, program)));

/** Resolves once this process holds `path` open (the command runs in-process). */
async function openedHere(path: string, timeoutMs = 10_000): Promise<void> {
  const target = realpathSync(path);
  const deadline = Date.now() + timeoutMs;
  const open = () =>
    readdirSync('/proc/self/fd').some((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`) === target;
      } catch {
        return false; // closed while we looked
      }
    });
  while (!open()) {
    if (Date.now() > deadline) throw new Error(`${path} was not opened within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

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
  it('prints this machine’s inventory as JSON: its CUPS queues, scanners and problems', async () => {
    // A queue of our own, so the list has one to show whatever else the machine has.
    setUpCupsPdfQueue(QUEUE, '/var/spool/lanyard-cli-pdf');
    const config = await Config.load({ root: cliRoot });
    const { out } = await capture(() => HardwareList.run(['--json'], config));
    const inv = JSON.parse(out) as HardwareInventory;
    expect(Object.keys(inv).sort()).toEqual([
      'cupsQueues',
      'hid',
      'problems',
      'scanners',
      'serial',
    ]);
    expect(inv.cupsQueues).toContain(QUEUE);
    // Every queue listed is one CUPS itself names (lpstat -e, read after the command).
    const named = execFileSync('lpstat', ['-e'], { encoding: 'utf8' }).split('\n');
    for (const queue of inv.cupsQueues) expect(named).toContain(queue);
    // Without --all only scanners and printers among HID devices.
    expect(inv.hid.filter((d) => d.role === 'other')).toEqual([]);
    // A scanner is one of the devices found; without udevadm serial enumeration says why.
    const found = new Set([...inv.hid.map((d) => d.path), ...inv.serial.map((d) => d.path)]);
    for (const scanner of inv.scanners) expect(found).toContain(scanner.deviceId);
    const serialFailed = inv.problems.filter((p) => p.startsWith('serial enumeration failed: '));
    expect(serialFailed).toHaveLength(onPath('udevadm') ? 0 : 1);
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
      // Written before the port is open, the codes would be flushed away: wait until it is.
      await openedHere(device);
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
