import { jest } from '@jest/globals';
import { startCliUser, type CliUser } from './support/cli.js';

interface Member {
  accountId: string;
  email: string;
  role: string;
}

const EVENT = `event:
  name: Team Conf
  startsAt: 2027-05-01T09:00:00Z
  endsAt: 2027-05-02T09:00:00Z
  timezone: UTC
`;

// Each step spawns the built CLI; on a loaded machine that takes seconds.
jest.setTimeout(120_000);

describe('lanyard team against a real server', () => {
  let u: CliUser;
  let eventId: string;
  let accountId: string;
  beforeAll(async () => {
    u = await startCliUser();
    eventId = (
      await u.json<{ eventId: string }>(['apply', '-f', await u.file('event.yaml', EVENT)])
    ).eventId;
    accountId = (
      await u.json<{ id: string }>([
        'accounts',
        'create',
        'door@example.org',
        '--name',
        'Door Team',
        '--scope',
        'checkin',
      ])
    ).id;
  });
  afterAll(async () => {
    await u?.stop();
  });

  it('grants a role by email, changes it by id, lists and revokes it', async () => {
    const granted = await u.json<Member>([
      'team',
      'grant',
      'DOOR@example.org',
      '--event',
      eventId,
      '--role',
      'staff',
    ]);
    expect(granted).toMatchObject({ accountId, email: 'door@example.org', role: 'staff' });
    await u.json(['team', 'grant', accountId, '--event', eventId, '--role', 'kiosk']);
    expect(await u.json<Member[]>(['team', 'list', '--event', eventId])).toEqual([
      expect.objectContaining({ accountId, role: 'kiosk' }),
    ]);
    const human = await u.run(['team', 'list', '--event', eventId]);
    expect(human.stdout).toMatch(/kiosk\s+door@example\.org/);

    expect(await u.json(['team', 'revoke', 'door@example.org', '--event', eventId])).toEqual({
      eventId,
      accountId,
      revoked: true,
    });
    expect(await u.json<Member[]>(['team', 'list', '--event', eventId])).toEqual([]);
  });

  it('refuses an unknown role, an unknown email and revoking a role nobody holds', async () => {
    const role = await u.run(['team', 'grant', accountId, '--event', eventId, '--role', 'boss']);
    expect(role.code).not.toBe(0);
    expect(role.stderr).toMatch(/owner, organizer, staff, viewer, kiosk/);
    const email = await u.run([
      'team',
      'grant',
      'nobody@example.org',
      '--event',
      eventId,
      '--role',
      'staff',
      '--json',
    ]);
    expect(email.code).toBe(2);
    expect(email.stdout + email.stderr).toContain('account_unknown');
    const revoke = await u.run(['team', 'revoke', accountId, '--event', eventId, '--json']);
    expect(revoke.code).not.toBe(0);
    expect(revoke.stdout + revoke.stderr).toContain('team_member_not_found');
  });

  it('makes an account an organization admin and back with accounts update', async () => {
    const made = await u.json<{ organizationAdmin: boolean; scopes: string[] }>([
      'accounts',
      'update',
      accountId,
      '--organization-admin',
    ]);
    expect(made).toMatchObject({ organizationAdmin: true, scopes: ['checkin'] });
    const human = await u.run(['accounts', 'update', accountId, '--no-organization-admin']);
    expect(human.code).toBe(0);
    expect(human.stdout).toBe(`Updated door@example.org (${accountId}): checkin.\n`);
    const nothing = await u.run(['accounts', 'update', accountId]);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toMatch(/^error \[usage\]: say what to change/);
  });

  it('invites a person with a role on the event, and mails them a new link', async () => {
    const invited = await u.json<{ id: string; email: string }>([
      'accounts',
      'invite',
      'mia@example.org',
      '--name',
      'Mia Member',
      '--event',
      eventId,
      '--role',
      'viewer',
    ]);
    expect(invited.email).toBe('mia@example.org');
    expect(await u.json<Member[]>(['team', 'list', '--event', eventId])).toContainEqual(
      expect.objectContaining({ accountId: invited.id, role: 'viewer' }),
    );
    expect(await u.json(['accounts', 'reset-password', invited.id])).toMatchObject({
      purpose: 'invite',
    });
    const refused = await u.run(['accounts', 'invite', 'mia@example.org', '--name', 'Again']);
    expect(refused.code).not.toBe(0);
    expect(refused.stderr).toContain('email_taken');
  });
});
