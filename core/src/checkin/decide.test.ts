import { randomUUID } from 'node:crypto';
import { PublicKeyring } from '../ticket-token/keyring.js';
import { generateSigningKey } from '../ticket-token/keys.js';
import { signTicketToken } from '../ticket-token/sign.js';
import { verifyTicketToken, type TokenVerification } from '../ticket-token/verify.js';
import { decideCheckin } from './decide.js';
import type { CheckinInput, CheckinList, KnownTicket, PriorScan } from './types.js';

const key = generateSigningKey('k1');
const keys = new PublicKeyring([key]);
const eventId = randomUUID();
const ticketId = randomUUID();
const vip = randomUUID();
const regular = randomUUID();
const T0 = Date.UTC(2030, 5, 1, 9, 0, 0);
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const sec = (minutes: number) => Math.floor(at(minutes).getTime() / 1000);

const sign = (claims: Partial<Parameters<typeof signTicketToken>[0]> = {}) =>
  signTicketToken({ eventId, ticketId, ticketTypeId: vip, ...claims }, key);
// The rule must judge time itself: verify at a fixed unrelated instant, far from the scans.
const check = (token: unknown): TokenVerification =>
  verifyTicketToken(token, { keys, now: new Date(0) });

const tokens = {
  valid: check(sign()),
  windowed: check(sign({ notBefore: sec(0), expiresAt: sec(60) })),
  revision1: check(sign({ revision: 1 })),
  otherEvent: check(sign({ eventId: randomUUID() })),
  unknownTicket: check(sign({ ticketId: randomUUID() })),
  malformed: check('garbage'),
  unknownKey: check(
    signTicketToken({ eventId, ticketId, ticketTypeId: vip }, generateSigningKey('k9')),
  ),
  badSignature: check(sign().slice(0, -8) + 'AAAAAAAA'),
};

const ticket: KnownTicket = {
  id: ticketId,
  status: 'valid',
  ticketTypeId: vip,
  attendeeName: 'Ada Lovelace',
};
const list: CheckinList = { id: randomUUID(), eventId, ticketTypeIds: [vip], entryRule: 'single' };
const entered = (minutes: number, extra: Partial<PriorScan> = {}): PriorScan => ({
  scanId: `in-${minutes}`,
  direction: 'entry',
  result: 'admitted',
  scannedAt: at(minutes),
  gate: 'north',
  deviceId: 'kiosk-1',
  ...extra,
});
const exited = (minutes: number): PriorScan => ({
  direction: 'exit',
  result: 'admitted',
  scannedAt: at(minutes),
});

interface Row {
  name: string;
  input: Partial<CheckinInput> & { token?: TokenVerification };
  listChanges?: Partial<CheckinList>;
  result: string;
  reason: string;
}

const rows: Row[] = [
  {
    name: 'admits a valid ticket on its first entry',
    input: {},
    result: 'admitted',
    reason: 'entry',
  },
  {
    name: 'refuses a malformed token',
    input: { token: tokens.malformed },
    result: 'invalid',
    reason: 'malformed',
  },
  {
    name: 'refuses a token of an unknown key',
    input: { token: tokens.unknownKey },
    result: 'invalid',
    reason: 'unknown_key',
  },
  {
    name: 'refuses a token with a bad signature',
    input: { token: tokens.badSignature },
    result: 'invalid',
    reason: 'bad_signature',
  },
  {
    name: "refuses another event's token",
    input: { token: tokens.otherEvent },
    result: 'invalid',
    reason: 'wrong_event',
  },
  {
    name: "refuses another event's token even when verification already said wrong_event",
    input: { token: verifyTicketToken(sign({ eventId: randomUUID() }), { keys, eventId }) },
    result: 'invalid',
    reason: 'wrong_event',
  },
  {
    name: 'refuses a ticket missing from the local state',
    input: { ticket: null },
    result: 'invalid',
    reason: 'unknown_ticket',
  },
  {
    name: 'refuses when the local ticket is a different one than the token names',
    input: { token: tokens.unknownTicket },
    result: 'invalid',
    reason: 'unknown_ticket',
  },
  {
    name: 'admits a signed ticket missing from the cache when the policy allows it',
    input: { ticket: null, policy: { admitUnknownTickets: true } },
    result: 'admitted',
    reason: 'entry',
  },
  {
    name: 'judges an unknown ticket by the type in its token when admitted by policy',
    input: { ticket: null, policy: { admitUnknownTickets: true } },
    listChanges: { ticketTypeIds: [regular] },
    result: 'invalid',
    reason: 'not_on_list',
  },
  {
    name: 'refuses a revoked ticket',
    input: { ticket: { ...ticket, status: 'revoked' } },
    result: 'revoked',
    reason: 'revoked',
  },
  {
    name: 'refuses a revoked ticket before looking at previous scans',
    input: { ticket: { ...ticket, status: 'revoked' }, previousScans: [entered(-5)] },
    result: 'revoked',
    reason: 'revoked',
  },
  {
    name: 'refuses a token older than the ticket revision (reissued or transferred)',
    input: { ticket: { ...ticket, revision: 1 } },
    result: 'revoked',
    reason: 'superseded',
  },
  {
    name: 'admits the token of the current revision',
    input: { token: tokens.revision1, ticket: { ...ticket, revision: 1 } },
    result: 'admitted',
    reason: 'entry',
  },
  {
    name: 'admits a token newer than a stale cache revision',
    input: { token: tokens.revision1, ticket: { ...ticket, revision: 0 } },
    result: 'admitted',
    reason: 'entry',
  },
  {
    name: 'refuses before the token validity window',
    input: { token: tokens.windowed, at: at(-1) },
    result: 'invalid',
    reason: 'not_valid_yet',
  },
  {
    name: 'admits at the start of the token validity window',
    input: { token: tokens.windowed, at: at(0) },
    result: 'admitted',
    reason: 'entry',
  },
  {
    name: 'refuses at the end of the token validity window',
    input: { token: tokens.windowed, at: at(60) },
    result: 'invalid',
    reason: 'expired',
  },
  {
    name: 'forgives the policy clock tolerance on the token window',
    input: { token: tokens.windowed, at: at(60), policy: { clockToleranceSeconds: 120 } },
    result: 'admitted',
    reason: 'entry',
  },
  {
    name: 'lets a ticket out after its token window has closed',
    input: { token: tokens.windowed, at: at(90), direction: 'exit', previousScans: [entered(10)] },
    result: 'admitted',
    reason: 'exit',
  },
  {
    name: 'refuses a ticket type the list does not admit',
    input: {},
    listChanges: { ticketTypeIds: [regular] },
    result: 'invalid',
    reason: 'not_on_list',
  },
  {
    name: 'uses the ticket current type rather than the one in the token',
    input: { ticket: { ...ticket, ticketTypeId: regular } },
    result: 'invalid',
    reason: 'not_on_list',
  },
  {
    name: 'admits any type on a list for all types',
    input: {},
    listChanges: { ticketTypeIds: 'all' },
    result: 'admitted',
    reason: 'entry',
  },
  {
    name: 'refuses before the list opens',
    input: { at: at(-1) },
    listChanges: { opensAt: at(0) },
    result: 'invalid',
    reason: 'outside_window',
  },
  {
    name: 'admits when the list opens',
    input: { at: at(0) },
    listChanges: { opensAt: at(0), closesAt: at(30) },
    result: 'admitted',
    reason: 'entry',
  },
  {
    name: 'refuses when the list has closed',
    input: { at: at(30) },
    listChanges: { closesAt: at(30) },
    result: 'invalid',
    reason: 'outside_window',
  },
  {
    name: 'lets a ticket out after the list has closed',
    input: { at: at(45), direction: 'exit', previousScans: [entered(10)] },
    listChanges: { closesAt: at(30) },
    result: 'admitted',
    reason: 'exit',
  },
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

function decide(row: Pick<Row, 'input' | 'listChanges'>) {
  return decideCheckin({
    token: tokens.valid,
    ticket,
    previousScans: [],
    at: at(0),
    ...row.input,
    list: { ...list, ...row.listChanges },
  });
}

describe('the check-in rule', () => {
  it.each(rows.map((r) => [r.name, r] as const))('%s', (_name, row) => {
    expect(decide(row)).toMatchObject({ result: row.result, reason: row.reason });
  });

  it('names the attendee and the ticket type for the screen when admitting', () => {
    expect(decide({ input: {} })).toEqual({
      result: 'admitted',
      reason: 'entry',
      direction: 'entry',
      ticketId,
      ticketTypeId: vip,
      attendeeName: 'Ada Lovelace',
    });
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

  it('carries no ticket details for a token that could not be trusted', () => {
    expect(decide({ input: { token: tokens.badSignature } })).toEqual({
      result: 'invalid',
      reason: 'bad_signature',
      direction: 'entry',
    });
  });

  it('covers every reason a decision can give', () => {
    const seen = new Set(rows.map((r) => r.reason));
    for (const reason of [
      'entry',
      'exit',
      'already_checked_in',
      'revoked',
      'superseded',
      'malformed',
      'unknown_key',
      'bad_signature',
      'wrong_event',
      'not_valid_yet',
      'expired',
      'unknown_ticket',
      'not_on_list',
      'outside_window',
      'not_checked_in',
    ]) {
      expect(seen).toContain(reason);
    }
  });
});
