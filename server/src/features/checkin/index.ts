import type { AnyRoute } from '../../http/route.js';
import type { Db } from '../../platform/db/db.js';
import type { Logger } from '../../platform/log.js';
import type { RateGate } from '../../platform/ratelimit/gate.js';
import { CheckinAccess } from '../devices/checkin-access.js';
import { deviceRoutes } from '../devices/routes.js';
import type { IssuerInfo } from '../devices/service.js';
import { ChangeWatcher } from '../sync/change-watcher.js';
import { syncRoutes } from '../sync/routes.js';
import { KeyringCache } from './keyring-cache.js';
import { ListCache } from './list-cache.js';
import type { CheckinDeps } from './online-checkin.js';
import { checkinRoutes } from './routes.js';

// Check-in, kiosk devices and the sync feed share per-server state: the device binding cache
// (revocation must reach check-ins at once), the list and keyring caches, and the long-poll
// watcher (a stored scan wakes waiting kiosks). One runtime per database, made on first use.

interface CheckinRuntime {
  deps: CheckinDeps;
  access: CheckinAccess;
  watcher: ChangeWatcher;
}

const runtimes = new WeakMap<Db, CheckinRuntime>();

function runtimeFor(db: Db, log: Logger): CheckinRuntime {
  let rt = runtimes.get(db);
  if (!rt) {
    const watcher = new ChangeWatcher(db, log.child({ component: 'sync' }));
    rt = {
      deps: {
        db,
        keyrings: new KeyringCache(db),
        lists: new ListCache(db),
        changed: (eventId) => watcher.poke(eventId),
      },
      access: new CheckinAccess(db),
      watcher,
    };
    runtimes.set(db, rt);
  }
  return rt;
}

export interface CheckinFeatureDeps {
  db: Db;
  log: Logger;
  publicUrl: string;
  identity: IssuerInfo;
  /** Device enrollment is rate limited per client address. */
  rateLimits: RateGate;
}

/** Routes of check-in (lists, online check-in, scan upload, flags), devices and sync. */
export function checkinFeatureRoutes(d: CheckinFeatureDeps): AnyRoute[] {
  const rt = runtimeFor(d.db, d.log);
  return [
    ...checkinRoutes(rt.deps, rt.access),
    ...deviceRoutes(d.db, rt.access, d.publicUrl, d.identity, d.rateLimits),
    ...syncRoutes(d.db, rt.access, rt.watcher),
  ];
}

/** Stops the long-poll watcher, so waiting kiosks are answered before the server closes. */
export function startCheckinJobs(d: { db: Db; log: Logger }): () => Promise<void> {
  const rt = runtimeFor(d.db, d.log);
  return async () => rt.watcher.stop();
}
