import { useMemo, useRef } from 'react';

/**
 * A mail's HTML made fit for a frame under the dashboard's policy (style-src 'self', which a
 * srcdoc frame inherits, and which a DOMParser honours too): its inline styles and style sheets
 * are moved out of the markup as text, to be applied through the CSS object model once the frame
 * has loaded (`restyle`), which the policy allows. The HTML is the server's rendering, where a
 * quote in text is always escaped, so ` style="` can only be an attribute.
 */
function withoutInlineStyles(html: string): { html: string; css: string } {
  const sheets: string[] = [];
  const shown = html
    .replace(/<style[^>]*>([\s\S]*?)<\/style>/gi, (_, css: string) => {
      sheets.push(css);
      return '';
    })
    .replace(/ style="/g, ' data-style="');
  return { html: shown, css: sheets.join('\n') };
}

function restyle(frame: HTMLIFrameElement | null, css: string): void {
  const doc = frame?.contentDocument;
  const view = doc?.defaultView;
  if (!doc || !view) return;
  for (const el of doc.querySelectorAll<HTMLElement>('[data-style]')) {
    el.style.cssText = el.dataset.style!;
  }
  if (css) {
    const sheet = new view.CSSStyleSheet();
    sheet.replaceSync(css);
    doc.adoptedStyleSheets = [sheet];
  }
}

/** A mail as its recipient would see it: subject and address, the HTML in a sandboxed frame. */
export function MessagePreview({
  id,
  mail,
  recipients,
}: {
  id: string;
  mail: { to: string; subject: string; html: string };
  /** How many the message reaches (an organizer message); left out for one mail. */
  recipients?: number;
}) {
  const frame = useRef<HTMLIFrameElement>(null);
  const shown = useMemo(() => withoutInlineStyles(mail.html), [mail.html]);
  return (
    <section className="message-preview" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} tabIndex={-1}>
        Preview
      </h3>
      <dl className="facts">
        {recipients === undefined ? null : (
          <>
            <dt>Reaches</dt>
            <dd>
              {recipients} {recipients === 1 ? 'address' : 'addresses'}
            </dd>
          </>
        )}
        <dt>To</dt>
        <dd>{mail.to}</dd>
        <dt>Subject</dt>
        <dd>{mail.subject}</dd>
      </dl>
      {/* Same origin so it can be styled from here; no scripts run in it, none leave it. */}
      <iframe
        ref={frame}
        title={`Preview of the mail: ${mail.subject}`}
        sandbox="allow-same-origin"
        srcDoc={shown.html}
        onLoad={() => restyle(frame.current, shown.css)}
        className="message-preview-frame"
      />
    </section>
  );
}
