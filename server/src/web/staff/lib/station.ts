import {
  OnlineFirstDecider,
  WebKeyring,
  backoffDelay,
  narrowOffset,
  offsetBoundsFrom,
  offsetWithin,
  type OffsetBounds,
  type ScanDirection,
  type ScanOutcome,
  type ScanUploadItemInput,
  type SyncCheckinList,
  type SyncPage,
} from '@lanyard/core/browser';
import type { ScanAnswer, ScanRequest } from './answer.js';
import { applyPage, checkPage } from './cache.js';
import { Connectivity, DeviceRefused } from './connectivity.js';
import {
  readMeta,
  writeMeta,
  type Db,
  type DeviceRecord,
  type EventInfo,
  type HistoryRecord,
  type StationChoice,
} from './db.js';
import { OfflineDecider, OnlineDecider, type StationView } from './decide.js';
import { AttendeeIndex } from './search.js';
import { DeviceClient, ServerError, type Answered } from './server.js';

/** Tickets per page of a first sync: the feed's largest, so 20 000 tickets are four requests. */
const SNAPSHOT_PAGE = 5000;
/** Seconds a delta request waits on the server for something to change. */
const LONG_POLL_SECONDS = 25;
const UPLOAD_BATCH = 500;

/** What the status bar shows. */
export interface StationStatus {
  online: boolean | undefined;
  queued: number;
  lastSyncAt: number | undefined;
  tickets: number | undefined;
  /** Set while a first sync runs: tickets written so far. */
  syncing: number | undefined;
  refused: string | undefined;
}

/**
 * One enrolled phone at work: the cache, the sync loop (first sync, then long-poll deltas), the
 * upload of queued scans, and scans decided online first with the offline fallback, one at a time.
 */
export class Station implements StationView {
  readonly connectivity = new Connectivity();
  readonly attendees: AttendeeIndex;
  private readonly client: DeviceClient;
  private readonly decider: OnlineFirstDecider<
    { scanId: string; data: string; direction: ScanDirection; scannedAtMs: number },
    ScanAnswer
  >;
  private keyring = new WebKeyring();
  private lists = new Map<string, SyncCheckinList>();
  private clock: OffsetBounds | undefined;
  private info: EventInfo | undefined;
  private choice: StationChoice | undefined;
  private status: StationStatus = {
    online: undefined,
    queued: 0,
    lastSyncAt: undefined,
    tickets: undefined,
    syncing: undefined,
    refused: undefined,
  };
  private readonly listeners = new Set<() => void>();
  private stopped = false;
  private longPoll: AbortController | undefined;
  private wake: (() => void) | undefined;
  private uploading: Promise<void> | undefined;
  private scanning: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly db: Db,
    readonly device: DeviceRecord,
  ) {
    this.client = new DeviceClient(device);
    this.attendees = new AttendeeIndex(db);
    this.decider = new OnlineFirstDecider(
      new OnlineDecider(this, this.client),
      new OfflineDecider(this),
      this.connectivity,
    );
    this.connectivity.subscribe(() => this.update({ online: this.connectivity.current.online }));
  }

  /** Opens the station from what the cache holds: it can scan at once, before any request. */
  static async open(db: Db, device: DeviceRecord): Promise<Station> {
    const station = new Station(db, device);
    const [keys, lists, clock, info, choice, sync, queued] = await Promise.all([
      readMeta(db, 'keys'),
      db.getAll('lists'),
      readMeta(db, 'clock'),
      readMeta(db, 'event'),
      readMeta(db, 'station'),
      readMeta(db, 'sync'),
      db.count('outbox'),
    ]);
    station.useKeys(keys ?? []);
    for (const list of lists) station.lists.set(list.id, list);
    station.clock = clock;
    station.info = info;
    station.choice = choice;
    station.status = { ...station.status, queued, lastSyncAt: sync?.lastSyncAt };
    if (!navigator.onLine) station.connectivity.lost();
    return station;
  }

  // StationView, for the deciders.
  get gate(): string | undefined {
    return this.choice?.gate;
  }
  list(): SyncCheckinList | undefined {
    const chosen = this.choice && this.lists.get(this.choice.listId);
    return chosen ?? this.availableLists()[0];
  }
  keys(): WebKeyring {
    return this.keyring;
  }
  offsetMs(): number {
    return this.clock ? offsetWithin(this.clock) : 0;
  }
  event(): EventInfo | undefined {
    return this.info;
  }

  /** The event's lists, by name. */
  availableLists(): SyncCheckinList[] {
    return [...this.lists.values()].sort((a, b) => a.name.localeCompare(b.name));
  }

  chosen(): StationChoice | undefined {
    return this.choice;
  }

  async choose(choice: StationChoice): Promise<void> {
    this.choice = choice;
    await writeMeta(this.db, 'station', choice);
    this.update({});
  }

  get current(): StationStatus {
    return this.status;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Decides one scan (online first, the cache within 800 ms); scans are decided in turn. */
  scan(data: string, direction: ScanDirection): Promise<ScanAnswer> {
    return this.decide({ scanId: crypto.randomUUID(), data, direction, scannedAtMs: Date.now() });
  }

  /** Checks in a ticket found by name (its holder has no QR code with them), as a scan would. */
  checkInByHand(ticketId: string): Promise<ScanAnswer> {
    return this.decide({
      scanId: crypto.randomUUID(),
      data: '',
      ticketId,
      direction: 'entry',
      scannedAtMs: Date.now(),
    });
  }

  private decide(request: ScanRequest): Promise<ScanAnswer> {
    const answer = this.scanning.then(() => this.decider.decide(request));
    this.scanning = answer.catch(() => undefined);
    void answer.then(async (a) => {
      if (a.offline) {
        this.update({ queued: await this.db.count('outbox') });
        if (this.connectivity.current.online) void this.upload().catch(() => undefined);
      }
    });
    return answer;
  }

  /** This phone's own scans, newest first. */
  async history(limit = 50): Promise<HistoryRecord[]> {
    const out: HistoryRecord[] = [];
    let cursor = await this.db.transaction('history').store.openCursor(null, 'prev');
    while (cursor && out.length < limit) {
      out.push(cursor.value);
      cursor = await cursor.continue();
    }
    return out;
  }

  /** Starts syncing and uploading until stop(). */
  start(): void {
    addEventListener('online', this.onOnline);
    addEventListener('offline', this.onOffline);
    void this.loadEventInfo();
    void this.runSync();
  }

  stop(): void {
    this.stopped = true;
    removeEventListener('online', this.onOnline);
    removeEventListener('offline', this.onOffline);
    this.longPoll?.abort();
    this.wake?.();
  }

  private readonly onOnline = () => {
    this.wake?.();
    void this.upload().catch(() => undefined);
  };

  private readonly onOffline = () => {
    this.connectivity.lost();
    this.longPoll?.abort();
  };

  private async runSync(): Promise<void> {
    let failures = 0;
    while (!this.stopped) {
      try {
        const state = await readMeta(this.db, 'sync');
        if (state?.cursor === undefined) await this.firstSync(false);
        else await this.pullDeltas(state.cursor);
        failures = 0;
        await this.upload();
      } catch (error) {
        if (this.stopped) return;
        if (error instanceof ServerError && error.code === 'invalid_cursor') {
          await this.firstSync(true).catch(() => undefined);
          continue;
        }
        if (error instanceof DeviceRefused) this.update({ refused: error.code });
        if (!(error instanceof DOMException && error.name === 'AbortError')) {
          this.connectivity.failed(error);
        }
        failures += 1;
        await this.sleep(navigator.onLine ? backoffDelay(failures) : 60_000);
      }
    }
  }

  /**
   * Pages through a snapshot. The next page is requested as soon as a page arrives, so the
   * network and the IndexedDB writes overlap; each page is one transaction.
   */
  private async firstSync(fresh: boolean): Promise<void> {
    let written = 0;
    this.update({ syncing: 0 });
    let next = this.pull(undefined, SNAPSHOT_PAGE);
    let first = true;
    for (;;) {
      const page = await next;
      if (page.hasMore) next = this.pull(page.cursor, SNAPSHOT_PAGE);
      await this.apply(page, fresh && first);
      first = false;
      written += page.changes.length;
      this.update({ syncing: written });
      if (!page.hasMore) break;
    }
    this.update({ syncing: undefined, tickets: await this.db.count('tickets') });
  }

  private async pullDeltas(cursor: string): Promise<void> {
    this.longPoll = new AbortController();
    let page = await this.pull(cursor, undefined, LONG_POLL_SECONDS, this.longPoll.signal);
    await this.apply(page, false);
    while (page.hasMore) {
      page = await this.pull(page.cursor);
      await this.apply(page, false);
    }
  }

  private async pull(
    cursor: string | undefined,
    limit?: number,
    wait?: number,
    signal?: AbortSignal,
  ): Promise<SyncPage> {
    const query = new URLSearchParams();
    if (cursor !== undefined) query.set('cursor', cursor);
    if (limit !== undefined) query.set('limit', String(limit));
    if (wait !== undefined) query.set('wait', String(wait));
    const answer = await this.client.request<unknown>('GET', `/sync?${query}`, undefined, signal);
    this.answered(answer);
    return checkPage(answer.body);
  }

  private async apply(page: SyncPage, fresh: boolean): Promise<void> {
    await applyPage(this.db, page, fresh);
    this.useKeys(page.keys);
    if (page.ticketTypes) await this.useTypeNames(page.ticketTypes);
    let ticketsChanged = fresh;
    for (const change of page.changes) {
      if (change.type === 'checkin_list.upserted') this.lists.set(change.list.id, change.list);
      else if (change.type === 'checkin_list.deleted') this.lists.delete(change.listId);
      else if (change.type === 'ticket.upserted' || change.type === 'ticket.revoked') {
        ticketsChanged = true;
      }
    }
    if (ticketsChanged) this.attendees.changed(page.changes);
    this.update({ lastSyncAt: Date.now(), refused: undefined });
  }

  private useKeys(keys: { kid: string; alg: 'Ed25519'; publicKey: string }[]): void {
    this.keyring.retain(keys.map((k) => k.kid));
    for (const key of keys) this.keyring.add(key);
  }

  private answered(answer: Answered<unknown>): void {
    this.connectivity.answered();
    const sample = answer.clock && offsetBoundsFrom(answer.clock);
    if (sample) {
      this.clock = narrowOffset(this.clock, sample);
      void writeMeta(this.db, 'clock', this.clock);
    }
  }

  /** Uploads queued scans with the kiosks' idempotent /scans; one upload at a time. */
  upload(): Promise<void> {
    this.uploading ??= this.uploadQueued().finally(() => (this.uploading = undefined));
    return this.uploading;
  }

  private async uploadQueued(): Promise<void> {
    for (;;) {
      const batch: ScanUploadItemInput[] = await this.db.getAll('outbox', null, UPLOAD_BATCH);
      if (batch.length === 0) break;
      const answer = await this.client.request<{ outcomes: ScanOutcome[] }>('POST', '/scans', {
        v: 1,
        scans: batch,
      });
      this.answered(answer);
      const tx = this.db.transaction('outbox', 'readwrite');
      for (const outcome of answer.body.outcomes) void tx.store.delete(outcome.scanId);
      await tx.done;
      this.update({ queued: await this.db.count('outbox') });
      if (answer.body.outcomes.length === 0) break;
    }
  }

  /** The sync's names of every ticket type, hidden ones too, kept for naming tickets offline. */
  private async useTypeNames(types: { id: string; name: string }[]): Promise<void> {
    const names = Object.fromEntries(types.map((t) => [t.id, t.name]));
    const known = this.info?.ticketTypes ?? {};
    if (types.every((t) => known[t.id] === t.name)) return;
    this.info = { name: this.info?.name ?? '', ticketTypes: { ...known, ...names } };
    await writeMeta(this.db, 'event', this.info);
  }

  private async loadEventInfo(): Promise<void> {
    try {
      const response = await fetch(`/api/v1/public/events/${this.device.eventId}`);
      if (!response.ok) return;
      const event = (await response.json()) as {
        name: string;
        ticketTypes: { id: string; name: string }[];
      };
      // Hidden types are not on the public page: the names the sync brought stay.
      this.info = {
        name: event.name,
        ticketTypes: {
          ...this.info?.ticketTypes,
          ...Object.fromEntries(event.ticketTypes.map((t) => [t.id, t.name])),
        },
      };
      await writeMeta(this.db, 'event', this.info);
      this.update({});
    } catch {
      // Offline: the names kept from an earlier start stay.
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }

  /** A new status object on every change (also of choice or names), so React re-renders. */
  private update(change: Partial<StationStatus>): void {
    this.status = { ...this.status, ...change };
    for (const listener of this.listeners) listener();
  }
}
