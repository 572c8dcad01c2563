import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/use-locale.js';
import type { PublicAgenda } from '../../features/scheduling/public-agenda.js';
import {
  byDay,
  clockTime,
  dayLabel,
  filterEntries,
  localDay,
  nowAndNext,
  type AgendaEntry,
  type AgendaFilter,
} from '../lib/agenda.js';
import type { AgendaActions } from '../pages/agenda-page.js';
import type { MyAgenda } from '../use-agenda.js';
import { AgendaBadges, StarButton } from './agenda-badges.js';
import { SeatsLeft } from './agenda-seats.js';
import { AppLink } from './app-link.js';

const NO_FILTER: AgendaFilter = { roomId: '', trackId: '', query: '', mineOnly: false };

/** The current time, renewed every minute: a phone left open keeps "now" true. */
function useMinute(): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** The programme by day: filters, now / next, one row per session slot or break. */
export function AgendaList({
  agenda,
  entries,
  mine,
  actions,
  sessionPath,
}: {
  agenda: PublicAgenda;
  entries: AgendaEntry[];
  mine: MyAgenda | null;
  actions: AgendaActions;
  sessionPath: (sessionId: string) => string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [filter, setFilter] = useState(NO_FILTER);
  const now = useMinute();
  const favourites = useMemo(() => new Set(mine?.favourites ?? []), [mine]);
  const shown = filterEntries(entries, filter, favourites);
  const days = byDay(shown, agenda.timezone);
  const soon = nowAndNext(entries, now);
  const tz = agenda.timezone;
  const set = (over: Partial<AgendaFilter>) => setFilter((f) => ({ ...f, ...over }));

  const row = (e: AgendaEntry, withDay = false) => (
    <li key={e.key} className={`agenda-item${e.cancelled ? ' agenda-item-cancelled' : ''}`}>
      <p className="agenda-time">
        {withDay ? `${dayLabel(localDay(e.startsAt, tz), locale)}, ` : ''}
        <time dateTime={e.startsAt}>{clockTime(e.startsAt, tz, locale)}</time>–
        <time dateTime={e.endsAt}>{clockTime(e.endsAt, tz, locale)}</time>
      </p>
      <div className="agenda-body">
        {e.sessionId ? (
          <AppLink to={sessionPath(e.sessionId)} className="agenda-title">
            {e.title}
          </AppLink>
        ) : (
          <span className="agenda-title">{e.title || t('agenda.break')}</span>
        )}
        <p className="agenda-meta">
          {[e.room ?? (e.kind === 'break' ? t('agenda.allRooms') : null), e.track]
            .filter(Boolean)
            .join(' · ')}
        </p>
        {e.speakers.length ? <p className="agenda-meta">{e.speakers.join(', ')}</p> : null}
        <AgendaBadges badges={e.badges} cancelled={e.cancelled} timeZone={tz} />
        {e.sessionId && !e.cancelled ? <SeatsLeft sessionId={e.sessionId} /> : null}
      </div>
      {mine && e.sessionId && !e.cancelled ? (
        <StarButton
          title={e.title}
          on={favourites.has(e.sessionId)}
          busy={actions.busy === e.sessionId}
          onToggle={() => actions.favourite(e.sessionId!, !favourites.has(e.sessionId!))}
        />
      ) : null}
    </li>
  );

  return (
    <>
      {soon.now.length || soon.next.length ? (
        <section className="agenda-soon" aria-labelledby="agenda-soon-h">
          <h2 id="agenda-soon-h">{soon.now.length ? t('agenda.now') : t('agenda.next')}</h2>
          <ul className="agenda-items">
            {(soon.now.length ? soon.now : soon.next).map((e) => row(e, true))}
          </ul>
          {soon.now.length && soon.next.length ? (
            <>
              <h3>{t('agenda.next')}</h3>
              <ul className="agenda-items">{soon.next.map((e) => row(e, true))}</ul>
            </>
          ) : null}
        </section>
      ) : null}
      <form className="agenda-filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <div className="field">
          <label htmlFor="agenda-q">{t('agenda.search')}</label>
          <input
            id="agenda-q"
            type="search"
            value={filter.query}
            onChange={(e) => set({ query: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor="agenda-room">{t('agenda.room')}</label>
          <select
            id="agenda-room"
            value={filter.roomId}
            onChange={(e) => set({ roomId: e.target.value })}
          >
            <option value="">{t('agenda.allRooms')}</option>
            {agenda.rooms.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </div>
        {agenda.tracks.length ? (
          <div className="field">
            <label htmlFor="agenda-track">{t('agenda.track')}</label>
            <select
              id="agenda-track"
              value={filter.trackId}
              onChange={(e) => set({ trackId: e.target.value })}
            >
              <option value="">{t('agenda.allTracks')}</option>
              {agenda.tracks.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        {mine ? (
          <div className="field-check">
            <input
              id="agenda-mine"
              type="checkbox"
              checked={filter.mineOnly}
              onChange={(e) => set({ mineOnly: e.target.checked })}
            />
            <label htmlFor="agenda-mine">
              {t('agenda.mineOnly', { count: mine.favourites.length })}
            </label>
          </div>
        ) : null}
      </form>
      {days.length > 1 ? (
        <nav className="agenda-days" aria-label={t('agenda.days')}>
          {days.map((d) => (
            <a key={d.day} href={`#day-${d.day}`}>
              {dayLabel(d.day, locale)}
            </a>
          ))}
        </nav>
      ) : null}
      <p className="visually-hidden" role="status">
        {t('agenda.shown', { shown: shown.length, count: entries.length })}
      </p>
      {days.length === 0 ? <p className="notice">{t('agenda.noMatch')}</p> : null}
      {days.map((d) => (
        <section key={d.day} className="agenda-day" aria-labelledby={`day-${d.day}`}>
          <h2 id={`day-${d.day}`}>{dayLabel(d.day, locale)}</h2>
          <ul className="agenda-items">{d.entries.map((e) => row(e))}</ul>
        </section>
      ))}
    </>
  );
}
