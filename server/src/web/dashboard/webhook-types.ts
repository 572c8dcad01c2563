// Webhooks as the dashboard reads them: the server's response schemas (types only).
import type { z } from 'zod';
import type {
  DeliveryList as DeliveryListSchema,
  WebhookList as WebhookListSchema,
  WebhookWithSecret as WebhookWithSecretSchema,
} from '../../features/webhooks/schema.js';

export type WebhookList = z.output<typeof WebhookListSchema>;
export type Webhook = WebhookList['items'][number];
export type WebhookWithSecret = z.output<typeof WebhookWithSecretSchema>;
export type DeliveryList = z.output<typeof DeliveryListSchema>;
