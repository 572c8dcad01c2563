import { createHmac } from 'node:crypto';
import { SendFailed } from './mail-channel.js';
import { answerText, SMS_TIMEOUT_MS, unreachable, type SmsChannel } from './sms-channel.js';

/**
 * The signature a gateway checks (docs/notifications.md, "Signature"): HMAC-SHA256 with the shared
 * secret over `<timestamp>.<body>`, the timestamp in Unix seconds and the body the exact bytes
 * sent, as lowercase hex after `v1=`.
 */
export function signSms(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * A generic HTTP gateway (a self-hosted modem, most SMS services): a JSON POST `{to, body}`
 * to one URL, signed. 2xx is sent (the answer's `id`, if any, is the provider's id); 4xx is a
 * refusal, final; 5xx, 429 and no answer are retried.
 */
export function httpSmsChannel(
  url: string,
  secret: string,
  now: () => number = Date.now,
): SmsChannel {
  return {
    kind: 'http',
    async send(sms) {
      const body = JSON.stringify({ to: sms.to, body: sms.body });
      const timestamp = Math.floor(now() / 1000);
      let res: Response;
      try {
        res = await fetch(url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'lanyard-sms-id': sms.messageId,
            'lanyard-sms-timestamp': String(timestamp),
            'lanyard-sms-signature': signSms(secret, timestamp, body),
          },
          body,
          signal: AbortSignal.timeout(SMS_TIMEOUT_MS),
          redirect: 'error',
        });
      } catch (err) {
        const e = unreachable('the SMS gateway', err);
        throw new SendFailed(e.message, false, undefined, { cause: err });
      }
      const text = await answerText(res);
      if (!res.ok) {
        const retryable = res.status >= 500 || res.status === 429 || res.status === 408;
        throw new SendFailed(
          `the SMS gateway answered ${res.status}${text ? `: ${text}` : ''}`,
          !retryable,
          res.status,
        );
      }
      return { providerId: gatewayId(text) ?? `${res.status} ${sms.messageId}` };
    },
    async close() {},
  };
}

function gatewayId(text: string): string | undefined {
  try {
    const id = (JSON.parse(text) as { id?: unknown }).id;
    return typeof id === 'string' || typeof id === 'number' ? String(id).slice(0, 200) : undefined;
  } catch {
    return undefined;
  }
}
