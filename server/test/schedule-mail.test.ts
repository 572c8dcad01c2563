import { jest } from '@jest/globals';
import { startTestServer, type TestServer } from './harness.js';
import { startMailSink, type MailSink, type ReceivedMail } from './mail-sink.js';
import { attendee, createEvent, json } from './registration-fixtures.js';
import {
  addItem,
  agendaPath,
  patchItem,
  releaseSchedule,
  ticketHolders,
} from './schedule-fixtures.js';

// A release's changes reach the people they concern by mail, through a real SMTP server: the
// attendees who follow a changed session, its speakers, and whoever a freed seat goes to.

jest.setTimeout(120_000);

describe('mail about schedule changes [postgres]', () => {
  let sink: MailSink;
  let t: TestServer;
  beforeAll(async () => {
    sink = await startMailSink();
    t = await startTestServer('postgres', { SMTP_URL: sink.url, NOTIFY_RETRY_BASE_MS: '200' });
  });
  afterAll(async () => {
    await t?.stop();
    await sink?.stop();
  });

  const to = (address: string, subject: RegExp) => (m: ReceivedMail) =>
    m.envelopeTo.includes(address) && subject.test(m.parsed.subject ?? '');

  it('tells followers and speakers of a changed session what changed, and a promoted signup its place', async () => {
    const { id: eventId } = await createEvent(t, { name: 'MailConf', timezone: 'Europe/Berlin' });
    const hallA = await addItem(t, eventId, 'rooms', { name: 'Hall A' });
    const hallB = await addItem(t, eventId, 'rooms', { name: 'Hall B', position: 1 });
    const bob = await addItem(t, eventId, 'speakers', {
      name: 'Bob',
      email: 'bob.speaker@example.org',
    });
    const session = (title: string, extra: Record<string, unknown> = {}) =>
      addItem(t, eventId, 'sessions', {
        title,
        durationMinutes: 45,
        status: 'confirmed',
        ...extra,
      });
    const rust = await session('Rust <in> anger', { speakerIds: [bob.id] });
    const lab = await session('Lab', { signupCapacity: 1 });
    const rustSlot = await addItem(t, eventId, 'slots', {
      sessionId: rust.id,
      roomId: hallA.id,
      startsAt: '2027-05-01T08:00:00Z',
    });
    await addItem(t, eventId, 'slots', {
      sessionId: lab.id,
      roomId: hallB.id,
      startsAt: '2027-05-01T09:00:00Z',
    });
    expect((await releaseSchedule(t, eventId, 'First')).status).toBe(201);
    const [ana, ben, cy] = await ticketHolders(t, eventId, 3);
    const email = (i: number) => attendee(`${eventId.slice(0, 4)}-${i}`).email;
    const key = (who: { accessKey: string }) => ({
      token: null,
      headers: { 'x-access-key': who.accessKey },
    });
    const agenda = (who: { ticketId: string; accessKey: string }, rest: string, method: string) =>
      t.api(agendaPath(who.ticketId, rest), { ...key(who), method });
    expect((await agenda(ana!, `/favourites/${rust.id}`, 'PUT')).status).toBe(200);
    expect(await json(await agenda(ben!, `/signups/${lab.id}`, 'POST'), 201)).toEqual({
      status: 'confirmed',
    });
    expect(await json(await agenda(cy!, `/signups/${lab.id}`, 'POST'), 201)).toEqual({
      status: 'waitlisted',
    });

    await patchItem(t, eventId, 'slots', rustSlot.id, {
      roomId: hallB.id,
      startsAt: '2027-05-01T10:00:00Z',
      endsAt: '2027-05-01T10:45:00Z',
    });
    expect((await releaseSchedule(t, eventId, 'Rust moves to the big room')).status).toBe(201);

    const [changed] = await sink.waitFor(1, to(email(0), /programme/));
    expect(changed!.parsed.subject).toBe('The programme of MailConf changed');
    // Times in the event's timezone (08:00Z is 10:00 in Berlin); the title shown as text.
    expect(changed!.parsed.text).toContain(
      'Moved: Rust <in> anger, 2027-05-01 10:00, Hall A → 2027-05-01 12:00, Hall B',
    );
    expect(changed!.parsed.html).toContain('Rust &lt;in&gt; anger');
    expect(changed!.parsed.text).toContain("The organizers' note: Rust moves to the big room");
    expect(changed!.parsed.text).toMatch(
      new RegExp(`/t/${ana!.ticketId}/agenda\\?key=${encodeURIComponent(ana!.accessKey)}`),
    );
    const [speaker] = await sink.waitFor(1, to('bob.speaker@example.org', /sessions/));
    expect(speaker!.parsed.subject).toBe('Your sessions at MailConf changed');
    expect(speaker!.parsed.text).toContain('Moved: Rust <in> anger');

    // Ben gives his seat back: Cy, first on the waitlist, has it now and hears so.
    expect((await agenda(ben!, `/signups/${lab.id}`, 'DELETE')).status).toBe(204);
    const [promoted] = await sink.waitFor(1, to(email(2), /place/));
    expect(promoted!.parsed.subject).toBe('You have a place in Lab');
    expect(promoted!.parsed.text).toMatch(
      new RegExp(`/t/${cy!.ticketId}/agenda\\?key=[^&\\s]+&session=${lab.id}`),
    );

    // Nobody else heard of the schedule: Ben and Cy follow nothing that changed.
    const about = (address: string) =>
      sink.mails.filter(
        (m) => m.envelopeTo.includes(address) && /programme/.test(m.parsed.subject ?? ''),
      );
    expect([about(email(1)), about(email(2))]).toEqual([[], []]);
  });

  it("reaches a speaker who is one of the organizers at their account's address", async () => {
    const { id: eventId } = await createEvent(t, { name: 'AccountConf' });
    const account = await json<{ id: string }>(
      await t.api('/api/v1/accounts', {
        body: { email: 'dora.organizer@example.org', name: 'Dora', password: 'correct horse 42' },
      }),
      201,
    );
    const refused = await t.api(`/api/v1/events/${eventId}/schedule/speakers`, {
      body: { name: 'Nobody', accountId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { code: string }).code).toBe('unknown_reference');
    const dora = await addItem<{ id: string; accountId: string | null; email: string | null }>(
      t,
      eventId,
      'speakers',
      { name: 'Dora', accountId: account.id },
    );
    expect(dora).toMatchObject({ accountId: account.id, email: null });
    const speakers = await json<{ id: string }[]>(
      await t.api(`/api/v1/events/${eventId}/schedule/speakers`),
      200,
    );
    expect(speakers.map((s) => s.id)).toEqual([dora.id]);

    const room = await addItem(t, eventId, 'rooms', { name: 'Hall' });
    const talk = await addItem(t, eventId, 'sessions', {
      title: 'Opening',
      durationMinutes: 30,
      status: 'confirmed',
      speakerIds: [dora.id],
    });
    const slot = await addItem(t, eventId, 'slots', {
      sessionId: talk.id,
      roomId: room.id,
      startsAt: '2027-05-01T08:00:00Z',
    });
    expect((await releaseSchedule(t, eventId, 'First')).status).toBe(201);
    await patchItem(t, eventId, 'slots', slot.id, {
      startsAt: '2027-05-01T09:00:00Z',
      endsAt: '2027-05-01T09:30:00Z',
    });
    expect((await releaseSchedule(t, eventId, 'Later')).status).toBe(201);
    const [mail] = await sink.waitFor(1, to('dora.organizer@example.org', /sessions/));
    expect(mail!.parsed.subject).toBe('Your sessions at AccountConf changed');
  });
});
