import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import {
  setCupsQueueEnabled,
  removeCupsQueue,
  setUpCupsPdfQueue,
} from '../../../../hardware/test/support/cups-queue.js';
import { zbarPdf } from '../../../../hardware/test/support/zbar.js';
import { openPtyPair, type PtyPair } from '../../../../hardware/test/support/pty-pair.js';
import { startTestServer, type TestServer } from '../../../../server/test/harness.js';
import { createAgent, type Agent, type AgentOptions } from '../../../src/agent/index.js';

// A whole kiosk on one machine: the real server, an enrolled station agent reading a serial
// scanner on a socat pty and printing to a CUPS-PDF queue, and its UI in headless Chromium.

export const ARTIFACTS = fileURLToPath(
  new URL('../../../../test-artifacts/kiosk/', import.meta.url),
);
export const EVENT_NAME = 'DevConf 2027';
export const STAFF_PIN = '4821';

export interface Ticket {
  id: string;
  token: string;
  name: string;
}

async function ok<T>(res: Response, status: number): Promise<T> {
  const text = await res.text();
  if (res.status !== status) throw new Error(`expected ${status}, got ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

/** An event running now, a free ticket type, and one ticket per name, through the public API. */
export async function eventWithAttendees(
  t: TestServer,
  names: string[],
  fields: Record<string, unknown> = {},
) {
  const now = Date.now();
  const event = await ok<{ id: string }>(
    await t.api('/api/v1/events', {
      body: {
        name: EVENT_NAME,
        startsAt: new Date(now - 3600_000).toISOString(),
        endsAt: new Date(now + 86_400_000).toISOString(),
        timezone: 'Europe/Berlin',
        ...fields,
      },
    }),
    201,
  );
  const type = await ok<{ id: string }>(
    await t.api(`/api/v1/events/${event.id}/ticket-types`, {
      body: { name: 'Free', priceCents: 0, currency: 'EUR', quantity: 10_000 },
    }),
    201,
  );
  const tickets: Ticket[] = [];
  for (const [i, name] of names.entries()) {
    const order = await ok<{ tickets: { id: string; token: string }[] }>(
      await t.api(`/api/v1/events/${event.id}/registrations`, {
        token: null,
        body: {
          ticketTypeId: type.id,
          quantity: 1,
          attendee: { name, email: `guest${i}@example.org` },
        },
      }),
      201,
    );
    tickets.push({ ...order.tickets[0]!, name });
  }
  return { eventId: event.id, tickets };
}

/** A device made by the organizer and enrolled with its one-time code, as a kiosk would. */
export async function enrolledDevice(t: TestServer, eventId: string) {
  const device = await ok<{ enrollmentCode: string }>(
    await t.api(`/api/v1/events/${eventId}/devices`, { body: { name: 'Gate B kiosk' } }),
    201,
  );
  return ok<{
    deviceId: string;
    eventId: string;
    clientId: string;
    clientSecret: string;
    tokenEndpoint: string;
  }>(
    await t.api('/api/v1/devices/enroll', { token: null, body: { code: device.enrollmentCode } }),
    200,
  );
}

/** The CUPS-PDF queue from hardware/test/cups-setup.sh, with its own output folder. */
// A queue and PDF folder per test process: runs of this suite in other work trees on the same
// machine disable the queue and count the PDFs of their own.
export function cupsPdfQueue(
  queue = `lanyardkiosk${process.pid}`,
  outdir = `/var/spool/lanyard-kiosk-pdf-${process.pid}`,
) {
  setUpCupsPdfQueue(queue, outdir);
  const pdfs = () => readdirSync(outdir).filter((f) => f.endsWith('.pdf'));
  /** The QR code of the badge a CUPS job (`QUEUE-N`) landed as. */
  const landedBadge = async (jobId: string) => {
    const number = jobId.slice(jobId.lastIndexOf('-') + 1);
    const file = pdfs().find((f) => f.startsWith(`job_${number}-`));
    if (!file) return undefined;
    const pdf = readFileSync(join(outdir, file));
    return { qr: (await zbarPdf(pdf)).join('\n') };
  };
  const setEnabled = (enabled: boolean) => setCupsQueueEnabled(queue, enabled);
  const remove = () => removeCupsQueue(queue);
  return { queue, outdir, pdfs, landedBadge, setEnabled, remove };
}

/** The page the agent serves; built here when `npm run build` has not run yet. */
export function ensureUiBuilt(): void {
  const kiosk = fileURLToPath(new URL('../../../', import.meta.url));
  if (existsSync(join(kiosk, 'dist/ui/index.html'))) return;
  execFileSync(process.execPath, [viteBin(), 'build', '--config', 'src/ui/vite.config.ts'], {
    cwd: kiosk,
  });
}

const viteBin = () =>
  fileURLToPath(new URL('../../../../node_modules/vite/bin/vite.js', import.meta.url));

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  ensureUiBuilt();
  mkdirSync(ARTIFACTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...extraArgs,
    ],
  });
}

export interface Rig {
  server: TestServer;
  eventId: string;
  agent: Agent;
  pty: PtyPair;
  tickets: Ticket[];
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** Server, event, enrolled agent with a pty scanner; `printing` chooses the printer. */
export async function startRig(
  names: string[],
  printing: AgentOptions['printing'],
  withSerialScanner = true,
  /** More of the event's fields, e.g. its languages. */
  event: Record<string, unknown> = {},
): Promise<Rig> {
  const server = await startTestServer('pglite', { LOG_LEVEL: 'silent' });
  const { eventId, tickets } = await eventWithAttendees(server, names, event);
  const cred = await enrolledDevice(server, eventId);
  const pty = await openPtyPair();
  const dataDir = mkdtempSync(join(tmpdir(), 'lanyard-kiosk-e2e-'));
  const agent = createAgent({
    dataDir,
    serverUrl: server.url,
    eventId: cred.eventId,
    deviceId: cred.deviceId,
    credentials: {
      kind: 'client',
      clientId: cred.clientId,
      clientSecret: cred.clientSecret,
      tokenEndpoint: cred.tokenEndpoint,
    },
    gate: 'B',
    syncIntervalMs: 200,
    onlineTimeoutMs: 500,
    backoff: { baseMs: 100, maxMs: 400 },
    ...(printing && { printing }),
    ...(withSerialScanner && {
      scanners: {
        serial: { ports: [{ path: pty.device, baudRate: 9600, terminator: 'CR' }] },
        pollIntervalMs: 200,
      },
    }),
    staffPin: STAFF_PIN,
    display: { eventName: EVENT_NAME },
  });
  const { port } = await agent.start();
  await agent.syncNow();
  return {
    server,
    eventId,
    agent,
    pty,
    tickets,
    dataDir,
    url: `http://127.0.0.1:${port}/`,
    async stop() {
      await agent.stop();
      await pty.close();
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The scanner's side of the serial line: the code and a carriage return. */
export function scanOnSerial(pty: PtyPair, code: string): void {
  writeFileSync(pty.peer, code + '\r');
}

/** What the answer screen showed for the next scan, and when it was on screen (epoch ms). */
export async function nextAnswer(page: Page, previousScanId: string | null) {
  const handle = await page.waitForFunction(
    (prev) => {
      const el = document.querySelector<HTMLElement>('main[data-shown-at]');
      if (!el || el.dataset.scanId === prev) return null;
      return {
        scanId: el.dataset.scanId ?? '',
        result: el.dataset.result ?? '',
        shownAt: Number(el.dataset.shownAt),
        text: el.innerText,
      };
    },
    previousScanId,
    { polling: 'raf', timeout: 10_000 },
  );
  return (await handle.jsonValue())!;
}

/** Milliseconds on the same clock as the page's `performance.timeOrigin + now()`. */
export const preciseNow = () => performance.timeOrigin + performance.now();
