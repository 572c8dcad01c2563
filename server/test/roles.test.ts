import { syncPageSchema } from '@lanyard/core';
import { startTestServer, type TestServer } from './harness.js';
import { json, problemOf } from '../src/features/ticketing/test-support/ticket-fixtures.js';
import {
  eventWithTickets,
  type SoldEvent,
} from '../src/features/checkin/test-support/checkin-fixtures.js';
import { ALL_BUT_ADMIN, grant, person, type Person } from './roles-support.js';

// Roles per event, end to end: people sign in with the embedded issuer's device login; their
// roles decide which events their token reaches, checked on every request.

describe('roles per event', () => {
  let t: TestServer;
  let ev: SoldEvent;
  let other: SoldEvent;
  beforeAll(async () => {
    t = await startTestServer('postgres');
    ev = await eventWithTickets(t, 3);
    other = await eventWithTickets(t, 1);
  });
  afterAll(async () => {
    await t?.stop();
  });

  const get = (path: string, who: Person) => t.api(path, { token: who.token });
  const syncedEmails = async (who: Person) => {
    const page = syncPageSchema.parse(
      await json(await get(`/api/v1/events/${ev.eventId}/sync`, who), 200),
    );
    return page.changes.flatMap((c) => (c.type === 'ticket.upserted' ? [c.ticket.attendee] : []));
  };

  it('gives an account with only the checkin scope names through sync, never emails', async () => {
    const door = await person(t, 'door', { scopes: ['checkin'] });
    await grant(t, ev.eventId, door.id, 'staff');
    await problemOf(
      await get(`/api/v1/events/${ev.eventId}/attendees?q=a`, door),
      403,
      'insufficient_scope',
    );
    const attendees = await syncedEmails(door);
    expect(attendees).toHaveLength(3);
    for (const a of attendees) {
      expect(a.name).toEqual(expect.any(String));
      expect(a).not.toHaveProperty('email');
    }
  });

  it('lets staff find a person by name without the email; a viewer sees emails', async () => {
    const staff = await person(t, 'staffer');
    const viewer = await person(t, 'viewer');
    await grant(t, ev.eventId, staff.id, 'staff');
    await grant(t, ev.eventId, viewer.id, 'viewer');
    const search = async (who: Person) =>
      (
        await json<{ items: { name: string; email?: string }[] }>(
          await get(`/api/v1/events/${ev.eventId}/attendees?q=Attendee`, who),
          200,
        )
      ).items;
    const [staffHit] = await search(staff);
    expect(staffHit).toMatchObject({ name: expect.any(String) });
    expect(staffHit).not.toHaveProperty('email');
    expect((await search(viewer))[0]?.email).toMatch(/@/);
    // The door's feed is for those who check people in.
    await problemOf(await get(`/api/v1/events/${ev.eventId}/sync`, viewer), 403, 'role_forbidden');
    // A viewer reads but changes nothing of the attendees.
    await problemOf(
      await t.api(`/api/v1/tickets/${ev.tickets[0]!.id}/revoke`, { token: viewer.token, body: {} }),
      403,
      'role_forbidden',
    );
  });

  it('refuses to let an account enroll a device with a scope it does not hold', async () => {
    const installer = await person(t, 'installer', {
      scopes: ['devices:write'],
      organizationAdmin: true,
    });
    const res = await t.api(`/api/v1/events/${ev.eventId}/devices`, {
      token: installer.token,
      body: { name: 'Sneaky kiosk' },
    });
    await problemOf(res, 403, 'scope_not_held');
    const { rows } = await t.server.db.query(`SELECT 1 FROM devices WHERE name = 'Sneaky kiosk'`);
    expect(rows).toHaveLength(0);
  });

  it('refuses a disabled account’s token on its next request, not at expiry', async () => {
    const leaver = await person(t, 'leaver', { organizationAdmin: true });
    expect((await get(`/api/v1/events/${ev.eventId}`, leaver)).status).toBe(200);
    expect((await t.api(`/api/v1/accounts/${leaver.id}/disable`, { body: {} })).status).toBe(204);
    await problemOf(await get(`/api/v1/events/${ev.eventId}`, leaver), 401, 'account_disabled');
    await problemOf(
      await t.api(`/api/v1/events/${ev.eventId}/checkins`, {
        token: leaver.token,
        body: { token: ev.tickets[1]!.token },
      }),
      401,
      'account_disabled',
    );
  });

  it('ends a revoked role on the next request, and hides events without a role', async () => {
    const helper = await person(t, 'helper');
    await grant(t, ev.eventId, helper.id, 'staff');
    const scan = () =>
      t.api(`/api/v1/events/${ev.eventId}/checkins`, {
        token: helper.token,
        body: { token: ev.tickets[2]!.token },
      });
    expect((await scan()).status).toBe(200);
    await problemOf(await get(`/api/v1/events/${other.eventId}`, helper), 404, 'event_not_found');
    await problemOf(
      await get(`/api/v1/tickets/${other.tickets[0]!.id}`, helper),
      404,
      'ticket_not_found',
    );
    const listed = await json<{ items: { id: string }[] }>(
      await get('/api/v1/events', helper),
      200,
    );
    expect(listed.items.map((e) => e.id)).toEqual([ev.eventId]);

    expect(
      (await t.api(`/api/v1/events/${ev.eventId}/team/${helper.id}`, { method: 'DELETE' })).status,
    ).toBe(204);
    await problemOf(await scan(), 404, 'event_not_found');
    // Both changes of the team are in the audit log, in order.
    const { rows } = await t.server.db.query<{ action: string }>(
      `SELECT action FROM audit.audit_log WHERE object_id = $1 AND event_id = $2 ORDER BY seq`,
      [helper.id, ev.eventId],
    );
    expect(rows.map((r) => r.action)).toEqual(['team.role_granted', 'team.role_revoked']);
  });

  it('makes the creator of an event its owner, who runs its team; staff cannot', async () => {
    const founder = await person(t, 'founder');
    const colleague = await person(t, 'colleague');
    const created = await json<{ id: string }>(
      await t.api('/api/v1/events', {
        token: founder.token,
        body: {
          name: 'Founder Conf',
          startsAt: '2027-06-01T09:00:00Z',
          endsAt: '2027-06-01T18:00:00Z',
          timezone: 'UTC',
        },
      }),
      201,
    );
    const team = (who: Person) => get(`/api/v1/events/${created.id}/team`, who);
    expect(
      (await json<{ items: { email: string; role: string }[] }>(await team(founder), 200)).items,
    ).toEqual([expect.objectContaining({ email: founder.email, role: 'owner' })]);
    const put = (who: Person, accountId: string, role: string) =>
      t.api(`/api/v1/events/${created.id}/team/${accountId}`, {
        method: 'PUT',
        token: who.token,
        body: { role },
      });
    expect((await put(founder, colleague.id, 'staff')).status).toBe(201);
    expect((await put(founder, colleague.id, 'staff')).status).toBe(200);
    await problemOf(await put(colleague, colleague.id, 'owner'), 403, 'role_forbidden');
    await problemOf(await put(founder, colleague.id, 'boss'), 400, 'validation_failed');
    // Organization-wide settings stay with organization admins.
    await problemOf(await get('/api/v1/accounts', founder), 403, 'insufficient_scope');
    await problemOf(await get('/api/v1/webhooks', founder), 403, 'organization_admin_required');
  });

  it('makes an existing organizer an organization admin from their next request, and back', async () => {
    const promoted = await person(t, 'promoted');
    await problemOf(await get(`/api/v1/events/${other.eventId}`, promoted), 404, 'event_not_found');
    const patch = (body: unknown, token?: string) =>
      t.api(`/api/v1/accounts/${promoted.id}`, {
        method: 'PATCH',
        body,
        ...(token ? { token } : {}),
      });
    const made = await json<{ organizationAdmin: boolean; name: string; scopes: string[] }>(
      await patch({ organizationAdmin: true }),
      200,
    );
    expect(made).toMatchObject({ organizationAdmin: true, name: 'promoted' });
    expect((await get(`/api/v1/events/${other.eventId}`, promoted)).status).toBe(200);
    expect((await patch({ organizationAdmin: false })).status).toBe(200);
    await problemOf(await get(`/api/v1/events/${other.eventId}`, promoted), 404, 'event_not_found');
    // The change and who made it are in the audit log.
    const { rows } = await t.server.db.query<{ payload: unknown }>(
      `SELECT payload FROM audit.audit_log WHERE action = 'account.updated' AND object_id = $1
        ORDER BY seq`,
      [promoted.id],
    );
    expect(rows.map((r) => r.payload)).toEqual([
      { before: { organizationAdmin: false }, after: { organizationAdmin: true } },
      { before: { organizationAdmin: true }, after: { organizationAdmin: false } },
    ]);
    // Bad input changes nothing.
    await problemOf(await patch({}), 400, 'validation_failed');
    await problemOf(await patch({ organizationAdmin: 'yes' }), 400, 'validation_failed');
    await problemOf(await patch({ email: 'x@example.org' }), 400, 'validation_failed');
    await problemOf(
      await t.api(`/api/v1/accounts/${other.eventId}`, { method: 'PATCH', body: { name: 'x' } }),
      404,
      'organizer_account_not_found',
    );
    // Only administrators change accounts, and nobody grants a scope they do not hold.
    await problemOf(
      await patch({ organizationAdmin: true }, promoted.token),
      403,
      'insufficient_scope',
    );
  });

  it('never leaves the organization without an administrator, even when two demote each other at once', async () => {
    const scopes = [...ALL_BUT_ADMIN, 'admin'];
    const a = await person(t, 'admin-a', { scopes, organizationAdmin: true });
    const b = await person(t, 'admin-b', { scopes, organizationAdmin: true });
    const administrators = async () =>
      (
        await json<{
          items: {
            id: string;
            scopes: string[];
            organizationAdmin: boolean;
            disabledAt: string | null;
          }[];
        }>(await t.api('/api/v1/accounts'), 200)
      ).items.filter((x) => x.organizationAdmin && x.scopes.includes('admin') && !x.disabledAt);
    // Whoever else administers the organization in this file steps down first, through the API.
    for (const x of await administrators())
      if (x.id !== a.id && x.id !== b.id)
        expect(
          (
            await t.api(`/api/v1/accounts/${x.id}`, {
              method: 'PATCH',
              body: { organizationAdmin: false },
            })
          ).status,
        ).toBe(200);
    const demote = (who: Person, whom: Person) =>
      t.api(`/api/v1/accounts/${whom.id}`, {
        method: 'PATCH',
        token: who.token,
        body: { organizationAdmin: false },
      });
    const answers = await Promise.all([demote(a, b), demote(b, a)]);
    // One wins. The other is refused by the lock when both got past authorization together
    // (409), or at authorization when the winner had already demoted it (403): never both 200.
    expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
    const refused = answers.find((r) => r.status !== 200)!;
    const { code } = (await refused.json()) as { code: string };
    expect([
      [409, 'last_administrator'],
      [403, 'organization_admin_required'],
    ]).toContainEqual([refused.status, code]);
    expect(await administrators()).toHaveLength(1);
  });
});
