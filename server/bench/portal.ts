// The attendee portal as a phone meets it: the JavaScript it downloads (gzipped, target ≤ 200 KB)
// and the event page's time to first render in Chromium, cold (new browser profile: nothing
// cached) and warm (a reload: hashed assets from the cache). Serves the built portal from a real
// server on PGlite; run `npm run build` first after changing the portal.
// Run: npm run bench -w server -- portal [--runs N]
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { locateBuiltPortal } from '../src/features/portal/built-portal.js';
import { startTestServer } from '../test/harness.js';
import { launchChromium, PHONE } from '../test/portal-browser.js';
import { createPortalEvent } from '../test/portal-fixtures.js';

const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 20;
const TARGET_KB = 200;

const dir = locateBuiltPortal();
if (!dir) {
  console.error('The portal is not built: run `npm run build:web -w server` first.');
  process.exit(2);
}

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

/** Every file the portal's page can load, from Vite's manifest: not the dashboard's. */
async function portalFiles(): Promise<string[]> {
  const manifest = JSON.parse(
    await readFile(join(dir!, '.vite', 'manifest.json'), 'utf8'),
  ) as Record<string, ManifestChunk>;
  const files = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const css of chunk.css ?? []) files.add(css);
    for (const next of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) visit(next);
  };
  visit('index.html');
  return [...files];
}

async function bundleSizes(): Promise<{ jsKb: number; jsGzipKb: number; cssGzipKb: number }> {
  let js = 0;
  let jsGzip = 0;
  let cssGzip = 0;
  for (const f of await portalFiles()) {
    const body = await readFile(join(dir!, f));
    const gz = gzipSync(body, { level: 9 }).length;
    if (f.endsWith('.js')) {
      js += body.length;
      jsGzip += gz;
    } else if (f.endsWith('.css')) cssGzip += gz;
  }
  const kb = (n: number) => Math.round((n / 1024) * 10) / 10;
  return { jsKb: kb(js), jsGzipKb: kb(jsGzip), cssGzipKb: kb(cssGzip) };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! * 10) / 10;
};

// Set before any page script: the moment the event's heading is in the DOM is the first render
// an attendee can read; first-contentful-paint comes from Chromium's paint timing.
const MARK_FIRST_RENDER = () => {
  const w = window as unknown as { __firstRender?: number };
  new MutationObserver((_, observer) => {
    if (document.querySelector('h1')) {
      w.__firstRender = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
};

const sizes = await bundleSizes();
const t = await startTestServer('pglite');
const browser = await launchChromium();
try {
  const { eventId } = await createPortalEvent(
    t,
    { venue: 'Messe Berlin, Hall 4', description: 'Two days of talks.' },
    { Regular: { priceCents: 0 }, Student: { priceCents: 4900 } },
  );
  const url = `${t.url}/e/${eventId}`;
  const measure = async (page: Page) => {
    await page.waitForFunction(() => (window as { __firstRender?: number }).__firstRender);
    return page.evaluate(() => ({
      render: (window as unknown as { __firstRender: number }).__firstRender,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    }));
  };
  const cold: number[] = [];
  const coldFcp: number[] = [];
  const warm: number[] = [];
  // One untimed load first, so the server's own first-request work is not counted.
  {
    const context = await browser.newContext({ viewport: PHONE });
    await (await context.newPage()).goto(url);
    await context.close();
  }
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    await context.addInitScript(MARK_FIRST_RENDER);
    const page = await context.newPage();
    await page.goto(url);
    const first = await measure(page);
    cold.push(first.render);
    coldFcp.push(first.fcp);
    await page.reload();
    warm.push((await measure(page)).render);
    await context.close();
  }
  const result = {
    bench: 'portal',
    jsGzipKb: sizes.jsGzipKb,
    jsKb: sizes.jsKb,
    cssGzipKb: sizes.cssGzipKb,
    targetJsGzipKb: TARGET_KB,
    runs,
    coldFirstRenderMsP50: pct(cold, 50),
    coldFirstRenderMsP95: pct(cold, 95),
    coldFcpMsP50: pct(coldFcp, 50),
    warmFirstRenderMsP50: pct(warm, 50),
    warmFirstRenderMsP95: pct(warm, 95),
    ok: sizes.jsGzipKb <= TARGET_KB,
  };
  console.log(
    `portal JavaScript: ${sizes.jsKb} KB, ${sizes.jsGzipKb} KB gzipped (target ≤ ${TARGET_KB} KB) → ${result.ok ? 'met' : 'NOT met'}; CSS ${sizes.cssGzipKb} KB gzipped`,
  );
  console.log(
    `event page, phone viewport, ${runs} runs on localhost: first render p50 ${result.coldFirstRenderMsP50} ms, p95 ${result.coldFirstRenderMsP95} ms cold ` +
      `(first contentful paint p50 ${result.coldFcpMsP50} ms); p50 ${result.warmFirstRenderMsP50} ms, p95 ${result.warmFirstRenderMsP95} ms warm`,
  );
  console.log(JSON.stringify(result));
} finally {
  await browser.close();
  await t.stop();
}
