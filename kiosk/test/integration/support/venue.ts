import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { startTestServer, type TestServer } from '../../../../server/test/harness.js';
import {
  createDevice,
  eventWithTickets,
  type SoldEvent,
} from '../../../../server/src/features/checkin/test-support/checkin-fixtures.js';
import { json } from '../../../../server/src/features/ticketing/test-support/ticket-fixtures.js';
import { createAgent, type Agent, type AgentOptions } from '../../../src/agent/agent.js';
import { CACHE_FILE } from '../../../src/agent/cache/handles.js';
import { enrollStation } from '../../../src/agent/enrollment/enroll-station.js';
import { TcpProxy } from './tcp-proxy.js';

// A venue for the agent's acceptance tests: a REAL server on PostgreSQL with an event and sold
// tickets, the venue network as a proxy the test can cut, and stations (real agents, each with
// its own data directory) driven through their local HTTP API.

export interface Venue {
  t: TestServer;
  ev: SoldEvent;
  /** What the kiosks reach the server through. */
  network: TcpProxy;
  /** A fresh one-time enrollment code for a new device of the event. */
  enrollmentCode(name: string): Promise<string>;
  close(): Promise<void>;
}

export async function openVenue(tickets: number): Promise<Venue> {
  const t = await startTestServer('postgres');
  const ev = await eventWithTickets(t, tickets);
  const network = await new TcpProxy({
    host: '127.0.0.1',
    port: Number(new URL(t.url).port),
  }).start();
  return {
    t,
    ev,
    network,
    enrollmentCode: async (name) => (await createDevice(t, ev.eventId, name)).enrollmentCode,
    async close() {
      await network.cut();
      await t.stop();
    },
  };
}

/** What `POST /api/scan` answers. */
export interface ScanBody {
  scanId: string;
  result: string;
  reason: string;
  offline: boolean;
  ticketId?: string;
  attendee?: { name: string };
  previousAdmission?: { at: string; deviceId?: string };
}

/** What `GET /api/status` answers. */
export interface StatusBody {
  online: boolean;
  queued: number;
  lastSyncAt: string | null;
  cursor: string | null;
  lastError: string | null;
  deviceId: string;
  eventId: string;
}

/** A station's local API, as the UI (or a test) uses it. */
export class LocalApi {
  constructor(readonly url: string) {}

  async scan(data: string, direction?: 'entry' | 'exit'): Promise<ScanBody> {
    const res = await this.post('/api/scan', { data, ...(direction && { direction }) });
    if (res.status !== 200) throw new Error(`scan answered ${res.status}: ${await res.text()}`);
    return (await res.json()) as ScanBody;
  }

  post(path: string, body: unknown): Promise<Response> {
    return fetch(`${this.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  async status(): Promise<StatusBody> {
    return (await (await fetch(`${this.url}/api/status`)).json()) as StatusBody;
  }
}

export interface Station {
  agent: Agent;
  api: LocalApi;
  deviceId: string;
  dataDir: string;
  /** The scan ids this station's cache holds (its own and those heard from the server). */
  cachedScanIds(): Set<string>;
  stop(): Promise<void>;
}

/** Tight timings, so outages and recoveries happen within a test's patience. */
export const FAST: Partial<AgentOptions> = {
  onlineTimeoutMs: 600,
  syncIntervalMs: 200,
  backoff: { baseMs: 100, maxMs: 400 },
};

/** Enrolls a new device of the venue's event through the network and starts its agent. */
export async function startStation(
  venue: Venue,
  name: string,
  options: Partial<AgentOptions> = {},
): Promise<Station> {
  const dataDir = mkdtempSync(join(tmpdir(), `lanyard-station-${name}-`));
  const station = await enrollStation({
    dataDir,
    serverUrl: venue.network.url,
    enroll: await venue.enrollmentCode(name),
  });
  const agent = createAgent({
    ...FAST,
    ...options,
    dataDir,
    serverUrl: station.serverUrl,
    eventId: station.eventId,
    deviceId: station.deviceId,
    credentials: station.credentials,
    uiDir: false,
  });
  const { port } = await agent.start();
  return {
    agent,
    api: new LocalApi(`http://127.0.0.1:${port}`),
    deviceId: station.deviceId,
    dataDir,
    cachedScanIds: () => scanIdsIn(dataDir),
    async stop() {
      await agent.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The scan ids in a station's cache, read as any SQLite reader would. */
export function scanIdsIn(dataDir: string): Set<string> {
  const db = new Database(join(dataDir, CACHE_FILE), { readonly: true });
  try {
    const rows = db.prepare('SELECT scan_id FROM scans').all() as { scan_id: string }[];
    return new Set(rows.map((r) => r.scan_id));
  } finally {
    db.close();
  }
}

/** Waits until `check` holds, polling; fails naming what never happened. */
export async function until(
  what: string,
  check: () => Promise<boolean> | boolean,
  ms = 30_000,
): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A station is caught up: online, nothing queued, and synced after `since`. */
export async function caughtUp(api: LocalApi, since: number): Promise<boolean> {
  const s = await api.status();
  return s.online && s.queued === 0 && s.lastSyncAt !== null && Date.parse(s.lastSyncAt) > since;
}

export interface Flag {
  ticketId: string;
  scan: { scanId: string; deviceId: string | null };
  duplicateOf: { scanId: string; deviceId: string | null };
}

export async function flagsOf(venue: Venue): Promise<Flag[]> {
  return (
    await json<{ items: Flag[] }>(
      await venue.t.api(`/api/v1/events/${venue.ev.eventId}/checkin-flags`),
      200,
    )
  ).items;
}

/** How many times the server stored each of these scan ids. */
export async function storedCounts(venue: Venue, scanIds: string[]): Promise<Map<string, number>> {
  const { rows } = await venue.t.server.db.query<{ scan_id: string; n: number }>(
    `SELECT scan_id::text, count(*)::int AS n FROM checkin_scans
     WHERE scan_id = ANY($1::uuid[]) GROUP BY scan_id`,
    [scanIds],
  );
  return new Map(rows.map((r) => [r.scan_id, r.n]));
}
