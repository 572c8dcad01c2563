import { jest } from '@jest/globals';
import { hasDisplay } from '../src/commands/kiosk/start.js';
import { runLanyard, startCliUser, type CliUser } from './support/cli.js';

// Defects a new organizer met on the first day, each as they saw it.
jest.setTimeout(120_000);

const EVENT = `event:
  name: Summer Conf
  startsAt: 2027-06-12T07:00:00Z
  endsAt: 2027-06-13T16:30:00Z
  timezone: Europe/Berlin
ticketTypes:
  - name: Regular
    priceCents: 4900
    currency: EUR
    quantity: 10
`;

describe('lanyard events show', () => {
  let u: CliUser;
  beforeAll(async () => {
    u = await startCliUser();
  });
  afterAll(() => u.stop());

  it("prints the event's times on its own timezone's clock", async () => {
    const { eventId } = await u.json<{ eventId: string }>([
      'apply',
      '-f',
      await u.file('event.yaml', EVENT),
    ]);
    const shown = await u.run(['events', 'show', eventId]);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('2027-06-12 09:00 → 2027-06-13 18:30 Europe/Berlin');
  });

  it('exits 2 for an id that names no event, as docs/cli.md says', async () => {
    const malformed = await u.run(['events', 'show', 'nope']);
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(/^error \[\w+\]: [^\n]+\n$/);
    const unknown = await u.run(['events', 'show', '00000000-0000-4000-8000-000000000000']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^error \[event_not_found\]: /);
  });
});

describe('lanyard kiosk start without a display', () => {
  it('says there is no display and exits 2 instead of restarting the browser forever', async () => {
    const noDisplay: Record<string, string> = { DISPLAY: '', WAYLAND_DISPLAY: '' };
    const run = await runLanyard(
      ['kiosk', 'start', '--server', 'http://127.0.0.1:9', '--enroll', 'ABCDE'],
      noDisplay,
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^error \[no_display\]: .*--headless/);
  });

  it('finds a display from DISPLAY or WAYLAND_DISPLAY on Linux, and always elsewhere', () => {
    expect(hasDisplay({}, 'linux')).toBe(false);
    expect(hasDisplay({ DISPLAY: ':0' }, 'linux')).toBe(true);
    expect(hasDisplay({ WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBe(true);
    expect(hasDisplay({}, 'darwin')).toBe(true);
  });
});
