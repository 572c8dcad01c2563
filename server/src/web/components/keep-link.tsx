import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The page's own address with its key, to bookmark or copy: the way back without an account. */
export function KeepLink({ url, what }: { url: string; what: 'ticket' | 'order' | 'waitlist' }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // Clipboard refused (insecure origin, permissions): the field stays selectable.
      (document.getElementById('keep-link') as HTMLInputElement | null)?.select();
    }
  };
  return (
    <section className="keep-link" aria-labelledby="keep-link-h">
      <h2 id="keep-link-h">{t(`keepLink.heading.${what}`)}</h2>
      <p className="hint" id="keep-link-hint">
        {t(`keepLink.hint.${what}`)}
      </p>
      <div className="copy-row">
        <label htmlFor="keep-link" className="visually-hidden">
          {t(`keepLink.label.${what}`)}
        </label>
        <input
          id="keep-link"
          readOnly
          value={url}
          aria-describedby="keep-link-hint"
          onFocus={(e) => e.target.select()}
        />
        <button type="button" className="button button-secondary" onClick={() => void copy()}>
          {copied ? t('keepLink.copied') : t('keepLink.copy')}
        </button>
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {copied ? t('keepLink.announced') : ''}
      </p>
    </section>
  );
}
