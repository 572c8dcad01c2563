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
      [],
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
      [],
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
      [],
    );
    expect(out.rows.map((r) => r.line)).toEqual([2, 4]);
    expect(out.repeated).toBe(1);
  });

  it('refuses answers to questions the event does not have', () => {
    const q = '0b7c6f8e-3a0e-4c53-9a57-2f1c1d7e9a09';
    const out = checkRows(
      [row(2, { answers: { [q]: 'ACME' } }), row(3, { answers: { other: 'x' } })],
      [regular],
      [
        {
          id: q,
          label: 'Company',
          kind: 'text',
          required: false,
          options: [],
          ticketTypeIds: null,
        },
      ],
    );
    expect(out.rows.map((r) => r.answers)).toEqual([{ [q]: 'ACME' }]);
    expect(out.errors).toEqual([
      { line: 3, code: 'unknown_question', message: '"other" is not a question of this event' },
    ]);
  });
});

describe('checking import answers as registration does', () => {
  const shirt = {
    id: '5a0c2b3e-1111-4c53-9a57-2f1c1d7e9a01',
    label: 'T-shirt size',
    kind: 'choice' as const,
    required: true,
    options: ['S', 'M'],
    ticketTypeIds: null,
  };
  const consent = {
    id: '5a0c2b3e-2222-4c53-9a57-2f1c1d7e9a01',
    label: 'Photos OK',
    kind: 'checkbox' as const,
    required: false,
    options: [],
    ticketTypeIds: [vip.id],
  };

  it('names the row and the question a required answer is missing from, and refuses bad choices', () => {
    const out = checkRows(
      [
        row(2, { answers: { [shirt.id]: 'M' } }),
        row(3),
        row(4, { answers: { [shirt.id]: ' ' } }),
        row(5, { answers: { [shirt.id]: 'XXL' } }),
      ],
      [regular, vip],
      [shirt, consent],
    );
    expect(out.rows.map((r) => r.line)).toEqual([2]);
    expect(out.errors).toEqual([
      { line: 3, code: 'missing_answer', message: 'answer to "T-shirt size" is required' },
      { line: 4, code: 'missing_answer', message: 'answer to "T-shirt size" is required' },
      { line: 5, code: 'invalid_answer', message: 'answer to "T-shirt size" must be one of S, M' },
    ]);
  });

  it('reads a checkbox cell as yes or no, only for the types it is asked for', () => {
    const out = checkRows(
      [
        row(2, { ticketType: 'VIP', answers: { [shirt.id]: 'S', [consent.id]: 'Yes' } }),
        row(3, { ticketType: 'VIP', answers: { [shirt.id]: 'S', [consent.id]: 'maybe' } }),
      ],
      [regular, vip],
      [shirt, consent],
    );
    expect(out.rows[0]!.answers).toEqual({ [shirt.id]: 'S', [consent.id]: true });
    expect(out.errors).toEqual([
      { line: 3, code: 'invalid_answer', message: 'answer to "Photos OK" must be true or false' },
    ]);
  });
});
