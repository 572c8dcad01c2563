import type { Queryable } from '../../platform/db/db.js';
import type { StoredList } from './list-choice.js';
import { eventLists } from './list-store.js';

// Another replica's list change reaches this one's check-ins within this long.
const TTL_MS = 2_000;
const MAX_EVENTS = 1_000;

/** Every list of an event (deleted ones too), read at most every two seconds per event. */
export class ListCache {
  private readonly entries = new Map<string, { lists: StoredList[]; until: number }>();

  constructor(
    private readonly db: Queryable,
    private readonly now: () => number = Date.now,
  ) {}

  async get(eventId: string): Promise<StoredList[]> {
    const at = this.now();
    const cached = this.entries.get(eventId);
    if (cached && cached.until > at) return cached.lists;
    const lists = await eventLists(this.db, eventId);
    if (this.entries.size >= MAX_EVENTS) this.entries.clear();
    this.entries.set(eventId, { lists, until: at + TTL_MS });
    return lists;
  }

  /** After this replica changed the event's lists. */
  invalidate(eventId: string): void {
    this.entries.delete(eventId);
  }
}
