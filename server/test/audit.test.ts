import { startTestServer, ticketTypeBody, type TestServer } from './harness.js';
import {
  createSale,
  json,
  problemOf,
  register,
  type Sale,
} from '../src/features/ticketing/test-support/ticket-fixtures.js';
import { randomUUID } from 'node:crypto';
import { writeCheckpoint } from '../src/features/audit/service.js';
import { enrolledKiosk } from '../src/features/checkin/test-support/checkin-fixtures.js';
import { canonicalJson, sha256 } from '../src/features/audit/chain.js';

interface Entry {
  seq: number;
  at: string;
  eventId: string | null;
  actor: { subject: string | null; clientId: string | null; deviceId: string | null };
  ip: string | null;
  userAgent: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  payload: { before?: Record<string, unknown>; after?: Record<string, unknown> } | null;
  payloadHash: string;
}
interface Page {
  items: Entry[];
  nextCursor: string | null;
}
interface Report {
  ok: boolean;
  entries: number;
  checkpoints: number;
  firstBad: { seq: number; kind: string; message: string } | null;
  problems: { seq: number; kind: string; message: string }[];
}

describe.each(['pglite', 'postgres'] as const)('audit log [%s]', (kind) => {
  let t: TestServer;
  let sale: Sale;
  const sql = (text: string, params: unknown[] = []) => t.server.db.query(text, params);
  const verify = async () => json<Report>(await t.api('/api/v1/audit/verify'), 200);
  const eventAudit = async (query = '') =>
    json<Page>(await t.api(`/api/v1/events/${sale.eventId}/audit${query}`), 200);

  beforeAll(async () => {
    t = await startTestServer(kind);
    // A busy event: types, changes, codes, questions, a quota, a device, a webhook, sales, revocations.
    sale = await createSale(t);
    const e = sale.eventId;
    await json(
      await t.api(`/api/v1/events/${e}/ticket-types/${sale.ticketTypeId}`, {
        method: 'PATCH',
        body: { quantity: 1500 },
        headers: { 'user-agent': 'audit-test/1.0' },
      }),
      200,
    );
    // Changes at the same instant must queue behind each other, never fork the chain.
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        t.api(`/api/v1/events/${e}/ticket-types`, {
          body: ticketTypeBody({ name: `Day ${i}`, quantity: 10 }),
        }),
      ),
    ).then((rs) => rs.forEach((r) => expect(r.status).toBe(201)));
    await json(
      await t.api(`/api/v1/events/${e}/promo-codes`, {
        body: { code: 'EARLY', discountKind: 'percent', discountValue: 10 },
      }),
      201,
    );
    await json(
      await t.api(`/api/v1/events/${e}/questions`, {
        body: { label: 'T-shirt size', kind: 'text', required: false },
      }),
      201,
    );
    await json(await t.api(`/api/v1/events/${e}/devices`, { body: { name: 'North door' } }), 201);
    const orders = [];
    for (let i = 0; i < 5; i++) orders.push(await register(t, sale));
    await json(
      await t.api(`/api/v1/tickets/${orders[0]!.tickets[0]!.id}/revoke`, {
        body: { reason: 'chargeback' },
      }),
      200,
    );
    await json(
      await t.api(`/api/v1/events/${e}`, { method: 'PATCH', body: { name: 'Busy' } }),
      200,
    );
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('records who, from where, what and the changed fields, and not the public registrations', async () => {
    const { items } = await eventAudit('?limit=500');
    const actions = items.map((i) => i.action);
    expect(actions.filter((a) => a === 'ticket_type.created')).toHaveLength(13);
    expect(actions).toEqual(
      expect.arrayContaining([
        'event.created',
        'event.updated',
        'ticket_type.updated',
        'promo_code.created',
        'question.created',
        'device.created',
        'ticket.revoked',
      ]),
    );
    expect(actions.some((a) => a.startsWith('order') || a.startsWith('registration'))).toBe(false);

    const update = items.find((i) => i.action === 'ticket_type.updated')!;
    const b = await t.bootstrap();
    expect(update.actor.clientId).toBe(b.client_id);
    expect(update.ip).toMatch(/127\.0\.0\.1/);
    expect(update.userAgent).toBe('audit-test/1.0');
    expect(update.objectId).toBe(sale.ticketTypeId);
    // Only what changed.
    expect(update.payload).toEqual({
      before: { quantity: 1000, available: 1000 },
      after: { quantity: 1500, available: 1500 },
    });
    // The payload hash is SHA-256 over its RFC 8785 canonical JSON.
    expect(update.payloadHash).toBe(sha256(canonicalJson(update.payload)));
    const rename = items.find((i) => i.action === 'event.updated')!;
    expect(rename.payload!.after).toMatchObject({ name: 'Busy' });
  });

  it('filters by action, actor and time, and pages with a cursor without loss or repeat', async () => {
    const types = await eventAudit('?action=ticket_type.created');
    expect(types.items).toHaveLength(13);
    const b = await t.bootstrap();
    const mine = await eventAudit(`?actor=${b.client_id}&limit=500`);
    expect(mine.items.length).toBeGreaterThan(15);
    expect(
      (await eventAudit(`?since=${new Date(Date.now() + 60_000).toISOString()}`)).items,
    ).toEqual([]);
    const seen: number[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: Page = await eventAudit(`?limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((i) => i.seq));
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(mine.items.map((i) => i.seq));
    expect(new Set(seen).size).toBe(seen.length);
    await problemOf(
      await t.api(`/api/v1/events/${sale.eventId}/audit?cursor=abc`),
      400,
      'validation_failed',
    );
    await problemOf(await t.api('/api/v1/audit?since=yesterday'), 400, 'validation_failed');
  });

  it('verifies the chain of a busy event, with a signed checkpoint', async () => {
    expect(await writeCheckpoint(t.server.db)).not.toBeNull();
    const report = await verify();
    expect(report).toMatchObject({ ok: true, firstBad: null, problems: [], checkpoints: 1 });
    expect(report.entries).toBe(20);
    const { rows } = await sql('SELECT seq FROM audit.audit_log ORDER BY seq');
    expect(rows.map((r) => Number(r.seq))).toEqual(rows.map((_, i) => i + 1));
  });

  it('refuses updates and deletes of entries, but lets a payload be redacted', async () => {
    await expect(sql(`UPDATE audit.audit_log SET action = 'x' WHERE seq = 1`)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql('DELETE FROM audit.audit_log WHERE seq = 1')).rejects.toThrow(/append-only/);
    const revoked = (await eventAudit('?action=ticket.revoked')).items[0]!;
    expect((await t.api(`/api/v1/audit/${revoked.seq}/redact`, { method: 'POST' })).status).toBe(
      204,
    );
    const after = (await eventAudit('?action=ticket.revoked')).items[0]!;
    expect(after.payload).toBeNull();
    expect(after.payloadHash).toBe(revoked.payloadHash);
    expect((await eventAudit('?action=audit.redacted')).items).toEqual([]); // not the event's
    expect(
      (await json<Page>(await t.api('/api/v1/audit?action=audit.redacted'), 200)).items,
    ).toHaveLength(1);
    expect((await verify()).ok).toBe(true);
  });

  it('sums up an offline scan upload in one entry naming the device, and a replay in none', async () => {
    const kiosk = await enrolledKiosk(t, sale.eventId);
    const order = await register(t, sale, 3);
    const scans = order.tickets.map((ticket) => ({
      scanId: randomUUID(),
      token: ticket.token,
      scannedAt: new Date().toISOString(),
      deviceId: kiosk.deviceId,
      deviceResult: 'admitted',
    }));
    const upload = () =>
      t.api(`/api/v1/events/${sale.eventId}/scans`, { token: kiosk.token, body: { scans } });
    expect((await upload()).status).toBe(200);
    expect((await upload()).status).toBe(200);
    const { items } = await eventAudit('?action=scans.uploaded');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({
      actor: { deviceId: kiosk.deviceId },
      payload: { details: { stored: 3, replayed: 0 } },
    });
    expect((await verify()).ok).toBe(true);
  });

  describe('with entries changed behind its back', () => {
    const untouchable = (on: boolean) =>
      sql(`ALTER TABLE audit.audit_log ${on ? 'ENABLE' : 'DISABLE'} TRIGGER audit_log_append_only`);
    let target: number;
    beforeAll(async () => {
      await sql('CREATE TABLE audit_copy AS SELECT * FROM audit.audit_log');
      target = Number((await eventAudit('?action=ticket_type.updated')).items[0]!.seq);
      await untouchable(false);
    });
    afterEach(async () => {
      // Put the original rows back, then check the chain is whole again.
      await sql('DELETE FROM audit.audit_log');
      await sql('INSERT INTO audit.audit_log SELECT * FROM audit_copy');
      await untouchable(true);
      expect((await verify()).ok).toBe(true);
      await untouchable(false);
    });
    afterAll(async () => {
      await untouchable(true);
    });

    it('names an edited entry', async () => {
      await sql(
        `UPDATE audit.audit_log SET payload = jsonb_set(payload, '{after,quantity}', '99999') WHERE seq = $1`,
        [target],
      );
      const report = await verify();
      expect(report.ok).toBe(false);
      expect(report.firstBad).toMatchObject({ seq: target, kind: 'payload_hash_mismatch' });
      expect(report.firstBad!.message).toContain(`entry ${target}`);
    });

    it('names an entry whose header was edited', async () => {
      await sql(`UPDATE audit.audit_log SET ip = '10.0.0.1' WHERE seq = $1`, [target]);
      expect((await verify()).firstBad).toMatchObject({ seq: target, kind: 'hash_mismatch' });
    });

    it('names a deleted entry', async () => {
      await sql('DELETE FROM audit.audit_log WHERE seq = $1', [target]);
      const report = await verify();
      expect(report.firstBad).toMatchObject({ seq: target, kind: 'gap' });
      expect(report.firstBad!.message).toBe(`entry ${target} is missing`);
    });

    it('names a deleted last entry', async () => {
      const { rows } = await sql('SELECT max(seq)::int AS m FROM audit.audit_log');
      const last = Number(rows[0]!.m);
      await sql('DELETE FROM audit.audit_log WHERE seq = $1', [last]);
      expect((await verify()).firstBad).toMatchObject({ seq: last, kind: 'gap' });
    });

    it('names a swapped pair', async () => {
      await sql('UPDATE audit.audit_log SET seq = -1 WHERE seq = $1', [target]);
      await sql('UPDATE audit.audit_log SET seq = $1 WHERE seq = $2', [target, target + 1]);
      await sql('UPDATE audit.audit_log SET seq = $1 WHERE seq = -1', [target + 1]);
      const report = await verify();
      expect(report.firstBad).toMatchObject({ seq: target });
      expect(report.problems.map((p) => p.seq)).toContain(target + 1);
    });

    it('names an entry rewritten with a recomputed chain by its checkpoint', async () => {
      // A forger who rewrites entry 1 and every hash after it still cannot sign a checkpoint.
      await sql(`UPDATE audit.audit_checkpoints SET signature = 'AAAA'`);
      const report = await verify();
      expect(report.problems.some((p) => p.kind === 'bad_checkpoint')).toBe(true);
      await sql(`DELETE FROM audit.audit_checkpoints`);
      expect(await writeCheckpoint(t.server.db)).not.toBeNull();
    });
  });
});

describe('audit log under concurrent appends [postgres]', () => {
  let t: TestServer;
  afterAll(async () => {
    await t?.stop();
  });

  it('keeps one unbroken chain when many organizers change things at once', async () => {
    t = await startTestServer('postgres');
    const sale = await createSale(t);
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        i % 2
          ? t.api(`/api/v1/events/${sale.eventId}/ticket-types`, {
              body: ticketTypeBody({ name: `Concurrent ${i}`, quantity: 5 }),
            })
          : t.api(`/api/v1/events/${sale.eventId}`, {
              method: 'PATCH',
              body: { name: `Name ${i}` },
            }),
      ),
    );
    expect(results.every((r) => r.status < 300)).toBe(true);
    const report = await json<Report>(await t.api('/api/v1/audit/verify'), 200);
    expect(report).toMatchObject({ ok: true, entries: 42 });
  });
});
