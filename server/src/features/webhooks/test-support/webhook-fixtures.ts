import { Webhook as Verifier } from 'standardwebhooks';
import type { TestServer } from '../../../../test/harness.js';
import { json } from '../../ticketing/test-support/ticket-fixtures.js';
import type { Received } from './receiver.js';

// Test support for webhook end-to-end tests: endpoints through the API, verification with the
// Standard Webhooks reference library, and waiting for what the dispatcher records.

export interface CreatedWebhook {
  id: string;
  secret: string;
  url: string;
  events: string[];
  enabled: boolean;
  disabledReason: string | null;
}

export async function createWebhook(t: TestServer, body: Record<string, unknown>) {
  return json<CreatedWebhook>(await t.api('/api/v1/webhooks', { body }), 201);
}

export interface DeliveryView {
  id: string;
  eventType: string;
  state: string;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
}

export async function deliveries(t: TestServer, webhookId: string): Promise<DeliveryView[]> {
  return (
    await json<{ items: DeliveryView[] }>(
      await t.api(`/api/v1/webhooks/${webhookId}/deliveries`),
      200,
    )
  ).items;
}

/** The payload, when the reference library verifies the request with `secret`; else it throws. */
export function verified(
  r: Received,
  secret: string,
): { type: string; timestamp: string; data: Record<string, unknown> } {
  const headers = Object.fromEntries(
    Object.entries(r.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(', ') : (v ?? '')]),
  );
  return new Verifier(secret).verify(r.body, headers) as never;
}

/** Waits for `check` to hold, looking every 50 ms, at most `timeoutMs`. */
export async function until<T>(
  what: string,
  read: () => Promise<T>,
  check: (value: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (check(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The endpoint once the dispatcher has disabled it. */
export function disabledWebhook(t: TestServer, id: string) {
  return until(
    'the endpoint to be disabled',
    async () =>
      json<{ enabled: boolean; disabledReason: string }>(
        await t.api(`/api/v1/webhooks/${id}`),
        200,
      ),
    (w) => !w.enabled,
  );
}
