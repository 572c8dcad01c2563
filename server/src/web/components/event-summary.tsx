import type { PublicEvent } from '../../features/portal/schema.js';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/use-locale.js';
import { formatEventDates } from '../lib/format.js';

/** When and where: dates in the event's time zone. */
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
    </dl>
  );
}
