import type { Http } from './http.js';

// The webhook endpoints of the server's API, typed for the CLI.

export interface Webhook {
  id: string;
  url: string;
  events: string[];
  eventId: string | null;
  description: string;
  enabled: boolean;
  disabledReason: 'manual' | 'gone' | 'failing' | null;
  previousSecretExpiresAt: string | null;
  failingSince: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface WebhookDelivery {
  id: string;
  eventType: string;
  state: 'pending' | 'delivered' | 'failed';
  attempts: number;
  createdAt: string;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  lastStatus: number | null;
  lastError: string | null;
}

const enc = encodeURIComponent;
const base = (id: string) => `/api/v1/webhooks/${enc(id)}`;

export function webhooksApi(http: Http) {
  return {
    create: (body: { url: string; events: string[]; eventId?: string; description?: string }) =>
      http.json<Webhook & { secret: string }>('POST', '/api/v1/webhooks', body),
    list: async () => (await http.json<{ items: Webhook[] }>('GET', '/api/v1/webhooks')).items,
    rotate: (id: string) =>
      http.json<Webhook & { secret: string }>('POST', `${base(id)}/rotate-secret`),
    update: (id: string, change: { enabled?: boolean }) =>
      http.json<Webhook>('PATCH', base(id), change),
    deliveries: async (id: string, limit: number) =>
      (
        await http.json<{ items: WebhookDelivery[] }>(
          'GET',
          `${base(id)}/deliveries?limit=${limit}`,
        )
      ).items,
    replayOne: (id: string, deliveryId: string) =>
      http.json<{ replayed: number }>('POST', `${base(id)}/deliveries/${enc(deliveryId)}/replay`),
    replaySince: (id: string, since: string) =>
      http.json<{ replayed: number }>('POST', `${base(id)}/replay`, { since }),
    test: (id: string) => http.json<{ deliveryId: string }>('POST', `${base(id)}/test`),
  };
}
