import { holdCapReached } from './rush-caps.js';

describe('the hold caps of a sale rush', () => {
  const caps = { maxHoldsPerEmail: 2, maxHoldsPerIp: 5 };

  it('lets an order through below both caps', () => {
    expect(holdCapReached(caps, { byEmail: 1, byIp: 4 })).toBeUndefined();
  });

  it('names the email cap first, then the address cap', () => {
    expect(holdCapReached(caps, { byEmail: 2, byIp: 5 })).toBe('email');
    expect(holdCapReached(caps, { byEmail: 0, byIp: 5 })).toBe('ip');
  });

  it('has no cap where the event sets none', () => {
    const none = { maxHoldsPerEmail: null, maxHoldsPerIp: null };
    expect(holdCapReached(none, { byEmail: 1000, byIp: 1000 })).toBeUndefined();
  });
});
