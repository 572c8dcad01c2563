import { existsSync } from 'node:fs';
import { SerialPort } from 'serialport';
import { asHardwareError, HardwareError } from '../errors.js';
import { LineAssembler, type LineTerminator } from './line-assembler.js';
import type { DeviceInfo } from './scanner-events.js';
import { SourceBase, type SourceOptions } from './source-base.js';

export interface SerialSourceOptions extends SourceOptions {
  path: string;
  baudRate?: number;
  terminator?: LineTerminator;
  /** Bytes before a terminator beyond which the line is dropped with a `scan_too_long` error. */
  maxLength?: number;
  /**
   * How often to check that the device node still exists. Some unplugs (a pty whose other end
   * closed, some USB-serial drivers) never surface as an error, only as endless empty reads.
   * Default 1000 ms; 0 disables.
   */
  presenceCheckMs?: number;
  name?: string;
  vendorId?: number;
  productId?: number;
}

/** A serial or USB-CDC scanner: bytes → whole lines → one `scan` per code. */
export class SerialScannerSource extends SourceBase {
  private port: SerialPort | undefined;
  private presenceTimer: NodeJS.Timeout | undefined;
  private readonly assembler: LineAssembler;

  constructor(private readonly options: SerialSourceOptions) {
    const info: DeviceInfo = { kind: 'serial', deviceId: options.path };
    if (options.name) info.name = options.name;
    if (options.vendorId !== undefined) info.vendorId = options.vendorId;
    if (options.productId !== undefined) info.productId = options.productId;
    super(info, options);
    this.assembler = new LineAssembler({
      terminator: options.terminator ?? 'auto',
      maxLength: options.maxLength ?? 4096,
    });
  }

  get isOpen(): boolean {
    return this.port !== undefined;
  }

  async open(): Promise<void> {
    if (this.port) return;
    const port = new SerialPort({
      path: this.options.path,
      baudRate: this.options.baudRate ?? 9600,
      autoOpen: false,
    });
    await new Promise<void>((resolve, reject) => {
      port.open((err) => (err ? reject(err) : resolve()));
    }).catch((err: unknown) => {
      throw asHardwareError(
        err,
        'device_open_failed',
        `cannot open serial port ${this.options.path}`,
      );
    });
    this.port = port;
    this.assembler.reset();
    port.on('data', (chunk: Buffer) => this.onChunk(chunk));
    // A read error (EIO from a hung-up line, a USB adapter that vanished) leaves the port
    // useless: report it, let go of the port, and let the manager reopen it if it comes back.
    port.on('error', (err) => {
      this.reportError(
        asHardwareError(err, 'device_io_failed', `serial port ${this.options.path}`),
      );
      void this.close();
    });
    // A port closes by itself when the device is unplugged (or the pty's other end goes away).
    port.on('close', () => this.onClosed());
    this.watchPresence();
    this.emit('attach', this.info);
  }

  async close(): Promise<void> {
    const port = this.port;
    if (!port) return;
    this.port = undefined;
    this.stopWatching();
    port.removeAllListeners('close');
    if (port.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
    this.emit('detach', this.info);
  }

  /** Feeds raw bytes as the port delivers them. */
  onChunk(chunk: Uint8Array): void {
    for (const item of this.assembler.push(chunk)) {
      if (item.kind === 'line') this.deliver(item.text);
      else {
        this.reportError(
          new HardwareError(
            'scan_too_long',
            `${this.info.deviceId}: ${item.length} bytes without a terminator; line dropped`,
          ),
        );
      }
    }
  }

  private watchPresence(): void {
    const every = this.options.presenceCheckMs ?? 1000;
    if (every <= 0) return;
    this.presenceTimer = setInterval(() => {
      if (existsSync(this.options.path)) return;
      this.reportError(
        new HardwareError('device_disconnected', `serial port ${this.options.path} is gone`),
      );
      void this.close();
    }, every);
    this.presenceTimer.unref();
  }

  private stopWatching(): void {
    if (this.presenceTimer) clearInterval(this.presenceTimer);
    this.presenceTimer = undefined;
  }

  private onClosed(): void {
    if (!this.port) return;
    this.port = undefined;
    this.stopWatching();
    this.assembler.reset();
    this.reportError(
      new HardwareError('device_disconnected', `serial port ${this.options.path} closed`),
    );
    this.emit('detach', this.info);
  }
}
