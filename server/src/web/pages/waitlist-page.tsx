import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublicEvent } from '../../features/portal/schema.js';
import type { Registration } from '../../features/registration/schema.js';
import type { WaitlistEntry } from '../../features/waitlist/schema.js';
import { ApiError, call } from '../api.js';
import { ErrorSummary, withoutLabel } from '../components/error-summary.js';
import { EventWhenWhere } from '../components/event-summary.js';
import { KeepLink } from '../components/keep-link.js';
import { LoadError, Loading, Notice } from '../components/notice.js';
import { asksConsent, ConsentField } from '../components/consent-field.js';
import { PageHeading } from '../components/page-heading.js';
import { QuestionFields } from '../components/question-fields.js';
import { formatInstant } from '../lib/format.js';
import { questionsFor, type AnswerValue, type FieldIssue } from '../lib/validate-registration.js';
import { useEventLanguages } from '../i18n/event-languages.js';
import { useLocale } from '../i18n/use-locale.js';
import { keyedPath, navigate } from '../router.js';
import { useLoad } from '../use-load.js';

/** A place on the waitlist: the position while waiting, the claim form once a seat is offered. */
export function WaitlistPage({
  entryId,
  accessKey,
}: {
  entryId: string;
  accessKey: string | null;
}) {
  const { t } = useTranslation();
  const [loaded, reload] = useLoad(async () => {
    const entry = (
      await call<WaitlistEntry>(`/api/v1/waitlist/${encodeURIComponent(entryId)}`, { accessKey })
    ).body;
    const event = await call<PublicEvent>(`/api/v1/public/events/${entry.eventId}`).then(
      (r) => r.body,
      () => null,
    );
    return { entry, event };
  }, [entryId, accessKey]);
  useEventLanguages(loaded.state === 'ok' ? loaded.data.event?.languages : undefined);
  if (loaded.state === 'loading') return <Loading what={t('load.loadingWhat.waitlist')} />;
  if (loaded.state === 'error')
    return <LoadError error={loaded.error} what={t('load.what.waitlist')} />;
  const { entry, event } = loaded.data;
  const typeName =
    event?.ticketTypes.find((type) => type.id === entry.ticketTypeId)?.name ??
    t('waitlist.aTicket');
  return (
    <>
      <header className="event-header">
        <p className="eyebrow">{t('waitlist.eyebrow')}</p>
        <PageHeading
          title={event ? t('waitlist.title', { event: event.name }) : t('waitlist.yours')}
        >
          {event?.name ?? t('waitlist.yours')}
        </PageHeading>
        {event ? <EventWhenWhere event={event} /> : null}
      </header>
      <EntryState
        entry={entry}
        event={event}
        typeName={typeName}
        accessKey={accessKey}
        onChange={reload}
      />
      {entry.status === 'waiting' || entry.status === 'offered' ? (
        <KeepLink
          url={`${window.location.origin}${keyedPath('w', entry.id, accessKey ?? '')}`}
          what="waitlist"
        />
      ) : null}
    </>
  );
}

interface StateProps {
  entry: WaitlistEntry;
  event: PublicEvent | null;
  typeName: string;
  accessKey: string | null;
  onChange: () => void;
}

function EntryState({ entry, event, typeName, accessKey, onChange }: StateProps) {
  const { t } = useTranslation();
  switch (entry.status) {
    case 'waiting':
      return (
        <section className="waitlist-place" aria-labelledby="place-h">
          <h2 id="place-h">{t('waitlist.onList')}</h2>
          <p
            className="position"
            aria-label={t('waitlist.position', { position: entry.position ?? '' })}
          >
            <span className="position-number">{entry.position}</span>
            <span className="position-label">{t('waitlist.inLineFor', { type: typeName })}</span>
          </p>
          <p>{t('waitlist.whenFreed', { count: entry.quantity, name: entry.attendee.name })}</p>
          <LeaveButton entryId={entry.id} accessKey={accessKey} onLeft={onChange} />
        </section>
      );
    case 'offered':
      return <ClaimForm entry={entry} event={event} typeName={typeName} accessKey={accessKey} />;
    case 'claimed':
      return <Notice tone="success">{t('waitlist.claimed')}</Notice>;
    case 'expired':
      return <Notice>{t('waitlist.expired')}</Notice>;
    case 'cancelled':
      return <Notice>{t('waitlist.left')}</Notice>;
  }
}

function LeaveButton(props: { entryId: string; accessKey: string | null; onLeft: () => void }) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const leave = async () => {
    setBusy(true);
    await call(`/api/v1/waitlist/${encodeURIComponent(props.entryId)}`, {
      method: 'DELETE',
      accessKey: props.accessKey,
    }).catch(() => undefined);
    props.onLeft();
  };
  return (
    <button
      type="button"
      className="button button-secondary"
      disabled={busy}
      onClick={() => void leave()}
    >
      {t('waitlist.leave')}
    </button>
  );
}

function ClaimForm({ entry, event, typeName, accessKey }: Omit<StateProps, 'onChange'>) {
  const { t } = useTranslation();
  const locale = useLocale();
  const questions = event ? questionsFor(event.questions, entry.ticketTypeId) : [];
  const [answers, setAnswers] = useState<Record<string, AnswerValue>>({});
  const [consent, setConsent] = useState(false);
  const consentAsked = event ? asksConsent(event.branding) : false;
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [round, setRound] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (consentAsked && !consent) {
      setIssues([{ field: 'consent', message: t('consent.missing') }]);
      setRound((n) => n + 1);
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      const order = (
        await call<Registration>(`/api/v1/waitlist/${encodeURIComponent(entry.id)}/claim`, {
          body: { answers, ...(consentAsked ? { consent } : {}) },
          accessKey,
        })
      ).body;
      navigate(
        order.tickets.length === 1
          ? keyedPath('t', order.tickets[0]!.id, order.accessKey)
          : keyedPath('o', order.id, order.accessKey),
      );
    } catch (err) {
      const problem = err instanceof ApiError ? err.problem : undefined;
      if (problem?.errors?.length) setIssues(problem.errors);
      else setFailure(problem?.detail ?? t('waitlist.claimFailed'));
      setRound((n) => n + 1);
      setBusy(false);
    }
  };
  const label = (field: string) =>
    field === 'consent'
      ? t('consent.label')
      : (questions.find((q) => `answers.${q.id}` === field)?.label ?? field);
  const errors = Object.fromEntries(
    issues.map((i) => [i.field, withoutLabel(i.message, label(i.field))]),
  );
  return (
    <form className="registration" noValidate onSubmit={(e) => void submit(e)}>
      <h2>{t('waitlist.claimHeading')}</h2>
      <p>
        {entry.offerExpiresAt && event
          ? t('waitlist.offerUntil', {
              type: typeName,
              count: entry.quantity,
              when: formatInstant(entry.offerExpiresAt, event.timezone, locale),
            })
          : t('waitlist.offer', { type: typeName, count: entry.quantity })}
      </p>
      <ErrorSummary items={issues.map((i) => ({ ...i, label: label(i.field) }))} round={round} />
      {failure ? <Notice tone="error">{failure}</Notice> : null}
      <QuestionFields
        questions={questions}
        answers={answers}
        errors={errors}
        onChange={(id, v) => setAnswers((a) => ({ ...a, [id]: v }))}
      />
      {event && consentAsked ? (
        <ConsentField
          branding={event.branding}
          checked={consent}
          error={errors.consent}
          onChange={setConsent}
        />
      ) : null}
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? t('waitlist.claiming') : t('waitlist.claim')}
      </button>
    </form>
  );
}
