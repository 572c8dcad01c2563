import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call } from '../api.js';
import { AgendaList } from '../components/agenda-list.js';
import { AgendaSession } from '../components/agenda-session.js';
import { AppLink } from '../components/app-link.js';
import { LoadError, Loading, Notice } from '../components/notice.js';
import { PageHeading } from '../components/page-heading.js';
import { agendaEntries } from '../lib/agenda.js';
import { keyedPath } from '../router.js';
import { useAgenda, type MyAgenda } from '../use-agenda.js';
import { SeatsContext, useSeats } from '../use-seats.js';

export interface AgendaActions {
  busy: string | null;
  favourite(sessionId: string, on: boolean): void;
  signUp(sessionId: string): void;
  cancelSignup(sessionId: string): void;
}

/**
 * The released programme for a ticket holder, opened by the ticket's access key: the list by day
 * with filters and now/next, or one session (`session`); favourites and signups; new releases
 * arrive while it is open and what changed is marked.
 */
export function AgendaPage({
  ticketId,
  accessKey,
  sessionId,
}: {
  ticketId: string;
  accessKey: string | null;
  sessionId: string | null;
}) {
  const { t } = useTranslation();
  const { state, error, setMine } = useAgenda(ticketId, accessKey);
  const seats = useSeats(state?.agenda.eventId, state?.mine, state?.agenda.version);
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const entries = useMemo(
    () => (state ? agendaEntries(state.agenda, state.showChanges) : []),
    [state],
  );
  if (error) return <LoadError error={error} what={t('load.what.programme')} />;
  if (!state) return <Loading what={t('load.loadingWhat.programme')} />;

  const base = `${keyedPath('t', ticketId, accessKey ?? '')}`;
  const agendaBase = base.replace('?', '/agenda?');
  const act = (id: string, run: () => Promise<MyAgenda | undefined>) => {
    setBusy(id);
    setFailure(null);
    run()
      .then((next) => setMine(next))
      .catch((err: unknown) =>
        setFailure(err instanceof ApiError ? err.problem.detail : String(err)),
      )
      .finally(() => setBusy(null));
  };
  const path = (rest: string) => `/api/v1/tickets/${encodeURIComponent(ticketId)}/agenda${rest}`;
  const actions: AgendaActions = {
    busy,
    favourite: (id, on) =>
      act(id, async () => {
        const r = await call<MyAgenda>(path(`/favourites/${id}`), {
          method: on ? 'PUT' : 'DELETE',
          accessKey,
        });
        return r.body;
      }),
    signUp: (id) =>
      act(id, async () => {
        await call(path(`/signups/${id}`), { method: 'POST', accessKey });
        return undefined;
      }),
    cancelSignup: (id) =>
      act(id, async () => {
        await call(path(`/signups/${id}`), { method: 'DELETE', accessKey });
        return undefined;
      }),
  };

  const { agenda } = state;
  const session = sessionId ? agenda.sessions.find((s) => s.id === sessionId) : undefined;
  return (
    <SeatsContext.Provider value={seats}>
      <header className="event-header">
        <p className="eyebrow">
          <AppLink to={base}>{t('agenda.yourTicket')}</AppLink> · {t('agenda.programme')}
        </p>
        {session ? null : (
          <PageHeading title={t('agenda.title', { event: agenda.name })}>{agenda.name}</PageHeading>
        )}
        <p className="hint">
          {agenda.comment
            ? t('agenda.releaseComment', {
                version: agenda.version,
                comment: agenda.comment,
                timezone: agenda.timezone,
              })
            : t('agenda.release', { version: agenda.version, timezone: agenda.timezone })}
        </p>
        {state.mine?.calendarUrl && !session ? (
          <p className="hint">
            <a href={state.mine.calendarUrl.replace(/^https?:/, 'webcal:')}>
              {t('agenda.subscribe')}
            </a>{' '}
            {t('agenda.subscribeHint')}
          </p>
        ) : null}
      </header>
      <div role="status" aria-live="polite" className={state.announcement ? 'notice' : undefined}>
        {state.announcement}
      </div>
      {failure ? <Notice tone="error">{failure}</Notice> : null}
      {sessionId && !session ? <Notice tone="error">{t('agenda.notInProgramme')}</Notice> : null}
      {session ? (
        <AgendaSession
          agenda={agenda}
          session={session}
          entries={entries.filter((e) => e.sessionId === session.id)}
          mine={state.mine}
          actions={actions}
          back={agendaBase}
        />
      ) : (
        <AgendaList
          agenda={agenda}
          entries={entries}
          mine={state.mine}
          actions={actions}
          sessionPath={(id) => `${agendaBase}&session=${encodeURIComponent(id)}`}
        />
      )}
    </SeatsContext.Provider>
  );
}
