import type { KeyboardDecoderOptions } from './keyboard-report-decoder.js';
import type { HidPosDialect } from './hid-pos-decoder.js';
import { HID_POS_USAGE_PAGE } from './hid-pos-decoder.js';
import type { LineTerminator } from './line-assembler.js';
import { parseUsbId, scannerVendor } from './known-devices.js';

/** What node-hid's `devices()` says about one HID interface. */
export interface HidDescriptor {
  path?: string;
  vendorId: number;
  productId: number;
  product?: string;
  manufacturer?: string;
  usagePage?: number;
  usage?: number;
  interface?: number;
}

/** What serialport's `SerialPort.list()` says about one port. */
export interface SerialDescriptor {
  path: string;
  vendorId?: string;
  productId?: string;
  manufacturer?: string;
}

export interface HidDeviceRule {
  vendorId: number;
  productId?: number;
  mode: 'hid-pos' | 'hid-keyboard';
}

export interface SerialPortConfig {
  path: string;
  baudRate?: number;
  terminator?: LineTerminator;
}

export interface ScannerConfig {
  hid?: {
    enabled?: boolean;
    /** Extra devices to take (or to take in a different mode) beyond the built-in table. */
    devices?: readonly HidDeviceRule[];
    keyboard?: KeyboardDecoderOptions;
    posDialect?: HidPosDialect;
  };
  serial?: {
    /** Ports to read whatever they are (a scanner behind an RS-232 adapter has no vendor id). */
    ports?: readonly SerialPortConfig[];
    /** Also take USB-CDC ports whose vendor is in the known-scanner table. Default true. */
    autoDetect?: boolean;
    baudRate?: number;
    terminator?: LineTerminator;
  };
  duplicateWindowMs?: number;
}

export type ScannerCandidate =
  | {
      kind: 'hid-pos' | 'hid-keyboard';
      deviceId: string;
      name: string;
      vendorId: number;
      productId: number;
    }
  | {
      kind: 'serial';
      deviceId: string;
      name: string;
      vendorId?: number;
      productId?: number;
      baudRate: number;
      terminator: LineTerminator;
    };

const GENERIC_DESKTOP = 0x01;
const KEYBOARD_USAGE = 0x06;

/** Which scanner (if any) a HID interface is. Pure. */
export function classifyHid(
  d: HidDescriptor,
  rules: readonly HidDeviceRule[] = [],
): 'hid-pos' | 'hid-keyboard' | undefined {
  const isKeyboard = d.usagePage === GENERIC_DESKTOP && d.usage === KEYBOARD_USAGE;
  const rule = rules.find(
    (r) => r.vendorId === d.vendorId && (r.productId === undefined || r.productId === d.productId),
  );
  if (rule) {
    if (rule.mode === 'hid-pos') return d.usagePage === HID_POS_USAGE_PAGE ? 'hid-pos' : undefined;
    return isKeyboard ? 'hid-keyboard' : undefined;
  }
  if (d.usagePage === HID_POS_USAGE_PAGE) return 'hid-pos';
  if (isKeyboard && scannerVendor(d.vendorId)) return 'hid-keyboard';
  return undefined;
}

/**
 * The scanners to run, given what is plugged in now. Pure, so hot-plug is "run the plan again":
 * a device that left drops out, one that came back reappears.
 */
export function planScanners(
  hid: readonly HidDescriptor[],
  serial: readonly SerialDescriptor[],
  config: ScannerConfig,
  pathExists: (path: string) => boolean,
): ScannerCandidate[] {
  const out: ScannerCandidate[] = [];
  if (config.hid?.enabled !== false) {
    for (const d of hid) {
      const kind = classifyHid(d, config.hid?.devices);
      if (!kind || !d.path) continue;
      const name =
        [d.manufacturer, d.product].filter(Boolean).join(' ') || hexId(d.vendorId, d.productId);
      out.push({ kind, deviceId: d.path, name, vendorId: d.vendorId, productId: d.productId });
    }
  }
  const serialDefaults = {
    baudRate: config.serial?.baudRate ?? 9600,
    terminator: config.serial?.terminator ?? ('auto' as const),
  };
  const configured = new Set<string>();
  for (const p of config.serial?.ports ?? []) {
    configured.add(p.path);
    if (!pathExists(p.path)) continue;
    out.push({
      kind: 'serial',
      deviceId: p.path,
      name: `serial ${p.path}`,
      baudRate: p.baudRate ?? serialDefaults.baudRate,
      terminator: p.terminator ?? serialDefaults.terminator,
    });
  }
  if (config.serial?.autoDetect !== false) {
    for (const s of serial) {
      const vendorId = parseUsbId(s.vendorId);
      const vendor = scannerVendor(vendorId);
      if (!vendor || configured.has(s.path)) continue;
      const productId = parseUsbId(s.productId);
      out.push({
        kind: 'serial',
        deviceId: s.path,
        name: `${vendor.name} ${s.path}`,
        ...(vendorId !== undefined ? { vendorId } : {}),
        ...(productId !== undefined ? { productId } : {}),
        ...serialDefaults,
      });
    }
  }
  return out;
}

export function hexId(vendorId: number | undefined, productId: number | undefined): string {
  const h = (n: number | undefined) => (n ?? 0).toString(16).padStart(4, '0');
  return `${h(vendorId)}:${h(productId)}`;
}
