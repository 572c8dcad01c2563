import { asHardwareError } from '../errors.js';
import { systemEnumerator, type DeviceEnumerator } from './device-enumeration.js';
import { HidScannerSource, type HidOpener } from './hid-scanner-source.js';
import { ScannerEmitter, type DeviceInfo } from './scanner-events.js';
import { planScanners, type ScannerCandidate, type ScannerConfig } from './scanner-plan.js';
import { SerialScannerSource } from './serial-scanner-source.js';
import type { SourceBase } from './source-base.js';

export interface ScannerManagerOptions extends ScannerConfig {
  /** How often to look for plugged and unplugged devices. Default 1000 ms. */
  pollIntervalMs?: number;
  enumerator?: DeviceEnumerator;
  openHid?: HidOpener;
}

/**
 * Finds scanners, opens them, and re-emits their events as one stream: `scan`, `attach`,
 * `detach`, `error`. Every poll re-plans from what is plugged in, so an unplugged scanner is
 * dropped and reopened when it comes back, with no special reconnect path.
 */
export class ScannerManager extends ScannerEmitter {
  private readonly sources = new Map<string, SourceBase>();
  /** Devices that failed to open, so the same failure is reported once, not every second. */
  private readonly failing = new Set<string>();
  private readonly enumerator: DeviceEnumerator;
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;
  private stopped = true;

  constructor(private readonly options: ScannerManagerOptions = {}) {
    super();
    this.enumerator = options.enumerator ?? systemEnumerator();
  }

  /** Opens every scanner present now, then keeps watching. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.poll();
    this.schedule();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.polling;
    const open = [...this.sources.values()];
    this.sources.clear();
    await Promise.all(open.map((s) => s.close()));
  }

  /** The scanners currently open. */
  devices(): DeviceInfo[] {
    return [...this.sources.values()].map((s) => s.info);
  }

  /** One discovery pass; exposed so callers (and tests) need not wait for the timer. */
  poll(): Promise<void> {
    this.polling ??= this.reconcile().finally(() => (this.polling = undefined));
    return this.polling;
  }

  private schedule(): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      void this.poll().finally(() => this.schedule());
    }, this.options.pollIntervalMs ?? 1000);
    this.timer.unref();
  }

  private async reconcile(): Promise<void> {
    const [hid, serial] = await Promise.all([
      this.enumerator.listHid(),
      this.enumerator.listSerial(),
    ]);
    if (this.stopped) return;
    const wanted = planScanners(hid, serial, this.options, (p) => this.enumerator.pathExists(p));
    const wantedIds = new Set(wanted.map((c) => c.deviceId));

    for (const [id, source] of this.sources) {
      if (!wantedIds.has(id) || !source.isOpen) {
        this.sources.delete(id);
        await source.close();
      }
    }
    for (const id of this.failing) if (!wantedIds.has(id)) this.failing.delete(id);

    for (const candidate of wanted) {
      if (this.sources.has(candidate.deviceId)) continue;
      const source = this.createSource(candidate);
      this.forward(source);
      try {
        await source.open();
        this.sources.set(candidate.deviceId, source);
        this.failing.delete(candidate.deviceId);
      } catch (err) {
        source.removeAllListeners();
        if (!this.failing.has(candidate.deviceId)) {
          this.failing.add(candidate.deviceId);
          this.reportError(asHardwareError(err, 'device_open_failed', candidate.name));
        }
      }
    }
  }

  private createSource(c: ScannerCandidate): SourceBase {
    const duplicateWindowMs = this.options.duplicateWindowMs;
    const common = duplicateWindowMs === undefined ? {} : { duplicateWindowMs };
    if (c.kind === 'serial') {
      return new SerialScannerSource({
        ...common,
        path: c.deviceId,
        baudRate: c.baudRate,
        terminator: c.terminator,
        name: c.name,
        ...(c.vendorId !== undefined ? { vendorId: c.vendorId } : {}),
        ...(c.productId !== undefined ? { productId: c.productId } : {}),
      });
    }
    return new HidScannerSource({
      ...common,
      path: c.deviceId,
      mode: c.kind,
      name: c.name,
      vendorId: c.vendorId,
      productId: c.productId,
      ...(this.options.hid?.keyboard ? { keyboard: this.options.hid.keyboard } : {}),
      ...(this.options.hid?.posDialect ? { posDialect: this.options.hid.posDialect } : {}),
      ...(this.options.openHid ? { openDevice: this.options.openHid } : {}),
    });
  }

  private forward(source: SourceBase): void {
    source.on('scan', (e) => this.emit('scan', e));
    source.on('attach', (d) => this.emit('attach', d));
    source.on('detach', (d) => {
      this.emit('detach', d);
      // A source that closed itself (unplugged) leaves the map so the next poll can reopen it.
      if (this.sources.get(d.deviceId) === source && !source.isOpen)
        this.sources.delete(d.deviceId);
    });
    source.on('error', (e) => this.reportError(e));
  }
}
