import { existsSync } from 'node:fs';
import type { HidDescriptor, SerialDescriptor } from './scanner-plan.js';

/** Where the manager learns what is plugged in; the default asks node-hid and serialport. */
export interface DeviceEnumerator {
  listHid(): Promise<HidDescriptor[]>;
  listSerial(): Promise<SerialDescriptor[]>;
  pathExists(path: string): boolean;
}

export type HidDriver = 'hidraw' | 'libusb';

/**
 * Enumeration never throws: a machine without USB access, without libusb or without any port
 * is a machine with no devices, and the reason is passed to `onProblem` once per call.
 */
export function systemEnumerator(
  options: { hidDriver?: HidDriver; onProblem?: (message: string) => void } = {},
): DeviceEnumerator {
  const problem = options.onProblem ?? (() => undefined);
  let driverSet = false;
  return {
    async listHid() {
      try {
        const hid = await import('node-hid');
        if (options.hidDriver && !driverSet) {
          hid.setDriverType(options.hidDriver);
          driverSet = true;
        }
        return (await hid.devicesAsync()).map((d) => ({ ...d }) as HidDescriptor);
      } catch (err) {
        problem(`HID enumeration failed: ${err instanceof Error ? err.message : String(err)}`);
        return [];
      }
    },
    async listSerial() {
      try {
        const { SerialPort } = await import('serialport');
        return (await SerialPort.list()).map((p) => {
          const d: SerialDescriptor = { path: p.path };
          if (p.vendorId) d.vendorId = p.vendorId;
          if (p.productId) d.productId = p.productId;
          if (p.manufacturer) d.manufacturer = p.manufacturer;
          return d;
        });
      } catch (err) {
        problem(`serial enumeration failed: ${err instanceof Error ? err.message : String(err)}`);
        return [];
      }
    },
    pathExists: (path) => existsSync(path),
  };
}
