import { randomUUID } from 'node:crypto';
import { startTestServer, type TestServer } from './harness.js';
import {
  json,
  problemOf,
  scopedToken,
} from '../src/features/ticketing/test-support/ticket-fixtures.js';
import {
  checkIn,
  count,
  enrolledKiosk,
  eventWithTickets,
  type SoldEvent,
} from '../src/features/checkin/test-support/checkin-fixtures.js';

interface Passage {
  scanId: string;
  result: string;
  direction: string;
  manual: boolean;
  annulment: { actor: string; reason: string | null } | null;
}

// Check-in corrections on PostgreSQL, where the races are real: a check-in by hand for someone
// without their QR code, and annulling a wrong admission so the ticket may enter again.
describe('check-in corrections [postgres]', () => {
  let t: TestServer;
  let ev: SoldEvent;
  let other: SoldEvent;

  beforeAll(async () => {
    t = await startTestServer('postgres');
    ev = await eventWithTickets(t, 7);
    other = await eventWithTickets(t, 1);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const ticket = (i: number) => ev.tickets[i]!;
  const passages = async (ticketId: string, eventId = ev.eventId) =>
    (
      await json<{ items: Passage[] }>(
        await t.api(`/api/v1/events/${eventId}/tickets/${ticketId}/passages`),
        200,
      )
    ).items;
  const annul = (scanId: string, body: Record<string, unknown> = {}, token?: string) =>
    t.api(`/api/v1/events/${ev.eventId}/scans/${scanId}/annul`, {
      body,
      ...(token && { token }),
    });
  const stats = async () =>
    json<{ admitted: number; inside: number }>(
      await t.api(`/api/v1/events/${ev.eventId}/checkin-stats`),
      200,
    );

  it('checks a ticket in by hand once, marked manual, by the same rule as its QR code', async () => {
    const first = await checkIn(t, ev.eventId, { ticketId: ticket(0).id, gate: 'Desk' });
    expect(first).toMatchObject({ result: 'admitted', reason: 'entry', ticketId: ticket(0).id });
    expect(first.attendee?.name).toBeTruthy();
    // Then the QR code, and a second check-in by hand, are refused as already inside.
    expect((await checkIn(t, ev.eventId, { token: ticket(0).token })).result).toBe(
      'already_checked_in',
    );
    expect((await checkIn(t, ev.eventId, { ticketId: ticket(0).id })).result).toBe(
      'already_checked_in',
    );
    const [, , admission] = await passages(ticket(0).id);
    expect(admission).toMatchObject({ scanId: first.scanId, result: 'admitted', manual: true });
  });

  it('admits once when ten desks check the same person in by hand at the same moment', async () => {
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => checkIn(t, ev.eventId, { ticketId: ticket(1).id })),
    );
    expect(answers.filter((a) => a.result === 'admitted')).toHaveLength(1);
    expect(
      await count(
        t,
        `SELECT count(*) AS n FROM checkin_scans s JOIN checkin_manual_entries m USING (scan_id)
         WHERE s.ticket_id = $1`,
        [ticket(1).id],
      ),
    ).toBe(10);
  });

  it('refuses a check-in by hand naming no ticket of the event, or both a token and a ticket', async () => {
    const stranger = await t.api(`/api/v1/events/${ev.eventId}/checkins`, {
      body: { ticketId: other.tickets[0]!.id },
    });
    await problemOf(stranger, 404, 'ticket_not_found');
    const both = await t.api(`/api/v1/events/${ev.eventId}/checkins`, {
      body: { ticketId: ticket(2).id, token: ticket(2).token },
    });
    expect(both.status).toBe(400);
    const neither = await t.api(`/api/v1/events/${ev.eventId}/checkins`, { body: { gate: 'A' } });
    expect(neither.status).toBe(400);
    expect(
      await count(t, 'SELECT count(*) AS n FROM checkin_scans WHERE ticket_id = $1', [
        ticket(2).id,
      ]),
    ).toBe(0);
  });

  it('takes a kiosk’s offline check-ins by hand: stored once, marked manual; an unknown ticket is invalid', async () => {
    const kiosk = await enrolledKiosk(t, ev.eventId, 'Desk');
    const byHand = { scanId: randomUUID(), ticketId: ticket(6).id, deviceResult: 'admitted' };
    // Another event's ticket, which the kiosk's cache did not know.
    const nobody = {
      scanId: randomUUID(),
      ticketId: other.tickets[0]!.id,
      deviceResult: 'invalid',
    };
    const body = {
      scans: [byHand, nobody].map((s) => ({
        ...s,
        scannedAt: new Date().toISOString(),
        deviceId: kiosk.deviceId,
      })),
    };
    const upload = async () =>
      json<{ outcomes: { scanId: string; status: string; result: string; reason: string }[] }>(
        await t.api(`/api/v1/events/${ev.eventId}/scans`, { token: kiosk.token, body }),
        200,
      );
    const [stored, unknown] = (await upload()).outcomes;
    expect(stored).toMatchObject({ status: 'stored', result: 'admitted', reason: 'entry' });
    expect(unknown).toMatchObject({
      status: 'stored',
      result: 'invalid',
      reason: 'unknown_ticket',
    });
    expect(unknown).not.toHaveProperty('ticketId');
    expect((await upload()).outcomes.map((o) => o.status)).toEqual(['replayed', 'replayed']);
    expect(
      await count(t, 'SELECT count(*) AS n FROM checkin_manual_entries WHERE scan_id = $1', [
        byHand.scanId,
      ]),
    ).toBe(1);
    expect((await checkIn(t, ev.eventId, { token: ticket(6).token })).result).toBe(
      'already_checked_in',
    );
    const both = await t.api(`/api/v1/events/${ev.eventId}/scans`, {
      token: kiosk.token,
      body: { scans: [{ ...body.scans[0], scanId: randomUUID(), token: ticket(6).token }] },
    });
    expect(both.status).toBe(400);
  });

  it('annuls a wrong admission: it stops counting and the ticket enters again', async () => {
    const wrong = await checkIn(t, ev.eventId, { token: ticket(3).token, gate: 'North' });
    expect(wrong.result).toBe('admitted');
    const before = await stats();
    const res = await annul(wrong.scanId, { reason: 'scanned the wrong badge' });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      scanId: wrong.scanId,
      ticketId: ticket(3).id,
      reason: 'scanned the wrong badge',
      replayed: false,
    });
    const after = await stats();
    expect(after.admitted).toBe(before.admitted - 1);
    expect(after.inside).toBe(before.inside - 1);
    // Kept in the audit log: who annulled which scan, and why.
    expect(
      await count(
        t,
        `SELECT count(*) AS n FROM audit.audit_log WHERE action = 'checkin.annulled' AND object_id = $1`,
        [wrong.scanId],
      ),
    ).toBe(1);
    // Annulling again repeats the annulment and changes nothing.
    expect(await json(await annul(wrong.scanId), 200)).toMatchObject({ replayed: true });
    expect((await checkIn(t, ev.eventId, { token: ticket(3).token, gate: 'South' })).result).toBe(
      'admitted',
    );
    const [again, annulled] = await passages(ticket(3).id);
    expect(again).toMatchObject({ result: 'admitted', annulment: null });
    expect(annulled).toMatchObject({
      scanId: wrong.scanId,
      annulment: { reason: 'scanned the wrong badge' },
    });
  });

  it('lets exactly one of many racing scans in after an annulment', async () => {
    const first = await checkIn(t, ev.eventId, { token: ticket(4).token });
    const [annulled, ...answers] = await Promise.all([
      annul(first.scanId),
      ...Array.from({ length: 20 }, (_, i) =>
        checkIn(t, ev.eventId, { token: ticket(4).token, gate: `gate-${i}` }),
      ),
    ]);
    expect(annulled!.status).toBe(200);
    // Scans deciding before the annulment committed were refused; after it, exactly one entered.
    const late = answers.filter((a) => a.result === 'admitted');
    expect(late.length).toBeLessThanOrEqual(1);
    if (late.length === 0)
      expect((await checkIn(t, ev.eventId, { token: ticket(4).token })).result).toBe('admitted');
    expect(
      await count(
        t,
        `SELECT count(*) AS n FROM checkin_scans s WHERE s.ticket_id = $1 AND s.result = 'admitted'
           AND NOT EXISTS (SELECT 1 FROM checkin_annulments a WHERE a.scan_id = s.scan_id)`,
        [ticket(4).id],
      ),
    ).toBe(1);
  });

  it('refuses to annul another event’s scan, a refusal, or an old scan for door staff', async () => {
    const elsewhere = await checkIn(t, other.eventId, { token: other.tickets[0]!.token });
    const foreign = await annul(elsewhere.scanId);
    await problemOf(foreign, 404, 'scan_not_found');

    const refused = await checkIn(t, ev.eventId, { token: 'garbage' });
    const notAdmission = await annul(refused.scanId);
    await problemOf(notAdmission, 409, 'not_an_admission');

    // A kiosk's offline scan from an hour ago: too old for door staff, not for an organizer.
    const kiosk = await enrolledKiosk(t, ev.eventId);
    const scanId = randomUUID();
    const upload = await t.api(`/api/v1/events/${ev.eventId}/scans`, {
      token: kiosk.token,
      body: {
        scans: [
          {
            scanId,
            token: ticket(5).token,
            scannedAt: new Date(Date.now() - 3600_000).toISOString(),
            deviceId: kiosk.deviceId,
            deviceResult: 'admitted',
          },
        ],
      },
    });
    expect(upload.status).toBe(200);
    const staff = await scopedToken(t, ['checkin']);
    for (const token of [staff, kiosk.token]) {
      const late = await annul(scanId, {}, token);
      await problemOf(late, 403, 'annul_window_passed');
    }
    expect(
      await count(t, 'SELECT count(*) AS n FROM checkin_annulments WHERE scan_id = $1', [scanId]),
    ).toBe(0);
    expect((await annul(scanId)).status).toBe(200);
  });

  it('tells kiosks through sync that the admission no longer counts', async () => {
    const kiosk = await enrolledKiosk(t, ev.eventId, 'Second');
    const page = async (cursor?: string) =>
      json<{
        cursor: string;
        changes: { type: string; scanId?: string; scan?: { scanId: string } }[];
        hasMore: boolean;
      }>(
        await t.api(
          `/api/v1/events/${ev.eventId}/sync${cursor ? `?cursor=${encodeURIComponent(cursor)}` : ''}`,
          { token: kiosk.token },
        ),
        200,
      );
    let p = await page();
    while (p.hasMore) p = await page(p.cursor);
    const wrong = await checkIn(t, ev.eventId, { ticketId: ticket(2).id });
    await json(await annul(wrong.scanId), 200);
    const delta = await page(p.cursor);
    expect(delta.changes).toContainEqual(
      expect.objectContaining({ type: 'scan.annulled', scanId: wrong.scanId }),
    );
    // The scan and its annulment are one entity of the feed: only the annulment is told.
    expect(delta.changes.filter((c) => c.scan?.scanId === wrong.scanId)).toEqual([]);
  });
});
