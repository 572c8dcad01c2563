import type { Queryable } from '../src/platform/db/db.js';
import { KeyringCache } from '../src/features/checkin/keyring-cache.js';
import { checkScannedText } from '../src/features/checkin/token-check.js';
import {
  eventWithTickets,
  type SoldEvent,
} from '../src/features/checkin/test-support/checkin-fixtures.js';
import { rotateSigningKey } from '../src/features/ticketing/signing-keys.js';
import { startTestServer, type TestServer } from './harness.js';

// The server's cache of each event's public keys: scans verify without a database read, a key
// rotated on another replica is learned from the first token that names it, and a burst of scans
// at an expiry reads the keys once.
describe('event keyrings kept for the online check-in', () => {
  let t: TestServer;
  let ev: SoldEvent;
  let reads: number;
  let clock: number;
  let keyrings: KeyringCache;

  beforeAll(async () => {
    t = await startTestServer('pglite');
    ev = await eventWithTickets(t, 1);
  });
  afterAll(async () => {
    await t?.stop();
  });
  beforeEach(() => {
    reads = 0;
    clock = 1_000_000;
    const counted: Queryable = {
      query: (sql, params) => {
        reads += 1;
        return t.server.db.query(sql, params);
      },
      exec: (sql) => t.server.db.exec(sql),
    };
    keyrings = new KeyringCache(counted, () => clock);
  });

  const check = (token: string) => checkScannedText(keyrings, ev.eventId, token);

  it('reads the keys once for a burst of scans, and again only after they expire', async () => {
    const token = ev.tickets[0]!.token;
    const burst = await Promise.all(Array.from({ length: 20 }, () => check(token)));
    expect(burst.every((c) => c.verification.ok)).toBe(true);
    expect(reads).toBe(1);
    clock += 29_000;
    await check(token);
    expect(reads).toBe(1);
    clock += 2_000;
    await Promise.all([check(token), check(token)]);
    expect(reads).toBe(2);
  });

  it('learns a key rotated elsewhere from the first token signed with it, reading once', async () => {
    await keyrings.get(ev.eventId);
    clock += 5_000;
    await rotateSigningKey(t.server.db, ev.eventId);
    const renewed = await t.api(`/api/v1/tickets/${ev.tickets[0]!.id}/reissue`, { body: {} });
    expect(renewed.status).toBe(200);
    const { token } = (await renewed.json()) as { token: string };
    const checks = await Promise.all(Array.from({ length: 5 }, () => check(token)));
    expect(checks.map((c) => c.verification.ok)).toEqual([true, true, true, true, true]);
    expect(reads).toBe(2);
  });

  it('re-reads for an unknown key at most once a second, so garbage kids cost no reads', async () => {
    const ring = await keyrings.get(ev.eventId);
    expect(await keyrings.refresh(ev.eventId, ring)).toBeUndefined();
    clock += 1_500;
    const newer = await keyrings.refresh(ev.eventId, ring);
    expect(newer).toBeDefined();
    expect(newer).not.toBe(ring);
    // A caller still holding the old ring gets the one read since, without another read.
    expect(await keyrings.refresh(ev.eventId, ring)).toBe(newer);
    expect(reads).toBe(2);
  });
});
