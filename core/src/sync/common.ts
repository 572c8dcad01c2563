import { z } from 'zod';
import type { CheckinReason } from '../checkin/types.js';
import { KID_PATTERN } from '../ticket-token/format.js';

/** Version of the sync messages; bumped only for a change old kiosks cannot read. */
export const SYNC_PROTOCOL_VERSION = 1;

/** A UUID in 8-4-4-4-12 hex form, any version (the same shape ticket tokens accept). */
export const uuidSchema = z.guid();

/** An instant on the wire: ISO 8601 with a zone (e.g. `2030-06-01T09:00:00.000Z`). */
export const instantSchema = z.iso.datetime({ offset: true });

/** The contract's check-in result word. */
export const checkinResultSchema = z.enum(['admitted', 'already_checked_in', 'revoked', 'invalid']);
/** Entry or exit scan. */
export const scanDirectionSchema = z.enum(['entry', 'exit']);
/** A check-in list's entry rule (see EntryRule). */
export const entryRuleSchema = z.enum(['single', 'reentry_after_exit', 'multi']);

const CHECKIN_REASONS = [
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
  'no_session_now',
  'not_signed_up',
] as const satisfies readonly CheckinReason[];
// Fails to compile when a reason is added to CheckinReason but not to the wire enum.
const _everyReasonListed: Exclude<CheckinReason, (typeof CHECKIN_REASONS)[number]> extends never
  ? true
  : never = true;

/** The finer reason of a check-in decision, as sent to kiosks and shown on screens. */
export const checkinReasonSchema = z.enum(CHECKIN_REASONS);

/** A public signing key as synced to kiosks; strict, so a private half is refused, not passed on. */
export const publicKeySchema = z.strictObject({
  kid: z.string().regex(KID_PATTERN),
  alg: z.literal('Ed25519'),
  publicKey: z.string().regex(/^[A-Za-z0-9_-]{43}$/),
});
