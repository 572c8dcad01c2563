import type { Config } from '../../platform/config.js';
import type { Db } from '../../platform/db/db.js';
import type { Logger } from '../../platform/log.js';
import { mailChannelFor } from './channels/mail-channel-choice.js';
import { startDispatcher, type DispatchPolicy } from './dispatcher.js';
import { mailDelivery } from './mail-delivery.js';
import { mailRenderer } from './messages/renderer.js';
import type { NotificationMetrics } from './metrics.js';

/** What the mail sender needs of the server's config (all of it plain data, for a thread). */
export type MailSendingConfig = Pick<
  Config,
  'smtpUrl' | 'mailFrom' | 'dataDir' | 'notify' | 'mailRenderThreads' | 'logLevel'
>;

/** Sends queued mails: on this event loop (mail-sending.ts) or on a thread of its own. */
export interface MailSending {
  /** Looks for due mails now (this process queued some). */
  wake(): void;
  /** Stops leasing and waits for the sends under way to be recorded. */
  stop(): Promise<void>;
}

export function dispatchPolicy(config: Pick<Config, 'notify'>): DispatchPolicy {
  return {
    batchSize: 50,
    concurrency: 10,
    leaseMs: 5 * 60_000,
    pollMs: 1000,
    busyPollMs: 100,
    ...config.notify,
  };
}

/** The mail channel (SMTP, or `.eml` files), its renderer and its dispatcher, on this event loop. */
export function startMailSending(o: {
  db: Db;
  config: MailSendingConfig;
  log: Logger;
  metrics?: NotificationMetrics | undefined;
}): MailSending {
  const channel = mailChannelFor(o.config, o.log);
  const renderer = mailRenderer(o.config.mailRenderThreads);
  const dispatcher = startDispatcher({
    db: o.db,
    log: o.log,
    delivery: mailDelivery(channel, renderer, o.config.mailFrom),
    policy: dispatchPolicy(o.config),
    ...(o.metrics ? { metrics: o.metrics } : {}),
  });
  return {
    wake: () => dispatcher.wake(),
    async stop() {
      await dispatcher.stop();
      await renderer.close();
      await channel.close();
    },
  };
}
