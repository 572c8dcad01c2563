import { useEffect, useState } from 'react';
import { Notice } from '../components/notice.js';
import { AttendeesList } from './attendees-list.js';
import {
  SEARCH_LIMIT,
  useAttendeeSearch,
  useDebounced,
  type SearchState,
} from './attendees-use-search.js';
import { useEventTickets, type EventTickets } from './attendees-use-tickets.js';
import type { OrganizerEvent } from './types.js';

/** Typing pauses shorter than this are one query. */
const DEBOUNCE_MS = 250;

/**
 * The attendee list: a search box that searches as the organizer types, and below it the hits,
 * or the event's tickets while the box is empty. The query lives in the URL's `?q=`, so Back
 * from an attendee and a reload come back to the same results.
 */
export function AttendeesSearch({ event, base }: { event: OrganizerEvent; base: string }) {
  const [text, setText] = useState(queryInUrl);
  // Back, Forward or a link to another `?q=` (or none) while this page stays open.
  useEffect(() => {
    const follow = () => setText(queryInUrl());
    window.addEventListener('popstate', follow);
    return () => window.removeEventListener('popstate', follow);
  }, []);
  const query = useDebounced(text.trim(), DEBOUNCE_MS);
  useEffect(() => keepQueryInUrl(query), [query]);
  const search = useAttendeeSearch(base, query);
  const tickets = useEventTickets(base, query === '');

  return (
    <section aria-labelledby="attendees-heading" className="panel">
      <h2 id="attendees-heading">Attendees</h2>
      <form role="search" className="field attendee-search" onSubmit={(e) => e.preventDefault()}>
        <label htmlFor="attendee-q">Search attendees</label>
        <p className="hint" id="attendee-q-hint">
          Name (spelling mistakes are fine), email or ticket id
        </p>
        <input
          id="attendee-q"
          type="search"
          value={text}
          maxLength={200}
          autoComplete="off"
          spellCheck={false}
          aria-describedby="attendee-q-hint"
          onChange={(e) => setText(e.target.value)}
        />
      </form>
      <p role="status" aria-live="polite" className="result-count">
        {query ? searchSummary(search) : ticketsSummary(tickets)}
      </p>
      {query ? <SearchResults event={event} search={search} /> : null}
      {query ? null : <TicketResults event={event} tickets={tickets} />}
    </section>
  );
}

const queryInUrl = () => new URLSearchParams(window.location.search).get('q') ?? '';

/** Replaces (never pushes) the URL, so typing leaves one history entry, not one per letter. */
function keepQueryInUrl(query: string) {
  if (queryInUrl() === query) return;
  const url = new URL(window.location.href);
  if (query) url.searchParams.set('q', query);
  else url.searchParams.delete('q');
  window.history.replaceState(window.history.state, '', `${url.pathname}${url.search}`);
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

function searchSummary(s: SearchState): string {
  if (s.state === 'ok') {
    if (s.hits.length === 0) return `No attendee matches “${s.query}”.`;
    const first = s.hits.length === SEARCH_LIMIT ? 'The best ' : '';
    return `${first}${plural(s.hits.length, 'attendee', 'attendees')} found for “${s.query}”.`;
  }
  if (s.state === 'searching') return 'Searching…';
  return '';
}

function ticketsSummary(t: EventTickets): string {
  if (t.loading || t.error) return t.loading ? 'Loading tickets…' : '';
  if (t.rows.length === 0) return 'No tickets yet.';
  return `${plural(t.rows.length, 'ticket', 'tickets')}${t.more ? ', more below' : ''}.`;
}

function SearchResults({ event, search }: { event: OrganizerEvent; search: SearchState }) {
  if (search.state === 'error') return <Notice tone="error">{search.error.problem.detail}</Notice>;
  if (search.state === 'ok' && search.hits.length === 0)
    return <p>Check the spelling, or search by email address or ticket id.</p>;
  const hits = search.state === 'ok' || search.state === 'searching' ? search.hits : undefined;
  return hits ? <AttendeesList event={event} rows={hits} /> : null;
}

function TicketResults({ event, tickets }: { event: OrganizerEvent; tickets: EventTickets }) {
  return (
    <>
      <AttendeesList event={event} rows={tickets.rows} />
      {tickets.error ? <Notice tone="error">{tickets.error.problem.detail}</Notice> : null}
      {tickets.more ? (
        <button
          type="button"
          className="button button-secondary"
          onClick={tickets.showMore}
          disabled={tickets.busy}
        >
          {tickets.busy ? 'Loading more…' : 'Show more'}
        </button>
      ) : null}
    </>
  );
}
