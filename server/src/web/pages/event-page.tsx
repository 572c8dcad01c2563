import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicEvent } from '../../features/portal/schema.js';
import { call } from '../api.js';
import { EventWhenWhere } from '../components/event-summary.js';
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
  return (
    <>
      <header className="event-header">
        <p className="eyebrow">{t('event.eyebrow')}</p>
        <PageHeading title={event.name}>{event.name}</PageHeading>
        <EventWhenWhere event={event} />
      </header>
      {event.description ? <p className="description">{event.description}</p> : null}
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
    </>
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
