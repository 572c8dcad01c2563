import {
  at,
  decide,
  entered,
  exited,
  regular,
  ticket,
  type Row,
} from './test-support/checkin-fixtures.js';

const rows: Row[] = [
  {
    name: 'single: refuses a second entry',
    input: { previousScans: [entered(-10)] },
    result: 'already_checked_in',
    reason: 'already_checked_in',
  },
  {
    name: 'single: refuses a second entry even after an exit',
    input: { previousScans: [entered(-10), exited(-5)] },
    result: 'already_checked_in',
    reason: 'already_checked_in',
  },
  {
    name: 'single: refused scans before do not count as entries',
    input: {
      previousScans: [
        entered(-10, { result: 'invalid' }),
        entered(-9, { result: 'already_checked_in' }),
      ],
    },
    result: 'admitted',
    reason: 'entry',
  },
  {
    name: 're-entry: refuses an entry while inside',
    input: { previousScans: [entered(-10)] },
    listChanges: { entryRule: 'reentry_after_exit' },
    result: 'already_checked_in',
    reason: 'already_checked_in',
  },
  {
    name: 're-entry: admits an entry after an exit',
    input: { previousScans: [entered(-10), exited(-5)] },
    listChanges: { entryRule: 'reentry_after_exit' },
    result: 'admitted',
    reason: 'entry',
  },
  {
    name: 're-entry: replays scans by time, not by the order given',
    input: { previousScans: [exited(-5), entered(-2), entered(-10)] },
    listChanges: { entryRule: 'reentry_after_exit' },
    result: 'already_checked_in',
    reason: 'already_checked_in',
  },
  {
    name: 'multi: admits every entry',
    input: { previousScans: [entered(-10), entered(-5)] },
    listChanges: { entryRule: 'multi' },
    result: 'admitted',
    reason: 'entry',
  },
  {
    name: 'exit: records the exit of a ticket inside',
    input: { direction: 'exit', previousScans: [entered(-10)] },
    result: 'admitted',
    reason: 'exit',
  },
  {
    name: 'exit: refuses an exit without an entry',
    input: { direction: 'exit' },
    result: 'invalid',
    reason: 'not_checked_in',
  },
  {
    name: 'exit: refuses a second exit',
    input: { direction: 'exit', previousScans: [entered(-10), exited(-5)] },
    result: 'invalid',
    reason: 'not_checked_in',
  },
  {
    name: 'exit: still refuses a revoked ticket',
    input: {
      direction: 'exit',
      previousScans: [entered(-10)],
      ticket: { ...ticket, status: 'revoked' },
    },
    result: 'revoked',
    reason: 'revoked',
  },
  {
    name: 'exit: refuses a ticket type the list does not admit',
    input: { direction: 'exit', previousScans: [entered(-10)] },
    listChanges: { ticketTypeIds: [regular] },
    result: 'invalid',
    reason: 'not_on_list',
  },
];

describe('the check-in rule: entry rules and exits', () => {
  it.each(rows.map((r) => [r.name, r] as const))('%s', (_name, row) => {
    expect(decide(row)).toMatchObject({ result: row.result, reason: row.reason });
  });

  it('tells when and where the ticket was first admitted on a single-entry list', () => {
    const decision = decide({
      input: { previousScans: [entered(-3, { gate: 'south', scanId: 's2' }), entered(-10)] },
    });
    expect(decision).toMatchObject({
      result: 'already_checked_in',
      previousAdmission: { at: at(-10), gate: 'north', deviceId: 'kiosk-1', scanId: 'in--10' },
    });
  });

  it('tells the entry of the current stay on a re-entry list', () => {
    const previousScans = [entered(-30), exited(-20), entered(-10, { gate: 'east' })];
    const decision = decide({
      input: { previousScans },
      listChanges: { entryRule: 'reentry_after_exit' },
    });
    expect(decision).toMatchObject({ previousAdmission: { at: at(-10), gate: 'east' } });
  });
});
