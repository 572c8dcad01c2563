import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call } from '../api.js';
import { TextField } from './field.js';
import { Notice } from './notice.js';

/**
 * "Send me my tickets again": mails the links of the address's orders. The server answers the
 * same for every address, so the page says the same whatever was typed.
 */
export function TicketsAgainForm({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [answer, setAnswer] = useState<{ tone: 'success' | 'error'; text: string } | null>(null);
  const [fieldError, setFieldError] = useState<string | undefined>();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setFieldError(undefined);
    try {
      await call(`/api/v1/public/events/${encodeURIComponent(eventId)}/tickets-again`, {
        body: { email },
      });
      // The server's answer, the same for every address, in the reader's language.
      setAnswer({ tone: 'success', text: t('again.sent') });
    } catch (err) {
      const problem = err instanceof ApiError ? err.problem : undefined;
      const onEmail = problem?.errors?.find((f) => f.field === 'email');
      if (onEmail) setFieldError(t('again.emailError'));
      else setAnswer({ tone: 'error', text: problem?.detail ?? t('common.failed') });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="tickets-again" aria-labelledby="tickets-again-heading">
      <h2 id="tickets-again-heading">{t('again.heading')}</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          field="email"
          label={t('again.email')}
          type="email"
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          error={fieldError}
          required
        />
        <button type="submit" className="button" disabled={busy} aria-busy={busy}>
          {t('again.send')}
        </button>
      </form>
      {answer ? <Notice tone={answer.tone}>{answer.text}</Notice> : null}
    </section>
  );
}
