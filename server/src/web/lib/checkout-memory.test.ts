import { recallCheckout, rememberCheckout } from './checkout-memory.js';

const store = () => {
  const m = new Map<string, string>();
  return {
    getItem: (k: string) => m.get(k) ?? null,
    setItem: (k: string, v: string) => void m.set(k, v),
  };
};

describe('coming back from Stripe Checkout', () => {
  it('returns to the keyed page the buyer left from, with the outcome', () => {
    const s = store();
    rememberCheckout(s, 'order-1', '/t/ticket-1?key=abc_DEF-123');
    expect(recallCheckout(s, 'order-1', 'success')).toBe(
      '/t/ticket-1?key=abc_DEF-123&checkout=success',
    );
    expect(recallCheckout(s, 'order-1', 'cancelled')).toBe(
      '/t/ticket-1?key=abc_DEF-123&checkout=cancelled',
    );
  });

  it('knows nothing of an order paid from another tab', () => {
    expect(recallCheckout(store(), 'order-2', 'success')).toBeNull();
  });

  it('never follows a stored value that is not a portal page of this origin', () => {
    const s = store();
    for (const bad of [
      'https://evil.example/t/x?key=y',
      '//evil.example/t/x?key=y',
      '/t/x?key=y&next=//e',
    ]) {
      rememberCheckout(s, 'o', bad);
      expect(recallCheckout(s, 'o', 'success')).toBeNull();
    }
  });

  it('survives storage that throws', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
    };
    expect(() => rememberCheckout(broken, 'o', '/t/x?key=y')).not.toThrow();
    expect(recallCheckout(broken, 'o', 'success')).toBeNull();
  });
});
