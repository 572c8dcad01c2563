import { mkdir, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import {
  CAMERA_VIEWS,
  decodeQr,
  rasterize,
} from '../src/features/ticketing/test-support/qr-decode.js';

// Test support for the portal's browser tests: Debian's Chromium driven by playwright-core, the
// two screen sizes the portal is designed for, and where screenshots are kept.

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };

/** A browser test's time: generous, as the whole suite shares two cores with Chromium. */
export const BROWSER_TEST_MS = 60_000;

export const ARTIFACTS = fileURLToPath(new URL('../../test-artifacts/portal/', import.meta.url));

export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  await mkdir(ARTIFACTS, { recursive: true });
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

/** A fresh page at a screen size; script errors fail the test that reads `errors`. */
export async function openPage(
  browser: Browser,
  size: { width: number; height: number },
  /** The browser's language: navigator.languages and Accept-Language. */
  locale = 'en-GB',
): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({
    viewport: size,
    // A 390×844 phone has three device pixels per CSS pixel; the desktop is drawn at one.
    deviceScaleFactor: size.width < 600 ? 3 : 1,
    locale,
    isMobile: size.width < 600,
    hasTouch: size.width < 600,
  });
  // Shorter than jest's own timeout, so a stuck step fails with its locator named.
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  page.on('console', (msg) => {
    // Chromium logs every 4xx answer; the tests that provoke one check what the page shows.
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource'))
      errors.push(msg.text());
  });
  return { page, errors, close: () => context.close() };
}

/** Counts layout shifts from page load on, as Chromium reports them (cumulative layout shift). */
export async function watchLayoutShift(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __cls: number };
    w.__cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as {
        value: number;
        hadRecentInput: boolean;
      }[]) {
        if (!entry.hadRecentInput) w.__cls += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
}

export const resetLayoutShift = (page: Page) =>
  page.evaluate(() => {
    (window as unknown as { __cls: number }).__cls = 0;
  });

export const layoutShift = (page: Page) =>
  page.evaluate(() => (window as unknown as { __cls: number }).__cls);

/**
 * Reads a QR element back the way a scanner would: screenshot → grey pixels → zxing, each frame
 * as a camera may see it (CAMERA_VIEWS). Like a scanner taking frames, it tries a few times after
 * the next paint before giving up.
 */
export async function scanQr(locator: Locator, savePath: string): Promise<string> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    await locator.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
    );
    const frame = await locator.screenshot();
    for (const view of CAMERA_VIEWS) {
      try {
        const text = decodeQr(await rasterize(frame, 'png', undefined, view)).text;
        await writeFile(savePath, frame);
        return text;
      } catch (err) {
        lastError ??= err;
      }
    }
    // Kept for a look at what the scanner saw.
    await writeFile(savePath.replace(/\.png$/, `-unread-${attempt}.png`), frame);
    await new Promise((r) => setTimeout(r, 300));
  }
  throw lastError;
}

export const shot = (page: Page, name: string) =>
  page.screenshot({ path: `${ARTIFACTS}${name}.png`, fullPage: true });
