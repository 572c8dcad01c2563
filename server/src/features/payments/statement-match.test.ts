import { paymentReference } from '../orders/payment-reference.js';
import { matchEntry, type PayableOrder } from './statement-match.js';

const order = (id: string, over: Partial<PayableOrder> = {}): PayableOrder => ({
  id,
  eventId: 'e1',
  reference: paymentReference(id),
  status: 'pending_payment',
  totalCents: 9800,
  paidCents: 0,
  currency: 'EUR',
  ...over,
});

describe('matching a bank statement line', () => {
  const a = order('0193a2b4-5c6d-7e8f-9a0b-1c2d3e4f5a6b');
  const paid = order('0193a2b4-5c6d-7e8f-9a0b-aaaaaaaaaaaa', { status: 'confirmed' });
  const cancelled = order('0193a2b4-5c6d-7e8f-9a0b-bbbbbbbbbbbb', { status: 'cancelled' });
  const orders = new Map([a, paid, cancelled].map((o) => [o.reference, o]));
  const entry = (text: string, amountCents = 9800, currency?: string) => ({
    line: 7,
    text,
    amountCents,
    currency,
  });

  it('matches the reference of an unpaid order paid exactly', () => {
    expect(matchEntry(entry(`Summer Conf ${a.reference.toLowerCase()}`), orders)).toEqual({
      line: 7,
      outcome: 'matched',
      amountCents: 9800,
      reference: a.reference,
      orderId: a.id,
      eventId: 'e1',
      dueCents: 9800,
    });
  });

  it('reports another amount or currency as a mismatch', () => {
    expect(matchEntry(entry(a.reference, 4900), orders).outcome).toBe('amount_mismatch');
    expect(matchEntry(entry(a.reference, 9800, 'USD'), orders).outcome).toBe('amount_mismatch');
    expect(matchEntry(entry(a.reference, 9800, 'eur'), orders).outcome).toBe('matched');
  });

  it('counts what a late payment already brought', () => {
    const part = order(a.id, { status: 'expired', paidCents: 4900 });
    const m = matchEntry(entry(part.reference, 4900), new Map([[part.reference, part]]));
    expect(m).toMatchObject({ outcome: 'matched', dueCents: 4900 });
  });

  it('names paid, cancelled and unknown references as such', () => {
    expect(matchEntry(entry(paid.reference), orders).outcome).toBe('already_paid');
    expect(matchEntry(entry(cancelled.reference), orders).outcome).toBe('not_payable');
    expect(matchEntry(entry('LY-ZZZZ-ZZZZ'), orders)).toEqual({
      line: 7,
      outcome: 'unknown',
      amountCents: 9800,
      reference: 'LY-ZZZZ-ZZZZ',
    });
    expect(matchEntry(entry('rent June'), orders)).toEqual({
      line: 7,
      outcome: 'unknown',
      amountCents: 9800,
    });
  });

  it('prefers the unpaid order when a purpose names a paid one too', () => {
    const m = matchEntry(entry(`${paid.reference} ${a.reference}`), orders);
    expect(m).toMatchObject({ outcome: 'matched', orderId: a.id });
  });
});
