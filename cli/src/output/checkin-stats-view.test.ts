import { renderCheckinStats } from './checkin-stats-view.js';

const base = { eventId: 'e', at: '2027-05-01T09:00:00.000Z', lists: [], gates: [] };

describe('renderCheckinStats', () => {
  it('shows totals, each list with its share and each gate with its list', () => {
    const lines = renderCheckinStats({
      ...base,
      admitted: 2,
      total: 3,
      lists: [
        { listId: 'm', name: 'Main', admitted: 1, total: 3 },
        { listId: 'w', name: 'Workshop', admitted: 2, total: 3 },
      ],
      gates: [
        { gate: null, listId: 'm', listName: 'Main', admitted: 1 },
        { gate: 'W', listId: 'x', listName: null, admitted: 2 },
      ],
    });
    expect(lines).toEqual([
      'Checked in 2 of 3  66%  (at 2027-05-01T09:00:00.000Z)',
      '',
      'By list:',
      '  Main      1 of 3  33%',
      '  Workshop  2 of 3  66%',
      '',
      'By gate:',
      '  (no gate)  1 admitted  (Main)',
      '  W          2 admitted  (a deleted list)',
    ]);
  });

  it('prints no share for an event without tickets and no empty sections', () => {
    expect(renderCheckinStats({ ...base, admitted: 0, total: 0 })).toEqual([
      'Checked in 0 of 0   -  (at 2027-05-01T09:00:00.000Z)',
    ]);
  });
});
