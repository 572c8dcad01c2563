import { openSync, writeSync, closeSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { DeviceInfo, ScanEvent } from '../src/scanners/scanner-events.js';
import { ScannerManager } from '../src/scanners/scanner-manager.js';
import { systemEnumerator } from '../src/scanners/device-enumeration.js';
import { openPtyPair } from './support/pty-pair.js';

const onPath = (program: string) =>
  (process.env.PATH ?? '').split(delimiter).some((dir) => existsSync(join(dir, program)));

async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

function type(path: string, text: string): void {
  const fd = openSync(path, 'w');
  writeSync(fd, text);
  closeSync(fd);
}

describe('ScannerManager', () => {
  it('discovers only devices this machine has, and says why an enumeration failed, without throwing', async () => {
    const problems: string[] = [];
    const enumerator = systemEnumerator({ onProblem: (p) => problems.push(p) });
    const hid = await enumerator.listHid();
    const serial = await enumerator.listSerial();
    // node-hid ships its native module: HID enumeration works on any machine that installed it.
    expect(problems.filter((p) => p.startsWith('HID'))).toEqual([]);
    // serialport lists ports through udev: without udevadm the list is empty and says why.
    const serialProblems = problems.filter((p) => p.startsWith('serial enumeration failed: '));
    expect(serialProblems).toHaveLength(onPath('udevadm') ? 0 : 1);
    expect(problems).toHaveLength(serialProblems.length);

    const manager = new ScannerManager({ enumerator, serial: { autoDetect: true } });
    await manager.start();
    const devices = manager.devices();
    await manager.stop();
    // Every device the manager attached is one the enumeration found (by its path).
    const found = new Set([...hid.map((d) => d.path), ...serial.map((d) => d.path)]);
    for (const device of devices) expect(found).toContain(device.deviceId);
    if (found.size === 0) expect(devices).toEqual([]);
  });

  it('attaches a configured serial scanner, detaches it on unplug and reconnects when it returns', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lanyard-hotplug-'));
    const names = ['scanner', 'cable'];
    let pty = await openPtyPair(dir, names);
    const manager = new ScannerManager({
      pollIntervalMs: 50,
      serial: { ports: [{ path: pty.device }], autoDetect: false },
      hid: { enabled: false },
      duplicateWindowMs: 0,
    });
    const attached: DeviceInfo[] = [];
    const detached: DeviceInfo[] = [];
    const scans: ScanEvent[] = [];
    manager.on('attach', (d) => attached.push(d));
    manager.on('detach', (d) => detached.push(d));
    manager.on('scan', (s) => scans.push(s));
    manager.on('error', () => undefined);
    try {
      await manager.start();
      expect(attached.map((d) => d.deviceId)).toEqual([pty.device]);
      type(pty.peer, 'FIRST\r\n');
      await until(() => scans.length === 1);

      await pty.close();
      await until(() => detached.length === 1);
      expect(manager.devices()).toEqual([]);

      pty = await openPtyPair(dir, names);
      await until(() => attached.length === 2);
      type(pty.peer, 'AFTER-REPLUG\r\n');
      await until(() => scans.length === 2);
      expect(scans.map((s) => s.data)).toEqual(['FIRST', 'AFTER-REPLUG']);
    } finally {
      await manager.stop();
      await pty.close();
    }
  });

  it('reports a device that cannot be opened once, not on every poll', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'lanyard-badport-'));
    const manager = new ScannerManager({
      pollIntervalMs: 20,
      serial: { ports: [{ path: dir }], autoDetect: false },
      hid: { enabled: false },
    });
    const errors: string[] = [];
    manager.on('error', (e) => errors.push(e.code));
    await manager.start();
    await new Promise((r) => setTimeout(r, 150));
    await manager.stop();
    expect(errors).toEqual(['device_open_failed']);
  });
});
