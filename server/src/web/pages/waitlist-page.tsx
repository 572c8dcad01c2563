import { useState, type FormEvent } from 'react';
import type { PublicEvent } from '../../features/portal/schema.js';
import type { Registration } from '../../features/registration/schema.js';
import type { WaitlistEntry } from '../../features/waitlist/schema.js';
import { ApiError, call } from '../api.js';
import { ErrorSummary, withoutLabel } from '../components/error-summary.js';
import { EventWhenWhere } from '../components/event-summary.js';
import { KeepLink } from '../components/keep-link.js';
import { LoadError, Loading, Notice } from '../components/notice.js';
import { asksConsent, CONSENT_TEXT, ConsentField } from '../components/consent-field.js';
import { PageHeading } from '../components/page-heading.js';
import { QuestionFields } from '../components/question-fields.js';
import { formatInstant } from '../lib/format.js';
import { questionsFor, type AnswerValue, type FieldIssue } from '../lib/validate-registration.js';
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
  if (loaded.state === 'loading') return <Loading what="your waitlist place" />;
  if (loaded.state === 'error') return <LoadError error={loaded.error} what="waitlist place" />;
  const { entry, event } = loaded.data;
  const typeName = event?.ticketTypes.find((t) => t.id === entry.ticketTypeId)?.name ?? 'a ticket';
  return (
    <>
      <header className="event-header">
        <p className="eyebrow">Waitlist</p>
        <PageHeading title={event ? `Waitlist · ${event.name}` : 'Your waitlist place'}>
          {event?.name ?? 'Your waitlist place'}
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
          what="waitlist place"
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
  const seats = entry.quantity === 1 ? 'a seat' : `${entry.quantity} seats`;
  switch (entry.status) {
    case 'waiting':
      return (
        <section className="waitlist-place" aria-labelledby="place-h">
          <h2 id="place-h">You are on the waitlist</h2>
          <p className="position" aria-label={`Position ${entry.position ?? ''} in line`}>
            <span className="position-number">{entry.position}</span>
            <span className="position-label">in line for {typeName}</span>
          </p>
          <p>
            When {seats} {entry.quantity === 1 ? 'is' : 'are'} freed, we offer{' '}
            {entry.quantity === 1 ? 'it' : 'them'} to {entry.attendee.name} by email, and this page
            lets you claim {entry.quantity === 1 ? 'it' : 'them'}.
          </p>
          <LeaveButton entryId={entry.id} accessKey={accessKey} onLeft={onChange} />
        </section>
      );
    case 'offered':
      return <ClaimForm entry={entry} event={event} typeName={typeName} accessKey={accessKey} />;
    case 'claimed':
      return (
        <Notice tone="success">
          This offer was claimed and became an order; its tickets open from the link you got then.
        </Notice>
      );
    case 'expired':
      return <Notice>This offer expired and the seats went to the next in line.</Notice>;
    case 'cancelled':
      return <Notice>You left this waitlist.</Notice>;
  }
}

function LeaveButton(props: { entryId: string; accessKey: string | null; onLeft: () => void }) {
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
      Leave the waitlist
    </button>
  );
}

function ClaimForm({ entry, event, typeName, accessKey }: Omit<StateProps, 'onChange'>) {
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
      setIssues([{ field: 'consent', message: CONSENT_TEXT.missing }]);
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
      else setFailure(problem?.detail ?? 'The offer could not be claimed. Please try again.');
      setRound((n) => n + 1);
      setBusy(false);
    }
  };
  const label = (field: string) =>
    field === 'consent'
      ? CONSENT_TEXT.label
      : (questions.find((q) => `answers.${q.id}` === field)?.label ?? field);
  const errors = Object.fromEntries(
    issues.map((i) => [i.field, withoutLabel(i.message, label(i.field))]),
  );
  return (
    <form className="registration" noValidate onSubmit={(e) => void submit(e)}>
      <h2>A seat is yours to claim</h2>
      <p>
        {typeName}, {entry.quantity === 1 ? 'one seat' : `${entry.quantity} seats`}
        {entry.offerExpiresAt && event
          ? `, held for you until ${formatInstant(entry.offerExpiresAt, event.timezone)}.`
          : '.'}
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
        {busy ? 'Claiming…' : 'Claim my seat'}
      </button>
    </form>
  );
}
