// Mail throughput from the outbox to a local SMTP server (smtp-server on loopback), end to end:
// the relay hands outbox messages to the notifications subscriber, which queues one message per
// recipient; the dispatcher renders and sends them. Two figures: order confirmations (each with
// its QR image, a PDF ticket and an .ics) and plain notices (order cancelled: text only).
// The orders are registered first while the SMTP server is down (their mails fail once and wait);
// then the server comes up and the outbox rows are handed out again, timed until every mail
// arrived. The server runs in its own process (the built `bin/lanyard`), the SMTP server in this
// one, as a mail server is another program in production.
// Run: npm run bench -w server -- mail [--count N]
import { loadavg } from 'node:os';
import pg from 'pg';
import { eventBody, ticketTypeBody } from '../test/harness.js';
import { startMailSink } from '../test/mail-sink.js';
import { createPostgresDatabase } from '../src/test-support/databases.js';
import { startLanyardProcess } from './_processes.js';

const countArg = process.argv.indexOf('--count');
// 1 000 of each: with fewer, the relay's poll (up to a second before the first mail) weighs on the rate.
const count = countArg > 0 ? Number(process.argv[countArg + 1]) : 1000;

const sink = await startMailSink({ parse: false });
await sink.stop();
const database = await createPostgresDatabase();
const server = await startLanyardProcess({
  DATABASE_URL: database.url,
  SMTP_URL: sink.url,
  NOTIFY_RETRY_BASE_MS: '3600000',
  NOTIFY_MAX_ATTEMPTS: '100',
});
const db = new pg.Client({ connectionString: database.url });
await db.connect();
const token = await server.token();
const api = async <T>(path: string, body: unknown, auth = true) => {
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      ...(auth ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};
const scalar = async (sql: string, params: unknown[] = []) =>
  Number((await db.query<{ n: string }>(sql, params)).rows[0]!.n);
const waitFor = async (what: string, done: () => Promise<boolean> | boolean) => {
  const until = Date.now() + 600_000;
  while (!(await done())) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

try {
  const eventId = (await api<{ id: string }>('/api/v1/events', eventBody())).id;
  const ticketTypeId = (
    await api<{ id: string }>(
      `/api/v1/events/${eventId}/ticket-types`,
      ticketTypeBody({ priceCents: 0, quantity: count }),
    )
  ).id;
  for (let i = 0; i < count; i += 10) {
    await Promise.all(
      Array.from({ length: Math.min(10, count - i) }, (_, j) =>
        api(
          `/api/v1/events/${eventId}/registrations`,
          {
            ticketTypeId,
            quantity: 1,
            attendee: { name: `Attendee ${i + j}`, email: `bench-${i + j}@example.org` },
          },
          false,
        ),
      ),
    );
  }
  await waitFor('every confirmation to fail once', async () => {
    return (
      (await scalar(`SELECT count(*) AS n FROM notification_messages WHERE status = 'failed'`)) ===
      count
    );
  });
  await sink.start();

  const timed = async (label: string, handOut: () => Promise<unknown>) => {
    const before = sink.mails.length;
    const started = performance.now();
    await handOut();
    await waitFor(label, () => sink.mails.length >= before + count);
    const seconds = (performance.now() - started) / 1000;
    return Math.round((count / seconds) * 10) / 10;
  };
  const confirmationsPerSec = await timed('the confirmations', () =>
    db.query(
      `WITH gone AS (DELETE FROM notification_messages)
       UPDATE outbox SET delivered_at = NULL, attempts = 0, available_at = now()
       WHERE topic = 'registration.confirmed'`,
    ),
  );
  const noticesPerSec = await timed('the notices', () =>
    db.query(
      `INSERT INTO outbox (topic, event_id, aggregate_id, payload)
       SELECT 'order.cancelled', event_id, id, jsonb_build_object('orderId', id, 'reason', 'bench')
       FROM orders WHERE event_id = $1`,
      [eventId],
    ),
  );
  const load = loadavg().map((l) => Math.round(l * 100) / 100);
  console.log(
    `${count} order confirmations (QR + PDF + .ics each): ${confirmationsPerSec} mails/s`,
  );
  console.log(`${count} plain notices (order cancelled):         ${noticesPerSec} mails/s`);
  console.log(`load average while measuring: ${load.join(', ')} (shared machine)`);
  console.log(
    JSON.stringify({
      bench: 'mail',
      count,
      confirmationsPerSec,
      noticesPerSec,
      loadAvg1m: load[0],
    }),
  );
} finally {
  await db.end();
  await server.stop();
  await database.drop();
  await sink.stop();
}
