import { readFile } from 'node:fs/promises';
import { jest } from '@jest/globals';
import { startCliUser, type CliUser } from './support/cli.js';

// Each step spawns the built CLI; on a loaded machine that takes seconds.
jest.setTimeout(120_000);

const FIXTURE = new URL('../../server/test/fixtures/schedule/pretalx-import.json', import.meta.url);

interface FrabEvent {
  title: string;
  room: string;
  date: string;
  duration: string;
  persons: { public_name?: string; name?: string }[];
}
interface FrabDoc {
  schedule: { conference: { days: { rooms: Record<string, FrabEvent[]> }[] } };
}

/** Every session of a schedule.json by title: room, instant, duration and speakers. */
function sessionsOf(doc: FrabDoc) {
  const out: Record<string, unknown> = {};
  for (const day of doc.schedule.conference.days)
    for (const [room, events] of Object.entries(day.rooms))
      for (const e of events)
        out[e.title] = {
          room,
          at: new Date(e.date).toISOString(),
          duration: e.duration,
          speakers: e.persons.map((p) => p.public_name ?? p.name).sort(),
        };
  return out;
}

describe('lanyard schedule against a real server', () => {
  let u: CliUser;
  beforeAll(async () => {
    u = await startCliUser();
  });
  afterAll(async () => {
    await u?.stop();
  });

  it('imports a pretalx export, releases it, and exports every session, room, time and speaker again', async () => {
    const res = await u.server.api('/api/v1/events', {
      body: {
        name: 'DemoCon 2027',
        startsAt: '2027-10-30T08:00:00Z',
        endsAt: '2027-10-31T16:00:00Z',
        timezone: 'Europe/Berlin',
      },
    });
    const { id: eventId } = (await res.json()) as { id: string };
    const file = FIXTURE.pathname;

    const first = await u.json(['schedule', 'import', file, '--event', eventId]);
    expect(first).toEqual({
      rooms: 3,
      tracks: 4,
      speakers: 6,
      sessions: 8,
      created: 21,
      updated: 0,
      unchanged: 0,
    });
    const again = await u.json(['schedule', 'import', file, '--event', eventId]);
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 21 });

    const released = await u.json<{ version: number; counts: Record<string, number> }>([
      'schedule',
      'release',
      '--event',
      eventId,
      '-m',
      'Imported from pretalx',
    ]);
    expect(released).toMatchObject({ version: 1, counts: { new: 8, cancelled: 0 } });

    const exported = (await (
      await u.server.api(`/api/v1/events/${eventId}/schedule.json`, { token: null })
    ).json()) as FrabDoc;
    const original = JSON.parse(await readFile(FIXTURE, 'utf8')) as FrabDoc;
    expect(Object.keys(sessionsOf(original))).toHaveLength(8);
    expect(sessionsOf(exported)).toEqual(sessionsOf(original));
    // The two 02:30s of the night the clocks go back stay an hour apart, each with its offset.
    const dates = exported.schedule.conference.days
      .flatMap((d) => Object.values(d.rooms).flat())
      .filter((e) => e.title.startsWith('Demoscene'))
      .map((e) => e.date)
      .sort();
    expect(dates).toEqual(['2027-10-31T02:30:00+01:00', '2027-10-31T02:30:00+02:00']);
  });

  it('releases a change and shows the diff between releases, for people and as JSON', async () => {
    const res = await u.server.api('/api/v1/events', {
      body: {
        name: 'Diff Days',
        startsAt: '2027-10-30T08:00:00Z',
        endsAt: '2027-10-31T16:00:00Z',
        timezone: 'Europe/Berlin',
      },
    });
    const { id: eventId } = (await res.json()) as { id: string };
    await u.json(['schedule', 'import', FIXTURE.pathname, '--event', eventId]);
    await u.json(['schedule', 'release', '--event', eventId, '-m', 'v1']);
    const draft = (await (
      await u.server.api(`/api/v1/events/${eventId}/schedule/draft`)
    ).json()) as {
      sessions: { id: string; title: string }[];
      slots: { id: string; sessionId: string }[];
    };
    const opening = draft.sessions.find((s) => s.title.startsWith('Opening'))!;
    const slot = draft.slots.find((s) => s.sessionId === opening.id)!;
    const moved = await u.server.api(`/api/v1/events/${eventId}/schedule/slots/${slot.id}`, {
      method: 'PATCH',
      body: { startsAt: '2027-10-30T06:00:00Z', endsAt: '2027-10-30T06:45:00Z' },
    });
    expect(moved.status).toBe(200);

    const human = await u.run(['schedule', 'release', '--event', eventId, '-m', 'Earlier opening']);
    expect(human.code).toBe(0);
    expect(human.stdout).toContain('Released version 2: Earlier opening');
    expect(human.stdout).toContain(
      '~ Opening: Analytical Engines: 2027-10-30 08:00Z Saal 1 → 2027-10-30 06:00Z Saal 1',
    );

    const latest = await u.json<{
      from: number;
      to: number;
      diff: Record<string, { sessionId: string }[]>;
    }>(['schedule', 'diff', '--event', eventId]);
    expect(latest.from).toBe(1);
    expect(latest.to).toBe(2);
    expect(latest.diff.moved!.map((c) => c.sessionId)).toEqual([opening.id]);
    expect(latest.diff.new).toEqual([]);
    const all = await u.json<{ diff: Record<string, unknown[]> }>([
      'schedule',
      'diff',
      '--event',
      eventId,
      '0',
      '2',
    ]);
    expect(all.diff.new).toHaveLength(8);

    // Nothing left to change is still a release; a missing release is an error with a code.
    const missing = await u.run(['schedule', 'diff', '--event', eventId, '1', '9', '--json']);
    expect(missing.code).not.toBe(0);
    expect(JSON.parse(missing.stdout)).toMatchObject({ error: { code: 'release_not_found' } });
    const notJson = await u.run([
      'schedule',
      'import',
      await u.file('bad.json', '{nope'),
      '--event',
      eventId,
    ]);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toContain('error [invalid_file]');
  });
});
