import { useEffect, useState } from 'react';
import { ApiError } from '../api.js';
import { api } from './api.js';
import type { AttendeeHit, AttendeeSearchResult } from './attendee-types.js';

/** Results shown per search; the API's best matches come first. */
export const SEARCH_LIMIT = 50;

export type SearchState =
  | { state: 'idle' }
  | { state: 'searching'; query: string; hits: AttendeeHit[] | undefined }
  | { state: 'ok'; query: string; hits: AttendeeHit[] }
  | { state: 'error'; query: string; error: ApiError };

/**
 * Searches the event's attendees for `query` ('' searches nothing). A newer query aborts the
 * request of the older one, so a slow stale answer never replaces a fresh one; while a search
 * runs, the previous hits stay on screen instead of flashing away.
 */
export function useAttendeeSearch(base: string, query: string): SearchState {
  const [result, setResult] = useState<SearchState>({ state: 'idle' });
  useEffect(() => {
    if (!query) {
      setResult({ state: 'idle' });
      return;
    }
    const request = new AbortController();
    setResult((prev) => ({
      state: 'searching',
      query,
      hits: prev.state === 'ok' || prev.state === 'searching' ? prev.hits : undefined,
    }));
    const params = new URLSearchParams({ q: query, limit: String(SEARCH_LIMIT) });
    api<AttendeeSearchResult>(`${base}/attendees?${params}`, { signal: request.signal }).then(
      (body) => !request.signal.aborted && setResult({ state: 'ok', query, hits: body.items }),
      (err: unknown) =>
        !request.signal.aborted &&
        setResult({
          state: 'error',
          query,
          error:
            err instanceof ApiError
              ? err
              : new ApiError({ status: 0, code: 'unexpected', detail: String(err) }),
        }),
    );
    return () => request.abort();
  }, [base, query]);
  return result;
}

/** `value`, once it has stopped changing for `ms`. */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}
