import { jest } from '@jest/globals';
import { startCliUser, type CliUser } from './support/cli.js';

interface Device {
  id: string;
  eventId: string;
  name: string;
  status: 'pending' | 'active' | 'revoked';
  enrollmentCode?: string;
  enrollmentUri?: string;
  revokedAt: string | null;
}

const EVENT = `event:
  name: Device Conf
  startsAt: 2027-05-01T09:00:00Z
  endsAt: 2027-05-02T09:00:00Z
  timezone: UTC
ticketTypes:
  - name: Regular
    priceCents: 0
    currency: EUR
    quantity: 10
`;

// Each step spawns the built CLI; on a loaded machine that takes seconds.
jest.setTimeout(120_000);

describe('lanyard devices against a real server', () => {
  let u: CliUser;
  let eventId: string;
  beforeAll(async () => {
    u = await startCliUser();
    eventId = (
      await u.json<{ eventId: string }>(['apply', '-f', await u.file('event.yaml', EVENT)])
    ).eventId;
  });
  afterAll(async () => {
    await u?.stop();
  });

  const redeem = (code: string) =>
    fetch(`${u.server.url}/api/v1/devices/enroll`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code }),
    });

  it('prints an enrollment code a kiosk redeems once, and lists the device as active after', async () => {
    const r = await u.run(['devices', 'enroll', '--event', eventId, '--name', 'Hall A']);
    expect(r.code).toBe(0);
    const code = r.stdout.split('\n')[0]!;
    expect(code).toMatch(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){3}$/);
    expect(r.stdout).toContain(`--enroll ${code}`);
    expect(r.stdout).toContain(`--server ${u.server.url}`);

    const pending = await u.json<Device[]>(['devices', 'list', '--event', eventId]);
    expect(pending).toEqual([expect.objectContaining({ name: 'Hall A', status: 'pending' })]);

    expect((await redeem(code)).status).toBe(200);
    expect((await redeem(code)).status).toBe(409);
    const listed = await u.run(['devices', 'list', '--event', eventId]);
    expect(listed.stdout).toMatch(new RegExp(`${pending[0]!.id}\\s+active\\s+Hall A`));
  });

  it('answers --json with the API’s device, its code and a QR URI naming the server', async () => {
    const d = await u.json<Device>(['devices', 'enroll', '--event', eventId, '--name', 'Hall B']);
    expect(d).toMatchObject({ eventId, name: 'Hall B', status: 'pending', revokedAt: null });
    expect(d.enrollmentUri).toContain(encodeURIComponent(u.server.url));
    expect(d.enrollmentUri).toContain(d.enrollmentCode);
  });

  it('revokes a device: its credential gets no token and its unused code is refused', async () => {
    const enrolled = await u.json<Device>(['devices', 'enroll', '--event', eventId, '--name', 'C']);
    const cred = (await (await redeem(enrolled.enrollmentCode!)).json()) as {
      clientId: string;
      clientSecret: string;
      tokenEndpoint: string;
    };
    const unused = await u.json<Device>(['devices', 'enroll', '--event', eventId, '--name', 'D']);

    const r = await u.run(['devices', 'revoke', '--event', eventId, enrolled.id]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Device ${enrolled.id} "C" is revoked`);
    const revoked = await u.json<Device>(['devices', 'revoke', '--event', eventId, unused.id]);
    expect(revoked).toMatchObject({ id: unused.id, status: 'revoked' });

    const token = await fetch(cred.tokenEndpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: cred.clientId,
        client_secret: cred.clientSecret,
      }),
    });
    expect(token.status).not.toBe(200);
    const refused = await redeem(unused.enrollmentCode!);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { code: string }).code).toBe('device_revoked');

    const list = await u.json<Device[]>(['devices', 'list', '--event', eventId]);
    expect(list.filter((d) => d.status === 'revoked').map((d) => d.name)).toEqual(['C', 'D']);
  });

  it('refuses bad input with one line naming what to fix', async () => {
    const noName = await u.run(['devices', 'enroll', '--event', eventId]);
    expect(noName.code).toBe(2);
    expect(noName.stderr).toBe('error [usage]: Missing required flag name\n');

    const blank = await u.run(['devices', 'enroll', '--event', eventId, '--name', '  ', '--json']);
    expect(blank.code).toBe(2);
    expect(JSON.parse(blank.stdout).error.code).toBe('validation_failed');
    expect(blank.stderr).toMatch(/^error \[validation_failed\]: name: must not be empty\n$/);

    const unknown = await u.run([
      'devices',
      'revoke',
      '--event',
      eventId,
      '00000000-0000-4000-8000-000000000000',
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^error \[device_not_found\]: /);

    const otherEvent = await u.run([
      'devices',
      'list',
      '--event',
      '00000000-0000-4000-8000-000000000000',
    ]);
    expect(otherEvent.code).toBe(2);
    expect(otherEvent.stderr).toMatch(/^error \[event_not_found\]: /);
  });
});
