import { randomUUID } from 'node:crypto';
import { scanUploadResultSchema, type ScanUploadItemInput } from '@lanyard/core';
import { startTestServer, type TestServer } from './harness.js';
import { json, problemOf } from '../src/features/ticketing/test-support/ticket-fixtures.js';
import {
  checkIn,
  count,
  enrolledKiosk,
  eventWithTickets,
  type Kiosk,
  type SoldEvent,
} from '../src/features/checkin/test-support/checkin-fixtures.js';

interface Flag {
  ticketId: string;
  listName: string;
  attendee: { name: string } | null;
  scan: { scanId: string; deviceId: string; gate: string | null; scannedAt: string };
  duplicateOf: { scanId: string; deviceId: string };
}

describe.each(['pglite', 'postgres'] as const)('scans uploaded by kiosks [%s]', (kind) => {
  let t: TestServer;
  let ev: SoldEvent;
  let a: Kiosk;
  let b: Kiosk;

  beforeAll(async () => {
    t = await startTestServer(kind);
    ev = await eventWithTickets(t, 16);
    a = await enrolledKiosk(t, ev.eventId, 'A');
    b = await enrolledKiosk(t, ev.eventId, 'B');
  });
  afterAll(async () => {
    await t?.stop();
  });

  const offlineScan = (
    kiosk: Kiosk,
    token: string,
    at: string,
    over: Partial<ScanUploadItemInput> = {},
  ): ScanUploadItemInput => ({
    scanId: randomUUID(),
    token,
    scannedAt: at,
    deviceId: kiosk.deviceId,
    gate: kiosk === a ? 'north' : 'south',
    deviceResult: 'admitted',
    ...over,
  });

  async function upload(kiosk: Kiosk, scans: ScanUploadItemInput[]) {
    const res = await t.api(`/api/v1/events/${ev.eventId}/scans`, {
      body: { scans },
      token: kiosk.token,
    });
    return scanUploadResultSchema.parse(await json(res, 200)).outcomes;
  }

  const flags = async () =>
    (await json<{ items: Flag[] }>(await t.api(`/api/v1/events/${ev.eventId}/checkin-flags`), 200))
      .items;

  it('keeps one canonical entry and flags the other when two offline kiosks admitted one ticket', async () => {
    const ticket = ev.tickets[0]!;
    const early = offlineScan(a, ticket.token, '2030-01-01T09:00:00.000Z');
    const late = offlineScan(b, ticket.token, '2030-01-01T09:05:00.000Z');
    // B comes back online first; A uploads its earlier scan afterwards.
    expect(await upload(b, [late])).toEqual([
      expect.objectContaining({
        scanId: late.scanId,
        status: 'stored',
        result: 'admitted',
        duplicate: false,
      }),
    ]);
    expect(await upload(a, [early])).toEqual([
      expect.objectContaining({
        scanId: early.scanId,
        status: 'stored',
        result: 'admitted',
        duplicate: false,
      }),
    ]);
    const flagged = (await flags()).filter((f) => f.ticketId === ticket.id);
    expect(flagged).toEqual([
      expect.objectContaining({
        listName: 'Default',
        attendee: { name: expect.stringMatching(/^Attendee/) },
        scan: expect.objectContaining({ scanId: late.scanId, deviceId: b.deviceId, gate: 'south' }),
        duplicateOf: expect.objectContaining({ scanId: early.scanId, deviceId: a.deviceId }),
      }),
    ]);
    expect(
      await count(t, 'SELECT count(*) AS n FROM checkin_scans WHERE ticket_id = $1', [ticket.id]),
    ).toBe(2);
    // Online, the ticket is inside already.
    expect((await checkIn(t, ev.eventId, { token: ticket.token })).result).toBe(
      'already_checked_in',
    );
  });

  it('applies a replayed batch once: replayed outcomes, nothing counted twice', async () => {
    const ticket = ev.tickets[1]!;
    const batch = [
      offlineScan(a, ticket.token, '2030-01-01T10:00:00.000Z'),
      offlineScan(a, ticket.token, '2030-01-01T10:01:00.000Z'),
      offlineScan(a, 'garbage', '2030-01-01T10:02:00.000Z', { deviceResult: 'invalid' }),
    ];
    const first = await upload(a, batch);
    expect(first.map((o) => [o.status, o.result, o.duplicate])).toEqual([
      ['stored', 'admitted', false],
      ['stored', 'admitted', true],
      ['stored', 'invalid', false],
    ]);
    const flagsBefore = await flags();
    const [again, concurrent] = await Promise.all([upload(a, batch), upload(a, batch)]);
    for (const replay of [again!, concurrent!]) {
      expect(replay.map((o) => [o.status, o.result, o.duplicate])).toEqual([
        ['replayed', 'admitted', false],
        ['replayed', 'admitted', true],
        ['replayed', 'invalid', false],
      ]);
    }
    expect(await flags()).toEqual(flagsBefore);
    expect(
      await count(t, 'SELECT count(*) AS n FROM checkin_scans WHERE scan_id = ANY($1::uuid[])', [
        batch.map((s) => s.scanId),
      ]),
    ).toBe(3);
  });

  it('records what the device answered, with the server’s reason, and judges the scan at its own time', async () => {
    const ticket = ev.tickets[2]!;
    await json(await t.api(`/api/v1/tickets/${ticket.id}/revoke`, { body: {} }), 200);
    const [refused, unknown] = await upload(b, [
      offlineScan(b, ticket.token, '2030-01-01T11:00:00.000Z', { deviceResult: 'revoked' }),
      // Sent without an offline answer: the server decides it (the kiosk asked online, unheard).
      offlineScan(b, ev.tickets[3]!.token, '2030-01-01T11:00:00.000Z', { deviceResult: undefined }),
    ]);
    expect(refused).toMatchObject({ result: 'revoked', reason: 'revoked', ticketId: ticket.id });
    expect(unknown).toMatchObject({
      result: 'admitted',
      reason: 'entry',
      ticketId: ev.tickets[3]!.id,
    });
  });

  it('orders scans on the server’s clock: a kiosk running fast that said so keeps its earlier entry', async () => {
    const ticket = ev.tickets[5]!;
    // A's clock is ten minutes fast: it scanned at 09:00 server time and knew it.
    const onFastKiosk = offlineScan(a, ticket.token, '2030-01-02T09:10:00.000Z', {
      clockOffsetMs: -600_000,
    });
    const onGoodKiosk = offlineScan(b, ticket.token, '2030-01-02T09:05:00.000Z', {
      clockOffsetMs: 0,
    });
    await upload(b, [onGoodKiosk]);
    expect((await upload(a, [onFastKiosk]))[0]).toMatchObject({ duplicate: false });
    const flagged = (await flags()).filter((f) => f.ticketId === ticket.id);
    expect(flagged).toEqual([
      expect.objectContaining({
        scan: expect.objectContaining({ scanId: onGoodKiosk.scanId }),
        duplicateOf: expect.objectContaining({ scanId: onFastKiosk.scanId }),
      }),
    ]);
    const { rows } = await t.server.db.query<{ scanned_at: Date }>(
      'SELECT scanned_at FROM checkin_scans WHERE scan_id = $1',
      [onFastKiosk.scanId],
    );
    expect(rows[0]!.scanned_at.toISOString()).toBe('2030-01-02T09:00:00.000Z');
  });

  it('takes overlapping batches from two kiosks at once without a deadlock, flagging each repeat once', async () => {
    const tickets = ev.tickets.slice(6, 16);
    const batchOf = (kiosk: Kiosk, minute: number) =>
      tickets.map((x) =>
        offlineScan(kiosk, x.token, `2030-01-02T10:${String(minute).padStart(2, '0')}:00.000Z`),
      );
    const fromA = batchOf(a, 1);
    const fromB = batchOf(b, 2).reverse();
    const [outA, outB] = await Promise.all([upload(a, fromA), upload(b, fromB)]);
    expect([...outA!, ...outB!].every((o) => o.status === 'stored')).toBe(true);
    const flagged = (await flags()).filter((f) => tickets.some((x) => x.id === f.ticketId));
    // A scanned every ticket a minute before B: B's admissions are the duplicates, whoever came first.
    expect(flagged.map((f) => f.scan.scanId).sort()).toEqual(fromB.map((s) => s.scanId).sort());
    expect(flagged.every((f) => f.duplicateOf.deviceId === a.deviceId)).toBe(true);
  });

  it('refuses a batch carrying another device’s scans, and malformed batches', async () => {
    await problemOf(
      await t.api(`/api/v1/events/${ev.eventId}/scans`, {
        body: { scans: [offlineScan(b, ev.tickets[4]!.token, '2030-01-01T12:00:00.000Z')] },
        token: a.token,
      }),
      403,
      'device_mismatch',
    );
    for (const body of [{ scans: [] }, { scans: [{ scanId: 'x' }] }, { scans: 'all' }, {}]) {
      await problemOf(
        await t.api(`/api/v1/events/${ev.eventId}/scans`, { body, token: a.token }),
        400,
        'validation_failed',
      );
    }
  });
});
