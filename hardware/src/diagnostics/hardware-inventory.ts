import { execFile } from 'node:child_process';
import { systemEnumerator, type DeviceEnumerator } from '../scanners/device-enumeration.js';
import { printerVendor, parseUsbId, scannerVendor } from '../scanners/known-devices.js';
import {
  classifyHid,
  hexId,
  planScanners,
  type HidDescriptor,
  type ScannerCandidate,
  type ScannerConfig,
  type SerialDescriptor,
} from '../scanners/scanner-plan.js';

/** What a technician sees with `lanyard hardware list`: every device, and what we make of it. */
export interface HardwareInventory {
  scanners: ScannerCandidate[];
  hid: (HidDescriptor & {
    id: string;
    role: 'hid-pos' | 'hid-keyboard' | 'printer' | 'other';
    vendor?: string;
  })[];
  serial: (SerialDescriptor & { role: 'scanner' | 'other'; vendor?: string })[];
  cupsQueues: string[];
  /** Why a list may be empty (no permission, CUPS not running, …). */
  problems: string[];
}

export async function takeInventory(
  config: ScannerConfig = {},
  enumerator?: DeviceEnumerator,
): Promise<HardwareInventory> {
  const problems: string[] = [];
  const devices = enumerator ?? systemEnumerator({ onProblem: (p) => problems.push(p) });
  const [hid, serial, cupsQueues] = await Promise.all([
    devices.listHid(),
    devices.listSerial(),
    listCupsQueues().catch((err: Error) => {
      problems.push(`CUPS: ${err.message}`);
      return [];
    }),
  ]);
  return {
    scanners: planScanners(hid, serial, config, (p) => devices.pathExists(p)),
    hid: hid.map((d) => {
      const mode = classifyHid(d, config.hid?.devices);
      const vendor = scannerVendor(d.vendorId) ?? printerVendor(d.vendorId);
      const role = mode ?? (printerVendor(d.vendorId) ? 'printer' : 'other');
      return {
        ...d,
        id: hexId(d.vendorId, d.productId),
        role,
        ...(vendor ? { vendor: vendor.name } : {}),
      };
    }),
    serial: serial.map((s) => {
      const vendor = scannerVendor(parseUsbId(s.vendorId));
      return {
        ...s,
        role: vendor ? 'scanner' : 'other',
        ...(vendor ? { vendor: vendor.name } : {}),
      };
    }),
    cupsQueues,
    problems,
  };
}

/** Queue names from `lpstat -e`; a machine without CUPS has none. */
export function listCupsQueues(): Promise<string[]> {
  return new Promise((resolve, reject) => {
    execFile(
      'lpstat',
      ['-e'],
      { env: { ...process.env, LC_ALL: 'C' }, timeout: 5000 },
      (err, stdout, stderr) => {
        if (err && (err as NodeJS.ErrnoException).code === 'ENOENT')
          return reject(new Error('lpstat not installed'));
        if (err && stderr.trim()) return reject(new Error(stderr.trim()));
        resolve(
          stdout
            .split('\n')
            .map((l) => l.trim())
            .filter(Boolean),
        );
      },
    );
  });
}
