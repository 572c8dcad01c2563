import { newAccessKey } from '../../platform/access-key.js';
import type { Principal } from '../identity/principal.js';
import { actorName, historyFor, opens, type Accessor } from './access.js';

const ORG = '6f1c4e4a-0000-4000-8000-000000000001';
const OTHER_ORG = '6f1c4e4a-0000-4000-8000-000000000002';
const staff = (organizationId: string, clientId?: string): Accessor => ({
  kind: 'staff',
  principal: {
    subject: 'sub-1',
    clientId,
    organizationId,
    scopes: new Set(['tickets:read']),
  } satisfies Principal,
});

describe('who opens a ticket', () => {
  const key = newAccessKey();
  const ticket = { organizationId: ORG, accessKeyHash: key.hash };

  it('lets staff of the event’s organization in, and not staff of another', () => {
    expect(opens(staff(ORG), ticket)).toBe(true);
    expect(opens(staff(OTHER_ORG), ticket)).toBe(false);
  });

  it('lets the holder in with the key whose hash the ticket keeps, and no other key', () => {
    expect(opens({ kind: 'holder', accessKey: key.key }, ticket)).toBe(true);
    expect(opens({ kind: 'holder', accessKey: newAccessKey().key }, ticket)).toBe(false);
    expect(opens({ kind: 'holder', accessKey: key.hash }, ticket)).toBe(false);
    expect(opens({ kind: 'holder', accessKey: `${key.key}x` }, ticket)).toBe(false);
  });

  it('names staff by client id (else subject) in the history, and key holders as the attendee', () => {
    expect(actorName(staff(ORG, 'ops-script'))).toBe('ops-script');
    expect(actorName(staff(ORG))).toBe('sub-1');
    expect(actorName({ kind: 'holder', accessKey: key.key })).toBe('attendee');
  });
});

describe('history as each caller sees it', () => {
  const entries = [
    { at: '2027-01-01T00:00:00.000Z', action: 'issued', actor: 'attendee', details: {} },
    {
      at: '2027-01-02T00:00:00.000Z',
      action: 'transferred',
      actor: 'attendee',
      details: {
        revision: 1,
        from: { name: 'Ada', email: 'ada@example.org' },
        to: { name: 'Bo', email: 'bo@example.org' },
      },
    },
  ];

  it('shows staff every detail', () => {
    expect(historyFor(staff(ORG), entries)).toEqual(entries);
  });

  it('hides from the new holder who held the ticket before, keeping every entry', () => {
    const seen = historyFor({ kind: 'holder', accessKey: 'k' }, entries);
    expect(seen.map((e) => e.action)).toEqual(['issued', 'transferred']);
    expect(seen[1]!.details).toEqual({ revision: 1, to: { name: 'Bo', email: 'bo@example.org' } });
    expect(JSON.stringify(seen)).not.toContain('ada@example.org');
  });
});
