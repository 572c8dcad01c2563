// The staff phone app on a mid-range phone: Chromium at 390×844 with its CPU throttled 4×
// (CDP Emulation.setCPUThrottlingRate). Measures the first sync of --tickets tickets (default
// 20 000) into IndexedDB, from opening the enrollment link to the list choice; then, offline,
// --scans typed scans (every tenth a ticket already in), each timed by the app from reading the
// code to the frame that shows the answer (the card's data-ms); and the app's JavaScript gzipped.
// Targets: sync < 15 s, scan p95 < 300 ms, JavaScript < 250 KB.
// Run: npm run build && npm run bench -w server -- staff-app [--tickets N] [--scans N]
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { locateStaffApp } from '../src/features/staff-app/routes.js';
import { eventBody, startTestServer, ticketTypeBody } from '../test/harness.js';
import { launchChromium, PHONE } from '../test/portal-browser.js';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ticketCount = arg('tickets', 20_000);
const scanCount = arg('scans', 100);
const PER_ORDER = 50;
const CPU_SLOWDOWN = 4;

const dir = locateStaffApp();
if (!dir) {
  console.error('The staff app is not built: run `npm run build:web -w server` first.');
  process.exit(2);
}

/** Every script of the app (lazy chunks and the service worker included), gzipped. */
async function scriptSizes(): Promise<{ jsGzipKb: number; firstLoadGzipKb: number }> {
  const html = await readFile(join(dir!, 'index.html'), 'utf8');
  let all = 0;
  let first = 0;
  const files = [
    'sw.js',
    ...(await readdir(join(dir!, 'assets'))).map((f) => `assets/${f}`),
  ].filter((f) => f.endsWith('.js'));
  for (const f of files) {
    const gz = gzipSync(await readFile(join(dir!, f)), { level: 9 }).length;
    all += gz;
    if (html.includes(f)) first += gz;
  }
  return { jsGzipKb: all / 1024, firstLoadGzipKb: first / 1024 };
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

const t = await startTestServer('postgres', { RATE_LIMITS: 'off' });
const browser = await launchChromium();
try {
  const api = async <T>(path: string, body: unknown, token: string | null = null) =>
    (await (await t.api(path, { body, token: token ?? (await t.token()) })).json()) as T;
  const event = await api<{ id: string }>('/api/v1/events', eventBody({ name: 'Phone bench' }));
  const type = await api<{ id: string }>(
    `/api/v1/events/${event.id}/ticket-types`,
    ticketTypeBody({ priceCents: 0, quantity: ticketCount, maxPerOrder: PER_ORDER }),
  );
  const tokens: string[] = [];
  let orders = 0;
  const sell = async () => {
    for (let n = orders++; n < ticketCount / PER_ORDER; n = orders++) {
      const res = await t.api(`/api/v1/events/${event.id}/registrations`, {
        token: null,
        body: {
          ticketTypeId: type.id,
          quantity: PER_ORDER,
          attendee: { name: `Guest ${n}`, email: `guest${n}@example.org` },
        },
      });
      if (res.status !== 201) throw new Error(`registration: ${res.status} ${await res.text()}`);
      const order = (await res.json()) as { tickets: { token: string }[] };
      tokens.push(...order.tickets.map((x) => x.token));
    }
  };
  await Promise.all(Array.from({ length: 8 }, sell));
  const device = await api<{ enrollmentCode: string }>(`/api/v1/events/${event.id}/devices`, {
    name: 'Bench phone',
  });

  const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  context.setDefaultTimeout(120_000);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });

  const syncStart = Date.now();
  await page.goto(`${t.url}/staff/#enroll=${encodeURIComponent(device.enrollmentCode)}`);
  await page.getByText(`${ticketCount} tickets on this phone.`).waitFor();
  const firstSyncMs = Date.now() - syncStart;
  await page.getByRole('button', { name: 'Start scanning' }).click();

  await context.setOffline(true);
  await page.getByTestId('connectivity').getByText('Offline').waitFor();
  const times: number[] = [];
  const results = new Map<string, number>();
  for (let i = 0; i < scanCount; i++) {
    const token = i % 10 === 9 ? tokens[i - 5]! : tokens[i]!;
    await page.getByLabel('Or type a ticket code').fill(token);
    await page.getByRole('button', { name: 'Check' }).click();
    const card = page.locator(`[data-testid="answer"][data-ms]`);
    await card.waitFor();
    times.push(Number(await card.getAttribute('data-ms')));
    const result = (await card.getAttribute('data-result'))!;
    results.set(result, (results.get(result) ?? 0) + 1);
    await card.click();
    await card.waitFor({ state: 'detached' });
  }
  times.sort((a, b) => a - b);
  const scanP50Ms = Math.round(percentile(times, 50));
  const scanP95Ms = Math.round(percentile(times, 95));
  const { jsGzipKb, firstLoadGzipKb } = await scriptSizes();

  console.log(`CPU throttled ${CPU_SLOWDOWN}×, 390×844`);
  console.log(
    `first sync of ${ticketCount} tickets: ${(firstSyncMs / 1000).toFixed(1)} s (< 15 s)`,
  );
  console.log(`offline scan to answer: p50 ${scanP50Ms} ms, p95 ${scanP95Ms} ms (< 300 ms)`);
  console.log(`results: ${JSON.stringify(Object.fromEntries(results))}`);
  console.log(
    `JavaScript gzipped: ${jsGzipKb.toFixed(1)} KB in all, ${firstLoadGzipKb.toFixed(1)} KB on first load (< 250 KB)`,
  );
  console.log(
    JSON.stringify({
      bench: 'staff-app',
      cpuSlowdown: CPU_SLOWDOWN,
      tickets: ticketCount,
      firstSyncMs,
      scans: scanCount,
      scanP50Ms,
      scanP95Ms,
      jsGzipKb: Math.round(jsGzipKb * 10) / 10,
      firstLoadJsGzipKb: Math.round(firstLoadGzipKb * 10) / 10,
    }),
  );
} finally {
  await browser.close();
  await t.stop();
}
