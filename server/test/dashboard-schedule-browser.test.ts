import type { Page } from 'playwright-core';
import type { TestServer } from './harness.js';
import { seriousViolations } from './axe.js';
import { overflowsSideways, signIn, useDashboardRig } from './dashboard-browser-support.js';
import { BROWSER_TEST_MS, DESKTOP, PHONE, openPage, shot } from './portal-browser.js';
import { createEvent, json } from './registration-fixtures.js';
import { addItem, schedulePath } from './schedule-fixtures.js';

// The Schedule section in Chromium: a session dragged by mouse to another room and time is
// saved (a reload shows it there), one is moved with the keyboard alone, a session dropped on a
// taken room shows the double booking while carried and after the drop (blocking, then a
// warning as the organizer sets it), and once it is solved the programme is released with a
// comment; rooms and speakers are added and changed on the same page. The event is in Europe/Berlin (UTC+2 in May); the
// grid's day starts at 08:00 there.

interface Slot {
  id: string;
  sessionId: string | null;
  roomId: string | null;
  startsAt: string;
}

async function program(t: TestServer, eventId: string) {
  const hallA = await addItem(t, eventId, 'rooms', { name: 'Hall A', capacity: 200 });
  const hallB = await addItem(t, eventId, 'rooms', { name: 'Hall B', capacity: 80, position: 1 });
  const ada = await addItem(t, eventId, 'speakers', { name: 'Ada Lovelace' });
  const bob = await addItem(t, eventId, 'speakers', { name: 'Bob Builder' });
  const session = (title: string, speakerIds: string[], durationMinutes: number) =>
    addItem(t, eventId, 'sessions', { title, speakerIds, durationMinutes, status: 'confirmed' });
  const keynote = await session('Opening keynote', [ada.id], 45);
  const rust = await session('Rust at scale', [bob.id], 30);
  const workshop = await session('Hands-on workshop', [], 60);
  const slot = (body: Record<string, unknown>) => addItem<Slot>(t, eventId, 'slots', body);
  const keynoteSlot = await slot({
    sessionId: keynote.id,
    roomId: hallA.id,
    startsAt: '2027-05-01T07:00:00Z',
  });
  const rustSlot = await slot({
    sessionId: rust.id,
    roomId: hallA.id,
    startsAt: '2027-05-01T08:00:00Z',
  });
  await slot({
    kind: 'break',
    title: 'Lunch',
    startsAt: '2027-05-01T10:00:00Z',
    endsAt: '2027-05-01T11:00:00Z',
  });
  await slot({
    kind: 'blocker',
    title: 'Stage setup',
    roomId: hallB.id,
    startsAt: '2027-05-01T14:00:00Z',
    endsAt: '2027-05-01T15:00:00Z',
  });
  return { hallA, hallB, keynoteSlot, rustSlot, workshop };
}

/** The screen point of a room column at a wall time of the grid's day (08:00 is row 0). */
async function pointAt(page: Page, roomIndex: number, hhmm: string) {
  const column = page.locator('[data-room-column]').nth(roomIndex);
  const box = (await column.boundingBox())!;
  const rows = await page
    .locator('.schedule-grid')
    .evaluate((el) => getComputedStyle(el).gridTemplateRows.split(' ').length - 1);
  const [h, m] = hhmm.split(':').map(Number) as [number, number];
  const row = ((h - 8) * 60 + m) / 5;
  // Inside the row, away from its edges.
  return { x: box.x + box.width / 2, y: box.y + (row + 0.5) * (box.height / rows) };
}

/** Presses on the top row of `from` and drags it, in steps as a hand would, to `to`. */
async function drag(
  page: Page,
  from: RegExp,
  to: { x: number; y: number },
  beforeDrop?: () => Promise<void>,
) {
  const box = (await page.getByRole('button', { name: from }).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + 2);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 8 });
  await beforeDrop?.();
  await page.mouse.up();
}

describe('the schedule grid in Chromium [postgres]', () => {
  const rig = useDashboardRig();

  it(
    'drags by mouse, moves by keyboard, shows a double booking and releases with a comment',
    async () => {
      const t = rig.t;
      const { id: eventId } = await createEvent(t, { name: 'Grid Conf 2027' });
      const p = await program(t, eventId);
      const slotOf = async (id: string) =>
        json<Slot>(await t.api(schedulePath(eventId, `/slots/${id}`)), 200);
      const { page, errors, close } = await openPage(rig.browser, DESKTOP);
      try {
        await signIn(page, `${t.url}/dashboard/events/${eventId}/schedule`);
        const grid = page.getByRole('group', { name: /^Schedule of Saturday 1 May/ });
        await grid.getByRole('button', { name: /Rust at scale/ }).waitFor();
        await grid.getByText('Lunch').waitFor();
        await grid.getByText('Stage setup').waitFor();
        await page.getByRole('region', { name: /Not on the grid \(1\)/ }).waitFor();

        // By mouse: "Rust at scale" from Hall A 10:00 to Hall B 11:00.
        await drag(page, /Rust at scale/, await pointAt(page, 1, '11:00'));
        const live = page.locator('[aria-live="assertive"]');
        await live.filter({ hasText: 'Rust at scale placed in Hall B, 11:00 to 11:30' }).waitFor();
        expect(await slotOf(p.rustSlot.id)).toMatchObject({
          roomId: p.hallB.id,
          startsAt: '2027-05-01T09:00:00.000Z',
        });
        await page.reload();
        await grid
          .getByRole('button', { name: /Rust at scale/ })
          .filter({ hasText: '11:00–11:30, Hall B' })
          .waitFor();

        // By keyboard alone: the keynote one room right and half an hour later.
        const keynote = grid.getByRole('button', { name: /Opening keynote/ });
        await keynote.focus();
        await page.keyboard.press('Enter');
        await live.filter({ hasText: 'Opening keynote: Hall A, 09:00 to 09:45' }).waitFor();
        await page.keyboard.press('ArrowRight');
        for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowDown');
        await live
          .filter({ hasText: 'Opening keynote: Hall B, 09:30 to 10:15. No conflicts.' })
          .waitFor();
        await page.keyboard.press('Enter');
        await live
          .filter({ hasText: 'Opening keynote placed in Hall B, 09:30 to 10:15' })
          .waitFor();
        await keynote.filter({ hasText: '09:30–10:15, Hall B' }).waitFor();
        expect(await slotOf(p.keynoteSlot.id)).toMatchObject({
          roomId: p.hallB.id,
          startsAt: '2027-05-01T07:30:00.000Z',
        });
        // Escape puts a picked-up session back where it was.
        await page.keyboard.press('Space');
        await page.keyboard.press('ArrowLeft');
        await page.keyboard.press('Escape');
        await live.filter({ hasText: 'Opening keynote put back where it was.' }).waitFor();
        expect((await slotOf(p.keynoteSlot.id)).roomId).toBe(p.hallB.id);

        // The workshop from the list onto Hall B at 10:00, where the keynote runs: the landing
        // shows the double booking while carried, the grid and the list after the drop.
        await drag(page, /Hands-on workshop/, await pointAt(page, 1, '10:00'), async () => {
          await page
            .locator('.schedule-landing')
            .filter({ hasText: 'Room double booked (blocks release)' })
            .waitFor();
          await shot(page, 'dashboard-schedule-carrying');
        });
        const conflicts = page.getByRole('region', { name: /^Conflicts \(1\)/ });
        await conflicts.getByText('Room double booked (blocks release)').waitFor();
        await grid
          .getByRole('button', { name: /Hands-on workshop/ })
          .filter({ hasText: 'Room double booked' })
          .waitFor();
        await page.getByRole('region', { name: /Not on the grid \(0\)/ }).waitFor();
        // Focus followed the workshop from the list onto the grid.
        await expect(
          grid
            .getByRole('button', { name: /Hands-on workshop/ })
            .evaluate((el) => el === document.activeElement),
        ).resolves.toBe(true);
        expect(await page.getByRole('button', { name: 'Release', exact: true }).isDisabled()).toBe(
          true,
        );
        await shot(page, 'dashboard-schedule-conflict');
        expect(await seriousViolations(page)).toEqual([]);
        // The organizer's severities decide: as a warning it no longer blocks the release.
        await page.getByText('How each kind of conflict counts').click();
        await page.getByLabel('Room double booked').selectOption('warn');
        await page.getByRole('button', { name: 'Save severities' }).click();
        await conflicts.getByText('Room double booked (warning)').waitFor();
        expect(await page.getByRole('button', { name: 'Release', exact: true }).isEnabled()).toBe(
          true,
        );

        // Solved by keyboard: the workshop to Hall A.
        await grid.getByRole('button', { name: /Hands-on workshop/ }).focus();
        await page.keyboard.press('Enter');
        await page.keyboard.press('ArrowLeft');
        await live
          .filter({ hasText: 'Hands-on workshop: Hall A, 10:00 to 11:00. No conflicts.' })
          .waitFor();
        await page.keyboard.press('Enter');
        await page.getByRole('region', { name: /^Conflicts \(0\)/ }).waitFor();

        // Released with a comment; the list of releases shows it.
        await page.getByLabel(/What changed/).fill('First programme');
        await page.getByRole('button', { name: 'Release', exact: true }).click();
        await page.getByText('Released version 1.').waitFor();
        await page
          .getByRole('listitem')
          .filter({ hasText: /Version 1 .* First programme/ })
          .waitFor();
        const releases = json<{ version: number; comment: string }[]>(
          await t.api(schedulePath(eventId, '/releases')),
          200,
        );
        expect((await releases).map((r) => [r.version, r.comment])).toEqual([
          [1, 'First programme'],
        ]);
        await shot(page, 'dashboard-schedule-released');
        expect(await seriousViolations(page)).toEqual([]);

        // Rooms and speakers: a new room is a new column of the grid, a changed one says so.
        const addRoom = page.getByRole('form', { name: 'Add a room' });
        await addRoom.getByLabel('Name').fill('Workshop room');
        await addRoom.getByLabel('Seats').fill('30');
        await addRoom.getByLabel('Place on the grid').fill('2');
        await addRoom.getByLabel('Available from').fill('2027-05-01T09:00');
        await addRoom.getByLabel('Until').fill('2027-05-01T17:00');
        await addRoom.getByRole('button', { name: 'Add room' }).click();
        await grid.getByText('Workshop room').waitFor();
        expect(await page.locator('[data-room-column]').count()).toBe(3);
        const rooms = page.getByRole('region', { name: 'Rooms' });
        await rooms.getByRole('button', { name: 'Edit Hall B' }).click();
        const editB = page.getByRole('form', { name: 'Edit Hall B' });
        await editB.getByLabel('Seats').fill('60');
        await editB.getByRole('button', { name: 'Save room' }).click();
        await grid.getByText('· 60 seats').waitFor();
        const addSpeaker = page.getByRole('form', { name: 'Add a speaker' });
        await addSpeaker.getByLabel('Name').fill('Grace Hopper');
        await addSpeaker.getByLabel('Email').fill('grace@example.org');
        await addSpeaker.getByLabel('Bio').fill('Found the first actual bug.');
        await addSpeaker.getByRole('button', { name: 'Add speaker' }).click();
        await page
          .getByRole('region', { name: 'Speakers' })
          .getByText('grace@example.org · always available')
          .waitFor();
        const saved = await json<{ name: string; capacity: number; availability: unknown[] }[]>(
          await t.api(schedulePath(eventId, '/rooms')),
          200,
        );
        expect(saved.find((r) => r.name === 'Workshop room')).toMatchObject({
          capacity: 30,
          availability: [{ start: '2027-05-01T07:00:00.000Z', end: '2027-05-01T15:00:00.000Z' }],
        });
        await shot(page, 'dashboard-schedule-rooms-speakers');
        expect(await seriousViolations(page)).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await close();
      }

      // On a phone the grid scrolls inside its panel; the page itself does not scroll sideways.
      const phone = await openPage(rig.browser, PHONE);
      try {
        await signIn(phone.page, `${t.url}/dashboard/events/${eventId}/schedule`);
        await phone.page
          .getByRole('group', { name: /^Schedule of Saturday 1 May/ })
          .getByRole('button', { name: /Rust at scale/ })
          .waitFor();
        expect(await overflowsSideways(phone.page)).toBe(false);
        await shot(phone.page, 'dashboard-schedule-phone');
        expect(await seriousViolations(phone.page)).toEqual([]);
        expect(phone.errors).toEqual([]);
      } finally {
        await phone.close();
      }
    },
    BROWSER_TEST_MS * 2,
  );
});
