import type { Db, Queryable } from '../../platform/db/db.js';
import { appendAudit } from '../audit/service.js';
import { notFound } from '../../platform/errors.js';
import type { Principal } from '../identity/principal.js';
import * as deliveries from './delivery-store.js';
import { checkWebhookUrl, type UrlRules } from './endpoint-policy.js';
import * as store from './endpoint-store.js';
import { insertMessages } from './fanout-store.js';
import { newMessageId } from './message-id.js';
import { payloadOf } from './payload.js';
import type { Webhook } from './schema.js';
import { newSecret } from './signature.js';

// Use cases of webhook endpoints: one exported function each, one transaction each.

const ROTATION_OVERLAP_MS = 24 * 3600_000;

export const toWebhook = (e: store.EndpointRecord): Webhook => ({
  id: e.id,
  url: e.url,
  events: e.eventTypes,
  eventId: e.eventId,
  description: e.description,
  enabled: e.enabled,
  disabledReason: e.disabledReason as Webhook['disabledReason'],
  previousSecretExpiresAt:
    e.previousSecretExpiresAt && e.previousSecretExpiresAt > new Date()
      ? e.previousSecretExpiresAt.toISOString()
      : null,
  failingSince: e.failingSince?.toISOString() ?? null,
  createdAt: e.createdAt.toISOString(),
  updatedAt: e.updatedAt.toISOString(),
});

export async function createWebhook(
  db: Db,
  actor: Principal,
  rules: UrlRules,
  input: {
    url: string;
    events: string[];
    eventId?: string | undefined;
    description?: string | undefined;
  },
): Promise<Webhook & { secret: string }> {
  const url = await checkWebhookUrl(input.url, rules);
  if (input.eventId && !(await store.eventInOrganization(db, actor.organizationId, input.eventId)))
    throw notFound('event', input.eventId);
  const secret = newSecret();
  const created = await db.transaction(async (tx) => {
    const row = await store.insertEndpoint(tx, {
      organizationId: actor.organizationId,
      eventId: input.eventId ?? null,
      url,
      eventTypes: [...new Set(input.events)],
      description: input.description ?? '',
      secret,
    });
    await auditWebhook(tx, actor, 'webhook.created', null, row);
    return row;
  });
  return { ...toWebhook(created), secret };
}

export async function listWebhooks(db: Db, actor: Principal): Promise<Webhook[]> {
  return (await store.listEndpoints(db, actor.organizationId)).map(toWebhook);
}

export async function getWebhook(db: Db, actor: Principal, id: string): Promise<Webhook> {
  return toWebhook(await requireEndpoint(db, actor, id));
}

export async function updateWebhook(
  db: Db,
  actor: Principal,
  rules: UrlRules,
  id: string,
  change: {
    url?: string | undefined;
    events?: string[] | undefined;
    description?: string | undefined;
    enabled?: boolean | undefined;
  },
): Promise<Webhook> {
  const url = change.url === undefined ? undefined : await checkWebhookUrl(change.url, rules);
  return db.transaction(async (tx) => {
    const before = await store.findEndpoint(tx, actor.organizationId, id);
    const updated =
      before &&
      (await store.updateEndpoint(tx, actor.organizationId, id, {
        url,
        eventTypes: change.events && [...new Set(change.events)],
        description: change.description,
        enabled: change.enabled,
      }));
    if (!updated) throw notFound('webhook', id);
    await auditWebhook(tx, actor, 'webhook.updated', before, updated);
    return toWebhook(updated);
  });
}

export async function deleteWebhook(db: Db, actor: Principal, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await store.findEndpoint(tx, actor.organizationId, id);
    if (!before || !(await store.deleteEndpoint(tx, actor.organizationId, id)))
      throw notFound('webhook', id);
    await auditWebhook(tx, actor, 'webhook.deleted', before, null);
  });
}

/** Secrets never enter the log: only the endpoint's public shape does. */
async function auditWebhook(
  tx: Queryable,
  actor: Principal,
  action: string,
  before: store.EndpointRecord | null,
  after: store.EndpointRecord | null,
): Promise<void> {
  const id = (after ?? before)!.id;
  await appendAudit(tx, actor, {
    action,
    objectType: 'webhook',
    objectId: id,
    eventId: (after ?? before)!.eventId,
    before: before && toWebhook(before),
    after: after && toWebhook(after),
  });
}

/** A new secret; for 24 hours deliveries carry signatures with both. */
export async function rotateSecret(
  db: Db,
  actor: Principal,
  id: string,
): Promise<Webhook & { secret: string }> {
  const secret = newSecret();
  const rotated = await db.transaction(async (tx) => {
    const row = await store.rotateSecret(
      tx,
      actor.organizationId,
      id,
      secret,
      new Date(Date.now() + ROTATION_OVERLAP_MS),
    );
    if (!row) throw notFound('webhook', id);
    await appendAudit(tx, actor, {
      action: 'webhook.secret_rotated',
      objectType: 'webhook',
      objectId: id,
      eventId: row.eventId,
    });
    return row;
  });
  return { ...toWebhook(rotated), secret };
}

/** Queues a `webhook.test` message to the endpoint, whatever types it subscribed to. */
export async function sendTestEvent(
  db: Db,
  actor: Principal,
  id: string,
): Promise<{ deliveryId: string }> {
  await requireEndpoint(db, actor, id);
  const deliveryId = newMessageId();
  const body = JSON.stringify(
    payloadOf('webhook.test', new Date(), {
      webhookId: id,
      message: 'A test event from Lanyard; no action needed.',
    }),
  );
  await insertMessages(db, [
    { id: deliveryId, endpointId: id, outboxId: null, eventType: 'webhook.test', body },
  ]);
  return { deliveryId };
}

export async function listDeliveries(db: Db, actor: Principal, id: string, limit: number) {
  await requireEndpoint(db, actor, id);
  return (await deliveries.listDeliveries(db, id, limit)).map((r) => ({
    id: r.id,
    eventType: r.event_type,
    state: r.state,
    attempts: r.attempts,
    createdAt: r.created_at.toISOString(),
    nextAttemptAt: r.state === 'pending' ? r.next_attempt_at.toISOString() : null,
    deliveredAt: r.delivered_at?.toISOString() ?? null,
    lastStatus: r.last_status,
    lastError: r.last_error,
  }));
}

export async function listAttempts(db: Db, actor: Principal, id: string, deliveryId: string) {
  await requireEndpoint(db, actor, id);
  return (await deliveries.listAttempts(db, id, deliveryId)).map((a) => ({
    attemptedAt: a.attempted_at.toISOString(),
    status: a.status,
    error: a.error,
    latencyMs: a.latency_ms,
    responseBody: a.response_body,
  }));
}

/** Sends one delivery again, with the same webhook-id and body. */
export async function replayDelivery(
  db: Db,
  actor: Principal,
  id: string,
  deliveryId: string,
): Promise<{ replayed: number }> {
  await requireEndpoint(db, actor, id);
  const replayed = await deliveries.replay(db, id, { messageId: deliveryId });
  if (replayed === 0) throw notFound('delivery', deliveryId);
  return { replayed };
}

/** Sends again every delivery of the endpoint made since `since` (after a receiver's outage). */
export async function replaySince(
  db: Db,
  actor: Principal,
  id: string,
  since: Date,
): Promise<{ replayed: number }> {
  await requireEndpoint(db, actor, id);
  return { replayed: await deliveries.replay(db, id, { since }) };
}

async function requireEndpoint(db: Db, actor: Principal, id: string) {
  const found = await store.findEndpoint(db, actor.organizationId, id);
  if (!found) throw notFound('webhook', id);
  return found;
}
