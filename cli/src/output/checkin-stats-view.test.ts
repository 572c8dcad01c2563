import { renderCheckinStats } from './checkin-stats-view.js';

const base = { eventId: 'e', at: '2027-05-01T09:00:00.000Z', lists: [], gates: [] };

describe('renderCheckinStats', () => {
  it('shows totals and who is inside, each list with its share and each gate with its exits', () => {
    const lines = renderCheckinStats({
      ...base,
      admitted: 2,
      inside: 1,
      total: 3,
      lists: [
        { listId: 'm', name: 'Main', admitted: 1, inside: 0, total: 3 },
        { listId: 'w', name: 'Workshop', admitted: 2, inside: 1, total: 3 },
      ],
      gates: [
        { gate: null, listId: 'm', listName: 'Main', admitted: 1, exits: 1 },
        { gate: 'W', listId: 'x', listName: null, admitted: 2, exits: 0 },
      ],
    });
    expect(lines).toEqual([
      'Checked in 2 of 3  66%, inside now 1  (at 2027-05-01T09:00:00.000Z)',
      '',
      'By list:',
      '  Main      1 of 3  33%, 0 inside',
      '  Workshop  2 of 3  66%, 1 inside',
      '',
      'By gate:',
      '  (no gate)  1 admitted, 1 exit  (Main)',
      '  W          2 admitted, 0 exits  (a deleted list)',
    ]);
  });

  it('prints no share for an event without tickets and no empty sections', () => {
    expect(renderCheckinStats({ ...base, admitted: 0, inside: 0, total: 0 })).toEqual([
      'Checked in 0 of 0   -, inside now 0  (at 2027-05-01T09:00:00.000Z)',
    ]);
  });
});
