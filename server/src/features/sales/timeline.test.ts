import { cumulativeTimeline } from './timeline.js';

const row = (at: string, currency: string, tickets: number, cents: number) => ({
  unit: 'day' as const,
  at: new Date(at),
  currency,
  tickets,
  cents: String(cents),
});

describe('cumulativeTimeline', () => {
  it('runs the totals on, one point per bucket even when it sold in two currencies', () => {
    const timeline = cumulativeTimeline([
      row('2027-05-01T22:00:00Z', 'EUR', 2, 5000),
      row('2027-05-02T22:00:00Z', 'EUR', 1, 2500),
      row('2027-05-02T22:00:00Z', 'USD', 3, 9000),
    ]);
    expect(timeline).toEqual({
      unit: 'day',
      points: [
        { at: '2027-05-01T22:00:00.000Z', sold: 2, revenue: [{ currency: 'EUR', cents: 5000 }] },
        {
          at: '2027-05-02T22:00:00.000Z',
          sold: 6,
          revenue: [
            { currency: 'EUR', cents: 7500 },
            { currency: 'USD', cents: 9000 },
          ],
        },
      ],
    });
  });

  it('has no points before the first sale', () => {
    expect(cumulativeTimeline([])).toEqual({ unit: 'hour', points: [] });
  });
});
