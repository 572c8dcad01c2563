import { useCallback, useEffect, useRef, useState } from 'react';
import i18next from 'i18next';
import type { PublicAgenda } from '../features/scheduling/public-agenda.js';
import type { Ticket } from '../features/ticketing/schema.js';
import { ApiError, call } from './api.js';
import { rememberSeen, seenRelease } from './lib/agenda-seen.js';

export interface MyAgenda {
  favourites: string[];
  signups: {
    sessionId: string;
    status: 'confirmed' | 'waitlisted';
    waitlistPosition: number | null;
  }[];
  /** The attendee's own calendar (in the agenda's answer, not in a favourite's). */
  calendarUrl?: string;
}

export interface AgendaState {
  ticket: Ticket;
  agenda: PublicAgenda;
  /** Mark the diff in `agenda.changes`: the attendee had seen an older release. */
  showChanges: boolean;
  /** null: the ticket keeps no agenda (not valid), the programme is read only. */
  mine: MyAgenda | null;
  /** Said once in a live region when a new release arrived while the page was open. */
  announcement: string;
}

const agendaUrl = (eventId: string, since: number | null) =>
  `/api/v1/public/events/${eventId}/agenda${since === null ? '' : `?since=${since}`}`;

// A replica that has not yet seen the release answers the previous one for up to a second.
const RETRY_MS = 1000;

/**
 * The ticket's agenda: the latest release (marked with what changed since the release this
 * browser last showed for the ticket), the attendee's favourites and signups, and a live stream
 * that loads each new release in place.
 */
export function useAgenda(ticketId: string, accessKey: string | null) {
  const [state, setState] = useState<AgendaState | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const version = useRef(0);

  const loadMine = useCallback(
    () =>
      call<MyAgenda>(`/api/v1/tickets/${encodeURIComponent(ticketId)}/agenda`, { accessKey }).then(
        (r) => r.body,
        () => null,
      ),
    [ticketId, accessKey],
  );

  useEffect(() => {
    let live = true;
    let source: EventSource | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const fail = (err: unknown) => {
      if (!live) return;
      setError(
        err instanceof ApiError
          ? err
          : new ApiError({ status: 0, code: 'unexpected', detail: String(err) }),
      );
    };
    // A new release while the page is open: marked against what the page showed until now. A
    // failed or stale answer is asked again a few times; the page keeps what it shows meanwhile.
    const refresh = async (eventId: string, wanted: number, attempt = 0): Promise<void> => {
      const again = () => {
        if (live && attempt < 3 && version.current < wanted)
          retry = setTimeout(() => void refresh(eventId, wanted, attempt + 1), RETRY_MS);
      };
      const since = version.current;
      const agenda = await call<PublicAgenda>(agendaUrl(eventId, since), {
        cache: 'no-cache',
      }).then(
        (r) => r.body,
        () => null,
      );
      if (!live) return;
      if (!agenda || agenda.version <= version.current) return again();
      version.current = agenda.version;
      rememberSeen(ticketId, agenda.version);
      const mine = await loadMine();
      if (!live) return;
      setState(
        (prev) =>
          prev && {
            ...prev,
            agenda,
            showChanges: true,
            mine: mine ?? prev.mine,
            announcement: i18next.t('agenda.updated', { version: agenda.version }),
          },
      );
    };
    (async () => {
      const ticket = (
        await call<Ticket>(`/api/v1/tickets/${encodeURIComponent(ticketId)}`, { accessKey })
      ).body;
      const seen = seenRelease(ticketId);
      const [agenda, mine] = await Promise.all([
        call<PublicAgenda>(agendaUrl(ticket.eventId, seen), { cache: 'no-cache' }).then(
          (r) => r.body,
        ),
        loadMine(),
      ]);
      if (!live) return;
      version.current = agenda.version;
      rememberSeen(ticketId, agenda.version);
      setState({
        ticket,
        agenda,
        showChanges: seen !== null && seen < agenda.version,
        mine,
        announcement: '',
      });
      source = new EventSource(`/api/v1/public/events/${ticket.eventId}/agenda/stream`);
      source.addEventListener('release', (e) => {
        const v = (JSON.parse((e as MessageEvent<string>).data) as { version: number | null })
          .version;
        if (v !== null && v > version.current) void refresh(ticket.eventId, v);
      });
    })().catch(fail);
    return () => {
      live = false;
      source?.close();
      clearTimeout(retry);
    };
  }, [ticketId, accessKey, loadMine]);

  /** Applies an answer of the agenda API (favourites) or loads it again (signups). */
  const setMine = useCallback(
    async (next?: MyAgenda) => {
      const mine = next ?? (await loadMine());
      setState(
        (prev) =>
          prev && {
            ...prev,
            mine: mine && { ...mine, calendarUrl: mine.calendarUrl ?? prev.mine?.calendarUrl },
          },
      );
    },
    [loadMine],
  );

  return { state, error, setMine };
}
