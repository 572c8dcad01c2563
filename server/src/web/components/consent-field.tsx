import type { PublicBranding } from '../../features/portal/schema.js';
import { errorId, FieldError, fieldDomId } from './field.js';

// The words of the consent checkbox, together for the translation catalog.
export const CONSENT_TEXT = {
  label: 'Consent',
  agree: 'I agree to the',
  terms: 'terms and conditions',
  and: 'and the',
  privacy: 'privacy notice',
  missing: 'Tick the box to agree before you register.',
  opensNewTab: '(opens in a new tab)',
};

/** Whether registration asks the buyer to agree to the event's terms or privacy notice. */
export const asksConsent = (b: PublicBranding) => Boolean(b.termsUrl || b.privacyUrl);

/** The required checkbox: agree to the documents the event links, each opening in a new tab. */
export function ConsentField(p: {
  branding: PublicBranding;
  checked: boolean;
  error: string | undefined;
  onChange: (checked: boolean) => void;
}) {
  const id = fieldDomId('consent');
  const link = (href: string, text: string) => (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {text}
      <span className="visually-hidden"> {CONSENT_TEXT.opensNewTab}</span>
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
        {CONSENT_TEXT.agree} {termsUrl ? link(termsUrl, CONSENT_TEXT.terms) : null}
        {termsUrl && privacyUrl ? ` ${CONSENT_TEXT.and} ` : ' '}
        {privacyUrl ? link(privacyUrl, CONSENT_TEXT.privacy) : null}.
      </label>
      <FieldError id={id} error={p.error} />
    </div>
  );
}
