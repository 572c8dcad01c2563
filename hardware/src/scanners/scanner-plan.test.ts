import { classifyHid, planScanners, type HidDescriptor } from './scanner-plan.js';

const honeywellPos: HidDescriptor = {
  path: '/dev/hidraw3',
  vendorId: 0x0c2e,
  productId: 0x0b87,
  product: 'Voyager 1450g',
  manufacturer: 'Honeywell',
  usagePage: 0x8c,
  usage: 0x02,
};
const honeywellWedge: HidDescriptor = {
  path: '/dev/hidraw4',
  vendorId: 0x0c2e,
  productId: 0x0b81,
  usagePage: 0x01,
  usage: 0x06,
};
const plainKeyboard: HidDescriptor = {
  path: '/dev/hidraw0',
  vendorId: 0x046d,
  productId: 0xc31c,
  product: 'USB Keyboard',
  usagePage: 0x01,
  usage: 0x06,
};
const unknownPos: HidDescriptor = {
  path: '/dev/hidraw5',
  vendorId: 0x1234,
  productId: 0x0001,
  usagePage: 0x8c,
  usage: 0x02,
};

describe('planScanners', () => {
  it('takes HID POS interfaces from any vendor and keyboards only from scanner vendors', () => {
    const plan = planScanners(
      [honeywellPos, honeywellWedge, plainKeyboard, unknownPos],
      [],
      {},
      () => false,
    );
    expect(plan.map((c) => [c.kind, c.deviceId])).toEqual([
      ['hid-pos', '/dev/hidraw3'],
      ['hid-keyboard', '/dev/hidraw4'],
      ['hid-pos', '/dev/hidraw5'],
    ]);
    expect(plan[0]?.name).toBe('Honeywell Voyager 1450g');
  });

  it('takes a keyboard-wedge scanner from an unlisted vendor when config names it', () => {
    const plan = planScanners(
      [plainKeyboard],
      [],
      { hid: { devices: [{ vendorId: 0x046d, productId: 0xc31c, mode: 'hid-keyboard' }] } },
      () => false,
    );
    expect(plan.map((c) => c.kind)).toEqual(['hid-keyboard']);
  });

  it('takes no HID device when HID is switched off', () => {
    expect(planScanners([honeywellPos], [], { hid: { enabled: false } }, () => false)).toEqual([]);
  });

  it('auto-detects USB-CDC scanners by vendor and opens configured ports only while they exist', () => {
    const serial = [
      { path: '/dev/ttyACM0', vendorId: '0c2e', productId: '0b8a' },
      { path: '/dev/ttyUSB0', vendorId: '0403', productId: '6001' },
    ];
    const config = {
      serial: { ports: [{ path: '/dev/ttyS1', baudRate: 115200 }, { path: '/dev/ttyS9' }] },
    };
    const plan = planScanners([], serial, config, (p) => p === '/dev/ttyS1');
    expect(plan).toEqual([
      {
        kind: 'serial',
        deviceId: '/dev/ttyS1',
        name: 'serial /dev/ttyS1',
        baudRate: 115200,
        terminator: 'auto',
      },
      {
        kind: 'serial',
        deviceId: '/dev/ttyACM0',
        name: 'Honeywell (Metrologic, HHP) /dev/ttyACM0',
        vendorId: 0x0c2e,
        productId: 0x0b8a,
        baudRate: 9600,
        terminator: 'auto',
      },
    ]);
  });

  it('skips HID interfaces without a path, which cannot be opened', () => {
    const { path: _path, ...noPath } = honeywellPos;
    expect(planScanners([noPath], [], {}, () => false)).toEqual([]);
  });
});

describe('classifyHid', () => {
  it('does not take the POS interface of a device configured as a keyboard wedge', () => {
    expect(classifyHid(honeywellPos, [{ vendorId: 0x0c2e, mode: 'hid-keyboard' }])).toBeUndefined();
    expect(classifyHid(honeywellWedge, [{ vendorId: 0x0c2e, mode: 'hid-keyboard' }])).toBe(
      'hid-keyboard',
    );
  });
});
