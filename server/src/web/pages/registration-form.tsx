import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { PublicEvent } from '../../features/portal/schema.js';
import type { Registration, Waitlisted } from '../../features/registration/schema.js';
import { ApiError, call } from '../api.js';
import { ErrorSummary, withoutLabel, type SummaryItem } from '../components/error-summary.js';
import { errorId, FieldError, fieldDomId, TextField } from '../components/field.js';
import { Notice } from '../components/notice.js';
import { QuestionFields } from '../components/question-fields.js';
import { TicketChoice } from '../components/ticket-choice.js';
import { useFormatPrice } from '../i18n/use-locale.js';
import {
  questionsFor,
  registrationBody,
  validateRegistration,
  type AnswerValue,
  type FieldIssue,
  type RegistrationDraft,
} from '../lib/validate-registration.js';
import { randomKey } from '../lib/random-key.js';
import { solveChallengeFor } from '../lib/proof-of-work.js';
import { keyedPath, navigate } from '../router.js';
import { PhoneFields } from './phone-fields.js';
import { asksConsent, ConsentField } from '../components/consent-field.js';

const LABELS = {
  ticketTypeId: 'registration.ticket',
  quantity: 'registration.quantity',
  'attendee.name': 'registration.name',
  'attendee.email': 'registration.email',
  'attendee.phone': 'registration.phone',
  promoCode: 'registration.promoCode',
  consent: 'consent.label',
} as const;

/** The registration form: checked here first, then by the server; errors land on their fields. */
export function RegistrationForm({ event, onStale }: { event: PublicEvent; onStale: () => void }) {
  const { t, i18n } = useTranslation();
  const price = useFormatPrice();
  const firstOpen = event.ticketTypes.find((t) => t.saleState === 'on_sale' || t.waitlist);
  const [draft, setDraft] = useState<RegistrationDraft>({
    ticketTypeId: firstOpen?.id ?? '',
    quantity: 1,
    name: '',
    email: '',
    answers: {},
    promoCode: event.accessCode ?? '',
    guests: [],
  });
  const [consent, setConsent] = useState(false);
  const consentAsked = asksConsent(event.branding);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [round, setRound] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // One Idempotency-Key per distinct body: a retry after a lost answer is not a second order.
  // A retry sends the same solved challenge too: the server lets that key replay it.
  const attempt = useRef<{ body: string; key: string; altcha?: string } | null>(null);
  // The event's proof of work, solved in the background while the form is filled in.
  const solving = useRef<Promise<string> | null>(null);
  const solve = () => {
    const next = solveChallengeFor(event.id);
    next.catch(() => {
      if (solving.current === next) solving.current = null;
    });
    return next;
  };
  useEffect(() => {
    if (event.proofOfWork) solving.current ??= solve();
  }, [event.id, event.proofOfWork]);

  const type = event.ticketTypes.find((t) => t.id === draft.ticketTypeId);
  const waitlist = type?.saleState === 'sold_out';
  // Joining the line asks nothing more: the questions come with the offer of a seat.
  const asked = useMemo(() => (waitlist ? [] : event.questions), [event.questions, waitlist]);
  const questions = useMemo(() => (type ? questionsFor(asked, type.id) : []), [asked, type]);
  const maxQuantity = type
    ? Math.max(1, Math.min(type.maxPerOrder, waitlist ? type.maxPerOrder : type.available, 10))
    : 1;
  const labelOf = (field: string) =>
    (field in LABELS ? t(LABELS[field as keyof typeof LABELS]) : undefined) ??
    guestLabel(t, field) ??
    event.questions.find((q) => `answers.${q.id}` === field)?.label ??
    field;
  const errors = Object.fromEntries(
    issues.map((i) => [i.field, withoutLabel(i.message, labelOf(i.field))]),
  );
  const summary: SummaryItem[] = issues.map((i) => ({ ...i, label: labelOf(i.field) }));

  const set = <K extends keyof RegistrationDraft>(key: K, value: RegistrationDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const setGuest = (i: number, key: 'name' | 'email', value: string) =>
    setDraft((d) => {
      const guests = [...d.guests];
      guests[i] = { ...(guests[i] ?? { name: '', email: '' }), [key]: value };
      return { ...d, guests };
    });
  const setAnswer = (id: string, value: AnswerValue) =>
    setDraft((d) => ({ ...d, answers: { ...d.answers, [id]: value } }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const found = [
      ...validateRegistration(t, draft, type, asked, event.attendeePhone),
      ...(consentAsked && !consent ? [{ field: 'consent', message: t('consent.missing') }] : []),
    ];
    setIssues(found);
    setRound((n) => n + 1);
    if (found.length) return;
    // The language the form was read in is the buyer's: their messages are written in it.
    const body = {
      ...registrationBody(draft, asked, waitlist, event.attendeePhone),
      ...(consentAsked ? { consent } : {}),
      locale: i18n.language,
    };
    const text = JSON.stringify(body);
    if (attempt.current?.body !== text) attempt.current = { body: text, key: randomKey() };
    setBusy(true);
    const current = attempt.current;
    try {
      if (event.proofOfWork && !current.altcha) {
        current.altcha = await (solving.current ??= solve());
        // Each solution registers once: the next attempt gets a fresh one.
        solving.current = solve();
      }
      const res = await call<Registration | Waitlisted>(
        `/api/v1/events/${encodeURIComponent(event.id)}/registrations`,
        {
          body: current.altcha ? { ...body, altcha: current.altcha } : body,
          headers: { 'idempotency-key': current.key },
        },
      );
      const done = res.body;
      if (done.status === 'waitlisted')
        navigate(keyedPath('w', done.waitlistEntryId, done.accessKey));
      else if (done.tickets.length === 1)
        navigate(keyedPath('t', done.tickets[0]!.id, done.accessKey));
      else navigate(keyedPath('o', done.id, done.accessKey));
    } catch (err) {
      const problem = err instanceof ApiError ? err.problem : undefined;
      // A spent or expired solution is not the person's fault: the next submit solves anew
      // (under a new Idempotency-Key, as the body changes).
      if (problem?.code.startsWith('proof_of_work_')) attempt.current = null;
      if (problem?.errors?.length && !problem.code.startsWith('proof_of_work_')) {
        setIssues(problem.errors);
        setRound((n) => n + 1);
      } else if (problem?.code === 'sold_out') {
        setFailure(t('registration.soldOutNow'));
        onStale();
      } else {
        setFailure(problem?.detail ?? t('common.failed'));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="registration" noValidate onSubmit={(e) => void submit(e)}>
      <h2>{t('registration.heading')}</h2>
      <ErrorSummary items={summary} round={round} />
      {failure ? <Notice tone="error">{failure}</Notice> : null}
      <TicketChoice
        types={event.ticketTypes}
        timeZone={event.timezone}
        chosen={draft.ticketTypeId}
        error={errors.ticketTypeId}
        onChoose={(id) => {
          set('ticketTypeId', id);
          set('quantity', 1);
        }}
      />
      {waitlist ? (
        <Notice>
          <Trans
            i18nKey="registration.waitlistNotice"
            values={{ type: type?.name }}
            components={{ strong: <strong /> }}
          />
        </Notice>
      ) : null}
      <div className={`field${errors.quantity ? ' field-invalid' : ''}`}>
        <label htmlFor={fieldDomId('quantity')}>{t('registration.quantity')}</label>
        <select
          id={fieldDomId('quantity')}
          value={draft.quantity}
          onChange={(e) => set('quantity', Number(e.target.value))}
          aria-invalid={errors.quantity ? true : undefined}
          aria-describedby={errors.quantity ? errorId(fieldDomId('quantity')) : undefined}
        >
          {Array.from({ length: maxQuantity }, (_, i) => i + 1).map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
        <FieldError id={fieldDomId('quantity')} error={errors.quantity} />
      </div>
      <TextField
        field="attendee.name"
        label={t('registration.name')}
        autoComplete="name"
        required
        maxLength={200}
        value={draft.name}
        error={errors['attendee.name']}
        onChange={(e) => set('name', e.target.value)}
      />
      <TextField
        field="attendee.email"
        label={t('registration.email')}
        type="email"
        inputMode="email"
        autoComplete="email"
        hint={t('registration.emailHint')}
        required
        maxLength={254}
        value={draft.email}
        error={errors['attendee.email']}
        onChange={(e) => set('email', e.target.value)}
      />
      {event.attendeePhone !== 'off' ? (
        <PhoneFields
          event={event}
          phone={draft.phone ?? ''}
          smsOptIn={draft.smsOptIn ?? false}
          error={errors['attendee.phone']}
          onPhone={(v) => set('phone', v)}
          onSmsOptIn={(v) => set('smsOptIn', v)}
        />
      ) : null}
      {!waitlist && draft.quantity > 1 ? (
        <fieldset className="guests">
          <legend>{t('registration.guests')}</legend>
          <p className="hint">{t('registration.guestsHint')}</p>
          {Array.from({ length: draft.quantity - 1 }, (_, i) => (
            <div className="field-pair" key={i}>
              <TextField
                field={`attendees.${i + 1}.name`}
                label={t('registration.guestName', { number: i + 2 })}
                autoComplete="off"
                maxLength={200}
                value={draft.guests[i]?.name ?? ''}
                error={errors[`attendees.${i + 1}.name`]}
                onChange={(e) => setGuest(i, 'name', e.target.value)}
              />
              <TextField
                field={`attendees.${i + 1}.email`}
                label={t('registration.guestEmail', { number: i + 2 })}
                type="email"
                autoComplete="off"
                maxLength={254}
                value={draft.guests[i]?.email ?? ''}
                error={errors[`attendees.${i + 1}.email`]}
                onChange={(e) => setGuest(i, 'email', e.target.value)}
              />
            </div>
          ))}
        </fieldset>
      ) : null}
      <QuestionFields
        questions={questions}
        answers={draft.answers}
        errors={errors}
        onChange={setAnswer}
      />
      {!waitlist ? (
        <TextField
          field="promoCode"
          label={t('registration.promoCode')}
          autoComplete="off"
          maxLength={64}
          value={draft.promoCode}
          error={errors.promoCode}
          onChange={(e) => set('promoCode', e.target.value)}
        />
      ) : null}
      {consentAsked ? (
        <ConsentField
          branding={event.branding}
          checked={consent}
          error={errors.consent}
          onChange={setConsent}
        />
      ) : null}
      <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
        {busy
          ? t('registration.sending')
          : waitlist
            ? t('registration.joinWaitlist')
            : type && type.priceCents > 0
              ? t('registration.registerPaid', {
                  price: price(type.priceCents * draft.quantity, type.currency),
                })
              : t('registration.register')}
      </button>
    </form>
  );
}

/** `attendees.1.name` → "Ticket 2: full name", as the field is labelled. */
function guestLabel(t: TFunction, field: string): string | undefined {
  const m = /^attendees\.(\d+)\.(name|email)$/.exec(field);
  if (!m) return undefined;
  const number = Number(m[1]) + 1;
  return m[2] === 'name'
    ? t('registration.guestName', { number })
    : t('registration.guestEmail', { number });
}
