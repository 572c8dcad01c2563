import type { Browser, Page } from 'playwright-core';
import {
  ARTIFACTS,
  EVENT_NAME,
  launchChromium,
  nextAnswer,
  scanOnSerial,
  startRig,
  type Rig,
} from './support/kiosk-rig.js';

// A kiosk at an event whose default language is German: the agent learns it from the server and
// the screens speak it, the visitor's welcome and refusal included.

let rig: Rig;
let browser: Browser;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  rig = await startRig(['Ada Lovelace'], undefined, true, { languages: ['de', 'en'] });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (e) => errors.push(e.message));
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await rig?.stop();
}, 60_000);

describe('a kiosk in German', () => {
  it('greets, welcomes and refuses in the event’s default language', async () => {
    await page.goto(rig.url);
    await page.getByText('Halten Sie den QR-Code Ihres Tickets unter den Scanner.').waitFor();
    await page.getByRole('heading', { name: EVENT_NAME }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    expect(await page.title()).toBe('Lanyard Check-in');
    await page.screenshot({ path: `${ARTIFACTS}20-german-idle.png` });

    scanOnSerial(rig.pty, rig.tickets[0]!.token);
    const welcome = await nextAnswer(page, null);
    expect(welcome.result).toBe('admitted');
    expect(welcome.text).toContain('Willkommen, Ada Lovelace');
    expect(welcome.text).toContain('Sie sind eingecheckt.');
    await page.screenshot({ path: `${ARTIFACTS}21-german-welcome.png` });

    // Once the screen is back to idle: a second read within the scanner's duplicate window
    // (1.5 s) is the same code held under it, and is dropped, as it should be.
    await page.getByRole('heading', { name: EVENT_NAME }).waitFor({ timeout: 15_000 });
    scanOnSerial(rig.pty, rig.tickets[0]!.token);
    const again = await nextAnswer(page, welcome.scanId);
    expect(again.result).toBe('already_checked_in');
    expect(again.text).toMatch(/Kein Einlass: Ada Lovelace/);
    expect(again.text).toMatch(/bereits eingecheckt um \d\d:\d\d Uhr an Eingang B\./);
    expect(again.text).toContain('Bitte wenden Sie sich an das Team am Empfang.');
    await page.screenshot({ path: `${ARTIFACTS}22-german-refused.png` });

    // A two-ticket order names each ticket's own attendee: the kiosk greets the second by hers.
    const [type] = (await (
      await rig.server.api(`/api/v1/events/${rig.eventId}/ticket-types`)
    ).json()) as { id: string }[];
    const order = (await (
      await rig.server.api(`/api/v1/events/${rig.eventId}/registrations`, {
        token: null,
        body: {
          ticketTypeId: type!.id,
          quantity: 2,
          attendee: { name: 'Bea Buyer', email: 'bea@example.org' },
          attendees: [
            { name: 'Bea Buyer', email: 'bea@example.org' },
            { name: 'Chidi Colleague', email: 'chidi@example.org' },
          ],
        },
      })
    ).json()) as { tickets: { token: string }[] };
    await rig.agent.syncNow();
    await page.getByRole('heading', { name: EVENT_NAME }).waitFor({ timeout: 15_000 });
    scanOnSerial(rig.pty, order.tickets[1]!.token);
    const second = await nextAnswer(page, again.scanId);
    expect(second.result).toBe('admitted');
    expect(second.text).toContain('Willkommen, Chidi Colleague');
    await page.screenshot({ path: `${ARTIFACTS}23-german-second-attendee.png` });
    expect(errors).toEqual([]);
  }, 60_000);
});
