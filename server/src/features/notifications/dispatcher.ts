import type { Db } from '../../platform/db/db.js';
import type { Logger } from '../../platform/log.js';
import { retryDelayMs } from '../../platform/bus/backoff.js';
import { SendFailed, type MailChannel } from './channels/mail-channel.js';
import type { MessageData } from './messages/kinds.js';
import type { MailRenderer } from './messages/renderer.js';
import type { NotificationMetrics } from './metrics.js';
import { claimDueMessages, markFailed, markSent, type MessageRecord } from './store.js';

export interface DispatchPolicy {
  /** Messages leased at once. */
  batchSize: number;
  /** Sends running at once (the SMTP pool's connections are shared among them). */
  concurrency: number;
  /** How long a lease keeps other dispatchers off a message; longer than any send takes. */
  leaseMs: number;
  /** Poll interval, for messages queued by other processes. */
  pollMs: number;
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

export interface DispatcherOptions {
  db: Db;
  log: Logger;
  channel: MailChannel;
  renderer: MailRenderer;
  policy: DispatchPolicy;
  /** Domain of the Message-IDs (the sender's). */
  domain: string;
  metrics?: NotificationMetrics;
}

/**
 * Sends queued mails. Each is leased (the lease's attempt number makes a late record a no-op),
 * rendered from its fixed data, sent, then recorded. A crash between the send and the record is
 * the one way to send a mail twice: the lease runs out and the mail goes again, with the same
 * Message-ID (the message row's id) so the receiving side can drop the copy.
 */
export function startMailDispatcher(o: DispatcherOptions): Dispatcher {
  let running = true;
  let wakeUp: (() => void) | undefined;
  let pending = false;
  const wake = () => {
    pending = true;
    wakeUp?.();
  };
  const loop = (async () => {
    await warmUp(o);
    while (running) {
      pending = false;
      let claimed = 0;
      try {
        claimed = await dispatchDue(o);
      } catch (err) {
        o.log.error({ err }, 'mail dispatch failed');
      }
      if (!running || (claimed === o.policy.batchSize && claimed > 0) || pending) continue;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, o.policy.pollMs);
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

// The first render loads fonts and compiles the templates' code (on a rendering thread, that
// thread's own): seconds on a busy machine, which should not land on the first confirmation.
async function warmUp(o: DispatcherOptions): Promise<void> {
  const event = {
    id: 'warm-up',
    name: 'Warm-up',
    startsAt: new Date(0).toISOString(),
    endsAt: new Date(1).toISOString(),
    timezone: 'UTC',
    venue: null,
  };
  const ticket = {
    id: 'warm-up',
    token: 'warm-up',
    ticketTypeName: 'Warm-up',
    holderName: 'Warm-up',
  };
  await o.renderer
    .render({
      id: 'warm-up',
      kind: 'order_confirmed',
      recipient: 'warm-up@localhost',
      recipientName: 'Warm-up',
      data: { event, name: 'Warm-up', tickets: [ticket] },
      domain: o.domain,
    })
    .catch((err: unknown) => o.log.warn({ err }, 'mail templates could not be warmed up'));
}

/**
 * Leases one batch of due mails and sends them; returns how many were leased. Once the channel
 * fails for a reason that is not the recipient's (the server is down), the rest of the batch is
 * not rendered or tried: each is recorded as failed with that reason and waits its backoff.
 */
export async function dispatchDue(o: DispatcherOptions): Promise<number> {
  const batch = await claimDueMessages(o.db, 'email', o.policy.batchSize, o.policy.leaseMs);
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

/** Sends one mail and records the outcome; returns the error when the channel itself failed. */
async function sendOne(o: DispatcherOptions, m: MessageRecord): Promise<string | undefined> {
  let subject: string | null = null;
  try {
    const mail = await o.renderer.render({
      id: m.id,
      kind: m.kind,
      recipient: m.recipient,
      recipientName: m.recipientName,
      data: m.data as unknown as MessageData,
      domain: o.domain,
    });
    subject = mail.subject;
    const { providerId } = await o.channel.send(mail);
    await markSent(o.db, { id: m.id, attempts: m.attempts, subject, providerId });
    o.metrics?.sent.inc({ kind: m.kind });
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
  (dead ? o.metrics?.dead : o.metrics?.failed)?.inc({ kind: m.kind });
  o.log[dead ? 'error' : 'warn'](
    { messageId: m.id, kind: m.kind, attempts: m.attempts, error },
    dead ? 'mail dead-lettered' : 'mail send failed; will retry',
  );
}
