import type { z } from 'zod';
import { eventType } from './catalog.js';

/** What a delivery's body says: the Standard Webhooks payload shape. */
export interface WebhookPayload {
  type: string;
  timestamp: string;
  data: Record<string, unknown>;
}

/**
 * The `data` of `type`: exactly the fields its catalog schema names, taken from the outbox
 * message's content and the facts fan-out added (event id, version, the object's current state).
 */
export function payloadOf(type: string, at: Date, facts: Record<string, unknown>): WebhookPayload {
  const schema = eventType(type)?.data;
  if (!schema) throw new Error(`${type} is not in the webhook catalog`);
  const data: Record<string, unknown> = {};
  for (const key of Object.keys((schema as z.ZodObject).shape)) {
    if (facts[key] !== undefined) data[key] = facts[key];
  }
  return { type, timestamp: at.toISOString(), data };
}
