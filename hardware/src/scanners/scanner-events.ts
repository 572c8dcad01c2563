import { EventEmitter } from 'node:events';
import type { HardwareError } from '../errors.js';

export type ScannerKind = 'hid-pos' | 'hid-keyboard' | 'serial' | 'camera';

/** One physical scan: the decoded text, once. */
export interface ScanEvent {
  source: ScannerKind;
  /** Stable id of the device that read it (HID path, serial path, camera name). */
  deviceId: string;
  data: string;
  /** AIM symbology identifier (e.g. "]Q1") or zxing format name, when the device tells us. */
  symbology?: string;
  /** Epoch milliseconds at which the scan completed. */
  at: number;
}

export interface DeviceInfo {
  kind: ScannerKind;
  deviceId: string;
  name?: string;
  vendorId?: number;
  productId?: number;
}

export interface ScannerEventMap {
  scan: [ScanEvent];
  attach: [DeviceInfo];
  detach: [DeviceInfo];
  error: [HardwareError];
}

/** The one event API every scanner source and the scanner manager share. */
export class ScannerEmitter extends EventEmitter<ScannerEventMap> {
  /**
   * A scanner fault must never take the kiosk down: an `error` nobody listens to is dropped
   * instead of thrown (Node's default for unhandled `error` events).
   */
  protected reportError(err: HardwareError): void {
    if (this.listenerCount('error') > 0) this.emit('error', err);
  }
}

/** What every source (HID, serial, camera) offers besides the events. */
export interface ScannerSource extends ScannerEmitter {
  readonly info: DeviceInfo;
  readonly isOpen: boolean;
  open(): Promise<void>;
  close(): Promise<void>;
}
