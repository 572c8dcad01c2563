import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { PoolStats } from './db/db.js';

export interface Metrics {
  registry: Registry;
  httpRequests: Counter<'method' | 'route' | 'status'>;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
}

const NON_CONFORMING_DEFAULTS = [
  'nodejs_active_handles_total',
  'nodejs_active_requests_total',
  'nodejs_active_resources_total',
];

/** A registry per server instance (tests start several in one process). */
export function createMetrics(poolStats: () => PoolStats): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'lanyard_' });
  // prom-client names these gauges `_total`, which Prometheus reserves for counters (promtool
  // check metrics fails on them); the handles they count are not worth a lint exception.
  for (const name of NON_CONFORMING_DEFAULTS) registry.removeSingleMetric(`lanyard_${name}`);
  const httpRequests = new Counter({
    name: 'lanyard_http_requests_total',
    help: 'HTTP requests by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const httpDuration = new Histogram({
    name: 'lanyard_http_request_duration_seconds',
    help: 'HTTP request duration by method, route template and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  const pool = new Gauge({
    name: 'lanyard_db_pool_connections',
    help: 'Database pool connections by state',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const s = poolStats();
      pool.set({ state: 'total' }, s.total);
      pool.set({ state: 'idle' }, s.idle);
      pool.set({ state: 'waiting' }, s.waiting);
    },
  });
  return { registry, httpRequests, httpDuration };
}
