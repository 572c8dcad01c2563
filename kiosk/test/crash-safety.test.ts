import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyPage } from '../src/agent/cache/feed-apply.js';
import { openCache, type Cache } from '../src/agent/cache/handles.js';
import { queuedCount } from '../src/agent/cache/scan-store.js';
import { readCursor } from '../src/agent/cache/state-store.js';
import { statement } from '../src/agent/cache/statements.js';
import { ticketCount } from '../src/agent/cache/ticket-store.js';
import { OfflineDecider } from '../src/agent/decide/offline-decider.js';
import { FeedServer, KIOSK_TOKEN } from './support/feed-server.js';
import {
  deviceId,
  eventId,
  listOf,
  tempDir,
  ticketFor,
  tokenFor,
  upserted,
} from './support/fixtures.js';

const here = dirname(fileURLToPath(import.meta.url));
const tsx = createRequire(import.meta.url).resolve('tsx');
const SCANS = 300;

let tmp: ReturnType<typeof tempDir>;
let server: FeedServer;
let scanIds: string[];

/** A cache with a first sync done and SCANS offline scans waiting for upload. */
function prepareCache(): void {
  const cache = openCache(tmp.dir);
  const known = Array.from({ length: 50 }, (_, n) => ticketFor(n));
  server.changes.push({ type: 'checkin_list.upserted', list: listOf() }, ...known.map(upserted));
  applyPage(cache.write, {
    ...server.page(null),
    cursor: `c:${server.changes.length}`,
    snapshot: false,
  });
  const decider = new OfflineDecider(cache.write, { eventId, deviceId });
  scanIds = Array.from({ length: SCANS }, (_, n) => {
    const scanId = randomUUID();
    decider.decideNow({
      scanId,
      data: tokenFor(known[n % known.length]!),
      direction: 'entry',
      scannedAtMs: Date.now(),
    });
    return scanId;
  });
  cache.close();
}

function runChild(): {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: string | null; out: string }>;
} {
  const child = spawn(
    process.execPath,
    [
      '--import',
      tsx,
      join(here, 'support/sync-child.ts'),
      tmp.dir,
      server.url,
      eventId,
      KIOSK_TOKEN,
    ],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const done = new Promise<{ code: number | null; signal: string | null; out: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, out })),
  );
  return { child, done };
}

function inspect<T>(fn: (cache: Cache) => T): T {
  const cache = openCache(tmp.dir);
  try {
    return fn(cache);
  } finally {
    cache.close();
  }
}

const localScanCount = (cache: Cache) =>
  (
    statement(cache.read, "SELECT count(*) AS n FROM scans WHERE origin = 'offline'").get() as {
      n: number;
    }
  ).n;

beforeEach(async () => {
  tmp = tempDir();
  server = await new FeedServer({ pageSize: 2000 }).start();
});
afterEach(async () => {
  await server.close();
  tmp.remove();
});

describe('an agent killed with SIGKILL', () => {
  it('mid-sync resumes from its cursor: no page half-applied, no scan lost or stored twice', async () => {
    prepareCache();
    const base = server.changes.length;
    for (let n = 0; n < 40_000; n++) server.changes.push(upserted(ticketFor(1000 + n)));
    const first = runChild();
    let pulls = 0;
    server.onRequest = (kind) => {
      if (kind === 'pull' && ++pulls === 6) first.child.kill('SIGKILL');
    };
    expect((await first.done).signal).toBe('SIGKILL');
    server.onRequest = undefined;

    const afterKill = inspect((cache) => ({
      cursor: readCursor(cache.read)!,
      tickets: ticketCount(cache.read),
      queued: queuedCount(cache.read),
    }));
    // Whatever page it died in, the cache holds exactly the pages before its cursor.
    const applied = Number(afterKill.cursor.slice(2));
    expect(applied).toBeGreaterThan(base);
    expect(applied).toBeLessThan(server.changes.length);
    expect(afterKill.tickets).toBe(applied - 1);
    expect(afterKill.queued).toBe(0);

    const pullsBefore = server.pulls.length;
    const second = runChild();
    const { code, out } = await second.done;
    expect({ code, out: code === 0 ? '' : out }).toEqual({ code: 0, out: '' });
    expect(server.pulls[pullsBefore]).toBe(afterKill.cursor);
    inspect((cache) => {
      expect(readCursor(cache.read)).toBe(`c:${server.changes.length}`);
      expect(ticketCount(cache.read)).toBe(server.changes.length - 1);
      expect(localScanCount(cache)).toBe(SCANS);
    });
    expect(server.stored.size).toBe(SCANS);
    expect(scanIds.every((id) => server.stored.has(id))).toBe(true);
  });

  it('after uploading but before hearing back sends the batch again, and the server counts each scan once', async () => {
    prepareCache();
    const first = runChild();
    server.onRequest = async (kind, res) => {
      if (kind !== 'push') return;
      first.child.kill('SIGKILL');
      await new Promise((resolve) => first.child.once('exit', resolve));
      res.destroy();
    };
    expect((await first.done).signal).toBe('SIGKILL');
    server.onRequest = undefined;
    expect(server.stored.size).toBe(SCANS);
    expect(inspect((cache) => queuedCount(cache.read))).toBe(SCANS);

    const { code } = await runChild().done;
    expect(code).toBe(0);
    expect(server.pushes.map((b) => b.length)).toEqual([SCANS, SCANS]);
    expect(server.stored.size).toBe(SCANS);
    inspect((cache) => {
      expect(queuedCount(cache.read)).toBe(0);
      expect(localScanCount(cache)).toBe(SCANS);
      const replayed = statement(
        cache.read,
        "SELECT count(*) AS n FROM scan_outcomes WHERE status = 'replayed'",
      ).get();
      expect(replayed).toEqual({ n: SCANS });
    });
  });

  it('in the middle of applying a page leaves the cache at the previous page', async () => {
    prepareCache();
    const before = inspect((cache) => ({
      cursor: readCursor(cache.read),
      tickets: ticketCount(cache.read),
    }));
    server.options.pageSize = 150_000;
    for (let n = 0; n < 150_000; n++) server.changes.push(upserted(ticketFor(1000 + n)));
    const walPath = join(tmp.dir, 'kiosk-cache.sqlite-wal');
    const walSize = () => {
      try {
        return statSync(walPath).size;
      } catch {
        return 0;
      }
    };
    const first = runChild();
    let pulled = false;
    server.onRequest = (kind) => void (kind === 'pull' && (pulled = true));
    // Uncommitted pages spill into the WAL while the transaction runs: kill as soon as it grows.
    const startSize = walSize();
    await new Promise<void>((resolve) => {
      const poll = setInterval(() => {
        if (pulled && walSize() > startSize + 1_000_000) {
          clearInterval(poll);
          first.child.kill('SIGKILL');
          resolve();
        }
      }, 2);
    });
    expect((await first.done).signal).toBe('SIGKILL');
    const after = inspect((cache) => ({
      cursor: readCursor(cache.read),
      tickets: ticketCount(cache.read),
    }));
    expect(after).toEqual(before);
  });
});
