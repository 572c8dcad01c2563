import { useRef, useState, type CSSProperties, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicEvent } from '../../features/portal/schema.js';
import { call } from '../api.js';
import { EventWhenWhere } from '../components/event-summary.js';
import { EventOrganizer } from '../components/event-organizer.js';
import { LoadError, Loading, Notice } from '../components/notice.js';
import { PageHeading } from '../components/page-heading.js';
import { TicketsAgainForm } from '../components/tickets-again-form.js';
import { TextField } from '../components/field.js';
import { useEventLanguages } from '../i18n/event-languages.js';
import { navigate, useLocation } from '../router.js';
import { useLoad } from '../use-load.js';
import { RegistrationForm } from './registration-form.js';

/** The public event page: what, when, where, the tickets, and the form to register. */
export function EventPage({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  // After a sale was refused the seats shown are stale: ask past the 5-second shared cache.
  const fresh = useRef(false);
  // An access code, from a `?code=` link or typed in, reveals the hidden tickets it unlocks.
  const code = useLocation().query.get('code')?.trim() ?? '';
  const [loaded, reload] = useLoad(
    async () =>
      (
        await call<PublicEvent>(
          `/api/v1/public/events/${encodeURIComponent(eventId)}${code ? `?code=${encodeURIComponent(code)}` : ''}`,
          { cache: fresh.current ? 'no-cache' : 'default' },
        )
      ).body,
    [eventId, code],
  );
  useEventLanguages(loaded.state === 'ok' ? loaded.data.languages : undefined);
  if (loaded.state === 'loading') return <Loading what={t('load.loadingWhat.event')} />;
  if (loaded.state === 'error')
    return <LoadError error={loaded.error} what={t('load.what.event')} />;
  const event = loaded.data;
  const open = event.ticketTypes.some((t) => t.saleState === 'on_sale' || t.waitlist);
  const b = event.branding;
  // The organizer's colour paints backgrounds only, always with the text colour the server
  // chose for it (black or white, whichever contrasts more); text on white keeps the portal's.
  const accent = b.accentColor
    ? ({ '--accent': b.accentColor, '--accent-ink': b.accentTextColor } as CSSProperties)
    : undefined;
  return (
    <div className={b.accentColor ? 'event-page event-accented' : 'event-page'} style={accent}>
      {/* Decorative: the heading below names the event. */}
      {b.bannerUrl ? <img className="event-banner" src={b.bannerUrl} alt="" /> : null}
      <header className="event-header">
        {b.logoUrl ? (
          <img
            className="event-logo"
            src={b.logoUrl}
            alt={t('organizer.logoAlt', { organizer: b.organizerName ?? event.name })}
          />
        ) : null}
        <p className="eyebrow">{t('event.eyebrow')}</p>
        <PageHeading title={event.name}>{event.name}</PageHeading>
        <EventWhenWhere event={event} />
      </header>
      {event.descriptionHtml ? (
        // The server's markdown-it output: typed HTML arrives escaped (features/branding/markdown.ts).
        <div
          className="description-rich"
          dangerouslySetInnerHTML={{ __html: event.descriptionHtml }}
        />
      ) : null}
      {code && !event.accessCode ? (
        <Notice tone="error">{t('event.codeInvalid', { code })}</Notice>
      ) : null}
      {event.accessCode ? (
        <Notice>{t('event.codeApplied', { code: event.accessCode })}</Notice>
      ) : null}
      {open ? (
        <RegistrationForm
          key={event.accessCode ?? ''}
          event={event}
          onStale={() => {
            fresh.current = true;
            reload();
          }}
        />
      ) : (
        <Notice>{t('event.closed')}</Notice>
      )}
      {/* After the form: most people have no code, and a code link fills it in anyway. */}
      {event.accessCode ? null : <AccessCodeForm eventId={event.id} />}
      <TicketsAgainForm eventId={event.id} />
      <EventOrganizer branding={b} />
    </div>
  );
}

/** A code typed in goes into the page's address, as a `?code=` link would bring it. */
function AccessCodeForm({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const [value, setValue] = useState('');
  const apply = (e: FormEvent) => {
    e.preventDefault();
    if (!value.trim()) return;
    navigate(`/e/${encodeURIComponent(eventId)}?code=${encodeURIComponent(value.trim())}`, {
      replace: true,
    });
  };
  return (
    <form className="access-code" noValidate onSubmit={apply}>
      <TextField
        field="accessCode"
        label={t('event.accessCode')}
        hint={t('event.accessCodeHint')}
        autoComplete="off"
        maxLength={64}
        value={value}
        error={undefined}
        onChange={(e) => setValue(e.target.value)}
      />
      <button type="submit" className="button">
        {t('event.applyCode')}
      </button>
    </form>
  );
}
