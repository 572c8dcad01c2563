import { useTranslation } from 'react-i18next';
import type { PublicBranding } from '../../features/portal/schema.js';
import { errorId, FieldError, fieldDomId } from './field.js';

/** Whether registration asks the buyer to agree to the event's terms or privacy notice. */
export const asksConsent = (b: PublicBranding) => Boolean(b.termsUrl || b.privacyUrl);

/** The required checkbox: agree to the documents the event links, each opening in a new tab. */
export function ConsentField(p: {
  branding: PublicBranding;
  checked: boolean;
  error: string | undefined;
  onChange: (checked: boolean) => void;
}) {
  const { t } = useTranslation();
  const id = fieldDomId('consent');
  const link = (href: string, text: string) => (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {text}
      <span className="visually-hidden"> {t('consent.opensNewTab')}</span>
    </a>
  );
  const { termsUrl, privacyUrl } = p.branding;
  return (
    <div className={`field field-check${p.error ? ' field-invalid' : ''}`}>
      <input
        id={id}
        type="checkbox"
        required
        checked={p.checked}
        aria-invalid={p.error ? true : undefined}
        aria-describedby={p.error ? errorId(id) : undefined}
        onChange={(e) => p.onChange(e.target.checked)}
      />
      <label htmlFor={id}>
        {t('consent.agree')} {termsUrl ? link(termsUrl, t('consent.terms')) : null}
        {termsUrl && privacyUrl ? ` ${t('consent.and')} ` : ' '}
        {privacyUrl ? link(privacyUrl, t('consent.privacy')) : null}
        {t('consent.end')}
      </label>
      <FieldError id={id} error={p.error} />
    </div>
  );
}
