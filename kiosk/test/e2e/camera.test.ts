import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { writeQrVideo } from './support/fake-camera.js';
import { ARTIFACTS, EVENT_NAME, launchChromium, startRig, type Rig } from './support/kiosk-rig.js';

// A kiosk with no scanner attached reads tickets with its camera: Chromium's fake camera plays
// a video of a ticket's QR code, and the page decodes it with zxing.

let rig: Rig;
let browser: Browser;
let dir: string;

beforeAll(async () => {
  rig = await startRig(['Mary Jackson'], undefined, false);
  dir = mkdtempSync(join(tmpdir(), 'lanyard-camera-'));
  const video = join(dir, 'ticket.y4m');
  writeQrVideo(video, rig.tickets[0]!.token);
  browser = await launchChromium([
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-video-capture=${video}`,
  ]);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await rig?.stop();
  rmSync(dir, { recursive: true, force: true });
}, 60_000);

describe('camera scanning where no scanner is attached', () => {
  it('admits a ticket held up to the camera, and says the camera is the scanner', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(rig.url);
    await page.getByRole('heading', { name: EVENT_NAME }).waitFor();
    const answer = page.locator('main[data-result]');
    await answer.waitFor({ timeout: 20_000 });
    expect(await answer.getAttribute('data-result')).toBe('admitted');
    expect(await answer.innerText()).toContain('Welcome, Mary Jackson');
    expect(await page.locator('footer[role=status]').innerText()).toMatch(/Scanner: camera/);
    await page.screenshot({ path: `${ARTIFACTS}12-camera-welcome.png` });
    // The code stays in view: the same ticket is not scanned again and again.
    await page.waitForTimeout(1500);
    expect(await page.locator('main[data-result]').getAttribute('data-result')).toBe('admitted');
    expect(rig.agent.status().queued).toBe(0);
    expect(errors).toEqual([]);
  }, 60_000);
});
