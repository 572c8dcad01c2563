import { startTestServer, type TestServer } from './harness.js';
import { json, problemOf } from '../src/features/ticketing/test-support/ticket-fixtures.js';
import {
  checkIn,
  clientToken,
  createDevice,
  enroll,
  enrolledKiosk,
  eventWithTickets,
  type SoldEvent,
} from '../src/features/checkin/test-support/checkin-fixtures.js';

describe.each(['pglite', 'postgres'] as const)('kiosk devices [%s]', (kind) => {
  let t: TestServer;
  let ev: SoldEvent;
  let other: SoldEvent;

  beforeAll(async () => {
    t = await startTestServer(kind);
    ev = await eventWithTickets(t, 3);
    other = await eventWithTickets(t, 1);
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('gives a one-time code, also as a URI naming this server, that enrolls a kiosk once', async () => {
    const device = await createDevice(t, ev.eventId, 'North door');
    expect(device.status).toBe('pending');
    const uri = new URL(device.enrollmentUri);
    expect(uri.searchParams.get('code')).toBe(device.enrollmentCode);
    expect(uri.searchParams.get('server')).toBe(t.url);
    expect(device.staffAppUrl).toBe(
      `${t.url}/staff/#enroll=${encodeURIComponent(device.enrollmentCode)}`,
    );

    const first = await json<Record<string, string>>(await enroll(t, device.enrollmentCode), 200);
    expect(first).toMatchObject({
      deviceId: device.id,
      eventId: ev.eventId,
      scope: 'checkin',
      tokenEndpoint: (await t.bootstrap()).token_endpoint,
    });
    await problemOf(await enroll(t, device.enrollmentCode), 409, 'enrollment_code_used');
    // A browser may use the credential from this server's own pages (the staff app), no other.
    const grant = (origin: string) =>
      fetch(first.tokenEndpoint!, {
        method: 'POST',
        headers: {
          origin,
          authorization: `Basic ${btoa(`${first.clientId}:${first.clientSecret}`)}`,
          'content-type': 'application/x-www-form-urlencoded',
        },
        body: 'grant_type=client_credentials',
      });
    expect((await grant(new URL(t.url).origin)).status).toBe(200);
    expect((await grant('https://evil.example')).status).toBe(400);
    // Typed by a person: lower case and without dashes still names the same, used, code.
    await problemOf(
      await enroll(t, device.enrollmentCode.toLowerCase().replaceAll('-', '')),
      409,
      'enrollment_code_used',
    );
    const listed = await json<{ items: { id: string; status: string }[] }>(
      await t.api(`/api/v1/events/${ev.eventId}/devices`),
      200,
    );
    expect(listed.items.find((d) => d.id === device.id)?.status).toBe('active');
  });

  it('hands out one credential when two kiosks race with the same code', async () => {
    const device = await createDevice(t, ev.eventId);
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => enroll(t, device.enrollmentCode)),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409, 409, 409, 409, 409, 409, 409]);
  });

  it('refuses unknown and garbage codes', async () => {
    await problemOf(await enroll(t, 'AAAAA-AAAAA-AAAAA-AAAAA'), 404, 'enrollment_code_unknown');
    await problemOf(await enroll(t, 'nope'), 404, 'enrollment_code_unknown');
    await problemOf(
      await t.api('/api/v1/devices/enroll', { token: null, body: { code: 42 } }),
      400,
      'validation_failed',
    );
  });

  it('limits a kiosk to check-in at its own event', async () => {
    const kiosk = await enrolledKiosk(t, ev.eventId);
    expect(
      await checkIn(t, ev.eventId, { token: ev.tickets[0]!.token }, kiosk.token),
    ).toMatchObject({
      result: 'admitted',
    });
    await problemOf(
      await t.api(`/api/v1/events/${other.eventId}/checkins`, {
        body: { token: other.tickets[0]!.token },
        token: kiosk.token,
      }),
      403,
      'device_not_for_event',
    );
    await problemOf(
      await t.api(`/api/v1/events/${other.eventId}/sync`, { token: kiosk.token }),
      403,
      'device_not_for_event',
    );
    await problemOf(
      await t.api('/api/v1/events', { body: { name: 'x' }, token: kiosk.token }),
      403,
      'insufficient_scope',
    );
    // Reading a ticket (with its token) needs tickets:read, which a kiosk never holds.
    const read = await t.api(`/api/v1/tickets/${ev.tickets[1]!.id}`, { token: kiosk.token });
    expect(read.status).toBe(403);
  });

  it('shows the organizer when each kiosk last reached the server', async () => {
    const before = Date.now();
    const idle = await enrolledKiosk(t, ev.eventId, 'Idle kiosk');
    const busy = await enrolledKiosk(t, ev.eventId, 'Busy kiosk');
    const seen = async (deviceId: string) =>
      (
        await json<{ lastSeenAt: string | null }>(
          await t.api(`/api/v1/events/${ev.eventId}/devices/${deviceId}`),
          200,
        )
      ).lastSeenAt;
    expect(await seen(busy.deviceId)).toBeNull();

    const sync = await t.api(`/api/v1/events/${ev.eventId}/sync`, { token: busy.token });
    expect(sync.status).toBe(200);
    const first = await seen(busy.deviceId);
    expect(Date.parse(first!)).toBeGreaterThanOrEqual(before - 1000);
    expect(await seen(idle.deviceId)).toBeNull();

    // Seen again within half a minute: the note is not rewritten on every request.
    await checkIn(t, ev.eventId, { token: ev.tickets[1]!.token }, busy.token);
    expect(await seen(busy.deviceId)).toBe(first);
  });

  it('refuses a revoked device’s token at once, everywhere, and its client gets no new token', async () => {
    const kiosk = await enrolledKiosk(t, ev.eventId);
    const sync = () => t.api(`/api/v1/events/${ev.eventId}/sync`, { token: kiosk.token });
    expect((await sync()).status).toBe(200);
    const revoked = await json<{ status: string }>(
      await t.api(`/api/v1/events/${ev.eventId}/devices/${kiosk.deviceId}/revoke`, { body: {} }),
      200,
    );
    expect(revoked.status).toBe('revoked');
    await problemOf(await sync(), 401, 'device_revoked');
    await problemOf(
      await t.api(`/api/v1/events/${ev.eventId}/checkins`, {
        body: { token: ev.tickets[2]!.token },
        token: kiosk.token,
      }),
      401,
      'device_revoked',
    );
    await problemOf(
      await t.api(`/api/v1/events/${ev.eventId}/scans`, {
        body: {
          scans: [
            {
              scanId: crypto.randomUUID(),
              token: ev.tickets[2]!.token,
              scannedAt: new Date().toISOString(),
              deviceId: kiosk.deviceId,
            },
          ],
        },
        token: kiosk.token,
      }),
      401,
      'device_revoked',
    );
    const refused = await clientToken(kiosk.tokenEndpoint, kiosk.clientId, kiosk.clientSecret);
    expect(refused.status).toBe(401);
    // Revoking twice changes nothing.
    await json(
      await t.api(`/api/v1/events/${ev.eventId}/devices/${kiosk.deviceId}/revoke`, { body: {} }),
      200,
    );
  });

  it('renames a device, and refuses the code of a device revoked before it enrolled', async () => {
    const device = await createDevice(t, ev.eventId, 'Temp');
    const renamed = await json<{ name: string }>(
      await t.api(`/api/v1/events/${ev.eventId}/devices/${device.id}`, {
        method: 'PATCH',
        body: { name: 'Main hall' },
      }),
      200,
    );
    expect(renamed.name).toBe('Main hall');
    expect(
      await json(await t.api(`/api/v1/events/${ev.eventId}/devices/${device.id}`), 200),
    ).toMatchObject({ id: device.id, name: 'Main hall', status: 'pending' });
    await json(
      await t.api(`/api/v1/events/${ev.eventId}/devices/${device.id}/revoke`, { body: {} }),
      200,
    );
    await problemOf(await enroll(t, device.enrollmentCode), 409, 'device_revoked');
    await problemOf(
      await t.api(`/api/v1/events/${other.eventId}/devices/${device.id}`, {
        method: 'PATCH',
        body: { name: 'x' },
      }),
      404,
      'device_not_found',
    );
    await problemOf(
      await t.api(`/api/v1/events/${ev.eventId}/devices`, { body: { name: '' } }),
      400,
      'validation_failed',
    );
  });
});
