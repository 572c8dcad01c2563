import type { Queryable } from '../../platform/db/db.js';
import { ExpiringCache } from '../../platform/expiring-cache.js';
import { forbidden, notFound, unauthenticated } from '../../platform/errors.js';
import type { Principal } from '../identity/principal.js';
import { eventOrganization, seenByClientId } from './store.js';

/** Who is checking people in: an enrolled kiosk of this event, or staff of its organization. */
export type CheckinCaller =
  | { kind: 'device'; deviceId: string; eventId: string; actor: string }
  | { kind: 'staff'; actor: string; organizationId: string };

interface Binding {
  deviceId: string;
  eventId: string;
  revoked: boolean;
}

// A revocation reaches every replica within this long; the replica that revokes forgets at once.
const DEVICE_TTL_MS = 2_000;
const MAX_ENTRIES = 10_000;

/**
 * Decides whether a verified token may check in for an event. A device's token is honoured only
 * while its device is enrolled, not revoked, and bound to this very event; the binding is read
 * from the database at most every two seconds per client, which also notes the device as seen
 * (the organizer's "last seen"). Staff need the event to belong to
 * their organization (another organization's event answers 404).
 */
export class CheckinAccess {
  private readonly devices: ExpiringCache<Binding | null>;
  // Events never change organization, so a found event can be remembered.
  private readonly organizations = new Map<string, string>();

  constructor(
    private readonly db: Queryable,
    now: () => number = Date.now,
  ) {
    this.devices = new ExpiringCache(DEVICE_TTL_MS, MAX_ENTRIES, now);
  }

  async callerFor(principal: Principal, eventId: string): Promise<CheckinCaller> {
    const actor = principal.clientId ?? principal.subject;
    const device = principal.clientId ? await this.binding(principal.clientId) : null;
    if (device) {
      if (device.revoked)
        throw unauthenticated('device_revoked', 'This device has been revoked by the organizer.');
      if (device.eventId !== eventId)
        throw forbidden('device_not_for_event', 'This device is enrolled for another event.');
      return { kind: 'device', deviceId: device.deviceId, eventId, actor };
    }
    const organizationId = await this.organizationOf(eventId);
    if (organizationId !== principal.organizationId) throw notFound('event', eventId);
    return { kind: 'staff', actor, organizationId };
  }

  /** Drops what this replica remembers of a client, e.g. right after revoking its device. */
  forget(clientId: string): void {
    this.devices.delete(clientId);
  }

  private binding(clientId: string): Promise<Binding | null> {
    return this.devices.get(clientId, async () => {
      const row = await seenByClientId(this.db, clientId);
      return row
        ? { deviceId: row.id, eventId: row.eventId, revoked: row.status === 'revoked' }
        : null;
    });
  }

  private async organizationOf(eventId: string): Promise<string | undefined> {
    const known = this.organizations.get(eventId);
    if (known) return known;
    const org = await eventOrganization(this.db, eventId);
    if (org && this.organizations.size < MAX_ENTRIES) this.organizations.set(eventId, org);
    return org;
  }
}
