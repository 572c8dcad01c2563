import { LoadError, Loading, Notice } from '../components/notice.js';
import { PageHeading } from '../components/page-heading.js';
import { formatEventDates } from '../lib/format.js';
import { useLoad } from '../use-load.js';
import { api } from './api.js';
import { Link } from './link.js';
import { SectionNav, sectionOf } from './sections.js';
import type { OrganizerEvent } from './types.js';

/** An event's header and section navigation; `section` '' is the overview. */
export function EventPage(p: { eventId: string; section: string; item: string | undefined }) {
  const base = `/api/v1/events/${encodeURIComponent(p.eventId)}`;
  const [event, reloadEvent] = useLoad(() => api<OrganizerEvent>(base), [base]);
  if (event.state === 'loading') return <Loading what="event" />;
  if (event.state === 'error') return <LoadError error={event.error} what="event" />;
  const e = event.data;
  const section = sectionOf(p.section);
  const title = section?.title ? `${section.title} · ${e.name}` : e.name;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/dashboard/">All events</Link>
      </p>
      <PageHeading title={title}>{e.name}</PageHeading>
      <p className="hint">
        {formatEventDates(e.startsAt, e.endsAt, e.timezone)}
        {e.venue ? ` · ${e.venue}` : ''}
      </p>
      <SectionNav eventId={e.id} current={p.section} />
      {section ? (
        section.render({ event: e, base, item: p.item, reloadEvent })
      ) : (
        <Notice>There is no such page for this event.</Notice>
      )}
    </>
  );
}
