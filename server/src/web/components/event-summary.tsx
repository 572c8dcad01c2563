import type { PublicEvent } from '../../features/portal/schema.js';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/use-locale.js';
import { formatEventDates } from '../lib/format.js';

// The words this component adds, together for the translation catalog.

/** When and where (dates in the event's time zone), and by whom when the organizer says. */
export function EventWhenWhere({ event }: { event: PublicEvent }) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <dl className="when-where">
      <div>
        <dt>{t('common.when')}</dt>
        <dd>
          <time dateTime={event.startsAt}>
            {formatEventDates(event.startsAt, event.endsAt, event.timezone, locale)}
          </time>
        </dd>
      </div>
      {event.venue ? (
        <div>
          <dt>{t('common.where')}</dt>
          <dd>{event.venue}</dd>
        </div>
      ) : null}
      {event.branding.organizerName ? (
        <div>
          <dt>{t('organizer.by')}</dt>
          <dd>{event.branding.organizerName}</dd>
        </div>
      ) : null}
    </dl>
  );
}
