import { randomUUID } from 'node:crypto';
import { decideCheckin } from '../checkin/decide.js';
import { PublicKeyring } from '../ticket-token/keyring.js';
import { generateSigningKey, toPublicKeyMaterial } from '../ticket-token/keys.js';
import { signTicketToken } from '../ticket-token/sign.js';
import { verifyTicketToken } from '../ticket-token/verify.js';
import { syncPageSchema, type SyncChange, type SyncPage } from './change-feed.js';
import { toCheckinList, toKnownTicket } from './convert.js';
import {
  MAX_CLOCK_OFFSET_MS,
  MAX_SCANS_PER_UPLOAD,
  scanOutcomeSchema,
  scanUploadSchema,
  serverTimeOfScan,
} from './scan-upload.js';

const eventId = randomUUID();
const ticketTypeId = randomUUID();
const ticketId = randomUUID();
const listId = randomUUID();
const key = generateSigningKey('k1');
const now = '2030-06-01T09:00:00.000Z';

const ticketUpserted: SyncChange = {
  type: 'ticket.upserted',
  ticket: {
    id: ticketId,
    eventId,
    ticketTypeId,
    status: 'valid',
    revision: 0,
    attendee: { name: 'Grace Hopper', email: 'grace@example.org' },
    updatedAt: now,
  },
};
const listUpserted: SyncChange = {
  type: 'checkin_list.upserted',
  list: {
    id: listId,
    eventId,
    name: 'Main entrance',
    ticketTypeIds: [ticketTypeId],
    opensAt: '2030-06-01T08:00:00.000Z',
    closesAt: null,
    entryRule: 'single',
    updatedAt: now,
  },
};
const page: SyncPage = {
  v: 1,
  cursor: 'c:42',
  changes: [
    ticketUpserted,
    listUpserted,
    { type: 'signing_key.added', key: toPublicKeyMaterial(key), addedAt: now },
    {
      type: 'scan.recorded',
      scan: {
        scanId: randomUUID(),
        eventId,
        listId,
        ticketId: randomUUID(),
        deviceId: randomUUID(),
        gate: 'north',
        direction: 'entry',
        result: 'admitted',
        scannedAt: now,
      },
    },
    { type: 'ticket.revoked', ticketId: randomUUID(), eventId, revokedAt: now },
    { type: 'checkin_list.deleted', listId: randomUUID(), eventId },
    { type: 'signing_key.retired', kid: 'old', retiredAt: now },
  ],
  keys: [toPublicKeyMaterial(key)],
  hasMore: false,
};

describe('the change feed page', () => {
  it('parses a page carrying every kind of change after a JSON round trip', () => {
    const parsed = syncPageSchema.parse(JSON.parse(JSON.stringify(page)));
    expect(parsed).toEqual(page);
  });

  it('refuses a page with a change type it does not know, rather than skipping it', () => {
    const bad = { ...page, changes: [...page.changes, { type: 'ticket.teleported', ticketId }] };
    expect(syncPageSchema.safeParse(bad).success).toBe(false);
  });

  it('refuses a page of another protocol version', () => {
    expect(syncPageSchema.safeParse({ ...page, v: 2 }).success).toBe(false);
  });

  it('refuses a signing key that carries its private half', () => {
    const leaked = { ...page, keys: [key] };
    expect(syncPageSchema.safeParse(leaked).success).toBe(false);
  });

  it('refuses a ticket with a malformed id or time', () => {
    const badId = { ...ticketUpserted, ticket: { ...ticketUpserted.ticket, id: 'nope' } };
    const badTime = {
      ...ticketUpserted,
      ticket: { ...ticketUpserted.ticket, updatedAt: 'yesterday' },
    };
    expect(syncPageSchema.safeParse({ ...page, changes: [badId] }).success).toBe(false);
    expect(syncPageSchema.safeParse({ ...page, changes: [badTime] }).success).toBe(false);
  });

  it('gives a kiosk holding only synced data the same decisions as the rule on the server', () => {
    const synced = syncPageSchema.parse(JSON.parse(JSON.stringify(page)));
    const keys = new PublicKeyring(synced.keys);
    const changes = synced.changes;
    const ticket = changes.find((c) => c.type === 'ticket.upserted')!;
    const list = changes.find((c) => c.type === 'checkin_list.upserted')!;
    if (ticket.type !== 'ticket.upserted' || list.type !== 'checkin_list.upserted')
      throw new Error('fixture');

    const token = verifyTicketToken(signTicketToken({ eventId, ticketId, ticketTypeId }, key), {
      keys,
    });
    const base = {
      token,
      list: toCheckinList(list.list),
      previousScans: [],
      at: new Date('2030-06-01T09:30:00Z'),
    };
    expect(decideCheckin({ ...base, ticket: toKnownTicket(ticket.ticket) })).toMatchObject({
      result: 'admitted',
      attendeeName: 'Grace Hopper',
    });
    expect(
      decideCheckin({
        ...base,
        at: new Date('2030-06-01T07:59:59Z'),
        ticket: toKnownTicket(ticket.ticket),
      }),
    ).toMatchObject({
      reason: 'outside_window',
    });
    const revoked = { ...ticket.ticket, status: 'revoked' as const };
    expect(decideCheckin({ ...base, ticket: toKnownTicket(revoked) })).toMatchObject({
      result: 'revoked',
    });
  });
});

describe('the scan upload', () => {
  const item = {
    scanId: randomUUID(),
    token: 'LY1:ABC',
    scannedAt: now,
    deviceId: randomUUID(),
  };

  it('accepts the contract shape and defaults the direction to entry and the version to 1', () => {
    expect(scanUploadSchema.parse({ scans: [item] })).toEqual({
      v: 1,
      scans: [{ ...item, direction: 'entry' }],
    });
  });

  it('keeps garbage scanned text, to record it as an invalid scan', () => {
    const garbage = { ...item, token: 'https://example.com/?q=%00' };
    expect(scanUploadSchema.parse({ scans: [garbage] }).scans[0]!.token).toBe(garbage.token);
  });

  it('refuses an empty batch, an oversized batch, a missing scanId and an unreadable time', () => {
    const many = Array.from({ length: MAX_SCANS_PER_UPLOAD + 1 }, () => ({
      ...item,
      scanId: randomUUID(),
    }));
    for (const body of [
      { scans: [] },
      { scans: many },
      { scans: [{ ...item, scanId: undefined }] },
      { scans: [{ ...item, scannedAt: 1_700_000_000 }] },
      { scans: [{ ...item, direction: 'sideways' }] },
      { scans: 'all of them' },
      null,
    ]) {
      expect(scanUploadSchema.safeParse(body).success).toBe(false);
    }
  });

  it("places a scan on the server's clock by the offset the kiosk measured when it scanned", () => {
    const slow = scanUploadSchema.parse({
      scans: [{ ...item, scannedAt: '2030-01-01T08:59:00.000Z', clockOffsetMs: 60_000 }],
    }).scans[0]!;
    expect(serverTimeOfScan(slow).toISOString()).toBe('2030-01-01T09:00:00.000Z');
    expect(serverTimeOfScan({ scannedAt: '2030-01-01T09:00:00.000Z' }).toISOString()).toBe(
      '2030-01-01T09:00:00.000Z',
    );
  });

  it('refuses a clock offset that is not whole milliseconds or beyond a century', () => {
    for (const clockOffsetMs of [0.5, MAX_CLOCK_OFFSET_MS + 1, -MAX_CLOCK_OFFSET_MS - 1, '60000'])
      expect(scanUploadSchema.safeParse({ scans: [{ ...item, clockOffsetMs }] }).success).toBe(
        false,
      );
    // A kiosk that booted in 1970 after its clock battery died, scanning in 2030.
    const dead = {
      ...item,
      scannedAt: '1970-01-01T00:10:00.000Z',
      clockOffsetMs: 1_893_456_000_000,
    };
    expect(
      serverTimeOfScan(scanUploadSchema.parse({ scans: [dead] }).scans[0]!).getUTCFullYear(),
    ).toBe(2030);
  });

  it('describes a per-scan outcome with a reason from the check-in rule', () => {
    const outcome = {
      scanId: item.scanId,
      status: 'replayed',
      result: 'admitted',
      reason: 'entry',
      duplicate: true,
    };
    expect(scanOutcomeSchema.parse(outcome)).toEqual(outcome);
    expect(scanOutcomeSchema.safeParse({ ...outcome, reason: 'because' }).success).toBe(false);
  });
});
