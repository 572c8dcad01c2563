// An organizer message to many attendees, and the sale beside it (issue 13): N attendees imported,
// then registrations paced at --rate for --seconds without any bulk send (the baseline), then the
// message to all N sent and the same registrations paced again while it goes out. Prints how long
// the N mails took from "send" to the last one accepted by a local SMTP server (smtp-server on
// loopback; the server, the SMTP server and this load generator each in a process of their own),
// and the registrations' p99 in both phases with their ratio, and the send's CPU per mail in the
// server, PostgreSQL and the SMTP server. The rush at --rate for --seconds has to end before the
// send does (10 000 mails at NOTIFY_BULK_PER_SECOND=200 take 50 s).
// Run: npm run bench -w server -- broadcast [--attendees N] [--rate N] [--seconds N]
import { loadavg } from 'node:os';
import pg from 'pg';
import { eventBody, ticketTypeBody } from '../test/harness.js';
import { createPostgresDatabase } from '../src/test-support/databases.js';
import { backendCpuSeconds, cpuSecondsOf } from './_cpu.js';
import { paced, type PacedFigures } from './_paced.js';
import { startLanyardProcess } from './_processes.js';
import { startSmtpProcess } from './_smtp-process.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const attendees = arg('attendees', 10_000);
// 2 000 registrations in each phase: a p99 of a few hundred moves by a fifth from run to run.
const rate = arg('rate', 50);
const seconds = arg('seconds', 40);

const sink = await startSmtpProcess();
const database = await createPostgresDatabase();
const db = new pg.Client({ connectionString: database.url });
const server = await startLanyardProcess({ DATABASE_URL: database.url, SMTP_URL: sink.url });
try {
  await db.connect();
  const token = await server.token();
  const api = async <T>(path: string, body?: unknown) => {
    const res = await fetch(`${server.url}${path}`, {
      method: body ? 'POST' : 'GET',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const event = await api<{ id: string }>('/api/v1/events', eventBody());
  const type = await api<{ id: string; name: string }>(
    `/api/v1/events/${event.id}/ticket-types`,
    ticketTypeBody({ priceCents: 0, quantity: 1_000_000 }),
  );
  for (let i = 0; i < attendees; i += 1000) {
    const rows = Array.from({ length: Math.min(1000, attendees - i) }, (_, j) => ({
      line: i + j + 1,
      name: `Guest ${i + j}`,
      email: `guest-${i + j}@example.org`,
      ticketType: type.id,
    }));
    await api(`/api/v1/events/${event.id}/attendees/import`, { rows });
  }

  let registered = 0;
  const rush = (phase: string, forSeconds = seconds) =>
    paced({
      url: `${server.url}/api/v1/events/${event.id}/registrations`,
      rate,
      seconds: forSeconds,
      connections: 32,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: (i) =>
        JSON.stringify({
          ticketTypeId: type.id,
          quantity: 1,
          attendee: { name: `Buyer ${i}`, email: `buyer-${phase}-${i}@example.org` },
        }),
      onResponse: (status) => {
        if (status === 201) registered++;
      },
    });
  const sentOf = async (broadcastId: string) =>
    Number(
      (
        await db.query<{ n: string }>(
          `SELECT count(*) AS n FROM notification_messages
           WHERE broadcast_id = $1 AND status = 'sent'`,
          [broadcastId],
        )
      ).rows[0]!.n,
    );

  // A first rush warms the server (JIT, pools) so the baseline is not its cold start.
  await rush('warm-up', 3);
  const baseline: PacedFigures = await rush('baseline');
  // The baseline's confirmations go out before the message is sent.
  await new Promise((r) => setTimeout(r, 3000));

  const databaseName = new URL(database.url).pathname.slice(1);
  const cpu = () => ({
    server: cpuSecondsOf(server.child.pid!),
    postgres: backendCpuSeconds(databaseName),
    smtp: cpuSecondsOf(sink.pid),
  });
  const cpu0 = cpu();
  const started = performance.now();
  const message = await api<{ id: string }>(`/api/v1/events/${event.id}/broadcasts`, {
    subject: 'Doors open at 9',
    body: 'Bring your ticket; the east entrance is closed.',
  });
  const during = await rush('during');
  let sent = 0;
  while ((sent = await sentOf(message.id)) < attendees) {
    if (performance.now() - started > 600_000) throw new Error(`${sent} of ${attendees} sent`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const deliveredSeconds = (performance.now() - started) / 1000;
  const cpu1 = cpu();
  // CPU of the send and the rush beside it, per mail; the rush's share is small (rate × seconds).
  const msPerMail = (k: keyof typeof cpu0) =>
    Math.round(((cpu1[k] - cpu0[k]) * 1000 * 100) / attendees) / 100;
  const ratio = during.p99Ms / baseline.p99Ms;
  const load = loadavg().map((l) => Math.round(l * 100) / 100);
  console.log(
    `message to ${attendees} attendees: all accepted by the SMTP server in ${deliveredSeconds.toFixed(1)} s (${Math.round(attendees / deliveredSeconds)}/s; target < 60 s)`,
  );
  console.log(
    `registrations at ${rate}/s for ${seconds} s: p99 ${baseline.p99Ms.toFixed(1)} ms without the send, ${during.p99Ms.toFixed(1)} ms during it (${ratio.toFixed(2)}×; target ≤ 1.2×); ${registered} registered`,
  );
  console.log(
    `CPU per mail during the send: server ${msPerMail('server')} ms, PostgreSQL ${msPerMail('postgres')} ms, SMTP server ${msPerMail('smtp')} ms`,
  );
  console.log(`load average: ${load.join(', ')}`);
  console.log(
    JSON.stringify({
      bench: 'broadcast',
      attendees,
      deliveredSeconds: Math.round(deliveredSeconds * 10) / 10,
      registrationP99BaselineMs: Math.round(baseline.p99Ms * 10) / 10,
      registrationP99DuringMs: Math.round(during.p99Ms * 10) / 10,
      p99Ratio: Math.round(ratio * 100) / 100,
      cpuMsPerMail: {
        server: msPerMail('server'),
        postgres: msPerMail('postgres'),
        smtp: msPerMail('smtp'),
      },
      loadAvg1m: load[0],
    }),
  );
} finally {
  await db.end();
  await server.stop();
  await database.drop();
  await sink.stop();
}
