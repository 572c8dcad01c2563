import type { OutboxSubscriber } from '../../platform/bus/subscriber.js';
import type { FeatureDeps } from '../index.js';
import { mailChannelFor } from './channels/mail-channel-choice.js';
import { smsChannelFor } from './channels/sms-channel-choice.js';
import { startDispatcher, type DispatchPolicy } from './dispatcher.js';
import { mailDelivery } from './mail-delivery.js';
import { smsDelivery } from './sms-delivery.js';
import { portalLinks } from './links.js';
import { mailRenderer } from './messages/renderer.js';
import { createNotificationMetrics } from './metrics.js';
import { notificationQueuer } from './queue-from-outbox.js';
import { announceQueued, onBroadcast, onQueued } from './queued.js';
import { fanOutDue } from './broadcast-store.js';
import { pruneDeliveredOutbox } from './store.js';

const PRUNE_EVERY_MS = 10 * 60_000;
// Scheduled organizer messages are looked for this often (and at once when one is created here).
const FAN_OUT_EVERY_MS = 5_000;

export interface NotificationJobs {
  /** The outbox subscribers that queue messages (handed to the outbox relay). */
  subscribers: OutboxSubscriber[];
  stop(): Promise<void>;
}

/** The mail and SMS channels and their dispatchers, and the pruning of delivered outbox rows. */
export function startNotificationJobs(deps: FeatureDeps): NotificationJobs {
  const { db, config, log } = deps;
  const channel = config.mailDelivery ? mailChannelFor(config, log) : undefined;
  if (!channel) log.info('MAIL_DELIVERY is off: messages are queued in the log, not sent');
  const policy: DispatchPolicy = {
    batchSize: 50,
    concurrency: 10,
    leaseMs: 5 * 60_000,
    pollMs: 1000,
    ...config.notify,
  };
  const renderer = channel ? mailRenderer(config.mailRenderThreads) : undefined;
  const metrics = deps.registry ? { metrics: createNotificationMetrics(deps.registry) } : {};
  const dispatcher =
    channel && renderer
      ? startDispatcher({
          db,
          log,
          delivery: mailDelivery(channel, renderer, senderDomain(config.mailFrom)),
          policy,
          ...metrics,
        })
      : undefined;
  const sms = config.sms.delivery ? smsChannelFor(config, log) : undefined;
  if (!sms) log.info('SMS_DELIVERY is off: SMS are queued in the log, not sent');
  const smsDispatcher = sms
    ? startDispatcher({ db, log, delivery: smsDelivery(sms), policy, ...metrics })
    : undefined;
  const unsubscribe = onQueued(() => {
    dispatcher?.wake();
    smsDispatcher?.wake();
  });
  const prune = async () => {
    try {
      const pruned = await pruneDeliveredOutbox(db, config.outboxRetentionHours);
      if (pruned > 0) log.info({ pruned }, 'delivered outbox messages pruned');
    } catch (err) {
      log.warn({ err }, 'pruning the outbox failed');
    }
  };
  const pruning = setInterval(() => void prune(), PRUNE_EVERY_MS);
  pruning.unref();
  void prune();
  let fanning: Promise<void> = Promise.resolve();
  const fanOut = () => {
    fanning = fanning.then(async () => {
      try {
        while (await db.transaction((tx) => fanOutDue(tx, config.bulkPerSecond))) announceQueued();
      } catch (err) {
        log.warn({ err }, 'fanning out an organizer message failed');
      }
    });
  };
  const fanOuts = setInterval(fanOut, FAN_OUT_EVERY_MS);
  fanOuts.unref();
  const unsubscribeBroadcasts = onBroadcast(fanOut);
  return {
    subscribers: [notificationQueuer(db, portalLinks(deps.publicUrl))],
    async stop() {
      clearInterval(pruning);
      clearInterval(fanOuts);
      unsubscribe();
      unsubscribeBroadcasts();
      await fanning;
      await dispatcher?.stop();
      await smsDispatcher?.stop();
      await renderer?.close();
      await channel?.close();
      await sms?.close();
    },
  };
}

/** The domain of the sender's address, for Message-IDs. */
export function senderDomain(from: string): string {
  return /@([^\s>]+)>?\s*$/.exec(from)?.[1] ?? 'localhost';
}
