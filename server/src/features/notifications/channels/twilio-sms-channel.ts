import { SendFailed } from './mail-channel.js';
import { answerText, SMS_TIMEOUT_MS, unreachable, type SmsChannel } from './sms-channel.js';

export interface TwilioConfig {
  accountSid: string;
  authToken: string;
  /** A Twilio number in E.164, or a Messaging Service SID (MG…) that picks the sender. */
  from: string;
  /** https://api.twilio.com, or a stand-in for tests. */
  apiUrl: string;
}

/**
 * Twilio error codes worth another try although the HTTP status is 4xx: rate and queue limits,
 * and credentials (an operator fixes them; the queued messages should then go, not be dead).
 * Every other 4xx (21211 invalid To, 21610 the recipient sent STOP, 21614 not a mobile, 21408
 * region not enabled, …) is a refusal of this message; 5xx is retried.
 */
const RETRYABLE_CODES = new Set([20003, 20429, 30001]);

/** Twilio's Messages resource over plain fetch: basic auth, form-encoded To, From, Body. */
export function twilioSmsChannel(c: TwilioConfig): SmsChannel {
  const url = `${c.apiUrl.replace(/\/+$/, '')}/2010-04-01/Accounts/${encodeURIComponent(c.accountSid)}/Messages.json`;
  const auth = `Basic ${Buffer.from(`${c.accountSid}:${c.authToken}`).toString('base64')}`;
  const sender = /^MG[0-9a-f]{32}$/i.test(c.from) ? 'MessagingServiceSid' : 'From';
  return {
    kind: 'twilio',
    async send(sms) {
      let res: Response;
      try {
        res = await fetch(url, {
          method: 'POST',
          headers: { authorization: auth, 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ To: sms.to, [sender]: c.from, Body: sms.body }),
          signal: AbortSignal.timeout(SMS_TIMEOUT_MS),
          redirect: 'error',
        });
      } catch (err) {
        const e = unreachable('Twilio', err);
        throw new SendFailed(e.message, false, undefined, { cause: err });
      }
      const text = await answerText(res);
      const answer = parse(text);
      if (res.ok && typeof answer.sid === 'string') return { providerId: answer.sid };
      const code = typeof answer.code === 'number' ? answer.code : undefined;
      const reason = `Twilio answered ${res.status}${code ? ` (error ${code})` : ''}: ${
        typeof answer.message === 'string' ? answer.message : text || 'no message'
      }`;
      const retryable =
        !res.ok &&
        (res.status >= 500 ||
          res.status === 429 ||
          (code !== undefined && RETRYABLE_CODES.has(code)));
      // A 2xx without a message SID is not a send we can record: retried, not lost.
      throw new SendFailed(reason, !res.ok && !retryable, res.status);
    },
    async close() {},
  };
}

function parse(text: string): Record<string, unknown> {
  try {
    const v = JSON.parse(text) as unknown;
    return v && typeof v === 'object' ? (v as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
