import { startTestServer, type TestServer } from './harness.js';
import { createEvent, json, problemOf } from './registration-fixtures.js';
import { addItem, agendaPath, ticketHolders } from './schedule-fixtures.js';

// Signups take a seat with one conditional UPDATE, as ticket capacity does; a rush on real
// PostgreSQL with real concurrency must never seat more than the session holds.

describe('session signups on PostgreSQL', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer('postgres');
  });
  afterAll(async () => {
    await t?.stop();
  });

  const signUp = (who: { ticketId: string; accessKey: string }, sessionId: string) =>
    t.api(agendaPath(who.ticketId, `/signups/${sessionId}`), {
      method: 'POST',
      token: null,
      headers: { 'x-access-key': who.accessKey },
    });

  it('seats exactly 40 of 300 concurrent signups for a 40-seat workshop and waitlists the rest', async () => {
    const { id: eventId } = await createEvent(t);
    const workshop = await addItem(t, eventId, 'sessions', {
      title: 'Soldering workshop',
      durationMinutes: 90,
      signupCapacity: 40,
    });
    const holders = await ticketHolders(t, eventId, 300, 100);
    const answers = await Promise.all(
      holders.map(async (h) => {
        const res = await signUp(h, workshop.id);
        return { code: res.status, body: (await res.json()) as { status: string } };
      }),
    );
    expect(answers.filter((a) => a.code !== 201)).toEqual([]);
    const count = (s: string) => answers.filter((a) => a.body.status === s).length;
    expect([count('confirmed'), count('waitlisted')]).toEqual([40, 260]);
    const { rows } = await t.server.db.query<{ taken: number; confirmed: number }>(
      `SELECT s.signups_taken AS taken,
         (SELECT count(*)::int FROM schedule_signups WHERE session_id = s.id AND status = 'confirmed') AS confirmed
       FROM schedule_sessions s WHERE s.id = $1`,
      [workshop.id],
    );
    expect(rows[0]).toEqual({ taken: 40, confirmed: 40 });

    // Signing up twice changes nothing; giving a seat back seats the first on the waitlist.
    const seated = holders.find((_, i) => answers[i]!.body.status === 'confirmed')!;
    const again = await signUp(seated, workshop.id);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ status: 'confirmed' });
    const { rows: line } = await t.server.db.query<{ ticket_id: string }>(
      `SELECT ticket_id FROM schedule_signups WHERE session_id = $1 AND status = 'waitlisted'
       ORDER BY position LIMIT 1`,
      [workshop.id],
    );
    const first = holders.find((h) => h.ticketId === line[0]!.ticket_id)!;
    const gone = await t.api(agendaPath(seated.ticketId, `/signups/${workshop.id}`), {
      method: 'DELETE',
      token: null,
      headers: { 'x-access-key': seated.accessKey },
    });
    expect(gone.status).toBe(204);
    const agenda = await json<{ signups: { sessionId: string; status: string }[] }>(
      await t.api(agendaPath(first.ticketId), {
        token: null,
        headers: { 'x-access-key': first.accessKey },
      }),
      200,
    );
    expect(agenda.signups).toEqual([
      { sessionId: workshop.id, status: 'confirmed', waitlistPosition: null },
    ]);
    const { rows: after } = await t.server.db.query<{ taken: number }>(
      'SELECT signups_taken AS taken FROM schedule_sessions WHERE id = $1',
      [workshop.id],
    );
    expect(after[0]!.taken).toBe(40);
  });

  it('refuses signups for a session without a signup limit', async () => {
    const { id: eventId } = await createEvent(t);
    const talk = await addItem(t, eventId, 'sessions', { title: 'Open talk', durationMinutes: 30 });
    const [h] = await ticketHolders(t, eventId, 1);
    await problemOf(await signUp(h!, talk.id), 409, 'signup_not_offered');
  });
});
