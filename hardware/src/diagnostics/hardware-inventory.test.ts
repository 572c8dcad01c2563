import type { DeviceEnumerator } from '../scanners/device-enumeration.js';
import { takeInventory } from './hardware-inventory.js';

describe('takeInventory', () => {
  it('labels each device with what Lanyard makes of it', async () => {
    const enumerator: DeviceEnumerator = {
      listHid: async () => [
        { path: '/dev/hidraw1', vendorId: 0x0c2e, productId: 0x0b87, usagePage: 0x8c, usage: 2 },
        { path: '/dev/hidraw2', vendorId: 0x0a5f, productId: 0x0164, usagePage: 0xff00, usage: 1 },
        { path: '/dev/hidraw3', vendorId: 0x046d, productId: 0xc31c, usagePage: 1, usage: 6 },
      ],
      listSerial: async () => [
        { path: '/dev/ttyACM0', vendorId: '05e0', productId: '1900' },
        { path: '/dev/ttyS0' },
      ],
      pathExists: () => true,
    };
    const inv = await takeInventory({}, enumerator);
    expect(inv.hid.map((d) => [d.id, d.role])).toEqual([
      ['0c2e:0b87', 'hid-pos'],
      ['0a5f:0164', 'printer'],
      ['046d:c31c', 'other'],
    ]);
    expect(inv.serial.map((s) => s.role)).toEqual(['scanner', 'other']);
    expect(inv.scanners.map((s) => s.deviceId)).toEqual(['/dev/hidraw1', '/dev/ttyACM0']);
    expect(Array.isArray(inv.cupsQueues)).toBe(true);
  });

  it('runs on this machine as it is, devices or not', async () => {
    const inv = await takeInventory();
    expect(Array.isArray(inv.hid)).toBe(true);
    expect(Array.isArray(inv.serial)).toBe(true);
    expect(Array.isArray(inv.problems)).toBe(true);
  });
});
