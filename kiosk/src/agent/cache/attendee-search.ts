import type { ReadDb } from './handles.js';
import { matchScore, normaliseForSearch } from '@lanyard/core';
import { statement } from './statements.js';

/** One attendee found in the cache. */
export interface AttendeeMatch {
  ticketId: string;
  name: string;
  email: string;
  ticketTypeId: string;
  status: 'valid' | 'revoked';
  /** 0..1, best first. */
  score: number;
}

interface Row {
  id: string;
  name: string;
  email: string;
  ticket_type_id: string;
  status: 'valid' | 'revoked';
  search_text: string;
}

/** Candidates fetched from the index before the finer scoring picks the best. */
const CANDIDATES = 200;
const MIN_SCORE = 0.5;
const RAREST_TRIGRAMS = 8;
const COMMON_TRIGRAM_DOCS = 3000;
const MAX_QUERY = 200;

const COLUMNS = 't.id, t.name, t.email, t.ticket_type_id, t.status, t.search_text';

function trigramsOf(text: string): string[] {
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= text.length; i++) {
    grams.add(text.slice(i, i + 3));
  }
  return [...grams];
}

function candidates(db: ReadDb, query: string): Row[] {
  if (query.length < 3) {
    // Too short for trigrams: names or email words starting with it.
    return statement(
      db,
      `SELECT ${COLUMNS} FROM tickets t WHERE t.search_text LIKE @q || '%' OR
         t.search_text LIKE '% ' || @q || '%' LIMIT ${CANDIDATES}`,
    ).all({ q: query }) as Row[];
  }
  // A ticket sharing any of the query's rarest trigrams is a candidate; bm25 ranks those sharing
  // the most first. That survives a typo or two, which an exact substring match would not, and
  // leaves out trigrams every email holds ("exa", "com"), which would make every ticket one.
  const grams = trigramsOf(query);
  const frequency = statement(
    db,
    `SELECT term, doc FROM attendee_trigrams WHERE term IN (${grams.map(() => '?').join(',')})`,
  );
  const known = (frequency.all(...grams) as { term: string; doc: number }[]).sort(
    (a, b) => a.doc - b.doc,
  );
  // Trigrams held by thousands of tickets select nothing; keep a few even so, for short queries.
  const selective = known.filter((g) => g.doc <= COMMON_TRIGRAM_DOCS);
  const rarest = (selective.length >= 2 ? selective : known.slice(0, 2)).slice(0, RAREST_TRIGRAMS);
  if (rarest.length === 0) return [];
  // Count, per ticket, how many of those trigrams it holds: cheaper than bm25 over the union.
  const postings = statement(db, 'SELECT rowid FROM attendee_search WHERE attendee_search MATCH ?');
  const shared = new Map<number, number>();
  for (const g of rarest) {
    for (const seq of postings.pluck().all(`"${g.term}"`) as number[]) {
      shared.set(seq, (shared.get(seq) ?? 0) + 1);
    }
  }
  const best = [...shared].sort((a, b) => b[1] - a[1]).slice(0, CANDIDATES);
  if (best.length === 0) return [];
  return statement(
    db,
    `SELECT ${COLUMNS} FROM tickets t WHERE t.seq IN (SELECT value FROM json_each(?))`,
  ).all(JSON.stringify(best.map(([seq]) => seq))) as Row[];
}

/**
 * Finds attendees by name or email, forgiving typos, accents, case and word order. Reads the
 * cache only, so it answers offline.
 */
export function searchAttendees(db: ReadDb, rawQuery: string, limit = 10): AttendeeMatch[] {
  const query = normaliseForSearch(rawQuery.slice(0, MAX_QUERY));
  if (!query) return [];
  const scored: AttendeeMatch[] = [];
  for (const row of candidates(db, query)) {
    const [name = '', email = ''] = row.search_text.split(' | ');
    const score = Math.max(matchScore(query, name), matchScore(query, email));
    if (score < MIN_SCORE) continue;
    scored.push({
      ticketId: row.id,
      name: row.name,
      email: row.email,
      ticketTypeId: row.ticket_type_id,
      status: row.status,
      score: Math.round(score * 1000) / 1000,
    });
  }
  scored.sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  return scored.slice(0, limit);
}
