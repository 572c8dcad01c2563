import { may, reaches, type Reach } from './roles.js';

const EVENT = '6f1c1f0e-0000-4000-8000-000000000001';
const OTHER = '6f1c1f0e-0000-4000-8000-000000000002';
const account = (role: 'owner' | 'organizer' | 'staff' | 'viewer' | 'kiosk'): Reach => ({
  kind: 'account',
  accountId: 'a',
  roles: new Map([[EVENT, role]]),
});

describe('what each role may do on its event', () => {
  it.each([
    ['owner', ['read', 'personal', 'find', 'checkin', 'manage', 'team']],
    ['organizer', ['read', 'personal', 'find', 'checkin', 'manage']],
    ['viewer', ['read', 'personal', 'find']],
    ['staff', ['read', 'find', 'checkin']],
    ['kiosk', ['checkin']],
  ] as const)('%s may %j and nothing else', (role, allowed) => {
    const all = ['read', 'personal', 'find', 'checkin', 'manage', 'team'] as const;
    expect(all.filter((c) => may(account(role), EVENT, c))).toEqual(allowed);
  });

  it('gives no role anything on another event, and hides that event', () => {
    expect(may(account('owner'), OTHER, 'read')).toBe(false);
    expect(reaches(account('owner'), OTHER)).toBe(false);
  });

  it('lets a kiosk check in at its own event only; the organization everywhere', () => {
    const kiosk: Reach = { kind: 'device', eventId: EVENT };
    expect(may(kiosk, EVENT, 'checkin')).toBe(true);
    expect(may(kiosk, EVENT, 'personal')).toBe(false);
    expect(may(kiosk, OTHER, 'checkin')).toBe(false);
    expect(may({ kind: 'organization' }, OTHER, 'team')).toBe(true);
  });
});
