import { Counter, type Registry } from 'prom-client';

export interface NotificationMetrics {
  sent: Counter<'kind'>;
  failed: Counter<'kind'>;
  dead: Counter<'kind'>;
}

export function createNotificationMetrics(registry: Registry): NotificationMetrics {
  const counter = (name: string, help: string) =>
    new Counter({ name, help, labelNames: ['kind'] as const, registers: [registry] });
  return {
    sent: counter('lanyard_notifications_sent_total', 'Messages sent, by kind'),
    failed: counter(
      'lanyard_notifications_failed_total',
      'Failed send attempts (retried later), by kind',
    ),
    dead: counter(
      'lanyard_notifications_dead_total',
      'Messages given up after their last attempt, by kind',
    ),
  };
}
