import { openSync, writeSync, closeSync } from 'node:fs';
import type { HardwareError } from '../src/errors.js';
import type { ScanEvent } from '../src/scanners/scanner-events.js';
import { SerialScannerSource } from '../src/scanners/serial-scanner-source.js';
import { openPtyPair, type PtyPair } from './support/pty-pair.js';

/** The scanner's side of the cable: writes bytes in the chunks given, with a pause between. */
async function scannerWrites(
  path: string,
  chunks: (string | Uint8Array)[],
  pauseMs = 5,
): Promise<void> {
  const fd = openSync(path, 'w');
  try {
    for (const c of chunks) {
      writeSync(fd, typeof c === 'string' ? Buffer.from(c, 'latin1') : c);
      await new Promise((r) => setTimeout(r, pauseMs));
    }
  } finally {
    closeSync(fd);
  }
}

function collect(source: SerialScannerSource) {
  const scans: ScanEvent[] = [];
  const errors: HardwareError[] = [];
  source.on('scan', (e) => scans.push(e));
  source.on('error', (e) => errors.push(e));
  return { scans, errors };
}

async function until(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('serial scanner over a pty pair', () => {
  let pty: PtyPair;
  let source: SerialScannerSource | undefined;

  beforeEach(async () => {
    pty = await openPtyPair();
  });
  afterEach(async () => {
    await source?.close();
    source = undefined;
    await pty.close();
  });

  it('delivers each code whole however the bytes are chunked', async () => {
    source = new SerialScannerSource({ path: pty.device, baudRate: 115200, duplicateWindowMs: 0 });
    const { scans } = collect(source);
    await source.open();
    const token = 'eyJhbGciOiJFZERTQSJ9.eyJ0IjoiOGY1YjJjIn0.c2lnbmF0dXJl';
    await scannerWrites(pty.peer, [
      token.slice(0, 1),
      token.slice(1, 20),
      token.slice(20) + '\r',
      '\nSECOND-',
      '2\r\n',
    ]);
    await until(() => scans.length === 2);
    expect(scans.map((s) => s.data)).toEqual([token, 'SECOND-2']);
    expect(scans[0]).toMatchObject({ source: 'serial', deviceId: pty.device });
  });

  it.each([
    ['CR', '\r'],
    ['LF', '\n'],
    ['CRLF', '\r\n'],
  ] as const)('reads codes ended by %s when configured for it', async (terminator, bytes) => {
    source = new SerialScannerSource({ path: pty.device, terminator, duplicateWindowMs: 0 });
    const { scans } = collect(source);
    await source.open();
    await scannerWrites(pty.peer, [`A-1${bytes}B-2${bytes}`]);
    await until(() => scans.length === 2);
    expect(scans.map((s) => s.data)).toEqual(['A-1', 'B-2']);
  });

  it('ignores garbage bytes between and inside codes', async () => {
    source = new SerialScannerSource({ path: pty.device, duplicateWindowMs: 0 });
    const { scans } = collect(source);
    await source.open();
    await scannerWrites(pty.peer, [
      Uint8Array.from([0x00, 0xff, 0x13, 0x11]),
      'GOOD',
      Uint8Array.from([0x00, 0x9f]),
      '-1\r\n',
      Uint8Array.from([0xfe, 0x0a]),
    ]);
    await until(() => scans.length === 1);
    await new Promise((r) => setTimeout(r, 50));
    expect(scans.map((s) => s.data)).toEqual(['GOOD-1']);
  });

  it('reports an over-long line as an error and keeps reading the port', async () => {
    source = new SerialScannerSource({ path: pty.device, maxLength: 64, duplicateWindowMs: 0 });
    const { scans, errors } = collect(source);
    await source.open();
    await scannerWrites(pty.peer, [
      'Z'.repeat(50),
      'Z'.repeat(50),
      'Z'.repeat(50) + '\r\n',
      'AFTER-1\r\n',
    ]);
    await until(() => scans.length === 1);
    expect(errors.map((e) => e.code)).toEqual(['scan_too_long']);
    expect(scans.map((s) => s.data)).toEqual(['AFTER-1']);
    expect(source.isOpen).toBe(true);
  });

  it('reports one scan when the same code arrives twice within the window', async () => {
    source = new SerialScannerSource({ path: pty.device, duplicateWindowMs: 2000 });
    const { scans } = collect(source);
    await source.open();
    await scannerWrites(pty.peer, ['SAME\r\n', 'SAME\r\n', 'OTHER\r\n']);
    await until(() => scans.length === 2);
    await new Promise((r) => setTimeout(r, 50));
    expect(scans.map((s) => s.data)).toEqual(['SAME', 'OTHER']);
  });

  it('detaches when the other end goes away, instead of crashing', async () => {
    source = new SerialScannerSource({ path: pty.device, presenceCheckMs: 100 });
    const detached: string[] = [];
    const { errors } = collect(source);
    source.on('detach', (d) => detached.push(d.deviceId));
    await source.open();
    await pty.close();
    await until(() => detached.length === 1);
    expect(source.isOpen).toBe(false);
    // Linux reports a hung-up line as EBADF (close) or EIO (read error), depending on timing.
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) expect(['device_disconnected', 'device_io_failed']).toContain(e.code);
  });

  it('fails to open a port that does not exist with a typed error', async () => {
    source = new SerialScannerSource({ path: `${pty.device}-missing` });
    await expect(source.open()).rejects.toMatchObject({ code: 'device_open_failed' });
  });
});
