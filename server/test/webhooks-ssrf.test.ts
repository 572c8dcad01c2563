import { startTestServer, type TestServer } from './harness.js';
import { json, problemOf } from '../src/features/ticketing/test-support/ticket-fixtures.js';
import { startReceiver, type Receiver } from '../src/features/webhooks/test-support/receiver.js';
import { newSecret } from '../src/features/webhooks/signature.js';
import { until } from '../src/features/webhooks/test-support/webhook-fixtures.js';

// Without WEBHOOK_ALLOWED_NETWORKS, webhooks never reach this host, private networks or the
// metadata address: refused when the URL is set, and again when a message is sent (the
// address a name resolves to can change after creation).
describe('webhook URLs without an allow-list', () => {
  let t: TestServer;
  let r: Receiver;

  beforeAll(async () => {
    t = await startTestServer('pglite');
    r = await startReceiver();
    // A server's start takes longer than jest's 30 s when the shared machine is loaded.
  }, 120_000);
  afterAll(async () => {
    await r?.stop();
    await t?.stop();
  });

  it.each([
    'http://127.0.0.1:9/hook',
    'http://10.0.0.1/hook',
    'http://169.254.169.254/latest/meta-data/',
    'http://[::1]:9/hook',
    'http://localhost:9/hook',
    'http://[::ffff:127.0.0.1]/hook',
    'http://0.0.0.0/hook',
  ])('refuses %s at creation', async (url) => {
    const res = await t.api('/api/v1/webhooks', { body: { url, events: ['*'] } });
    const problem = await problemOf(res, 400, 'webhook_url_refused');
    expect(problem.detail).toMatch(/not allowed/);
  });

  it('refuses a changed URL too', async () => {
    const { rows } = await t.server.db.query<{ id: string }>(
      `INSERT INTO webhook_endpoints (organization_id, url, event_types, secret)
       SELECT id, 'https://203.0.113.7/hook', '{*}', $1 FROM organizations
        ORDER BY created_at LIMIT 1 RETURNING id`,
      [newSecret()],
    );
    const res = await t.api(`/api/v1/webhooks/${rows[0]!.id}`, {
      method: 'PATCH',
      body: { url: 'http://localhost/hook' },
    });
    await problemOf(res, 400, 'webhook_url_refused');
  });

  it.each(['127.0.0.1', 'localhost', '[::1]'])(
    'refuses to send to %s even when the endpoint got in (DNS changed after creation)',
    async (host) => {
      const url = `http://${host}:${r.port}/hook`;
      const { rows } = await t.server.db.query<{ id: string }>(
        `INSERT INTO webhook_endpoints (organization_id, url, event_types, secret)
         SELECT id, $1, '{*}', $2 FROM organizations ORDER BY created_at LIMIT 1 RETURNING id`,
        [url, newSecret()],
      );
      const id = rows[0]!.id;
      await json(await t.api(`/api/v1/webhooks/${id}/test`, { method: 'POST' }), 202);
      const [delivery] = await until(
        'the refused attempt to be recorded',
        async () =>
          (
            await json<{ items: { id: string; lastError: string | null; attempts: number }[] }>(
              await t.api(`/api/v1/webhooks/${id}/deliveries`),
              200,
            )
          ).items,
        (d) => d[0]?.lastError != null,
      );
      expect(delivery!.lastError).toMatch(/not allowed/);
      expect(r.received).toHaveLength(0);
    },
  );
});
