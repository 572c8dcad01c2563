import { Webhook } from 'standardwebhooks';
import { newSecret, sign, signedHeaders } from './signature.js';

// The Standard Webhooks reference library is the judge: what it accepts, receivers accept.

describe('webhook signatures', () => {
  const body = JSON.stringify({
    type: 'webhook.test',
    timestamp: '2027-01-01T00:00:00Z',
    data: {},
  });
  const now = () => Math.floor(Date.now() / 1000);

  it('makes secrets of whsec_ and base64 of at least 24 random bytes, never twice the same', () => {
    const a = newSecret();
    expect(a).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(a.slice(6), 'base64').length).toBeGreaterThanOrEqual(24);
    expect(newSecret()).not.toBe(a);
  });

  it('signs so that the reference library verifies, and refuses another secret', () => {
    const secret = newSecret();
    const headers = signedHeaders('msg_1', now(), body, [secret]);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(newSecret()).verify(body, headers)).toThrow(/signature/i);
  });

  it('sends both signatures during a rotation; either secret alone verifies', () => {
    const [next, previous] = [newSecret(), newSecret()];
    const headers = signedHeaders('msg_2', now(), body, [next, previous]);
    expect(headers['webhook-signature']!.split(' ')).toHaveLength(2);
    expect(() => new Webhook(next).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(previous).verify(body, headers)).not.toThrow();
  });

  it('is refused by the reference library when the timestamp is stale or the body changed', () => {
    const secret = newSecret();
    const stale = signedHeaders('msg_3', now() - 600, body, [secret]);
    expect(() => new Webhook(secret).verify(body, stale)).toThrow(/too old/i);
    const fresh = signedHeaders('msg_3', now(), body, [secret]);
    expect(() => new Webhook(secret).verify(`${body} `, fresh)).toThrow(/signature/i);
    expect(sign('msg_3', 1, body, secret)).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
  });
});
