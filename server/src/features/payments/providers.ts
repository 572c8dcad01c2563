import type Stripe from 'stripe';
import type { Config } from '../../platform/config.js';
import { DomainError } from '../../platform/errors.js';
import { freeProvider, manualProvider } from './offline-providers.js';
import type { PaymentProvider, PaymentProviders, ProviderName } from './provider.js';
import { stripeClient, stripeProvider } from './stripe-provider.js';

export interface ProviderSetup {
  providers: PaymentProviders;
  /** The Stripe client when Stripe is configured (the webhook verifies with it). */
  stripe: Stripe | undefined;
}

/** The providers of this server; Stripe only with STRIPE_SECRET_KEY. */
export function createPaymentProviders(config: Config): ProviderSetup {
  const stripe = config.stripeSecretKey
    ? stripeClient({ secretKey: config.stripeSecretKey, apiUrl: config.stripeApiUrl })
    : undefined;
  const byName: Partial<Record<ProviderName, PaymentProvider>> = {
    free: freeProvider,
    manual: manualProvider,
    ...(stripe && { stripe: stripeProvider(stripe) }),
  };
  return {
    stripe,
    providers: {
      get(name) {
        const provider = byName[name];
        if (!provider) {
          throw new DomainError(
            'unavailable',
            'payment_provider_unavailable',
            `Payments by ${name} are not configured on this server.`,
          );
        }
        return provider;
      },
    },
  };
}
