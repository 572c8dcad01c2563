import type { Sent } from './mail-channel.js';

/** A rendered SMS, ready for any provider. */
export interface OutgoingSms {
  /** The message row's id: the same on every attempt, so a gateway can drop a repeat. */
  messageId: string;
  /** E.164. */
  to: string;
  body: string;
}

/**
 * Where SMS go: a generic HTTP gateway, Twilio, or files a person can open. A failure throws
 * `SendFailed`: `permanent` when the provider refused for good (the message is dead at once), a
 * `responseCode` when it answered (so only this message waits), none when it could not be
 * reached (the rest of the batch waits too).
 */
export interface SmsChannel {
  readonly kind: 'http' | 'twilio' | 'file';
  send(sms: OutgoingSms): Promise<Sent>;
  close(): Promise<void>;
}

/** How long one request to a provider may take before it counts as failed (and is retried). */
export const SMS_TIMEOUT_MS = 10_000;

/** A provider's answer body, cut to what a log line should hold. */
export async function answerText(res: Response): Promise<string> {
  const text = await res.text().catch(() => '');
  return text.replace(/\s+/g, ' ').trim().slice(0, 300);
}

/** The request failed before any answer (refused, reset, DNS, timeout): worth retrying. */
export function unreachable(what: string, err: unknown): Error {
  const cause = err instanceof Error ? (err.cause instanceof Error ? err.cause : err) : undefined;
  const reason =
    err instanceof Error && err.name === 'TimeoutError'
      ? `no answer within ${SMS_TIMEOUT_MS / 1000} s`
      : (cause?.message ?? String(err));
  return new Error(`${what} could not be reached: ${reason}`, { cause: err });
}
