import type { PublicEvent } from '../../features/portal/schema.js';
import { useTranslation } from 'react-i18next';
import { formatEventDates } from '../lib/format.js';

/** When and where: dates in the event's time zone. */
export function EventWhenWhere({ event }: { event: PublicEvent }) {
  const { t, i18n } = useTranslation();
  return (
    <dl className="when-where">
      <div>
        <dt>{t('common.when')}</dt>
        <dd>
          <time dateTime={event.startsAt}>
            {formatEventDates(event.startsAt, event.endsAt, event.timezone, i18n.language)}
          </time>
        </dd>
      </div>
      {event.venue ? (
        <div>
          <dt>{t('common.where')}</dt>
          <dd>{event.venue}</dd>
        </div>
      ) : null}
    </dl>
  );
}
