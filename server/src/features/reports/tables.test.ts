import { noShowRows, rate, reportCsv, toCells, waitlistRows } from './tables.js';

describe('report tables', () => {
  it('turns bigint text into numbers for figures and dates into ISO instants', () => {
    const cells = toCells(
      {
        bucket_start: new Date('2027-03-01T18:30:00Z'),
        revenue_cents: '123456789012',
        ticket_type: '42',
      },
      ['bucket_start', 'revenue_cents', 'ticket_type', 'missing'],
    );
    expect(cells).toEqual({
      bucket_start: '2027-03-01T18:30:00.000Z',
      revenue_cents: 123456789012,
      ticket_type: '42',
      missing: null,
    });
  });

  it('has no rate of an empty whole', () => {
    expect(rate(1, 3)).toBe(0.3333);
    expect(rate(0, 0)).toBeNull();
  });

  it('counts no-shows per type and in a total row', () => {
    const rows = noShowRows([
      { ticket_type_id: 'a', ticket_type: 'A', registered: 10, admitted: 7 },
      { ticket_type_id: 'b', ticket_type: 'B', registered: 0, admitted: 0 },
    ]);
    expect(rows.map((r) => [r.ticket_type, r.no_shows, r.no_show_rate])).toEqual([
      ['A', 3, 0.3],
      ['B', 0, null],
      ['Total', 3, 0.3],
    ]);
  });

  it('gives waitlist conversion as claimed over every entry ever made, leaving out empty types', () => {
    const rows = waitlistRows([
      {
        ticket_type_id: 'a',
        ticket_type: 'A',
        waiting: 2,
        offered: 1,
        claimed: 3,
        expired: 1,
        cancelled: null,
      },
      {
        ticket_type_id: 'b',
        ticket_type: 'B',
        waiting: 0,
        offered: 0,
        claimed: 0,
        expired: 0,
        cancelled: 0,
      },
    ]);
    expect(rows).toEqual([
      {
        ticket_type_id: 'a',
        ticket_type: 'A',
        waiting: 2,
        offered: 1,
        claimed: 3,
        expired: 1,
        cancelled: 0,
        joined: 7,
        conversion: 0.4286,
      },
    ]);
  });

  it('writes CSV with the columns as header and formula-safe cells', () => {
    const csv = reportCsv({ columns: ['code', 'orders'], rows: [{ code: '=SUM(A1)', orders: 2 }] });
    expect(csv).toBe("code,orders\r\n'=SUM(A1),2\r\n");
  });
});
