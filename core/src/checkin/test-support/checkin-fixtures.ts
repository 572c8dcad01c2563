// Shared fixtures of the check-in rule's tests: one event, one key, one VIP ticket.
import { randomUUID } from 'node:crypto';
import { PublicKeyring } from '../../ticket-token/keyring.js';
import { generateSigningKey } from '../../ticket-token/keys.js';
import { signTicketToken } from '../../ticket-token/sign.js';
import { verifyTicketToken, type TokenVerification } from '../../ticket-token/verify.js';
import { decideCheckin } from '../decide.js';
import type { CheckinInput, CheckinList, KnownTicket, PriorScan } from '../types.js';

export const key = generateSigningKey('k1');
export const keys = new PublicKeyring([key]);
export const eventId = randomUUID();
export const ticketId = randomUUID();
export const vip = randomUUID();
export const regular = randomUUID();
const T0 = Date.UTC(2030, 5, 1, 9, 0, 0);
export const at = (minutes: number) => new Date(T0 + minutes * 60_000);
export const sec = (minutes: number) => Math.floor(at(minutes).getTime() / 1000);

export const sign = (claims: Partial<Parameters<typeof signTicketToken>[0]> = {}) =>
  signTicketToken({ eventId, ticketId, ticketTypeId: vip, ...claims }, key);
// The rule must judge time itself: verify at a fixed unrelated instant, far from the scans.
export const check = (token: unknown): TokenVerification =>
  verifyTicketToken(token, { keys, now: new Date(0) });

export const tokens = {
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

export const ticket: KnownTicket = {
  id: ticketId,
  status: 'valid',
  ticketTypeId: vip,
  attendeeName: 'Ada Lovelace',
};
export const list: CheckinList = {
  id: randomUUID(),
  eventId,
  ticketTypeIds: [vip],
  entryRule: 'single',
};
export const entered = (minutes: number, extra: Partial<PriorScan> = {}): PriorScan => ({
  scanId: `in-${minutes}`,
  direction: 'entry',
  result: 'admitted',
  scannedAt: at(minutes),
  gate: 'north',
  deviceId: 'kiosk-1',
  ...extra,
});
export const exited = (minutes: number): PriorScan => ({
  direction: 'exit',
  result: 'admitted',
  scannedAt: at(minutes),
});

export interface Row {
  name: string;
  input: Partial<CheckinInput> & { token?: TokenVerification };
  listChanges?: Partial<CheckinList>;
  result: string;
  reason: string;
}

export function decide(row: Pick<Row, 'input' | 'listChanges'>) {
  return decideCheckin({
    token: tokens.valid,
    ticket,
    previousScans: [],
    at: at(0),
    ...row.input,
    list: { ...list, ...row.listChanges },
  });
}
