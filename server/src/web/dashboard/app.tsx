import { useEffect, useState } from 'react';
import { Notice } from '../components/notice.js';
import { PageHeading } from '../components/page-heading.js';
import { navigate, useLocation } from '../router.js';
import { EventPage } from './event-page.js';
import { EventsPage } from './events-page.js';
import { Link } from './link.js';
import { WebhooksPage } from './webhooks-page.js';
import { completeSignIn, isSignInReturn, onSignOut, signedIn, signIn, signOut } from './session.js';

const EVENT = /^\/dashboard\/events\/([^/]+)(?:\/([^/]+)(?:\/([^/]+))?)?\/?$/;

/** Signs the organizer in (or finishes a sign-in), then picks the page from the path. */
export function DashboardApp() {
  const loc = useLocation();
  const [session, setSession] = useState(signedIn);
  const [returning] = useState(() => isSignInReturn(new URL(window.location.href)));
  const [failure, setFailure] = useState<string>();
  useEffect(() => onSignOut(() => setSession(undefined)), []);
  useEffect(() => {
    if (!returning) return;
    completeSignIn(new URL(window.location.href)).then(
      (to) => {
        setSession(signedIn());
        // The code is spent: replace the URL, so Back and reload do not show it again.
        navigate(to, { replace: true });
      },
      (err: unknown) => {
        setFailure(err instanceof Error ? err.message : String(err));
        navigate('/dashboard/', { replace: true });
      },
    );
  }, [returning]);

  let page;
  if (!session) {
    page = (
      <SignInPage
        busy={returning && !failure}
        failure={failure}
        returnTo={returning ? '/dashboard/' : `${loc.path}${loc.query.size ? `?${loc.query}` : ''}`}
      />
    );
  } else {
    const match = EVENT.exec(loc.path);
    page = /^\/dashboard\/webhooks\/?$/.test(loc.path) ? (
      <WebhooksPage />
    ) : match ? (
      <EventPage
        key={match[1]}
        eventId={decodeURIComponent(match[1]!)}
        section={match[2] ?? ''}
        item={match[3] === undefined ? undefined : decodeURIComponent(match[3])}
      />
    ) : (
      <EventsPage />
    );
  }
  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <p className="topbar-name">
          {session ? <Link to="/dashboard/">Lanyard dashboard</Link> : 'Lanyard dashboard'}
        </p>
        {session ? (
          <div className="topbar-who">
            <Link to="/dashboard/webhooks">Webhooks</Link>
            <span>{session.email}</span>
            <button type="button" className="button button-secondary" onClick={signOut}>
              Sign out
            </button>
          </div>
        ) : null}
      </header>
      <main id="main" className="page page-wide">
        {page}
      </main>
    </>
  );
}

function SignInPage(p: { busy: boolean; failure: string | undefined; returnTo: string }) {
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<string>();
  if (p.busy) return <Notice>Signing you in…</Notice>;
  const start = () => {
    setStarting(true);
    signIn(p.returnTo).catch((err: unknown) => {
      setStarting(false);
      setError(`The sign-in service could not be reached (${String(err)}). Try again.`);
    });
  };
  return (
    <>
      <PageHeading title="Sign in">Sign in to manage your events</PageHeading>
      {p.failure || error ? (
        <Notice tone="error">{error ?? `The sign-in did not complete: ${p.failure}`}</Notice>
      ) : null}
      <p>Use your organizer account. You will come back here once you have signed in.</p>
      <button type="button" className="button button-primary" onClick={start} disabled={starting}>
        {starting ? 'Opening sign-in…' : 'Sign in'}
      </button>
    </>
  );
}
