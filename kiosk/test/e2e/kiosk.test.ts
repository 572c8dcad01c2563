import { waitForCupsJob } from '@lanyard/hardware';
import type { Browser, Page } from 'playwright-core';
import {
  ARTIFACTS,
  cupsPdfQueue,
  EVENT_NAME,
  launchChromium,
  nextAnswer,
  preciseNow,
  scanOnSerial,
  STAFF_PIN,
  startRig,
  type Rig,
} from './support/kiosk-rig.js';

// The kiosk as a visitor meets it: a real server, the enrolled agent reading a serial scanner
// (socat pty) and printing to a CUPS-PDF queue, and the UI in Debian's Chromium. The tests run
// in order: each step is the venue's next moment.

const NAMES = ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Katherine Johnson'];
let rig: Rig;
let cups: ReturnType<typeof cupsPdfQueue>;
let browser: Browser;
let page: Page;
let lastScanId: string | null = null;
const pageErrors: string[] = [];
const latencies: number[] = [];
const [ada, grace, alan, katherine] = [0, 1, 2, 3];

async function until(check: () => boolean | Promise<boolean>, what: string, ms = 20_000) {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function scan(code: string) {
  const before = preciseNow();
  scanOnSerial(rig.pty, code);
  const answer = await nextAnswer(page, lastScanId);
  lastScanId = answer.scanId;
  latencies.push(answer.shownAt - before);
  return answer;
}

const shot = (name: string) => page.screenshot({ path: `${ARTIFACTS}${name}.png` });
const statusText = () => page.locator('footer[role=status]').innerText();
const idle = () => page.getByRole('heading', { name: EVENT_NAME }).waitFor({ timeout: 15_000 });

beforeAll(async () => {
  cups = cupsPdfQueue();
  rig = await startRig(NAMES, {
    printerUri: `cups://${cups.queue}`,
    subtitle: EVENT_NAME,
    statusIntervalMs: 300,
    retryBaseMs: 200,
  });
  cups.setEnabled(true);
  const rev = await rig.server.api(`/api/v1/tickets/${rig.tickets[grace]!.id}/revoke`, {
    body: {},
  });
  expect(rev.status).toBe(200);
  await rig.agent.syncNow();
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  page = await context.newPage();
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.goto(rig.url);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await rig?.stop();
  cups?.remove();
  if (latencies.length) console.log(`scan-to-screen latencies (ms): ${latencies.map(Math.round)}`);
}, 60_000);

describe('a self-service kiosk at the door', () => {
  it('greets visitors with the event name, instructions and its state', async () => {
    await idle();
    const instructions = page.locator('p.instructions');
    await instructions.waitFor({ timeout: 5_000 });
    expect(await instructions.innerText()).toBe('Hold your ticket’s QR code under the scanner.');
    await until(async () => /Printer ready/.test(await statusText()), 'printer ready');
    const status = await statusText();
    expect(status).toMatch(/Online/);
    expect(status).toMatch(/0 scans to upload/);
    expect(status).toMatch(/Last sync \d\d:\d\d/);
    expect(status).toMatch(/Scanner: /);
    await shot('01-idle');
  });

  it('welcomes a scanned ticket by name and prints its badge on the CUPS-PDF printer', async () => {
    const pdfsBefore = cups.pdfs().length;
    const answer = await scan(rig.tickets[ada]!.token);
    expect(answer.result).toBe('admitted');
    expect(answer.text).toContain('Welcome, Ada Lovelace');
    await shot('02-welcome');
    await page.locator('[data-print-state=printed]').waitFor({ timeout: 20_000 });
    await shot('03-badge-printed');
    const cupsJob = rig.agent.status().printer?.lastJob?.printerJobId ?? '';
    expect(cupsJob).toMatch(new RegExp(`^${cups.queue}-\\d+$`));
    expect(await waitForCupsJob(cups.queue, cupsJob, 20_000)).toBe('completed');
    await until(() => cups.pdfs().length === pdfsBefore + 1, 'the badge PDF to land');
    const badge = await cups.landedBadge(cupsJob);
    // cups-pdf re-distils the PDF (its text no longer extracts); the QR code still reads.
    expect(badge?.qr).toBe(rig.tickets[ada]!.token);
  });

  it('answers the same ticket again with when and where it got in, and prints no second badge', async () => {
    const badgeJob = rig.agent.status().printer?.lastJob;
    expect(badgeJob).toMatchObject({ kind: 'admit', ticketId: rig.tickets[ada]!.id });
    // Later, not within the scanner's duplicate window (a code held under it is one scan).
    await idle();
    const answer = await scan(rig.tickets[ada]!.token);
    expect(answer.result).toBe('already_checked_in');
    expect(answer.text).toMatch(/already checked in at \d\d:\d\d at gate B/);
    await shot('04-already-checked-in');
    // The agent decides on a badge as it answers (a job comes with the answer): no print line
    // and no new job, and once the printer is idle the badge's job was not sent again.
    expect(await page.locator('main.answer [data-print-state]').count()).toBe(0);
    expect(rig.agent.status().printer).toMatchObject({
      queued: 0,
      lastJob: { jobId: badgeJob!.jobId },
    });
    await rig.agent.printsIdle();
    expect(rig.agent.status().printer?.lastJob).toMatchObject({
      jobId: badgeJob!.jobId,
      attempts: badgeJob!.attempts,
    });
  });

  it('refuses a revoked ticket in red, in plain words', async () => {
    const answer = await scan(rig.tickets[grace]!.token);
    expect(answer.result).toBe('revoked');
    expect(answer.text).toContain('This ticket has been revoked.');
    const background = await page
      .locator('main.answer')
      .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(background).toBe('rgb(163, 18, 27)');
    await shot('05-revoked');
  });

  it('keeps admitting with the server stopped, and says it is offline', async () => {
    await rig.server.server.close();
    const answer = await scan(rig.tickets[alan]!.token);
    expect(answer.result).toBe('admitted');
    expect(answer.text).toContain('Welcome, Alan Turing');
    expect(answer.text).toMatch(/offline/i);
    await until(async () => /Offline/.test(await statusText()), 'the offline status');
    expect(await statusText()).toMatch(/1 scan to upload/);
    await page.locator('[data-print-state=printed]').waitFor({ timeout: 20_000 });
    await shot('06-offline-admit');
  });

  it('uploads the queued scan when the server is back', async () => {
    await rig.server.restart();
    await until(async () => /Online/.test(await statusText()), 'the online status', 30_000);
    await until(async () => /0 scans to upload/.test(await statusText()), 'the queue to drain');
    await idle();
    await shot('07-back-online');
    // The server now knows Alan is in: it answers his ticket itself.
    const again = await scan(rig.tickets[alan]!.token);
    expect(again.result).toBe('already_checked_in');
  }, 60_000);

  it('takes a code typed by a scanner in keyboard mode', async () => {
    // The keys arrive in one burst, as a wedge scanner types them, into whatever has the focus:
    // which must be the scanner input, though nobody clicked it. (Key timing itself is the
    // recogniser's unit test; a timer loop here would measure this busy test machine instead.)
    const focused = await page.evaluate((code) => {
      const target = document.activeElement!;
      for (const key of [...code, 'Enter']) {
        target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      }
      return target.getAttribute('aria-label');
    }, rig.tickets[katherine]!.token);
    expect(focused).toBe('Ticket scanner input');
    const answer = await nextAnswer(page, lastScanId);
    lastScanId = answer.scanId;
    expect(answer.text).toContain('Welcome, Katherine Johnson');
  });

  it('shows what to do when the printer needs attention', async () => {
    cups.setEnabled(false);
    try {
      await page.getByRole('heading', { name: 'The badge printer needs attention' }).waitFor();
      expect(await statusText()).toMatch(/Printer: queue disabled/);
      await page.getByText('Ask the technician to enable the print queue again').waitFor();
      await shot('08-printer-attention');
    } finally {
      cups.setEnabled(true);
    }
    await idle();
  });
});

describe('staff mode', () => {
  it('refuses a wrong PIN and opens with the right one a second later', async () => {
    await page.getByRole('button', { name: 'Open staff mode (PIN required)' }).click();
    await page.getByLabel('Enter the staff PIN').fill('0000');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByText('That PIN is not right.').waitFor();
    await shot('09-staff-pin');
    // A wrong PIN makes the next try wait a second (doubling with each further one).
    await page.waitForTimeout(1100);
    await page.getByLabel('Enter the staff PIN').fill(STAFF_PIN);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await page.getByRole('heading', { name: 'Staff mode' }).waitFor();
  });

  it('finds an attendee despite a typo and reprints the badge with a reason', async () => {
    const pdfsBefore = cups.pdfs().length;
    await page.getByRole('searchbox').fill('ada lovlace');
    await page.getByRole('button', { name: 'Reprint badge for Ada Lovelace' }).click();
    await page.getByLabel('Why is the badge reprinted?').fill('name smudged');
    await page.getByRole('button', { name: 'Print', exact: true }).click();
    await page.getByText('Reprint for Ada Lovelace sent to the printer.').waitFor();
    await until(() => cups.pdfs().length === pdfsBefore + 1, 'the reprinted badge');
    await page.getByText('Ada Lovelace · reprint (name smudged) · printed').waitFor();
    await shot('10-staff-reprint');
  });

  it('shows a ticket scanned while staff mode is open as a check-in result', async () => {
    scanOnSerial(rig.pty, rig.tickets[grace]!.token);
    await page.getByText('Not admitted: Grace Hopper — This ticket has been revoked.').waitFor();
    await shot('11-staff-scan');
  });

  it('says there is nothing to undo when the last scan let nobody in', async () => {
    // The last check-in shown is the revoked ticket above: nothing was admitted, nothing sent.
    await page.getByRole('button', { name: 'Undo last check-in' }).click();
    await page.getByText('Nothing to undo: the last scan let nobody in.').waitFor();
    await page.getByRole('button', { name: 'Back to self-service' }).click();
    await idle();
  });

  // The p95 target (300 ms) is measured over many scans by `npm run bench -w kiosk -- e2e`. Here
  // the server runs on PGlite inside this test process, beside other test files in parallel, so
  // one answer can wait on its event loop; the typical (median) answer is asserted.
  it('ran without script errors, and typically answered within 300 ms', () => {
    expect(pageErrors).toEqual([]);
    expect(latencies.length).toBeGreaterThanOrEqual(5);
    const sorted = [...latencies].sort((a, b) => a - b);
    expect(sorted[Math.floor(sorted.length / 2)]).toBeLessThan(300);
  });
});
