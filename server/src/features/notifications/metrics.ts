import { Counter, type Registry } from 'prom-client';

/** A count by message kind and channel: a prom-client counter, or its stand-in on the mail thread. */
export interface KindCounter {
  inc(labels: { kind: string; channel: string }): void;
}

export interface NotificationMetrics {
  sent: KindCounter;
  failed: KindCounter;
  dead: KindCounter;
}

export const COUNTERS = ['sent', 'failed', 'dead'] as const;

export function createNotificationMetrics(registry: Registry): NotificationMetrics {
  const counter = (name: string, help: string) =>
    new Counter({ name, help, labelNames: ['kind', 'channel'] as const, registers: [registry] });
  return {
    sent: counter(
      'lanyard_notifications_sent_total',
      'Messages sent, by kind and channel (email, sms)',
    ),
    failed: counter(
      'lanyard_notifications_failed_total',
      'Failed send attempts (retried later), by kind and channel',
    ),
    dead: counter(
      'lanyard_notifications_dead_total',
      'Messages given up after their last attempt, by kind and channel',
    ),
  };
}
