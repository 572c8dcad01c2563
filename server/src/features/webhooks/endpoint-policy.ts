import { invalid } from '../../platform/errors.js';
import type { AddressPolicy } from './address-policy.js';
import { AddressRefused, allowedAddresses, hostOf } from './safe-post.js';

/** Where webhooks may go: the address policy, and whether plain http is accepted. */
export interface UrlRules {
  addresses: AddressPolicy;
  /** Only when the server itself is served over http (PUBLIC_URL), as on a test bench. */
  allowHttp: boolean;
}

/**
 * Checks a webhook URL when it is set: https (or http when allowed), no credentials in it, and a
 * host whose every address the policy allows. The same address check runs again at send time.
 */
export async function checkWebhookUrl(text: string, rules: UrlRules): Promise<string> {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid('invalid_webhook_url', 'url: must be an absolute URL', [
      { field: 'url', message: 'must be an absolute URL' },
    ]);
  }
  const schemes = rules.allowHttp ? ['https:', 'http:'] : ['https:'];
  if (!schemes.includes(url.protocol)) {
    const message = rules.allowHttp ? 'must be an http or https URL' : 'must be an https URL';
    throw invalid('invalid_webhook_url', `url: ${message}`, [{ field: 'url', message }]);
  }
  if (url.username || url.password) {
    const message = 'must not carry a user name or password';
    throw invalid('invalid_webhook_url', `url: ${message}`, [{ field: 'url', message }]);
  }
  try {
    await allowedAddresses(hostOf(url), rules.addresses);
  } catch (err) {
    const message =
      err instanceof AddressRefused
        ? `${err.message} (loopback, private, link-local and multicast addresses are refused unless in WEBHOOK_ALLOWED_NETWORKS)`
        : `${hostOf(url)} does not resolve`;
    throw invalid('webhook_url_refused', `url: ${message}`, [{ field: 'url', message }]);
  }
  return url.toString();
}
