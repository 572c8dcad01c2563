import { Counter, Gauge, type Registry } from 'prom-client';
import type { Db } from '../db/db.js';
import { oldestPendingAge } from './outbox-store.js';

export interface OutboxMetrics {
  delivered: Counter<'topic'>;
  failed: Counter<'topic'>;
  dead: Counter<'topic'>;
}

/** The relay's counters, and the backlog's age read from the database when scraped. */
export function createOutboxMetrics(registry: Registry, db: Db): OutboxMetrics {
  const registers = [registry];
  const labelNames = ['topic'] as const;
  const lag = new Gauge({
    name: 'lanyard_outbox_lag_seconds',
    help: 'Age of the oldest outbox message neither delivered nor dead (0: none waiting)',
    registers,
    async collect() {
      lag.set(await oldestPendingAge(db));
    },
  });
  return {
    delivered: new Counter({
      name: 'lanyard_outbox_delivered_total',
      help: 'Outbox messages delivered to every subscriber, by topic',
      labelNames,
      registers,
    }),
    failed: new Counter({
      name: 'lanyard_outbox_failed_total',
      help: 'Failed delivery attempts of outbox messages (retried later), by topic',
      labelNames,
      registers,
    }),
    dead: new Counter({
      name: 'lanyard_outbox_dead_total',
      help: 'Outbox messages given up after their last attempt failed (dead_at set), by topic',
      labelNames,
      registers,
    }),
  };
}
