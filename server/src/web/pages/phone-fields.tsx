import { useTranslation } from 'react-i18next';
import type { PublicEvent } from '../../features/portal/schema.js';
import { TextField } from '../components/field.js';

/**
 * The buyer's mobile number, when the event asks for it, and the SMS choice when the event sends
 * some messages by SMS: unticked by default, since a phone given as contact is not consent.
 */
export function PhoneFields(p: {
  event: PublicEvent;
  phone: string;
  smsOptIn: boolean;
  error: string | undefined;
  onPhone: (value: string) => void;
  onSmsOptIn: (value: boolean) => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <TextField
        field="attendee.phone"
        label={t('registration.phone')}
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        hint={p.event.phoneRegion ? t('registration.phoneHintRegion') : t('registration.phoneHint')}
        required={p.event.attendeePhone === 'required'}
        maxLength={40}
        value={p.phone}
        error={p.error}
        onChange={(e) => p.onPhone(e.target.value)}
      />
      {p.event.smsOffered ? (
        <div className="field field-check">
          <input
            id="f-attendee-sms"
            type="checkbox"
            checked={p.smsOptIn}
            onChange={(e) => p.onSmsOptIn(e.target.checked)}
          />
          <label htmlFor="f-attendee-sms">{t('registration.smsOptIn')}</label>
        </div>
      ) : null}
    </>
  );
}
