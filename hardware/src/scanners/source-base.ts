import { DuplicateSuppressor } from './duplicate-suppressor.js';
import { ScannerEmitter, type DeviceInfo } from './scanner-events.js';

export interface SourceOptions {
  /** The same code again within this many ms is the same scan. Default 1500; 0 disables. */
  duplicateWindowMs?: number;
  /** Clock, for tests that need to control time. */
  now?: () => number;
}

/** Shared tail of every source: duplicate suppression, then one `scan` event. */
export abstract class SourceBase extends ScannerEmitter {
  private readonly duplicates: DuplicateSuppressor;
  protected readonly now: () => number;

  protected constructor(
    readonly info: DeviceInfo,
    options: SourceOptions,
  ) {
    super();
    this.duplicates = new DuplicateSuppressor(options.duplicateWindowMs ?? 1500);
    this.now = options.now ?? Date.now;
  }

  abstract readonly isOpen: boolean;
  abstract open(): Promise<void>;
  abstract close(): Promise<void>;

  protected deliver(data: string, symbology?: string): void {
    const at = this.now();
    if (!this.duplicates.accept(data, at)) return;
    const event = { source: this.info.kind, deviceId: this.info.deviceId, data, at };
    this.emit('scan', symbology ? { ...event, symbology } : event);
  }
}
