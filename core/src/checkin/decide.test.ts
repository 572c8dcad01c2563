import { randomUUID } from 'node:crypto';
import { verifyTicketToken } from '../ticket-token/verify.js';
import {
  at,
  decide,
  entered,
  eventId,
  keys,
  regular,
  sign,
  ticket,
  ticketId,
  tokens,
  vip,
  type Row,
} from './test-support/checkin-fixtures.js';

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
];

describe('the check-in rule: token, ticket and list checks', () => {
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

  it('carries no ticket details for a token that could not be trusted', () => {
    expect(decide({ input: { token: tokens.badSignature } })).toEqual({
      result: 'invalid',
      reason: 'bad_signature',
      direction: 'entry',
    });
  });
});
