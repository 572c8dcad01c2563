import type { EventEmitter } from 'node:events';
import { asHardwareError, HardwareError } from '../errors.js';
import { HidPosDecoder, type HidPosDialect } from './hid-pos-decoder.js';
import { KeyboardReportDecoder, type KeyboardDecoderOptions } from './keyboard-report-decoder.js';
import type { DeviceInfo } from './scanner-events.js';
import { SourceBase, type SourceOptions } from './source-base.js';

/** The slice of node-hid's HIDAsync a source needs. */
export interface HidDeviceHandle extends EventEmitter {
  close(): Promise<void>;
}
export type HidOpener = (path: string) => Promise<HidDeviceHandle>;

export interface HidSourceOptions extends SourceOptions {
  path: string;
  mode: 'hid-pos' | 'hid-keyboard';
  name?: string;
  vendorId?: number;
  productId?: number;
  keyboard?: KeyboardDecoderOptions;
  posDialect?: HidPosDialect;
  /** Defaults to node-hid; tests and other transports (WebHID bridges) can pass their own. */
  openDevice?: HidOpener;
}

export const openNodeHid: HidOpener = async (path) => {
  const { HIDAsync } = await import('node-hid');
  return (await HIDAsync.open(path)) as unknown as HidDeviceHandle;
};

/**
 * A HID scanner read through node-hid: HID POS reports or keyboard-wedge boot reports. Opening
 * the device by path keeps its reports away from whatever window has focus only with the libusb
 * driver (see docs/hardware.md); with hidraw the keystrokes reach the console too.
 */
export class HidScannerSource extends SourceBase {
  private handle: HidDeviceHandle | undefined;
  private timer: NodeJS.Timeout | undefined;
  private readonly pos: HidPosDecoder | undefined;
  private readonly keyboard: KeyboardReportDecoder | undefined;
  private readonly openDevice: HidOpener;

  constructor(private readonly options: HidSourceOptions) {
    const info: DeviceInfo = { kind: options.mode, deviceId: options.path };
    if (options.name) info.name = options.name;
    if (options.vendorId !== undefined) info.vendorId = options.vendorId;
    if (options.productId !== undefined) info.productId = options.productId;
    super(info, options);
    this.openDevice = options.openDevice ?? openNodeHid;
    if (options.mode === 'hid-pos') {
      this.pos = new HidPosDecoder({ dialect: options.posDialect ?? 'honeywell' });
    } else {
      this.keyboard = new KeyboardReportDecoder(options.keyboard);
    }
  }

  get isOpen(): boolean {
    return this.handle !== undefined;
  }

  async open(): Promise<void> {
    if (this.handle) return;
    let handle: HidDeviceHandle;
    try {
      handle = await this.openDevice(this.options.path);
    } catch (err) {
      throw asHardwareError(
        err,
        'device_open_failed',
        `cannot open HID device ${this.options.path}`,
      );
    }
    this.handle = handle;
    handle.on('data', (report: Buffer) => this.onReport(report));
    handle.on('error', (err: unknown) => void this.onDeviceError(err));
    this.emit('attach', this.info);
  }

  async close(): Promise<void> {
    const handle = this.handle;
    if (!handle) return;
    this.handle = undefined;
    this.clearTimer();
    this.pos?.reset();
    await handle.close().catch(() => undefined);
    this.emit('detach', this.info);
  }

  /** Feeds one input report: what node-hid's `data` event delivers. */
  onReport(report: Uint8Array): void {
    if (this.pos) {
      for (const item of this.pos.push(report)) {
        if (item.kind === 'code') this.deliver(item.text, item.symbology);
        else if (item.kind === 'too_long') this.tooLong(item.length);
        else
          this.reportError(
            new HardwareError('scan_bad_report', `${this.info.deviceId}: ${item.reason}`),
          );
      }
      return;
    }
    const decoder = this.keyboard;
    if (!decoder) return;
    for (const item of decoder.push(report, this.now())) {
      if (item.kind === 'code') this.deliver(item.text);
      else this.tooLong(item.length);
    }
    this.armTimer();
  }

  private tooLong(length: number): void {
    this.reportError(
      new HardwareError(
        'scan_too_long',
        `${this.info.deviceId}: code longer than allowed (${length} characters)`,
      ),
    );
  }

  /** Scanners without a terminator: end the code when the keys stop. */
  private armTimer(): void {
    this.clearTimer();
    const deadline = this.keyboard?.deadline();
    if (deadline === undefined) return;
    this.timer = setTimeout(
      () => {
        this.timer = undefined;
        const item = this.keyboard?.flush(this.now());
        if (item?.kind === 'code') this.deliver(item.text);
        this.armTimer();
      },
      Math.max(1, deadline - this.now()),
    );
    this.timer.unref();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private async onDeviceError(err: unknown): Promise<void> {
    // node-hid reports an unplugged device as a read error; the manager reopens it when it returns.
    this.reportError(
      asHardwareError(err, 'device_disconnected', `HID device ${this.info.deviceId} stopped`),
    );
    await this.close();
  }
}
