import { randomUUID } from 'node:crypto';
import {
  DEFAULT_ONLINE_TIMEOUT_MS,
  OnlineFirstDecider,
  type BackoffPolicy,
  type ScanDirection,
} from '@lanyard/core';
import { startLocalApi, type AgentStatus, type LocalApi } from './api/local-api.js';
import { searchAttendees, type AttendeeMatch } from './cache/attendee-search.js';
import { readDevice, writeDevice, type DeviceCredentials } from './cache/device-store.js';
import { openCache, type Cache } from './cache/handles.js';
import { queuedCount } from './cache/scan-store.js';
import { readClockOffset, readCursor, readState } from './cache/state-store.js';
import type { ScanAnswer, Station } from './decide/decider.js';
import { OfflineDecider } from './decide/offline-decider.js';
import { OnlineDecider } from './decide/online-decider.js';
import { AgentError } from './errors.js';
import { accessTokens } from './sync/access-token.js';
import { Connectivity } from './sync/connectivity.js';
import { annulRoute } from './staff/annul-route.js';
import { eventProfile } from './sync/event-profile.js';
import { FetchTransport } from './sync/fetch-transport.js';
import { SyncClient } from './sync/sync-client.js';
import { SyncLoop } from './sync/sync-loop.js';
import { BadgePrinting, type PrintingOptions } from './printing/badge-printing.js';
import { printRoutes } from './printing/print-routes.js';
import { ScannerInput } from './scanning/scanner-input.js';
import type { ScannerManagerOptions } from '@lanyard/hardware';
import { requireStaff, staffRoutes } from './staff/staff-routes.js';
import { isValidPin, StaffSessions } from './staff/staff-sessions.js';

export interface AgentOptions {
  /** Where the cache lives; it keeps the device's identity across restarts. */
  dataDir: string;
  /** Required on the first start (after enrollment); later read from the cache when absent. */
  serverUrl?: string;
  eventId?: string;
  deviceId?: string;
  credentials?: DeviceCredentials;
  /** Local API port on 127.0.0.1; 0 picks a free one. */
  port?: number;
  gate?: string;
  listId?: string;
  admitUnknownTickets?: boolean;
  clockToleranceSeconds?: number;
  /** Wait for the server's answer to a scan before deciding offline (default 800 ms). */
  onlineTimeoutMs?: number;
  /** Pause between sync rounds while online (default 2 s). */
  syncIntervalMs?: number;
  backoff?: BackoffPolicy;
  /** Extra origins allowed to open the events WebSocket. */
  allowedOrigins?: readonly string[];
  fetch?: typeof fetch;
  /** Badge printing on admit; absent: this kiosk prints nothing. */
  printing?: PrintingOptions;
  /** Scanners to read (serial ports, HID rules); absent: only the UI and POST /api/scan scan. */
  scanners?: ScannerManagerOptions;
  /** The PIN that opens staff mode in the UI; absent: no staff mode. */
  staffPin?: string;
  /** What the idle screen shows. */
  display?: { eventName?: string; instructions?: string; language?: string };
  /** The built UI served at `/` (default kiosk/dist/ui); false serves none. */
  uiDir?: string | false;
}

/** The station agent: cache, deciders, sync loop and local API, started and stopped together. */
export interface Agent {
  start(): Promise<{ port: number }>;
  stop(): Promise<void>;
  scan(data: string, direction?: ScanDirection): Promise<ScanAnswer>;
  status(): AgentStatus;
  searchAttendees(query: string, limit?: number): AttendeeMatch[];
  /** Runs a sync round now; resolves when it ends. */
  syncNow(): Promise<void>;
  /** Resolves when every queued badge is printed or failed. */
  printsIdle(): Promise<void>;
}

/**
 * Opens the cache and wires the agent. Throws DbVersionFromFutureError for a cache from a newer
 * agent, AgentError `not_configured` when neither options nor cache say which server and event.
 */
export function createAgent(options: AgentOptions): Agent {
  const cache = openCache(options.dataDir);
  try {
    return wire(cache, options);
  } catch (error) {
    cache.close();
    throw error;
  }
}

function wire(cache: Cache, options: AgentOptions): Agent {
  const stored = readDevice(cache.read);
  const serverUrl = options.serverUrl ?? stored?.serverUrl;
  const givenEventId = (options.eventId ?? stored?.eventId)?.toLowerCase();
  const credentials = options.credentials ?? stored?.credentials;
  const deviceId = options.deviceId ?? stored?.deviceId ?? randomUUID();
  if (!serverUrl || !givenEventId || !credentials) {
    throw new AgentError(
      'not_configured',
      'the agent needs a server URL, an event and a device credential (enroll it first)',
    );
  }
  const eventId: string = givenEventId;
  writeDevice(cache.write, { deviceId, eventId, serverUrl, credentials });

  const station: Station = {
    eventId,
    deviceId,
    ...(options.gate !== undefined && { gate: options.gate }),
    ...(options.listId !== undefined && { listId: options.listId.toLowerCase() }),
    ...(options.admitUnknownTickets !== undefined && {
      admitUnknownTickets: options.admitUnknownTickets,
    }),
    ...(options.clockToleranceSeconds !== undefined && {
      clockToleranceSeconds: options.clockToleranceSeconds,
    }),
  };
  const fetchImpl = options.fetch ?? fetch;
  const transport = new FetchTransport({
    serverUrl,
    eventId,
    tokens: accessTokens(credentials, fetchImpl),
    fetch: fetchImpl,
  });
  const profile = eventProfile(serverUrl, eventId, options.dataDir, fetchImpl);
  const eventName = () => options.display?.eventName ?? profile.current.name;
  const connectivity = new Connectivity();
  const decider = new OnlineFirstDecider(
    new OnlineDecider(transport, cache.write, station),
    new OfflineDecider(cache.write, station),
    connectivity,
    options.onlineTimeoutMs ?? DEFAULT_ONLINE_TIMEOUT_MS,
  );
  let api: LocalApi | undefined;
  const publishStatus = () => api?.publish({ type: 'status', status: status() });
  const printing =
    options.printing &&
    new BadgePrinting(
      // The event's name under the person's name, unless the printing options say otherwise.
      { subtitle: eventName, ...options.printing },
      options.dataDir,
      (_state, job) => {
        if (job) api?.publish({ type: 'print', print: job });
        publishStatus();
      },
    );
  const scanners =
    options.scanners &&
    new ScannerInput(
      options.scanners,
      (data) => void scan(data).catch(logScanFailure),
      publishStatus,
    );
  if (options.staffPin !== undefined && !isValidPin(options.staffPin)) {
    throw new AgentError('not_configured', 'the staff PIN must be 4 to 12 digits');
  }
  const staff = options.staffPin ? new StaffSessions({ pin: options.staffPin }) : undefined;
  const loop = new SyncLoop(cache, new SyncClient(cache, transport), connectivity, {
    intervalMs: options.syncIntervalMs ?? 2000,
    ...(options.backoff && { backoff: options.backoff }),
    onRound: publishStatus,
  });
  connectivity.on('change', publishStatus);

  function status(): AgentStatus {
    const { online, lastError } = connectivity.current;
    return {
      online: online === true,
      queued: queuedCount(cache.read),
      lastSyncAt: readState(cache.read, 'last_sync_at') ?? null,
      cursor: readCursor(cache.read) ?? null,
      clockOffsetMs: readClockOffset(cache.read),
      lastError: lastError ?? null,
      eventId,
      deviceId,
      printer: printing?.status() ?? null,
      scanners: scanners?.status() ?? null,
    };
  }

  async function scan(data: string, direction: ScanDirection = 'entry'): Promise<ScanAnswer> {
    const answer = await decider.decide({
      scanId: randomUUID(),
      data,
      direction,
      scannedAtMs: Date.now(),
    });
    const print = printing?.observe(answer, data);
    const shown = print ? { ...answer, print } : answer;
    api?.publish({ type: 'scan', scan: shown });
    if (answer.offline) publishStatus();
    return shown;
  }

  const search = (query: string, limit = 10) => searchAttendees(cache.read, query, limit);
  let started = false;
  let closed = false;

  return {
    async start() {
      if (started || closed) throw new AgentError('already_started', 'start the agent once');
      started = true;
      // The event's name and the screens' language: asked once, for at most 2 s.
      await profile.refresh();
      api = await startLocalApi({
        port: options.port ?? 0,
        handlers: { scan, status, searchAttendees: search },
        staffOnly: (req) => requireStaff(staff, req),
        ...(options.allowedOrigins && { allowedOrigins: options.allowedOrigins }),
        routes: [
          staffRoutes(staff, () => ({
            eventName: eventName(),
            instructions: options.display?.instructions ?? null,
            language: options.display?.language ?? profile.current.language,
            gate: options.gate ?? null,
            staffMode: staff !== undefined,
            printing: printing !== undefined,
            undo: staff !== undefined,
          })),
          printRoutes(printing, (req) => requireStaff(staff, req)),
          annulRoute({
            transport,
            db: cache.write,
            requireStaff: (req) => requireStaff(staff, req),
            uploadQueued: () => loop.syncNow(),
          }),
        ],
        ...(options.uiDir !== undefined && { uiDir: options.uiDir }),
      });
      printing?.start();
      await scanners?.start();
      loop.start();
      return { port: api.port };
    },
    async stop() {
      if (closed) return;
      closed = true;
      await scanners?.stop();
      await loop.stop();
      await printing?.stop();
      await api?.close();
      cache.close();
    },
    scan,
    status,
    searchAttendees: search,
    syncNow: () => loop.syncNow(),
    printsIdle: () => printing?.idle() ?? Promise.resolve(),
  };
}

function logScanFailure(error: unknown): void {
  console.error('kiosk agent: a scanned code could not be decided', error);
}
