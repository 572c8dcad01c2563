import type { FeatureDeps } from '../index.js';
import { createPaymentProviders } from './providers.js';
import { startRefundRetry } from './refund-retry.js';

/** Background work of payments: only online providers have refunds left pending. */
export function startPaymentJobs(deps: FeatureDeps): () => Promise<void> {
  const { providers, stripe } = createPaymentProviders(deps.config);
  return stripe ? startRefundRetry(deps.db, providers, deps.log) : () => Promise.resolve();
}
