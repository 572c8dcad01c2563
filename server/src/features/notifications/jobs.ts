import type { OutboxSubscriber } from '../../platform/bus/subscriber.js';
import type { FeatureDeps } from '../index.js';
import { smsChannelFor } from './channels/sms-channel-choice.js';
import { startDispatcher } from './dispatcher.js';
import { dispatchPolicy, startMailSending, type MailSendingConfig } from './mail-sending.js';
import { startMailSendingThread } from './mail-sending-thread.js';
import { smsDelivery } from './sms-delivery.js';
import { portalLinks } from './links.js';
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
  const metrics = deps.registry ? createNotificationMetrics(deps.registry) : undefined;
  if (!config.mailDelivery)
    log.info('MAIL_DELIVERY is off: messages are queued in the log, not sent');
  // On PostgreSQL the mails go out from a thread of their own; PGlite lives in this thread.
  const mail = !config.mailDelivery
    ? undefined
    : config.databaseUrl
      ? startMailSendingThread(
          { databaseUrl: config.databaseUrl, config: mailSendingConfig(config) },
          log,
          metrics,
        )
      : startMailSending({ db, config, log, metrics });
  const sms = config.sms.delivery ? smsChannelFor(config, log) : undefined;
  if (!sms) log.info('SMS_DELIVERY is off: SMS are queued in the log, not sent');
  const smsDispatcher = sms
    ? startDispatcher({
        db,
        log,
        delivery: smsDelivery(sms),
        policy: dispatchPolicy(config),
        ...(metrics ? { metrics } : {}),
      })
    : undefined;
  const unsubscribe = onQueued(() => {
    mail?.wake();
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
      await mail?.stop();
      await smsDispatcher?.stop();
      await sms?.close();
    },
  };
}

/** The plain data of the config the mail thread needs (a Config also holds what cannot cross). */
function mailSendingConfig(c: MailSendingConfig): MailSendingConfig {
  const { smtpUrl, mailFrom, dataDir, notify, mailRenderThreads, logLevel } = c;
  return { smtpUrl, mailFrom, dataDir, notify, mailRenderThreads, logLevel };
}
