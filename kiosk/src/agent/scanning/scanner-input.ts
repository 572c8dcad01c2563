import { basename } from 'node:path';
import { ScannerManager, type DeviceInfo, type ScannerManagerOptions } from '@lanyard/hardware';

/** What the status bar shows about scanners. */
export interface ScannerState {
  /** The scanners open now. */
  devices: { kind: DeviceInfo['kind']; name: string }[];
  /** The last fault (unplugged, unreadable code), in the driver's words; null once one scans. */
  lastError: string | null;
  lastScanAt: string | null;
}

/**
 * The scanners attached to this machine, read through @lanyard/hardware: every code read goes
 * to `onScan` (the agent's scan), and attach, detach and faults change the scanner state.
 */
export class ScannerInput {
  private readonly manager: ScannerManager;
  private state: ScannerState = { devices: [], lastError: null, lastScanAt: null };

  constructor(
    options: ScannerManagerOptions,
    onScan: (data: string) => void,
    private readonly onChange: (state: ScannerState) => void = () => undefined,
  ) {
    this.manager = new ScannerManager(options);
    this.manager.on('scan', (scan) => {
      this.update({ lastScanAt: new Date(scan.at).toISOString(), lastError: null });
      onScan(scan.data);
    });
    this.manager.on('attach', () => this.update({}));
    this.manager.on('detach', (device) =>
      this.update({ lastError: `${device.name ?? device.deviceId} disconnected` }),
    );
    this.manager.on('error', (error) => this.update({ lastError: error.message }));
  }

  start(): Promise<void> {
    return this.manager.start().then(() => this.update({}));
  }

  stop(): Promise<void> {
    return this.manager.stop();
  }

  status(): ScannerState {
    return this.state;
  }

  private update(patch: Partial<ScannerState>): void {
    const devices = this.manager.devices().map((d) => ({
      kind: d.kind,
      // A serial scanner's name is its device path; the last part is what a person reads.
      name: d.kind === 'serial' ? `serial ${basename(d.deviceId)}` : (d.name ?? d.deviceId),
    }));
    this.state = { ...this.state, ...patch, devices };
    this.onChange(this.state);
  }
}
