import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { CACHE_FILE } from '../../src/agent/cache/handles.js';
import { kioskStart, type CliProcess } from './support/cli-station.js';
import {
  caughtUp,
  flagsOf,
  LocalApi,
  openVenue,
  storedCounts,
  until,
  type ScanBody,
  type Venue,
} from './support/venue.js';

// Acceptance: `bin/lanyard kiosk start --headless` (the built CLI) killed mid-sync resumes.
describe('lanyard kiosk start --headless [postgres]', () => {
  let venue: Venue;
  let dataDir: string;
  const running = new Set<CliProcess>();
  const start = (args: string[]) => {
    const p = kioskStart(args);
    running.add(p);
    return p;
  };

  beforeAll(async () => {
    venue = await openVenue(10);
    dataDir = mkdtempSync(join(tmpdir(), 'lanyard-cli-station-'));
  });
  afterAll(async () => {
    for (const p of running) p.kill('SIGKILL');
    await venue?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('enrolls once, loses nothing and counts nothing twice when killed with SIGKILL mid-upload, and resumes without --enroll', async () => {
    const code = await venue.enrollmentCode('laptop');
    const first = start(['--server', venue.network.url, '--enroll', code, '--data-dir', dataDir]);
    const line = await first.firstLine();
    expect(line).toMatchObject({ enrolled: true, ui: 'headless', eventId: venue.ev.eventId });
    expect(line.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    // The credential is kept where only this user can read it.
    expect(statSync(join(dataDir, CACHE_FILE)).mode & 0o077).toBe(0);
    const api = new LocalApi(line.url);
    await until('the station synced', () => caughtUp(api, 0));
    // The event's name and language, for the screens and the badges, kept for a start without
    // the network.
    const event = (await (
      await fetch(`${venue.t.url}/api/v1/public/events/${venue.ev.eventId}`)
    ).json()) as { name: string; languages: string[] };
    expect(JSON.parse(readFileSync(join(dataDir, 'event.json'), 'utf8'))).toEqual({
      name: event.name,
      language: event.languages[0],
    });

    const tickets = venue.ev.tickets;
    const answers: ScanBody[] = [await api.scan(tickets[0]!.token)];
    expect(answers[0]).toMatchObject({ result: 'admitted', offline: false });

    // Cut off, the station queues more than one upload batch (500) of scans.
    await venue.network.cut();
    for (let round = 0; round < 61; round++)
      for (const ticket of tickets) answers.push(await api.scan(ticket.token));
    expect(answers.slice(1).every((a) => a.offline)).toBe(true);
    expect((await api.status()).queued).toBe(610);

    // The network returns; the station dies the moment the server answers its first upload:
    // that batch is stored on the server, but the station never hears so.
    let killed = false;
    venue.network.intercept = {
      match: /^POST \/api\/v1\/events\/[^/]+\/scans /,
      onResponse: () => {
        if (killed) return false;
        killed = true;
        first.kill('SIGKILL');
        return true;
      },
    };
    await venue.network.mend();
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    const scanIds = answers.map((a) => a.scanId);
    const storedBeforeRestart = await storedCounts(venue, scanIds);
    expect(storedBeforeRestart.size).toBe(1 + 500);

    // Restarted without --enroll or --server: both come from the data directory.
    const second = start(['--data-dir', dataDir]);
    const again = await second.firstLine();
    expect(again).toMatchObject({ enrolled: false, deviceId: line.deviceId });
    const api2 = new LocalApi(again.url);
    const restarted = Date.now();
    await until('the restarted station uploaded its queue', () => caughtUp(api2, restarted));

    const stored = await storedCounts(venue, scanIds);
    expect(stored.size).toBe(scanIds.length);
    expect([...stored.values()].every((n) => n === 1)).toBe(true);
    const { rows } = await venue.t.server.db.query<{ ticket_id: string; n: number }>(
      `SELECT ticket_id::text, count(*)::int AS n FROM checkin_scans
       WHERE event_id = $1 AND result = 'admitted' GROUP BY ticket_id`,
      [venue.ev.eventId],
    );
    expect(rows).toHaveLength(tickets.length);
    expect(rows.every((r) => r.n === 1)).toBe(true);
    expect(await flagsOf(venue)).toEqual([]);
    // The batch the first process sent was sent again and answered as a replay.
    expect(outcomeStatuses(dataDir)).toEqual({ replayed: 500, stored: 110 });

    second.kill('SIGTERM');
    expect(await second.exited).toEqual({ code: 0, signal: null });
  }, 180_000);

  it('refuses a used enrollment code in one line, and a data directory enrolled as another device', async () => {
    const code = await venue.enrollmentCode('spare');
    const elsewhere = mkdtempSync(join(tmpdir(), 'lanyard-cli-station-'));
    try {
      const once = start([
        '--server',
        venue.network.url,
        '--enroll',
        code,
        '--data-dir',
        elsewhere,
      ]);
      await once.firstLine();
      once.kill('SIGTERM');
      expect((await once.exited).code).toBe(0);

      const fresh = mkdtempSync(join(tmpdir(), 'lanyard-cli-station-'));
      const reused = start(['--server', venue.network.url, '--enroll', code, '--data-dir', fresh]);
      expect((await reused.exited).code).toBe(4);
      rmSync(fresh, { recursive: true, force: true });
      expect(reused.stderr.trim().split('\n')).toEqual([
        expect.stringMatching(/^error \[enrollment_code_used\]: /),
      ]);
      expect(JSON.parse(reused.stdout)).toMatchObject({ error: { code: 'enrollment_code_used' } });

      // The same command line again (a service restarting) is no new enrollment.
      const restart = start([
        '--server',
        venue.network.url,
        '--enroll',
        code,
        '--data-dir',
        elsewhere,
      ]);
      expect(await restart.firstLine()).toMatchObject({ enrolled: false });
      restart.kill('SIGTERM');
      await restart.exited;

      const other = await venue.enrollmentCode('other');
      const mixed = start([
        '--server',
        venue.network.url,
        '--enroll',
        other,
        '--data-dir',
        elsewhere,
      ]);
      expect((await mixed.exited).code).toBe(2);
      expect(mixed.stderr).toMatch(/^error \[already_enrolled\]: /);

      const badPin = start(['--data-dir', elsewhere, '--staff-pin', '12']);
      expect((await badPin.exited).code).toBe(2);
      expect(badPin.stderr).toMatch(/^error \[invalid_option\]: .*PIN/);

      const never = start(['--data-dir', join(elsewhere, 'empty')]);
      expect((await never.exited).code).toBe(2);
      expect(never.stderr).toMatch(/^error \[not_enrolled\]: .*--enroll CODE/);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  }, 120_000);
});

function outcomeStatuses(dataDir: string): Record<string, number> {
  const db = new Database(join(dataDir, CACHE_FILE), { readonly: true });
  try {
    const rows = db
      .prepare('SELECT status, count(*) AS n FROM scan_outcomes GROUP BY status ORDER BY status')
      .all() as { status: string; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.status, r.n]));
  } finally {
    db.close();
  }
}
