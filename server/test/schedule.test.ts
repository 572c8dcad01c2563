import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { startReceiver, type Receiver } from '../src/features/webhooks/test-support/receiver.js';
import { startTestServer, type TestServer } from './harness.js';
import { createEvent, json, problemOf } from './registration-fixtures.js';
import {
  addItem,
  agendaPath,
  patchItem,
  releaseSchedule,
  schedulePath,
  ticketHolders,
  vevents,
} from './schedule-fixtures.js';

const require = createRequire(import.meta.url);
// ajv-formats is CommonJS: its function is the module's `default` export.
const addFormats = (addFormatsModule as unknown as { default: (ajv: Ajv) => void }).default;
const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures/schedule');

// The c3voc schema (draft-06) checked with ajv 8; "color" is a format ajv does not know.
async function jsonSchemaErrors(doc: unknown) {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('color', true);
  ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json') as object);
  const validate = ajv.compile(
    JSON.parse(await readFile(join(fixtures, 'schema.json'), 'utf8')) as object,
  );
  validate(doc);
  return validate.errors ?? [];
}

/** xmllint against the c3voc XSD; the output names the first errors. */
function xsdErrors(xml: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'schedule-xml-')), 'schedule.xml');
  writeFileSync(file, xml);
  try {
    execFileSync('xmllint', ['--noout', '--schema', join(fixtures, 'schedule.xml.xsd'), file], {
      stdio: 'pipe',
    });
    return '';
  } catch (err) {
    return String((err as { stderr?: Buffer }).stderr);
  }
}

describe.each(['pglite', 'postgres'] as const)('session scheduling over HTTP [%s]', (kind) => {
  let t: TestServer;
  let receiver: Receiver;
  beforeAll(async () => {
    t = await startTestServer(kind, { WEBHOOK_ALLOWED_NETWORKS: '127.0.0.0/8' });
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver?.stop();
    await t?.stop();
  });

  it('refuses bad drafts with a 400 and changes nothing', async () => {
    const { id: eventId } = await createEvent(t);
    const bad = await t.api(schedulePath(eventId, '/sessions'), {
      body: { title: '', durationMinutes: -5 },
    });
    await problemOf(bad, 400, 'validation_failed');
    const unknown = await t.api(schedulePath(eventId, '/sessions'), {
      body: {
        title: 'Talk',
        durationMinutes: 30,
        speakerIds: ['00000000-0000-4000-8000-000000000000'],
      },
    });
    await problemOf(unknown, 400, 'unknown_reference');
    const room = await addItem(t, eventId, 'rooms', { name: 'Hall' });
    const noEnd = await t.api(schedulePath(eventId, '/slots'), {
      body: { kind: 'break', roomId: room.id, startsAt: '2027-05-01T12:00:00Z' },
    });
    expect(noEnd.status).toBe(400);
    const garbage = await t.api(schedulePath(eventId, '/slots'), { body: '{"kind": ' });
    expect(garbage.status).toBe(400);
    await problemOf(
      await t.api(schedulePath(eventId, '/slots'), {
        body: {
          sessionId: '00000000-0000-4000-8000-000000000000',
          startsAt: '2027-05-01T12:00:00Z',
        },
      }),
      400,
      'unknown_reference',
    );
    await problemOf(
      await t.api(schedulePath(eventId, '/slots'), {
        body: {
          kind: 'break',
          roomId: room.id,
          startsAt: '2027-05-01T13:00:00Z',
          endsAt: '2027-05-01T12:00:00Z',
        },
      }),
      400,
      'validation_failed',
    );
    await problemOf(
      await t.api(schedulePath(eventId, '/import'), { body: {} }),
      400,
      'validation_failed',
    );
    await problemOf(await t.api(schedulePath(eventId, '/diff?from=x')), 400, 'validation_failed');
    await problemOf(await t.api(schedulePath(eventId, '/releases/abc')), 400, 'validation_failed');
    await problemOf(await t.api(schedulePath(eventId, '/diff')), 404, 'release_not_found');
    const draft = await json<{ sessions: unknown[]; slots: unknown[] }>(
      await t.api(schedulePath(eventId, '/draft')),
      200,
    );
    expect([draft.sessions.length, draft.slots.length]).toEqual([0, 0]);
    const feed = await t.api(`/api/v1/events/${eventId}/schedule.json`, { token: null });
    expect(feed.status).toBe(404);
  });

  it('releases a program, then a changed one: diff, feeds read back, and who hears of it', async () => {
    const { id: eventId } = await createEvent(t, {
      name: 'DevConf 2027',
      timezone: 'Europe/Berlin',
    });
    const hallA = await addItem(t, eventId, 'rooms', { name: 'Hall A', capacity: 300 });
    const hallB = await addItem(t, eventId, 'rooms', { name: 'Hall B', capacity: 80, position: 1 });
    const track = await addItem(t, eventId, 'tracks', { name: 'Systems', color: '#336699' });
    const ada = await addItem(t, eventId, 'speakers', {
      name: 'Ada Lovelace',
      email: 'ada@example.org',
    });
    const bob = await addItem(t, eventId, 'speakers', {
      name: 'Bob <Builder> & Co',
      email: 'bob@example.org',
    });
    const cy = await addItem(t, eventId, 'speakers', { name: 'Cy', email: 'cy@example.org' });
    const session = (title: string, speakerIds: string[]) =>
      addItem(t, eventId, 'sessions', {
        title,
        durationMinutes: 45,
        speakerIds,
        trackId: track.id,
        status: 'confirmed',
        language: 'en',
      });
    const keynote = await session('Keynote', [ada.id]);
    const rust = await session('Rust in anger', [bob.id]);
    const go = await session('Go, quickly', [cy.id]);
    const slot = (sessionId: string, roomId: string, startsAt: string) =>
      addItem(t, eventId, 'slots', { sessionId, roomId, startsAt });
    await slot(keynote.id, hallA.id, '2027-05-01T07:00:00Z');
    const rustSlot = await slot(rust.id, hallA.id, '2027-05-01T08:00:00Z');
    // Bob in two places: the release is refused while that blocks.
    const clash = await addItem<{ endsAt: string }>(t, eventId, 'sessions', {
      title: 'Clash',
      durationMinutes: 30,
      speakerIds: [bob.id],
      status: 'confirmed',
    });
    const clashSlot = await slot(clash.id, hallB.id, '2027-05-01T08:15:00Z');
    expect((clashSlot as unknown as { endsAt: string }).endsAt).toBe('2027-05-01T08:45:00.000Z');
    const conflicts = await json<{
      conflicts: { kind: string; severity: string }[];
      checklist: { ready: boolean };
    }>(await t.api(schedulePath(eventId, '/conflicts')), 200);
    expect(conflicts.conflicts.map((c) => [c.kind, c.severity])).toEqual([
      ['speaker_double_booked', 'block'],
    ]);
    const refused = await releaseSchedule(t, eventId, 'first');
    await problemOf(refused, 409, 'schedule_not_ready');
    const deleted = await t.api(schedulePath(eventId, `/sessions/${clash.id}`), {
      method: 'DELETE',
    });
    expect(deleted.status).toBe(204);
    // Go is still unscheduled: the checklist refuses until it is on the grid.
    await problemOf(await releaseSchedule(t, eventId, 'first'), 409, 'schedule_not_ready');
    await slot(go.id, hallB.id, '2027-05-01T08:00:00Z');
    const first = await json<{ version: number; counts: Record<string, number> }>(
      await releaseSchedule(t, eventId, 'First programme'),
      201,
    );
    expect(first).toMatchObject({ version: 1, counts: { new: 3, cancelled: 0, moved: 0 } });

    const before = vevents(
      await (await t.api(`/api/v1/events/${eventId}/schedule.ics`, { token: null })).text(),
    );
    // In start order (Go and Rust both start at 08:00, in either order).
    expect(before.map((e) => e.start)).toEqual([
      '2027-05-01T07:00:00.000Z',
      '2027-05-01T08:00:00.000Z',
      '2027-05-01T08:00:00.000Z',
    ]);
    expect(before.map((e) => [e.summary, e.sequence, e.status, e.location]).sort()).toEqual([
      ['Go, quickly', 0, 'CONFIRMED', 'Hall B'],
      ['Keynote', 0, 'CONFIRMED', 'Hall A'],
      ['Rust in anger', 0, 'CONFIRMED', 'Hall A'],
    ]);

    // Attendees follow sessions: one favourites Rust, one signs up for nothing but Keynote.
    const [alice, ben, carl] = await ticketHolders(t, eventId, 3);
    const fav = (who: { ticketId: string; accessKey: string }, sessionId: string) =>
      t.api(agendaPath(who.ticketId, `/favourites/${sessionId}`), {
        method: 'PUT',
        token: null,
        headers: { 'x-access-key': who.accessKey },
      });
    expect((await fav(alice!, rust.id)).status).toBe(200);
    expect((await fav(alice!, go.id)).status).toBe(200);
    expect((await fav(ben!, go.id)).status).toBe(200);
    expect((await fav(carl!, keynote.id)).status).toBe(200);
    expect((await fav({ ...carl!, accessKey: 'wrong' }, rust.id)).status).toBe(404);

    // Move Rust to Hall B at 10:00, cancel Go, add a talk by Ada, rename nothing else.
    await patchItem(t, eventId, 'slots', rustSlot.id, {
      roomId: hallB.id,
      startsAt: '2027-05-01T10:00:00Z',
      endsAt: '2027-05-01T10:45:00Z',
    });
    await patchItem(t, eventId, 'sessions', go.id, { status: 'cancelled' });
    const released = await t.api(schedulePath(eventId, `/sessions/${go.id}`), { method: 'DELETE' });
    await problemOf(released, 409, 'session_released');
    const extra = await session('Engines', [ada.id]);
    await slot(extra.id, hallA.id, '2027-05-01T12:00:00Z');
    // Served just before the release (the current release is then remembered for a second):
    // the release itself makes the next request serve the new one.
    expect((await t.api(`/api/v1/events/${eventId}/schedule.ics`, { token: null })).status).toBe(
      200,
    );
    const second = await json<{ version: number; diff: Record<string, { sessionId: string }[]> }>(
      await releaseSchedule(t, eventId, 'Rust moves, Go is cancelled'),
      201,
    );
    expect(second.version).toBe(2);
    const ids = (k: string) => second.diff[k]!.map((c) => c.sessionId);
    expect([
      ids('new'),
      ids('cancelled'),
      ids('moved'),
      ids('renamed'),
      ids('speakersChanged'),
    ]).toEqual([[extra.id], [go.id], [rust.id], [], []]);
    const stored = await json<{ from: number; to: number; diff: unknown }>(
      await t.api(schedulePath(eventId, '/diff')),
      200,
    );
    expect(stored).toEqual({ from: 1, to: 2, diff: second.diff });
    const whole = await json<{ diff: Record<string, unknown[]> }>(
      await t.api(schedulePath(eventId, '/diff?from=0&to=2')),
      200,
    );
    expect(whole.diff.new).toHaveLength(3);

    // Exactly the affected: Alice (Rust, Go) and Ben (Go), not Carl (Keynote unchanged);
    // speakers Bob (moved) and Cy (cancelled) and Ada (new talk).
    const { rows } = await t.server.db.query<{
      topic: string;
      aggregate_id: string;
      payload: { sessionIds?: string[]; release: number };
    }>(
      `SELECT topic, aggregate_id, payload FROM outbox WHERE event_id = $1 AND topic LIKE 'schedule.%'
       ORDER BY topic, aggregate_id`,
      [eventId],
    );
    const of = (topic: string, version: number) =>
      rows.filter((r) => r.topic === topic && r.payload.release === version);
    expect(of('schedule.released', 1)).toHaveLength(1);
    expect(of('schedule.released', 2)).toHaveLength(1);
    expect(of('schedule.attendee_affected', 1)).toEqual([]);
    expect(
      of('schedule.attendee_affected', 2)
        .map((r) => [r.aggregate_id, r.payload.sessionIds])
        .sort(),
    ).toEqual(
      [
        [alice!.ticketId, [rust.id, go.id].sort()],
        [ben!.ticketId, [go.id]],
      ].sort(),
    );
    expect(
      of('schedule.speaker_affected', 2)
        .map((r) => r.aggregate_id)
        .sort(),
    ).toEqual([ada.id, bob.id, cy.id].sort());

    // The calendar keeps each UID, raises SEQUENCE of the changed, and cancels Go.
    const after = vevents(
      await (await t.api(`/api/v1/events/${eventId}/schedule.ics`, { token: null })).text(),
    );
    const byUid = new Map(after.map((e) => [e.uid, e]));
    for (const e of before) expect(byUid.has(e.uid)).toBe(true);
    const rustUid = before.find((e) => e.summary === 'Rust in anger')!.uid;
    const goUid = before.find((e) => e.summary === 'Go, quickly')!.uid;
    const keyUid = before.find((e) => e.summary === 'Keynote')!.uid;
    expect(byUid.get(rustUid)).toMatchObject({
      sequence: 1,
      start: '2027-05-01T10:00:00.000Z',
      location: 'Hall B',
    });
    expect(byUid.get(goUid)).toMatchObject({ sequence: 1, status: 'CANCELLED' });
    expect(byUid.get(keyUid)).toMatchObject({ sequence: 0, status: 'CONFIRMED' });
    expect(after).toHaveLength(4);

    // frab schedule.xml against the c3voc XSD, schedule.json against its JSON schema.
    const xml = await (
      await t.api(`/api/v1/events/${eventId}/schedule.xml`, { token: null })
    ).text();
    expect(xsdErrors(xml)).toBe('');
    expect(xml).toContain('<person id="');
    expect(xml).toContain('Bob &lt;Builder&gt; &amp; Co');
    const feed = await t.api(`/api/v1/events/${eventId}/schedule.json`, { token: null });
    expect(feed.headers.get('content-type')).toMatch(/application\/json/);
    // Schedule apps poll: an unchanged feed answers 304 to its ETag.
    const etag = feed.headers.get('etag')!;
    const again = await t.api(`/api/v1/events/${eventId}/schedule.json`, {
      token: null,
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    const doc = (await feed.json()) as {
      schedule: {
        version: string;
        conference: {
          days: {
            date: string;
            rooms: Record<string, { title: string; start: string; date: string }[]>;
          }[];
        };
      };
    };
    expect(await jsonSchemaErrors(doc)).toEqual([]);
    expect(doc.schedule.version).toBe('2');
    const day1 = doc.schedule.conference.days[0]!;
    expect(day1.date).toBe('2027-05-01');
    // 10:00Z is 12:00 in Berlin in May.
    expect(day1.rooms['Hall B']).toEqual([
      expect.objectContaining({
        title: 'Rust in anger',
        start: '12:00',
        date: '2027-05-01T12:00:00+02:00',
      }),
    ]);
    expect(day1.rooms['Hall A']!.map((e) => e.title)).toEqual(['Keynote', 'Engines']);

    // Releases are listed and immutable; the draft can go back to release 1.
    const list = await json<{ version: number; comment: string }[]>(
      await t.api(schedulePath(eventId, '/releases')),
      200,
    );
    expect(list.map((r) => [r.version, r.comment])).toEqual([
      [1, 'First programme'],
      [2, 'Rust moves, Go is cancelled'],
    ]);
    // Each release is in the audit log; the refused one is not.
    const audited = await t.server.db.query<{ object_id: string }>(
      `SELECT object_id FROM audit.audit_log WHERE action = 'schedule.released' AND event_id = $1
       ORDER BY seq`,
      [eventId],
    );
    expect(audited.rows.map((r) => r.object_id)).toEqual(['1', '2']);
    await expect(
      t.server.db.query('UPDATE schedule_releases SET comment = $1 WHERE event_id = $2', [
        'x',
        eventId,
      ]),
    ).rejects.toThrow(/immutable/);
    const reset = await json<{
      sessions: { id: string; status: string }[];
      slots: { sessionId: string; roomId: string }[];
    }>(await t.api(schedulePath(eventId, '/draft/reset'), { body: { version: 1 } }), 200);
    expect(reset.sessions.map((s) => s.id).sort()).toEqual([keynote.id, rust.id, go.id].sort());
    expect(reset.slots.find((s) => s.sessionId === rust.id)!.roomId).toBe(hallA.id);
    // Alice's favourites survive the reset (the sessions kept their ids).
    const agenda = await json<{ favourites: string[] }>(
      await t.api(agendaPath(alice!.ticketId), {
        token: null,
        headers: { 'x-access-key': alice!.accessKey },
      }),
      200,
    );
    expect(agenda.favourites.sort()).toEqual([rust.id, go.id].sort());
  });

  it('lets the organizer set a kind’s severity, so a warning blocks or a block is ignored', async () => {
    const { id: eventId } = await createEvent(t);
    const a = await addItem(t, eventId, 'rooms', { name: 'A' });
    const s1 = await addItem(t, eventId, 'sessions', {
      title: 'One',
      durationMinutes: 30,
      status: 'confirmed',
    });
    const s2 = await addItem(t, eventId, 'sessions', {
      title: 'Two',
      durationMinutes: 30,
      status: 'confirmed',
    });
    await addItem(t, eventId, 'slots', {
      sessionId: s1.id,
      roomId: a.id,
      startsAt: '2027-05-01T09:00:00Z',
    });
    await addItem(t, eventId, 'slots', {
      sessionId: s2.id,
      roomId: a.id,
      startsAt: '2027-05-01T09:00:00Z',
    });
    expect((await releaseSchedule(t, eventId, 'v1')).status).toBe(409);
    await json(
      await t.api('/api/v1/webhooks', {
        body: { url: receiver.url, events: ['schedule.released'], eventId },
      }),
      201,
    );
    const set = await json<{ conflicts: { severity: string }[] }>(
      await t.api(schedulePath(eventId, '/severities'), {
        method: 'PATCH',
        body: { room_double_booked: 'warn' },
      }),
      200,
    );
    expect(set.conflicts.map((c) => c.severity)).toEqual(['warn']);
    expect((await releaseSchedule(t, eventId, 'v1')).status).toBe(201);
    const [hook] = await receiver.waitFor(1);
    expect(JSON.parse(hook!.body)).toMatchObject({
      type: 'schedule.released',
      data: { eventId, release: 1, comment: 'v1', counts: { new: 2, cancelled: 0 } },
    });
    const badKind = await t.api(schedulePath(eventId, '/severities'), {
      method: 'PATCH',
      body: { nonsense: 'warn' },
    });
    expect(badKind.status).toBe(400);
  });
});
