import { randomUUID } from 'node:crypto';
import { Validator } from '@seriousme/openapi-schema-validator';
import { startTestServer, type TestServer } from './harness.js';
import {
  createSale,
  json,
  otherOrganizationToken,
  problemOf,
  register,
  type Sale,
} from '../src/features/ticketing/test-support/ticket-fixtures.js';
import {
  checkIn,
  enrolledKiosk,
  eventWithTickets,
} from '../src/features/checkin/test-support/checkin-fixtures.js';
import { eventType } from '../src/features/webhooks/catalog.js';
import { startReceiver, type Receiver } from '../src/features/webhooks/test-support/receiver.js';
import {
  createWebhook,
  deliveries,
  disabledWebhook,
  until,
  verified,
} from '../src/features/webhooks/test-support/webhook-fixtures.js';

/** The queued notice of kind webhook_endpoint_disabled to `recipient`, once the relay wrote it. */
async function waitForRow(t: TestServer, recipient: string) {
  for (let i = 0; i < 200; i++) {
    const { rows } = await t.server.db.query<Record<string, unknown>>(
      `SELECT recipient, event_id, data FROM notification_messages
        WHERE kind = 'webhook_endpoint_disabled' AND recipient = $1`,
      [recipient],
    );
    if (rows[0]) return rows[0];
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no notice queued for ${recipient}`);
}

describe.each(['pglite', 'postgres'] as const)('outgoing webhooks [%s]', (kind) => {
  let t: TestServer;
  let sale: Sale;
  const receivers: Receiver[] = [];
  const receiver = async () => {
    const r = await startReceiver();
    receivers.push(r);
    return r;
  };

  beforeAll(async () => {
    t = await startTestServer(kind, { WEBHOOK_ALLOWED_NETWORKS: '127.0.0.0/8' });
    sale = await createSale(t);
    // A server's start takes longer than jest's 30 s when the shared machine is loaded.
  }, 120_000);
  afterAll(async () => {
    await Promise.all(receivers.map((r) => r.stop()));
    await t?.stop();
  });

  it('delivers a registration signed so the Standard Webhooks library verifies it, with the order as it is now', async () => {
    const r = await receiver();
    const hook = await createWebhook(t, { url: r.url, events: ['registration.confirmed'] });
    expect(hook.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(hook.secret.slice(6), 'base64').length).toBeGreaterThanOrEqual(24);

    const order = await register(t, sale, 2);
    const [got] = await r.waitFor(1);
    const payload = verified(got!, hook.secret);
    expect(payload).toMatchObject({
      type: 'registration.confirmed',
      data: {
        eventId: sale.eventId,
        orderId: order.id,
        ticketIds: order.tickets.map((x) => x.id),
        order: { id: order.id, status: 'confirmed', quantity: 2 },
      },
    });
    expect(typeof payload.data.version).toBe('number');
    expect(() => eventType('registration.confirmed')!.data.parse(payload.data)).not.toThrow();
    expect(got!.headers['webhook-id']).toMatch(/^msg_[0-9a-f]{32}$/);
    expect(() => verified(got!, 'whsec_' + Buffer.alloc(32, 7).toString('base64'))).toThrow(
      /signature/i,
    );
    const [delivery] = await until(
      'the delivery to be recorded',
      () => deliveries(t, hook.id),
      (d) => d[0]?.state === 'delivered',
    );
    expect(delivery).toMatchObject({
      id: got!.headers['webhook-id'],
      attempts: 1,
      lastStatus: 200,
    });
  });

  it('sends an event-scoped endpoint only its event, and a typed one only its types', async () => {
    const other = await createSale(t);
    const scoped = await receiver();
    const typed = await receiver();
    const scopedHook = await createWebhook(t, {
      url: scoped.url,
      events: ['*'],
      eventId: other.eventId,
    });
    await createWebhook(t, { url: typed.url, events: ['ticket.revoked'] });
    await register(t, sale);
    const mine = await register(t, other);
    const ticketId = mine.tickets[0]!.id;
    await json(
      await t.api(`/api/v1/tickets/${ticketId}/revoke`, { method: 'POST', body: {} }),
      200,
    );

    const [revoked] = await typed.waitFor(1);
    const got = await scoped.waitFor(2);
    const types = got.map((g) => verified(g, scopedHook.secret).type).sort();
    expect(types).toEqual(['registration.confirmed', 'ticket.revoked']);
    expect(JSON.parse(revoked!.body)).toMatchObject({
      type: 'ticket.revoked',
      data: { ticketId, ticket: { id: ticketId, status: 'revoked' } },
    });
    expect(typed.received).toHaveLength(1);
    expect(scoped.received).toHaveLength(2);
  });

  it('announces a door admission and a changed event, with the ticket and the event as they are now', async () => {
    const ev = await eventWithTickets(t, 1);
    const r = await receiver();
    const hook = await createWebhook(t, {
      url: r.url,
      events: ['checkin.admitted', 'event.updated'],
      eventId: ev.eventId,
    });
    const ticket = ev.tickets[0]!;
    expect(await checkIn(t, ev.eventId, { token: ticket.token, gate: 'North' })).toMatchObject({
      result: 'admitted',
    });
    await json(
      await t.api(`/api/v1/events/${ev.eventId}`, { method: 'PATCH', body: { name: 'Renamed' } }),
      200,
    );
    const got = (await r.waitFor(2)).map((g) => verified(g, hook.secret));
    const byType = Object.fromEntries(got.map((p) => [p.type, p.data]));
    expect(byType['checkin.admitted']).toMatchObject({
      eventId: ev.eventId,
      ticketId: ticket.id,
      gate: 'North',
      direction: 'entry',
      origin: 'online',
      ticket: { id: ticket.id, status: 'valid' },
    });
    expect(() =>
      eventType('checkin.admitted')!.data.parse(byType['checkin.admitted']),
    ).not.toThrow();
    expect(byType['event.updated']).toMatchObject({ event: { id: ev.eventId, name: 'Renamed' } });
  });

  it('announces uploaded offline admissions, and flags the one an offline kiosk let in twice', async () => {
    const ev = await eventWithTickets(t, 1);
    const r = await receiver();
    const hook = await createWebhook(t, {
      url: r.url,
      events: ['checkin.admitted', 'checkin.flagged'],
      eventId: ev.eventId,
    });
    const ticket = ev.tickets[0]!;
    const scanAt = async (name: string, at: string) => {
      const kiosk = await enrolledKiosk(t, ev.eventId, name);
      const scanId = randomUUID();
      const res = await t.api(`/api/v1/events/${ev.eventId}/scans`, {
        token: kiosk.token,
        body: {
          scans: [
            {
              scanId,
              token: ticket.token,
              scannedAt: at,
              deviceId: kiosk.deviceId,
              deviceResult: 'admitted',
            },
          ],
        },
      });
      await json(res, 200);
      return scanId;
    };
    const late = await scanAt('B', '2030-01-01T09:05:00.000Z');
    const early = await scanAt('A', '2030-01-01T09:00:00.000Z');
    const got = (await r.waitFor(3)).map((g) => verified(g, hook.secret));
    const admitted = got.filter((p) => p.type === 'checkin.admitted').map((p) => p.data);
    expect(admitted.map((d) => d.scanId).sort()).toEqual([early, late].sort());
    expect(admitted.every((d) => d.origin === 'upload')).toBe(true);
    const flagged = got.filter((p) => p.type === 'checkin.flagged').map((p) => p.data);
    expect(flagged).toEqual([
      expect.objectContaining({ scanId: late, duplicateOf: early, ticketId: ticket.id }),
    ]);
  });

  it('retries a receiver that was down with the same webhook-id until every message arrives', async () => {
    const r = await receiver();
    const hook = await createWebhook(t, { url: r.url, events: ['registration.confirmed'] });
    await r.stop();
    const orders = [await register(t, sale), await register(t, sale), await register(t, sale)];
    const failed = await until(
      'a refused first attempt of each message',
      () => deliveries(t, hook.id),
      (d) => d.length === 3 && d.every((x) => x.attempts === 1 && x.lastError !== null),
    );
    await r.start();
    const got = await r.waitFor(3, 15_000);
    const ids = got.map((g) => g.headers['webhook-id']);
    expect({ ids: ids.sort(), bodies: got.map((g) => g.body) }).toMatchObject({
      ids: failed.map((d) => d.id).sort(),
    });
    expect(got.map((g) => verified(g, hook.secret).data.orderId).sort()).toEqual(
      orders.map((o) => o.id).sort(),
    );
    const done = await until(
      'the retries to be recorded',
      () => deliveries(t, hook.id),
      (d) => d.every((x) => x.state === 'delivered'),
    );
    expect(done.map((d) => d.attempts)).toEqual([2, 2, 2]);
  });

  it('honours Retry-After of a 429 and sends the same message again', async () => {
    const r = await receiver();
    let calls = 0;
    r.answer(() =>
      ++calls === 1 ? { status: 429, headers: { 'retry-after': '1' } } : { status: 204 },
    );
    const hook = await createWebhook(t, { url: r.url, events: ['registration.confirmed'] });
    await register(t, sale);
    const [first, second] = await r.waitFor(2, 10_000);
    expect(second!.headers['webhook-id']).toBe(first!.headers['webhook-id']);
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(900);
    expect(verified(second!, hook.secret).type).toBe('registration.confirmed');
  });

  it('disables an endpoint that answers 410 Gone and sends it nothing more', async () => {
    const r = await receiver();
    r.answer({ status: 410 });
    const hook = await createWebhook(t, { url: r.url, events: ['*'] });
    await register(t, sale);
    await r.waitFor(1);
    const after = await disabledWebhook(t, hook.id);
    expect(after.disabledReason).toBe('gone');
    r.answer({ status: 200 });
    await register(t, sale);
    // The other endpoints' deliveries of this registration prove the fan-out ran.
    const probe = await receiver();
    await createWebhook(t, { url: probe.url, events: ['registration.confirmed'] });
    await register(t, sale);
    await probe.waitFor(1);
    expect(r.received).toHaveLength(1);
  });

  it('disables an endpoint failing for five days and tells the organization’s administrators', async () => {
    const admin = { email: `admin-${Date.now()}@example.org`, name: 'Ada Admin' };
    await json(
      await t.api('/api/v1/accounts', {
        body: { ...admin, password: 'correct horse battery staple', organizationAdmin: true },
      }),
      201,
    );
    const r = await receiver();
    r.answer({ status: 500 });
    const hook = await createWebhook(t, { url: r.url, events: ['*'] });
    await t.server.db.query(
      `UPDATE webhook_endpoints SET failing_since = now() - interval '5 days 1 minute' WHERE id = $1`,
      [hook.id],
    );
    await json(await t.api(`/api/v1/webhooks/${hook.id}/test`, { method: 'POST' }), 202);
    await r.waitFor(1);
    const after = await disabledWebhook(t, hook.id);
    expect(after.disabledReason).toBe('failing');
    const { rows } = await t.server.db.query<{ payload: Record<string, unknown> }>(
      `SELECT payload FROM outbox WHERE topic = 'webhook_endpoint.disabled' AND aggregate_id = $1`,
      [hook.id],
    );
    expect(rows).toEqual([
      { payload: expect.objectContaining({ endpointId: hook.id, reason: 'failing' }) },
    ]);
    // The relay makes it a notice to each administrator (queued: this server sends no mail).
    const notice = await waitForRow(t, admin.email);
    expect(notice).toMatchObject({
      recipient: admin.email,
      event_id: null,
      data: expect.objectContaining({ url: r.url, reason: 'failing', name: 'Ada Admin' }),
    });
  });

  it('keeps delivering to a fast receiver while a slow one takes seconds to answer', async () => {
    const slow = await receiver();
    const fast = await receiver();
    slow.answer({ status: 200, delayMs: 12_000 });
    await createWebhook(t, { url: slow.url, events: ['registration.confirmed'] });
    await createWebhook(t, { url: fast.url, events: ['registration.confirmed'] });
    for (let i = 0; i < 20; i++) await register(t, sale);
    const registered = Date.now();
    const got = await fast.waitFor(20, 10_000);
    expect(got.at(-1)!.at - registered).toBeLessThan(2000);
    // The slow one still has messages waiting behind its 16 busy slots.
    expect(slow.received.length).toBeLessThan(20);
  });

  it('signs with the old and the new secret during a rotation; a receiver holding either verifies', async () => {
    const r = await receiver();
    const hook = await createWebhook(t, { url: r.url, events: ['registration.confirmed'] });
    const rotated = await json<{ secret: string; previousSecretExpiresAt: string }>(
      await t.api(`/api/v1/webhooks/${hook.id}/rotate-secret`, { method: 'POST' }),
      200,
    );
    expect(rotated.secret).not.toBe(hook.secret);
    const overlap = Date.parse(rotated.previousSecretExpiresAt) - Date.now();
    expect(overlap).toBeGreaterThan(23.9 * 3600_000);
    expect(overlap).toBeLessThanOrEqual(24 * 3600_000);
    await json(await t.api(`/api/v1/webhooks/${hook.id}/test`, { method: 'POST' }), 202);
    const [got] = await r.waitFor(1);
    expect(String(got!.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(verified(got!, hook.secret).type).toBe('webhook.test');
    expect(verified(got!, rotated.secret).type).toBe('webhook.test');
  });

  it('replays one delivery, and every delivery since a time, with their own ids', async () => {
    const r = await receiver();
    const hook = await createWebhook(t, { url: r.url, events: ['registration.confirmed'] });
    const since = new Date().toISOString();
    await register(t, sale);
    await register(t, sale);
    const firstTwo = await r.waitFor(2);
    const ids = firstTwo.map((g) => g.headers['webhook-id']);
    await until(
      'both delivered',
      () => deliveries(t, hook.id),
      (d) => d.every((x) => x.state === 'delivered'),
    );
    const one = await t.api(`/api/v1/webhooks/${hook.id}/deliveries/${ids[0]}/replay`, {
      method: 'POST',
    });
    expect(await json(one, 202)).toEqual({ replayed: 1 });
    const [, , again] = await r.waitFor(3);
    expect(again!.headers['webhook-id']).toBe(ids[0]);
    expect(again!.body).toBe(firstTwo[0]!.body);
    await until(
      'the replay delivered',
      () => deliveries(t, hook.id),
      (d) => d.every((x) => x.state === 'delivered'),
    );
    const all = await t.api(`/api/v1/webhooks/${hook.id}/replay`, { body: { since } });
    expect(await json(all, 202)).toEqual({ replayed: 2 });
    const replayed = (await r.waitFor(5)).slice(3).map((g) => g.headers['webhook-id']);
    expect(replayed.sort()).toEqual([...ids].sort());
    const attempts = await json<{
      items: { status: number; latencyMs: number; responseBody: string }[];
    }>(await t.api(`/api/v1/webhooks/${hook.id}/deliveries/${ids[0]}/attempts`), 200);
    expect(attempts.items.length).toBeGreaterThanOrEqual(2);
    expect(attempts.items[0]).toMatchObject({ status: 200, responseBody: 'answered 200' });
  });

  it('lists, changes and deletes endpoints of its own organization only, never showing the secret again', async () => {
    const r = await receiver();
    const hook = await createWebhook(t, { url: r.url, events: ['order.paid'], description: 'CRM' });
    const listed = await json<{ items: Record<string, unknown>[] }>(
      await t.api('/api/v1/webhooks'),
      200,
    );
    const mine = listed.items.find((w) => w.id === hook.id)!;
    expect(mine).toMatchObject({
      url: r.url,
      events: ['order.paid'],
      description: 'CRM',
      enabled: true,
    });
    expect(mine).not.toHaveProperty('secret');
    const patched = await t.api(`/api/v1/webhooks/${hook.id}`, {
      method: 'PATCH',
      body: { events: ['order.cancelled', 'order.refunded'], enabled: false },
    });
    expect(await json(patched, 200)).toMatchObject({
      events: ['order.cancelled', 'order.refunded'],
      enabled: false,
      disabledReason: 'manual',
    });
    const stranger = await otherOrganizationToken(t, ['webhooks:read', 'webhooks:write']);
    const theirs = await t.api('/api/v1/webhooks', { token: stranger });
    expect(await json(theirs, 200)).toEqual({ items: [] });
    await problemOf(
      await t.api(`/api/v1/webhooks/${hook.id}`, { token: stranger, method: 'DELETE' }),
      404,
      'webhook_not_found',
    );
    const del = await t.api(`/api/v1/webhooks/${hook.id}`, { method: 'DELETE' });
    expect(del.status).toBe(204);
    await problemOf(await t.api(`/api/v1/webhooks/${hook.id}`), 404, 'webhook_not_found');
  });

  it('refuses bad input with a problem naming the field, and creates nothing', async () => {
    const before = (await json<{ items: unknown[] }>(await t.api('/api/v1/webhooks'), 200)).items
      .length;
    const bad = [
      { url: 'ftp://127.0.0.1/x', events: ['*'] },
      { url: 'not a url', events: ['*'] },
      { url: 'http://user:pw@127.0.0.1/x', events: ['*'] },
      { url: 'http://127.0.0.1/x', events: ['order.exploded'] },
      { url: 'http://127.0.0.1/x', events: [] },
      { url: 'http://127.0.0.1/x', events: ['*'], extra: 1 },
      { url: 'http://127.0.0.1/x', events: ['*'], eventId: '00000000-0000-4000-8000-000000000000' },
    ];
    for (const body of bad) {
      const res = await t.api('/api/v1/webhooks', { body });
      expect([400, 404]).toContain(res.status);
      expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    }
    const after = (await json<{ items: unknown[] }>(await t.api('/api/v1/webhooks'), 200)).items
      .length;
    expect(after).toBe(before);
  });

  it('documents every event type in a valid OpenAPI 3.1 webhooks section', async () => {
    const doc = await json<{ webhooks: Record<string, unknown> }>(
      await t.api('/api/v1/openapi.json'),
      200,
    );
    const result = await new Validator().validate(doc as never);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(Object.keys(doc.webhooks)).toEqual(
      expect.arrayContaining([
        'registration.confirmed',
        'order.paid',
        'order.cancelled',
        'order.refunded',
        'ticket.transferred',
        'ticket.reissued',
        'ticket.revoked',
        'waitlist.offered',
        'checkin.admitted',
        'checkin.flagged',
        'event.updated',
      ]),
    );
  });
});
