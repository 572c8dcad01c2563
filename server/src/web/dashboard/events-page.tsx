import { useState, type FormEvent } from 'react';
import { ErrorSummary } from '../components/error-summary.js';
import { TextField } from '../components/field.js';
import { LoadError, Loading } from '../components/notice.js';
import { PageHeading } from '../components/page-heading.js';
import { formatEventDates } from '../lib/format.js';
import { navigate } from '../router.js';
import { useLoad } from '../use-load.js';
import { api } from './api.js';
import { useFormErrors } from './form-errors.js';
import { Link } from './link.js';
import type { EventPage, OrganizerEvent } from './types.js';

const LABELS = {
  name: 'Name',
  startsAt: 'Starts',
  endsAt: 'Ends',
  timezone: 'Time zone',
  venue: 'Venue',
};

/** datetime-local has no zone: the browser's own is meant, and the API wants an offset. */
const toInstant = (local: string) => (local ? new Date(local).toISOString() : '');

export function EventsPage() {
  const [events] = useLoad(
    () => api<EventPage>('/api/v1/events?limit=100').then((p) => p.items),
    [],
  );
  return (
    <>
      <PageHeading title="Events">Events</PageHeading>
      <section aria-labelledby="your-events">
        <h2 id="your-events">Your events</h2>
        {events.state === 'loading' ? <Loading what="events" /> : null}
        {events.state === 'error' ? <LoadError error={events.error} what="event list" /> : null}
        {events.state === 'ok' && events.data.length === 0 ? (
          <p>No events yet. Create the first one below.</p>
        ) : null}
        {events.state === 'ok' && events.data.length > 0 ? (
          <ul className="event-list">
            {events.data.map((e) => (
              <li key={e.id}>
                <Link to={`/dashboard/events/${e.id}`}>{e.name}</Link>
                <span className="hint">
                  {formatEventDates(e.startsAt, e.endsAt, e.timezone)}
                  {e.status === 'archived' ? ' · archived' : ''}
                </span>
              </li>
            ))}
          </ul>
        ) : null}
      </section>
      <CreateEventForm />
    </>
  );
}

function CreateEventForm() {
  const errors = useFormErrors(LABELS);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    setBusy(true);
    errors.clear();
    try {
      const event = await api<OrganizerEvent>('/api/v1/events', {
        body: {
          name: text('name'),
          startsAt: toInstant(text('startsAt')),
          endsAt: toInstant(text('endsAt')),
          timezone: text('timezone'),
          ...(text('venue') ? { venue: text('venue') } : {}),
        },
      });
      navigate(`/dashboard/events/${event.id}`);
    } catch (err) {
      errors.show(err);
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="create-event" className="panel">
      <h2 id="create-event">Create an event</h2>
      <ErrorSummary items={errors.items} round={errors.round} />
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          field="name"
          label={LABELS.name}
          name="name"
          required
          error={errors.of('name')}
        />
        <div className="field-pair">
          <TextField
            field="startsAt"
            label={LABELS.startsAt}
            name="startsAt"
            type="datetime-local"
            required
            error={errors.of('startsAt')}
          />
          <TextField
            field="endsAt"
            label={LABELS.endsAt}
            name="endsAt"
            type="datetime-local"
            required
            error={errors.of('endsAt')}
          />
        </div>
        <TextField
          field="timezone"
          label={LABELS.timezone}
          hint="An IANA name such as Europe/Berlin; the times above are in your browser's zone."
          name="timezone"
          required
          defaultValue={Intl.DateTimeFormat().resolvedOptions().timeZone}
          error={errors.of('timezone')}
        />
        <TextField field="venue" label={LABELS.venue} name="venue" error={errors.of('venue')} />
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create event'}
        </button>
      </form>
    </section>
  );
}
