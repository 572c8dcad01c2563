import { checkRows } from './rows.js';

const regular = { id: '0b7c6f8e-3a0e-4c53-9a57-2f1c1d7e9a01', name: 'Regular', currency: 'EUR' };
const vip = { id: '0b7c6f8e-3a0e-4c53-9a57-2f1c1d7e9a02', name: 'VIP', currency: 'EUR' };
const row = (line: number, over: Record<string, unknown> = {}) => ({
  line,
  name: 'Ana Li',
  email: `ana${line}@example.com`,
  ticketType: 'Regular',
  ...over,
});

describe('checking import rows', () => {
  it('accepts good rows and resolves ticket types by name in any case or by id', () => {
    const out = checkRows(
      [row(2), row(3, { ticketType: 'vip' }), row(4, { ticketType: vip.id })],
      [regular, vip],
      new Set(),
    );
    expect(out.errors).toEqual([]);
    expect(out.rows.map((r) => [r.line, r.ticketType.name])).toEqual([
      [2, 'Regular'],
      [3, 'VIP'],
      [4, 'VIP'],
    ]);
  });

  it('names the line and the problem of each bad row, and keeps the good ones', () => {
    const out = checkRows(
      [
        row(2),
        row(3, { name: '  ' }),
        row(4, { email: 'not-an-email' }),
        row(5, { ticketType: 'Backstage' }),
        row(6, { email: '' }),
        row(7),
      ],
      [regular],
      new Set(),
    );
    expect(out.rows.map((r) => r.line)).toEqual([2, 7]);
    expect(out.errors.map((e) => [e.line, e.code])).toEqual([
      [3, 'missing_name'],
      [4, 'invalid_email'],
      [5, 'unknown_ticket_type'],
      [6, 'missing_email'],
    ]);
    expect(out.errors[2]!.message).toBe('ticket type "Backstage" is not on sale for this event');
  });

  it('counts a repeat of the same email and ticket type as repeated, whatever the email case', () => {
    const out = checkRows(
      [
        row(2, { email: 'Ana@Example.com' }),
        row(3, { email: ' ana@example.com ' }),
        row(4, { email: 'ana@example.com', ticketType: 'VIP' }),
      ],
      [regular, vip],
      new Set(),
    );
    expect(out.rows.map((r) => r.line)).toEqual([2, 4]);
    expect(out.repeated).toBe(1);
  });

  it('refuses answers to questions the event does not have', () => {
    const q = '0b7c6f8e-3a0e-4c53-9a57-2f1c1d7e9a09';
    const out = checkRows(
      [row(2, { answers: { [q]: 'ACME' } }), row(3, { answers: { other: 'x' } })],
      [regular],
      new Set([q]),
    );
    expect(out.rows.map((r) => r.answers)).toEqual([{ [q]: 'ACME' }]);
    expect(out.errors).toEqual([
      { line: 3, code: 'unknown_question', message: '"other" is not a question of this event' },
    ]);
  });
});
