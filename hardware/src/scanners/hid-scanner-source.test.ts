import { EventEmitter } from 'node:events';
import { fixture, hex } from '../../test/support/fixtures.js';
import type { HardwareError } from '../errors.js';
import { HidScannerSource, type HidDeviceHandle } from './hid-scanner-source.js';
import type { ScanEvent } from './scanner-events.js';

/**
 * Stands in for node-hid's HIDAsync, which needs a physical device: it emits the recorded
 * reports as `data` events exactly as node-hid would, and a read error as on unplug.
 */
class RecordedDevice extends EventEmitter implements HidDeviceHandle {
  closed = false;
  async close(): Promise<void> {
    this.closed = true;
  }
}

function setup(options: Partial<ConstructorParameters<typeof HidScannerSource>[0]> = {}) {
  const device = new RecordedDevice();
  let now = 0;
  const source = new HidScannerSource({
    path: '/dev/hidraw7',
    mode: 'hid-pos',
    openDevice: async () => device,
    now: () => now,
    ...options,
  });
  const scans: ScanEvent[] = [];
  const errors: HardwareError[] = [];
  source.on('scan', (s) => scans.push(s));
  source.on('error', (e) => errors.push(e));
  return { device, source, scans, errors, setNow: (t: number) => (now = t) };
}

describe('HidScannerSource', () => {
  it('emits one scan per HID POS code with its symbology', async () => {
    const { device, source, scans } = setup();
    await source.open();
    for (const r of fixture<{ reports: string[] }>('hid/honeywell-qr-token.json').reports)
      device.emit('data', Buffer.from(hex(r)));
    expect(scans.map((s) => [s.source, s.symbology, s.data.length])).toEqual([
      ['hid-pos', ']Q1', 89],
      ['hid-pos', ']C0', 12],
    ]);
  });

  it('suppresses the same code read again within the duplicate window', async () => {
    const { device, source, scans, setNow } = setup({ duplicateWindowMs: 1000 });
    await source.open();
    const reports = fixture<{ reports: string[] }>('hid/honeywell-qr-token.json').reports.slice(-1);
    for (const t of [0, 400, 1600]) {
      setNow(t);
      device.emit('data', Buffer.from(hex(reports[0] ?? '')));
    }
    expect(scans.map((s) => s.at)).toEqual([0, 1600]);
  });

  it('ends a keyboard-wedge code without terminator when the keys stop', async () => {
    const { device, source, scans } = setup({
      mode: 'hid-keyboard',
      now: Date.now,
      keyboard: { interKeyTimeoutMs: 30 },
    });
    await source.open();
    const f = fixture<{ reports: { hex: string }[] }>('hid/wedge-us-no-terminator.json');
    for (const r of f.reports.slice(0, 12)) device.emit('data', Buffer.from(hex(r.hex)));
    expect(scans).toEqual([]);
    await new Promise((r) => setTimeout(r, 80));
    expect(scans.map((s) => [s.source, s.data])).toEqual([['hid-keyboard', 'ABC123']]);
  });

  it('detaches and closes the device when node-hid reports a read error (unplug)', async () => {
    const { device, source, errors } = setup();
    const detached: string[] = [];
    source.on('detach', (d) => detached.push(d.deviceId));
    await source.open();
    device.emit('error', new Error('could not read from HID device'));
    await new Promise((r) => setImmediate(r));
    expect(detached).toEqual(['/dev/hidraw7']);
    expect(device.closed).toBe(true);
    expect(errors.map((e) => e.code)).toEqual(['device_disconnected']);
  });

  it('reports a failed open as a typed error', async () => {
    const source = new HidScannerSource({
      path: '/dev/hidraw9',
      mode: 'hid-pos',
      openDevice: () => Promise.reject(new Error('cannot open device')),
    });
    await expect(source.open()).rejects.toMatchObject({ code: 'device_open_failed' });
  });

  it('opens a real node-hid path that does not exist with a typed error, not a crash', async () => {
    const source = new HidScannerSource({
      path: '/dev/hidraw-lanyard-missing',
      mode: 'hid-keyboard',
    });
    await expect(source.open()).rejects.toMatchObject({ code: 'device_open_failed' });
  });
});
