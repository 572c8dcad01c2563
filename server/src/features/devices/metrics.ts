import { Gauge, type Registry } from 'prom-client';
import type { Db } from '../../platform/db/db.js';

/**
 * How long ago each enrolled kiosk or phone last reached the server (a sync, its long-poll or a
 * scan), read when scraped. A device offline at the door shows as a growing age: its scans wait
 * on the device, and it admits from a cache that grows older.
 */
export function registerDeviceMetrics(registry: Registry, db: Db): void {
  const age = new Gauge({
    name: 'lanyard_device_last_seen_age_seconds',
    help: 'Seconds since an enrolled, unrevoked device of an unarchived event last reached the server',
    labelNames: ['event_id', 'device_id', 'device'] as const,
    registers: [registry],
    async collect() {
      const { rows } = await db.query<{
        event_id: string;
        device_id: string;
        name: string;
        age: number;
      }>(
        `SELECT d.event_id::text, d.id::text AS device_id, d.name,
                extract(epoch FROM now() - coalesce(d.last_seen_at, d.enrolled_at))::float8 AS age
         FROM devices d JOIN events e ON e.id = d.event_id
         WHERE d.enrolled_at IS NOT NULL AND d.revoked_at IS NULL AND e.archived_at IS NULL`,
      );
      age.reset();
      for (const r of rows)
        age.set({ event_id: r.event_id, device_id: r.device_id, device: r.name }, r.age);
    },
  });
}
