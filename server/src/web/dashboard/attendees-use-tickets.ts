import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../api.js';
import { api } from './api.js';
import { ticketRow, type AttendeeRow, type TicketPage } from './attendee-types.js';

const PAGE = 50;

export interface EventTickets {
  rows: AttendeeRow[];
  /** True until the first page has arrived. */
  loading: boolean;
  /** Fetching the next page. */
  busy: boolean;
  more: boolean;
  error: ApiError | undefined;
  showMore: () => void;
}

/** The event's tickets, oldest first, a page at a time; nothing is fetched until `active`. */
export function useEventTickets(base: string, active: boolean): EventTickets {
  const [rows, setRows] = useState<AttendeeRow[]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  const load = useCallback(
    async (after: string | undefined) => {
      setBusy(true);
      setError(undefined);
      const params = new URLSearchParams({ limit: String(PAGE) });
      if (after) params.set('cursor', after);
      try {
        const page = await api<TicketPage>(`${base}/tickets?${params}`);
        setRows((prev) => [...prev, ...page.items.map(ticketRow)]);
        setCursor(page.nextCursor);
      } catch (err) {
        setError(
          err instanceof ApiError
            ? err
            : new ApiError({ status: 0, code: 'unexpected', detail: String(err) }),
        );
      }
      setBusy(false);
    },
    [base],
  );

  const started = cursor !== undefined || busy || error !== undefined;
  useEffect(() => {
    if (active && !started) void load(undefined);
  }, [active, started, load]);

  return {
    rows,
    loading: cursor === undefined && !error,
    busy,
    more: typeof cursor === 'string',
    error,
    showMore: () => {
      if (typeof cursor === 'string' && !busy) void load(cursor);
    },
  };
}
