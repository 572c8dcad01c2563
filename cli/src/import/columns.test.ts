import { parseMap, planColumns } from './columns.js';
import { detectDelimiter } from './csv-source.js';

describe('reading a CSV header', () => {
  it('detects the delimiter from the header, ignoring quoted ones', () => {
    expect(detectDelimiter('name,email,ticket_type')).toBe(',');
    expect(detectDelimiter('"Name, full";E-Mail;Ticket')).toBe(';');
    expect(detectDelimiter('name\temail\tticket_type')).toBe('\t');
  });

  it('finds columns ignoring case, renamed by --map, and extra ones answering questions by label', () => {
    const plan = planColumns(
      ['Full Name', 'E-Mail', 'ticket_type', 'Company', 'Notes'],
      parseMap(['name=Full name', 'email="E-Mail"']),
      [{ id: 'q1', label: 'company' }],
    );
    expect(plan).toMatchObject({
      name: 0,
      email: 1,
      ticketType: 2,
      answers: [{ index: 3, questionId: 'q1' }],
      ignored: ['Notes'],
    });
  });

  it('names a missing column and how to map it', () => {
    expect(() => planColumns(['name', 'ticket_type'], {}, [])).toThrow(
      'line 1: the header has no column "email" (columns: name, ticket_type); add it or use --map email=COLUMN',
    );
  });

  it('refuses a --map entry that is not FIELD=COLUMN', () => {
    expect(() => parseMap(['mail=E-Mail'])).toThrow(/--map "mail=E-Mail": write FIELD=COLUMN/);
  });
});
