import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/use-locale.js';
import type { PublicAgenda } from '../../features/scheduling/public-agenda.js';
import { clockTime, dayLabel, localDay, type AgendaEntry } from '../lib/agenda.js';
import type { AgendaActions } from '../pages/agenda-page.js';
import type { MyAgenda } from '../use-agenda.js';
import { AgendaBadges, StarButton } from './agenda-badges.js';
import { SeatsLeft } from './agenda-seats.js';
import { AppLink } from './app-link.js';
import { PageHeading } from './page-heading.js';

type Session = PublicAgenda['sessions'][number];

/** What the signup box says and offers: a seat, a waitlist place, or the button to sign up. */
function Signup({
  session,
  mine,
  actions,
}: {
  session: Session;
  mine: MyAgenda | null;
  actions: AgendaActions;
}) {
  const { t } = useTranslation();
  if (session.signupCapacity === null) return <p>{t('agenda.noSignup')}</p>;
  const signup = mine?.signups.find((s) => s.sessionId === session.id);
  const busy = actions.busy === session.id;
  return (
    <section className="agenda-signup" aria-labelledby="signup-h">
      <h2 id="signup-h">{t('agenda.signup')}</h2>
      <p>{t('agenda.limited', { count: session.signupCapacity })}</p>
      {session.status === 'cancelled' ? null : <SeatsLeft sessionId={session.id} />}
      {!mine ? (
        <p className="hint">{t('agenda.validOnly')}</p>
      ) : signup?.status === 'confirmed' ? (
        <>
          <p className="agenda-signup-state">{t('agenda.havePlace')}</p>
          <button
            type="button"
            className="button button-secondary"
            disabled={busy}
            onClick={() => actions.cancelSignup(session.id)}
          >
            {t('agenda.cancelSignup')}
          </button>
        </>
      ) : signup ? (
        <>
          <p className="agenda-signup-state">
            {signup.waitlistPosition
              ? t('agenda.onWaitlistAt', { position: signup.waitlistPosition })
              : t('agenda.onWaitlist')}
          </p>
          <button
            type="button"
            className="button button-secondary"
            disabled={busy}
            onClick={() => actions.cancelSignup(session.id)}
          >
            {t('agenda.leaveWaitlist')}
          </button>
        </>
      ) : session.status === 'cancelled' ? null : (
        <button
          type="button"
          className="button button-primary"
          disabled={busy}
          onClick={() => actions.signUp(session.id)}
        >
          {t('agenda.signUp')}
        </button>
      )}
    </section>
  );
}

/** One session: when and where (each of its slots), speakers, abstract, star, signup. */
export function AgendaSession({
  agenda,
  session,
  entries,
  mine,
  actions,
  back,
}: {
  agenda: PublicAgenda;
  session: Session;
  entries: AgendaEntry[];
  mine: MyAgenda | null;
  actions: AgendaActions;
  back: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const tz = agenda.timezone;
  const speakers = session.speakerIds
    .map((id) => agenda.speakers.find((s) => s.id === id))
    .filter((s) => s !== undefined);
  const track = agenda.tracks.find((t) => t.id === session.trackId);
  const cancelled = session.status === 'cancelled' || entries.every((e) => e.cancelled);
  const favourite = mine?.favourites.includes(session.id) ?? false;
  return (
    <article className="agenda-session">
      <p>
        <AppLink to={back}>{t('agenda.back')}</AppLink>
      </p>
      <div className="agenda-session-head">
        <PageHeading title={`${session.title} · ${agenda.name}`}>{session.title}</PageHeading>
        {mine && !cancelled ? (
          <StarButton
            title={session.title}
            on={favourite}
            busy={actions.busy === session.id}
            onToggle={() => actions.favourite(session.id, !favourite)}
          />
        ) : null}
      </div>
      <AgendaBadges badges={entries[0]?.badges ?? []} cancelled={cancelled} timeZone={tz} />
      <dl className="when-where">
        {entries.map((e) => (
          <div key={e.key}>
            <dt>{t('common.when')}</dt>
            <dd>
              {dayLabel(localDay(e.startsAt, tz), locale)},{' '}
              <time dateTime={e.startsAt}>{clockTime(e.startsAt, tz, locale)}</time>–
              <time dateTime={e.endsAt}>{clockTime(e.endsAt, tz, locale)}</time>
              {e.room ? ` · ${e.room}` : ''}
            </dd>
          </div>
        ))}
        {entries.length === 0 ? (
          <div>
            <dt>{t('common.when')}</dt>
            <dd>{t('agenda.notScheduled')}</dd>
          </div>
        ) : null}
        {track ? (
          <div>
            <dt>{t('agenda.track')}</dt>
            <dd>{track.name}</dd>
          </div>
        ) : null}
        {session.language ? (
          <div>
            <dt>{t('agenda.language')}</dt>
            <dd>{session.language}</dd>
          </div>
        ) : null}
      </dl>
      {session.abstract ? <p className="description">{session.abstract}</p> : null}
      {speakers.length ? (
        <section aria-labelledby="speakers-h">
          <h2 id="speakers-h">{t('agenda.speakers', { count: speakers.length })}</h2>
          {speakers.map((s) => (
            <div key={s.id} className="agenda-speaker">
              <h3>{s.name}</h3>
              {s.bio ? <p>{s.bio}</p> : null}
            </div>
          ))}
        </section>
      ) : null}
      <Signup session={session} mine={mine} actions={actions} />
    </article>
  );
}
