import { z } from 'zod';
import { EVENT_TYPE_NAMES } from './catalog.js';

const Uuid = z.uuid({ message: 'must be a UUID' });

const EventTypes = z
  .array(
    z.string().refine((t) => t === '*' || EVENT_TYPE_NAMES.includes(t), {
      message: `must be "*" or one of ${EVENT_TYPE_NAMES.join(', ')}`,
    }),
  )
  .min(1, 'must name at least one event type, or "*"')
  .max(50, 'must name at most 50 event types');
const Url = z.string().trim().max(2000, 'must be at most 2000 characters');
const Description = z.string().trim().max(500, 'must be at most 500 characters');

export const WebhookIdParams = z.strictObject({ webhookId: Uuid });
export const DeliveryParams = z.strictObject({
  webhookId: Uuid,
  deliveryId: z.string().regex(/^msg_[0-9a-f]{32}$/, 'must be a delivery id (msg_…)'),
});

export const CreateWebhookBody = z.strictObject({
  url: Url,
  events: EventTypes,
  eventId: Uuid.optional(),
  description: Description.optional(),
});

export const UpdateWebhookBody = z.strictObject({
  url: Url.optional(),
  events: EventTypes.optional(),
  description: Description.optional(),
  enabled: z.boolean().optional(),
});

export const ReplayBody = z.strictObject({
  since: z.iso.datetime({ offset: true, message: 'must be an ISO 8601 date-time' }),
});

export const DeliveriesQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
});

export const Webhook = z.object({
  id: Uuid,
  url: z.string(),
  events: z.array(z.string()),
  eventId: Uuid.nullable(),
  description: z.string(),
  enabled: z.boolean(),
  /** Why it is disabled: manual, gone (answered 410), failing (5 days without a success). */
  disabledReason: z.enum(['manual', 'gone', 'failing']).nullable(),
  /** Until when the secret before the last rotation is still signed with. */
  previousSecretExpiresAt: z.string().nullable(),
  failingSince: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Webhook = z.infer<typeof Webhook>;

export const WebhookList = z.object({ items: z.array(Webhook) });

/** On creation and rotation only: the secret receivers verify with. */
export const WebhookWithSecret = Webhook.extend({ secret: z.string() });

export const Delivery = z.object({
  id: z.string(),
  eventType: z.string(),
  state: z.enum(['pending', 'delivered', 'failed']),
  attempts: z.number().int(),
  createdAt: z.string(),
  nextAttemptAt: z.string().nullable(),
  deliveredAt: z.string().nullable(),
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
});
export const DeliveryList = z.object({ items: z.array(Delivery) });

export const Attempt = z.object({
  attemptedAt: z.string(),
  status: z.number().int().nullable(),
  error: z.string().nullable(),
  latencyMs: z.number().int(),
  responseBody: z.string().nullable(),
});
export const AttemptList = z.object({ items: z.array(Attempt) });

export const Replayed = z.object({ replayed: z.number().int() });
export const TestSent = z.object({ deliveryId: z.string() });
