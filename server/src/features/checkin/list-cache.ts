import type { Queryable } from '../../platform/db/db.js';
import { ExpiringCache } from '../../platform/expiring-cache.js';
import type { StoredList } from './list-choice.js';
import { eventLists } from './list-store.js';

// Another replica's list change reaches this one's check-ins within this long.
const TTL_MS = 2_000;
const MAX_EVENTS = 1_000;

/** Every list of an event (deleted ones too), read at most every two seconds per event. */
export class ListCache {
  private readonly entries: ExpiringCache<StoredList[]>;

  constructor(
    private readonly db: Queryable,
    now: () => number = Date.now,
  ) {
    this.entries = new ExpiringCache(TTL_MS, MAX_EVENTS, now);
  }

  get(eventId: string): Promise<StoredList[]> {
    return this.entries.get(eventId, () => eventLists(this.db, eventId));
  }

  /** After this replica changed the event's lists. */
  invalidate(eventId: string): void {
    this.entries.delete(eventId);
  }
}
