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
  if (session.signupCapacity === null) return <p>No signup needed: everyone may come.</p>;
  const signup = mine?.signups.find((s) => s.sessionId === session.id);
  const busy = actions.busy === session.id;
  return (
    <section className="agenda-signup" aria-labelledby="signup-h">
      <h2 id="signup-h">Signup</h2>
      <p>
        Limited to {session.signupCapacity} {session.signupCapacity === 1 ? 'place' : 'places'}.
      </p>
      {session.status === 'cancelled' ? null : <SeatsLeft sessionId={session.id} />}
      {!mine ? (
        <p className="hint">Only a valid ticket can sign up.</p>
      ) : signup?.status === 'confirmed' ? (
        <>
          <p className="agenda-signup-state">You have a place.</p>
          <button
            type="button"
            className="button button-secondary"
            disabled={busy}
            onClick={() => actions.cancelSignup(session.id)}
          >
            Cancel my signup
          </button>
        </>
      ) : signup ? (
        <>
          <p className="agenda-signup-state">
            You are on the waitlist
            {signup.waitlistPosition ? `, number ${signup.waitlistPosition} in line` : ''}.
          </p>
          <button
            type="button"
            className="button button-secondary"
            disabled={busy}
            onClick={() => actions.cancelSignup(session.id)}
          >
            Leave the waitlist
          </button>
        </>
      ) : session.status === 'cancelled' ? null : (
        <button
          type="button"
          className="button button-primary"
          disabled={busy}
          onClick={() => actions.signUp(session.id)}
        >
          Sign up
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
        <AppLink to={back}>← All sessions</AppLink>
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
            <dt>When</dt>
            <dd>
              {dayLabel(localDay(e.startsAt, tz))},{' '}
              <time dateTime={e.startsAt}>{clockTime(e.startsAt, tz)}</time>–
              <time dateTime={e.endsAt}>{clockTime(e.endsAt, tz)}</time>
              {e.room ? ` · ${e.room}` : ''}
            </dd>
          </div>
        ))}
        {entries.length === 0 ? (
          <div>
            <dt>When</dt>
            <dd>Not scheduled</dd>
          </div>
        ) : null}
        {track ? (
          <div>
            <dt>Track</dt>
            <dd>{track.name}</dd>
          </div>
        ) : null}
        {session.language ? (
          <div>
            <dt>Language</dt>
            <dd>{session.language}</dd>
          </div>
        ) : null}
      </dl>
      {session.abstract ? <p className="description">{session.abstract}</p> : null}
      {speakers.length ? (
        <section aria-labelledby="speakers-h">
          <h2 id="speakers-h">{speakers.length > 1 ? 'Speakers' : 'Speaker'}</h2>
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
