import { useTranslation } from 'react-i18next';
import { useLocale } from '../i18n/use-locale.js';
import type { TFunction } from 'i18next';
import type { Badge } from '../lib/agenda.js';

/** "Sat 09:00, Hall A": where a moved session was, in the event's time zone. */
function placeText(
  p: { startsAt: string; room: string | null },
  timeZone: string,
  locale: string,
): string {
  const when = new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: 'short',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(p.startsAt));
  return p.room ? `${when}, ${p.room}` : when;
}

function text(t: TFunction, b: Badge, timeZone: string, locale: string): string {
  switch (b.kind) {
    case 'new':
      return t('agenda.new');
    case 'cancelled':
      return t('agenda.cancelled');
    case 'moved':
      return t('agenda.movedFrom', { place: placeText(b.from, timeZone, locale) });
    case 'changed':
      return t('agenda.changed', {
        what:
          b.what.kind === 'renamed'
            ? t('agenda.renamed', { title: b.what.from })
            : t('agenda.speakersChanged'),
      });
  }
}

/** What changed since the attendee last looked, and a cancelled session's state. */
export function AgendaBadges({
  badges,
  cancelled,
  timeZone,
}: {
  badges: Badge[];
  cancelled: boolean;
  timeZone: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const shown =
    cancelled && !badges.some((b) => b.kind === 'cancelled')
      ? [{ kind: 'cancelled' } as Badge, ...badges]
      : badges;
  if (shown.length === 0) return null;
  return (
    <ul className="agenda-badges" aria-label={t('agenda.changes')}>
      {shown.map((b, i) => (
        <li key={i} className={`agenda-badge agenda-badge-${b.kind}`}>
          {text(t, b, timeZone, locale)}
        </li>
      ))}
    </ul>
  );
}

/** The star: a session in or out of "my agenda". */
export function StarButton({
  title,
  on,
  busy,
  onToggle,
}: {
  title: string;
  on: boolean;
  busy: boolean;
  onToggle: () => void;
}) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className={`star${on ? ' star-on' : ''}`}
      aria-pressed={on}
      aria-label={t('agenda.star', { title })}
      disabled={busy}
      onClick={onToggle}
    >
      <span aria-hidden="true">{on ? '★' : '☆'}</span>
    </button>
  );
}
