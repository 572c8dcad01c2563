import { CoreError } from '../errors.js';
import { isUuid } from '../encoding/uuid.js';
import { MAX_REVISION, MAX_UNIX_SECONDS } from './format.js';

/** What a ticket token asserts. Ids are UUIDs; times are unix seconds. */
export interface TicketClaims {
  eventId: string;
  ticketId: string;
  ticketTypeId: string;
  /** Incremented on reissue or transfer, so an older token of the same ticket can be refused. */
  revision?: number;
  /** First second the token admits (inclusive). */
  notBefore?: number;
  /** First second the token no longer admits (exclusive). */
  expiresAt?: number;
}

/** Claims as read back from a verified token: ids lower-cased, revision filled, and the kid. */
export interface VerifiedTicketClaims extends TicketClaims {
  revision: number;
  /** Id of the key that signed the token. */
  kid: string;
}

function isUnixSeconds(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= MAX_UNIX_SECONDS;
}

/** Throws CoreError `invalid_claims` unless the claims can be encoded in a v1 token. */
export function assertEncodableClaims(claims: TicketClaims): void {
  for (const field of ['eventId', 'ticketId', 'ticketTypeId'] as const) {
    if (!isUuid(claims[field])) throw new CoreError('invalid_claims', `${field} must be a UUID`);
  }
  const { revision, notBefore, expiresAt } = claims;
  if (
    revision !== undefined &&
    !(Number.isInteger(revision) && revision >= 0 && revision <= MAX_REVISION)
  ) {
    throw new CoreError('invalid_claims', `revision must be an integer from 0 to ${MAX_REVISION}`);
  }
  if (notBefore !== undefined && !isUnixSeconds(notBefore)) {
    throw new CoreError('invalid_claims', 'notBefore must be whole unix seconds');
  }
  if (expiresAt !== undefined && !isUnixSeconds(expiresAt)) {
    throw new CoreError('invalid_claims', 'expiresAt must be whole unix seconds');
  }
  if (notBefore !== undefined && expiresAt !== undefined && expiresAt <= notBefore) {
    throw new CoreError('invalid_claims', 'expiresAt must be after notBefore');
  }
}
