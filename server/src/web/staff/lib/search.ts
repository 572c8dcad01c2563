import { matchScore, normaliseForSearch, type SyncChange } from '@lanyard/core/browser';
import { compactTicket } from './cache.js';
import type { Db, TicketRecord } from './db.js';

/** One attendee found in the cache. */
export interface AttendeeMatch {
  ticket: TicketRecord;
  score: number;
}

interface Entry {
  ticket: TicketRecord;
  name: string;
  email: string;
}

const CANDIDATES = 200;
const MIN_SCORE = 0.5;
const RAREST_TRIGRAMS = 8;
const COMMON_TRIGRAM_DOCS = 3000;
const TICKET_ID_PREFIX = /^[0-9a-f]{4}[0-9a-f-]*$/;

function trigramsOf(text: string): Set<string> {
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= text.length; i++) grams.add(text.slice(i, i + 3));
  return grams;
}

/**
 * Typo-tolerant search over the cached tickets, scored as the kiosk's search is (core's
 * matchScore). The index lives in memory and is built on the first search, not during sync;
 * small sync pages update it in place, a snapshot makes the next search rebuild it.
 */
export class AttendeeIndex {
  private entries: Map<string, Entry> | undefined;
  private grams = new Map<string, Set<string>>();
  private building: Promise<Map<string, Entry>> | undefined;

  constructor(private readonly db: Db) {}

  /** Applies a page's ticket changes, or drops the index when the page is large. */
  changed(changes: readonly SyncChange[]): void {
    if (!this.entries) return;
    if (changes.length > 500) {
      this.entries = undefined;
      this.building = undefined;
      this.grams = new Map();
      return;
    }
    for (const change of changes) {
      if (change.type === 'ticket.upserted') {
        this.add(compactTicket(change.ticket));
      } else if (change.type === 'ticket.revoked') {
        const entry = this.entries.get(change.ticketId);
        if (entry) entry.ticket = { ...entry.ticket, s: 1 };
      }
    }
  }

  async search(rawQuery: string, limit = 10): Promise<AttendeeMatch[]> {
    const query = normaliseForSearch(rawQuery.slice(0, 200));
    if (!query) return [];
    const entries = await this.index();
    const compact = rawQuery.trim().toLowerCase();
    if (TICKET_ID_PREFIX.test(compact)) {
      const byId = [...entries.values()].filter((e) => e.ticket.id.startsWith(compact));
      if (byId.length) return byId.slice(0, limit).map((e) => ({ ticket: e.ticket, score: 1 }));
    }
    const scored: AttendeeMatch[] = [];
    for (const entry of this.candidates(query, entries)) {
      const score = Math.max(matchScore(query, entry.name), matchScore(query, entry.email));
      if (score >= MIN_SCORE) scored.push({ ticket: entry.ticket, score });
    }
    scored.sort((a, b) => b.score - a.score || a.ticket.n.localeCompare(b.ticket.n));
    return scored.slice(0, limit);
  }

  private candidates(query: string, entries: Map<string, Entry>): Iterable<Entry> {
    if (query.length < 3) {
      // Too short for trigrams: names or email words starting with it.
      const out: Entry[] = [];
      for (const e of entries.values()) {
        if (` ${e.name} ${e.email}`.includes(` ${query}`)) out.push(e);
        if (out.length >= CANDIDATES) break;
      }
      return out;
    }
    // Tickets sharing the query's rarest trigrams, most shared first: that survives a typo or
    // two, and skips trigrams nearly every email holds ("com").
    const known = [...trigramsOf(query)]
      .map((g) => this.grams.get(g))
      .filter((ids): ids is Set<string> => ids !== undefined)
      .sort((a, b) => a.size - b.size);
    const selective = known.filter((ids) => ids.size <= COMMON_TRIGRAM_DOCS);
    const rarest = (selective.length >= 2 ? selective : known.slice(0, 2)).slice(
      0,
      RAREST_TRIGRAMS,
    );
    const shared = new Map<string, number>();
    for (const ids of rarest) for (const id of ids) shared.set(id, (shared.get(id) ?? 0) + 1);
    return [...shared]
      .sort((a, b) => b[1] - a[1])
      .slice(0, CANDIDATES)
      .map(([id]) => entries.get(id)!)
      .filter(Boolean);
  }

  private index(): Promise<Map<string, Entry>> {
    if (this.entries) return Promise.resolve(this.entries);
    this.building ??= this.db.getAll('tickets').then((tickets) => {
      this.entries = new Map();
      this.grams = new Map();
      for (const ticket of tickets) this.add(ticket);
      return this.entries;
    });
    return this.building;
  }

  private add(ticket: TicketRecord): void {
    const entry = {
      ticket,
      name: normaliseForSearch(ticket.n),
      email: normaliseForSearch(ticket.e),
    };
    this.entries!.set(ticket.id, entry);
    for (const g of trigramsOf(`${entry.name} ${entry.email}`)) {
      let ids = this.grams.get(g);
      if (!ids) this.grams.set(g, (ids = new Set()));
      ids.add(ticket.id);
    }
  }
}
