import type { Db } from '../../platform/db/db.js';
import type { Logger } from '../../platform/log.js';
import { retryDelayMs } from '../../platform/bus/backoff.js';
import { SendFailed, type Sent } from './channels/mail-channel.js';
import type { NotificationMetrics } from './metrics.js';
import {
  claimDueMessages,
  markFailed,
  markSent,
  type Channel,
  type MessageRecord,
} from './store.js';

export interface DispatchPolicy {
  /** Messages leased at once. */
  batchSize: number;
  /** Sends running at once (the SMTP pool's connections are shared among them). */
  concurrency: number;
  /** How long a lease keeps other dispatchers off a message; longer than any send takes. */
  leaseMs: number;
  /** Poll interval, for messages queued by other processes. */
  pollMs: number;
  /**
   * Poll interval after a look that found messages: a paced bulk send's mails come due a few
   * milliseconds apart, and go out in small steady batches instead of a second's worth at once.
   */
  busyPollMs: number;
  maxAttempts: number;
  retryBaseMs: number;
  retryCapMs: number;
}

export interface Dispatcher {
  /** Looks for due messages now (called when this process queued some). */
  wake(): void;
  /** Stops leasing and waits for the sends under way to be recorded. */
  stop(): Promise<void>;
}

/** How the messages of one channel are rendered and sent (mail-delivery.ts, sms-delivery.ts). */
export interface Delivery {
  channel: Channel;
  /** For log lines: 'mail', 'SMS'. */
  label: string;
  /** Loads what the first render needs, before the first message waits for it. */
  warmUp(): Promise<void>;
  /** Renders the message from its fixed data and sends it; `rendered` learns the subject first. */
  deliver(m: MessageRecord, rendered: (subject: string) => void): Promise<Sent>;
}

export interface DispatcherOptions {
  db: Db;
  log: Logger;
  delivery: Delivery;
  policy: DispatchPolicy;
  metrics?: NotificationMetrics;
}

/**
 * Sends the queued messages of one channel. Each is leased (the lease's attempt number makes a late record a no-op),
 * rendered from its fixed data, sent, then recorded. A crash between the send and the record is
 * the one way to send a mail twice: the lease runs out and the mail goes again, with the same
 * Message-ID (the message row's id) so the receiving side can drop the copy.
 */
export function startDispatcher(o: DispatcherOptions): Dispatcher {
  let running = true;
  let wakeUp: (() => void) | undefined;
  let pending = false;
  const wake = () => {
    pending = true;
    wakeUp?.();
  };
  const loop = (async () => {
    await o.delivery
      .warmUp()
      .catch((err: unknown) => o.log.warn({ err }, `${o.delivery.label} warm-up failed`));
    while (running) {
      pending = false;
      let claimed = 0;
      try {
        claimed = await dispatchDue(o);
      } catch (err) {
        o.log.error({ err }, `${o.delivery.label} dispatch failed`);
      }
      if (!running || (claimed === o.policy.batchSize && claimed > 0) || pending) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, claimed > 0 ? o.policy.busyPollMs : o.policy.pollMs);
        wakeUp = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wakeUp = undefined;
    }
  })();
  return {
    wake,
    async stop() {
      running = false;
      wakeUp?.();
      await loop;
    },
  };
}

/**
 * Leases one batch of due messages and sends them; returns how many were leased. Once the channel
 * fails for a reason that is not the recipient's (the server is down), the rest of the batch is
 * not rendered or tried: each is recorded as failed with that reason and waits its backoff.
 */
export async function dispatchDue(o: DispatcherOptions): Promise<number> {
  const batch = await claimDueMessages(
    o.db,
    o.delivery.channel,
    o.policy.batchSize,
    o.policy.leaseMs,
  );
  let next = 0;
  let down: string | undefined;
  const worker = async () => {
    while (next < batch.length) {
      const m = batch[next++]!;
      if (down) await recordFailure(o, m, null, down, false);
      else down = await sendOne(o, m);
    }
  };
  await Promise.all(Array.from({ length: Math.min(o.policy.concurrency, batch.length) }, worker));
  return batch.length;
}

/** Sends one message and records the outcome; returns the error when the channel itself failed. */
async function sendOne(o: DispatcherOptions, m: MessageRecord): Promise<string | undefined> {
  let subject: string | null = null;
  try {
    const { providerId } = await o.delivery.deliver(m, (s) => (subject = s));
    await markSent(o.db, { id: m.id, attempts: m.attempts, subject: subject ?? '', providerId });
    o.metrics?.sent.inc({ kind: m.kind, channel: m.channel });
    return undefined;
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    const sendFailed = err instanceof SendFailed;
    await recordFailure(o, m, subject, error, sendFailed && err.permanent);
    return sendFailed && !err.permanent && err.responseCode === undefined ? error : undefined;
  }
}

async function recordFailure(
  o: DispatcherOptions,
  m: MessageRecord,
  subject: string | null,
  error: string,
  permanent: boolean,
): Promise<void> {
  const dead = permanent || m.attempts >= o.policy.maxAttempts;
  await markFailed(o.db, {
    id: m.id,
    attempts: m.attempts,
    subject,
    error,
    retryInMs: retryDelayMs(m.attempts, o.policy.retryBaseMs, o.policy.retryCapMs),
    dead,
  });
  (dead ? o.metrics?.dead : o.metrics?.failed)?.inc({ kind: m.kind, channel: m.channel });
  o.log[dead ? 'error' : 'warn'](
    { messageId: m.id, kind: m.kind, attempts: m.attempts, error },
    `${o.delivery.label} ${dead ? 'dead-lettered' : 'send failed; will retry'}`,
  );
}
