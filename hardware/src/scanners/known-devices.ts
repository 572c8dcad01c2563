/**
 * USB vendors whose devices we treat as barcode scanners when they show up as a keyboard or a
 * serial port. A HID interface on usage page 0x8C is a scanner whoever made it; a keyboard is
 * only taken when its vendor is listed here or in config, so we never grab a real keyboard.
 */
export interface KnownVendor {
  vendorId: number;
  name: string;
}

export const KNOWN_SCANNER_VENDORS: readonly KnownVendor[] = [
  { vendorId: 0x0c2e, name: 'Honeywell (Metrologic, HHP)' },
  { vendorId: 0x05e0, name: 'Zebra (Symbol)' },
  { vendorId: 0x05f9, name: 'Datalogic' },
  { vendorId: 0x1eab, name: 'Newland' },
  { vendorId: 0x065a, name: 'Opticon' },
  { vendorId: 0x0536, name: 'Hand Held Products' },
];

/** Badge printers, listed by `hardware list` so a technician can tell what is plugged in. */
export const KNOWN_PRINTER_VENDORS: readonly KnownVendor[] = [
  { vendorId: 0x0a5f, name: 'Zebra Technologies (printers)' },
  { vendorId: 0x1203, name: 'TSC' },
  { vendorId: 0x0dd4, name: 'Custom Engineering' },
];

export function scannerVendor(vendorId: number | undefined): KnownVendor | undefined {
  return KNOWN_SCANNER_VENDORS.find((v) => v.vendorId === vendorId);
}

export function printerVendor(vendorId: number | undefined): KnownVendor | undefined {
  return KNOWN_PRINTER_VENDORS.find((v) => v.vendorId === vendorId);
}

/** serialport reports ids as hex strings ("0c2e"); HID as numbers. */
export function parseUsbId(value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'number') return value;
  const n = Number.parseInt(value, 16);
  return Number.isNaN(n) ? undefined : n;
}
