import type { OutboxSubscriber } from '../../platform/bus/subscriber.js';
import type { AnyRoute } from '../../http/route.js';
import type { FeatureDeps } from '../index.js';
import { addressPolicy } from './address-policy.js';
import { startDispatcher } from './dispatcher.js';
import type { UrlRules } from './endpoint-policy.js';
import { webhookFanout } from './fanout.js';
import { announceQueued, onQueued } from './nudge.js';
import { webhookRoutes } from './routes.js';

// Outgoing webhooks: routes, the outbox subscriber that fans messages out to endpoints, and the
// dispatcher that sends them.

const urlRules = (deps: Pick<FeatureDeps, 'config' | 'publicUrl'>): UrlRules => ({
  addresses: addressPolicy(deps.config.webhookAllowedNetworks),
  allowHttp: new URL(deps.publicUrl).protocol === 'http:',
});

export function webhookFeatureRoutes(deps: FeatureDeps): AnyRoute[] {
  return webhookRoutes(deps.db, urlRules(deps), announceQueued);
}

export function webhookSubscribers(deps: FeatureDeps): OutboxSubscriber[] {
  return [webhookFanout(deps.db, announceQueued)];
}

/** Starts the dispatcher; returns the stop function, which waits for sends in flight. */
export function startWebhookJobs(deps: FeatureDeps): () => Promise<void> {
  const dispatcher = startDispatcher({
    db: deps.db,
    log: deps.log,
    addresses: urlRules(deps).addresses,
  });
  const unsubscribe = onQueued(dispatcher.nudge);
  return async () => {
    unsubscribe();
    await dispatcher.stop();
  };
}
