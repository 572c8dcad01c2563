import { useState } from 'react';

/** The page's own address with its key, to bookmark or copy: the way back without an account. */
export function KeepLink({ url, what }: { url: string; what: string }) {
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
      <h2 id="keep-link-h">Come back to your {what}</h2>
      <p className="hint" id="keep-link-hint">
        Anyone with this link can open your {what}. Keep it private.
      </p>
      <div className="copy-row">
        <label htmlFor="keep-link" className="visually-hidden">
          Link to your {what}
        </label>
        <input
          id="keep-link"
          readOnly
          value={url}
          aria-describedby="keep-link-hint"
          onFocus={(e) => e.target.select()}
        />
        <button type="button" className="button button-secondary" onClick={() => void copy()}>
          {copied ? 'Copied' : 'Copy link'}
        </button>
      </div>
      <p className="visually-hidden" role="status" aria-live="polite">
        {copied ? 'Link copied' : ''}
      </p>
    </section>
  );
}
